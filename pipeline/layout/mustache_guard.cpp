#include "layout/mustache_guard.hpp"

#include <cstdio>

#include "model/text.hpp"

namespace vnplan {
namespace {

std::string trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

bool checkReportTemplate(const std::string& text, const std::string& path, Diagnostics& diags) {
  if (trimmed(text).empty()) {
    diags.add({Severity::Error, path, 0, 0, MsgId::EmptyTemplate, {}});
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      auto [line, col] = lineColumnOf(text, i);
      char cp[8];
      std::snprintf(cp, sizeof cp, "U+%04X", c);
      diags.add({Severity::Error, path, line, col, MsgId::ControlCharacter, {"mustache", cp}});
      return false;
    }
  }
  // Follows the tag rules of kainjow::mustache (set-delimiter tags, triple braces) far
  // enough to count section depth; every other error is left to the library's parser.
  std::string open = "{{", close = "}}";
  int depth = 0;
  for (size_t pos = text.find(open); pos != std::string::npos; pos = text.find(open, pos)) {
    size_t contents = pos + open.size();
    std::string end = close;
    if (open == "{{" && contents < text.size() && text[contents] == '{') {
      ++contents;
      end = "}}}";
    }
    const size_t stop = text.find(end, contents);
    if (stop == std::string::npos) break;
    const std::string tag = trimmed(text.substr(contents, stop - contents));
    if (end == close && !tag.empty()) {
      if (tag[0] == '#' || tag[0] == '^') {
        if (++depth > kMaxMustacheNesting) {
          auto [line, col] = lineColumnOf(text, pos);
          diags.add({Severity::Error, path, line, col, MsgId::MustacheTooDeep, {std::to_string(kMaxMustacheNesting)}});
          return false;
        }
      } else if (tag[0] == '/') {
        if (depth > 0) --depth;
      } else if (tag[0] == '=' && tag.size() >= 5 && tag.back() == '=') {
        const std::string inner = trimmed(tag.substr(1, tag.size() - 2));
        const size_t sp = inner.find(' ');
        if (sp != std::string::npos) {
          open = inner.substr(0, sp);
          close = trimmed(inner.substr(sp + 1));
          if (open.empty() || close.empty()) break;
        }
      }
    }
    pos = stop + end.size();
  }
  return true;
}

}  // namespace vnplan
