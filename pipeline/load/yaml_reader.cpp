#include "load/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/nfc_text.hpp"
#include "load/safe_file.hpp"
#include "model/text.hpp"

namespace vnplan {

SourceRef Located::at() const {
  SourceRef r;
  if (file) r.file = *file;
  if (node.IsDefined() && node.Mark().line >= 0) {
    r.line = node.Mark().line + 1;
    r.column = node.Mark().column + 1;
  }
  return r;
}

namespace {

// Where the first malformed UTF-8 sequence of `line` starts (npos when there is none): a lead
// byte no sequence starts with, or a sequence that isValidUtf8 refuses (a bad continuation,
// an overlong form, a surrogate, beyond U+10FFFF) or that the line cuts short.
// Line and column of byte offsets met in increasing order, counted from where the last one
// was (lineColumnOf from the file's start for each place made a hostile file quadratic).
class PlaceCounter {
 public:
  explicit PlaceCounter(std::string_view s) : s_(s) {}
  std::pair<int, int> at(size_t offset) {
    auto [dl, col] = lineColumnOf(s_.substr(from_, offset - from_), offset - from_);
    line_ += dl - 1;
    col_ = dl > 1 ? col : col_ + col - 1;
    from_ = offset;
    return {line_, col_};
  }

 private:
  std::string_view s_;
  size_t from_ = 0;
  int line_ = 1, col_ = 1;
};

// How many places of one kind of error a file gets before the rest are only counted.
constexpr int kPlacesPerKind = 20;

size_t firstInvalidUtf8(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    const auto lead = static_cast<unsigned char>(line[i]);
    const size_t n = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                   : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > line.size() || (n > 1 && !isValidUtf8(line.substr(i, n)))) return i;
    i += n;
  }
  return std::string_view::npos;
}


// Records anchors and aliases: plan files need neither, and aliases let a tiny file
// expand into billions of nodes during a recursive walk.
class AliasFinder : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> found;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { note(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { found.push_back(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string&) override { note(m, a); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    note(m, a);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    note(m, a);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor) found.push_back(m);
  }
};

// yaml-cpp's messages (ErrorMsg in yaml-cpp/exceptions.h) in Vietnamese, with what to do.
// Unknown ones get a general hint: the library's English never reaches a Vietnamese user.
std::string syntaxVi(const std::string& msg) {
  static const std::pair<const char*, const char*> table[] = {
      {"end of map flow not found", "thiếu dấu \"}\" đóng bảng {…}, hoặc một giá trị có dấu phẩy chưa đặt trong ngoặc kép"},
      {"end of sequence flow not found", "thiếu dấu \"]\" đóng danh sách […], hoặc một mục có dấu phẩy chưa đặt trong ngoặc kép"},
      {"end of map not found", "thụt lề không khớp hoặc thiếu dấu \":\" sau tên khóa"},
      {"end of sequence not found", "thụt lề không khớp trong danh sách (các mục \"- \" phải thẳng cột)"},
      {"illegal map value", "giá trị có dấu \": \" phải đặt trong ngoặc kép"},
      {"illegal map key", "tên khóa không hợp lệ ở đây"},
      {"illegal block entry", "mục \"- \" không đúng chỗ (kiểm tra thụt lề)"},
      {"illegal flow end", "dấu \"]\" hoặc \"}\" thừa"},
      {"illegal tab when looking for indentation", "có ký tự Tab trong phần thụt lề; chỉ dùng dấu cách"},
      {"illegal EOF in scalar", "thiếu dấu ngoặc kép đóng trước khi hết tệp"},
      {"illegal character in scalar", "ký tự không hợp lệ trong văn bản (đặt văn bản trong ngoặc kép)"},
      {"illegal document indicator in scalar", "dòng \"---\" hoặc \"...\" nằm giữa văn bản"},
      {"unknown escape character", "ký tự sau dấu \"\\\" không hợp lệ; trong ngoặc kép viết \"\\\\\" cho dấu \\, hoặc dùng ngoặc đơn"},
      {"invalid unicode", "mã Unicode không hợp lệ sau \\u"},
      {"bad character found while scanning hex number", "mã thập lục phân không hợp lệ sau \\x hoặc \\u"},
      {"unexpected character in block scalar", "ký tự không hợp lệ sau \">-\" hoặc \"|\""},
      {"cannot set zero indentation for a block scalar", "độ thụt lề của khối văn bản không được là 0"},
      {"unknown token", "ký hiệu không hợp lệ"},
      {"alias not found after *", "sau dấu * thiếu tên"},
      {"anchor not found after &", "sau dấu & thiếu tên"},
  };
  for (const auto& [en, vi] : table)
    if (msg.rfind(en, 0) == 0) return vi;
  return "cấu trúc YAML không hợp lệ ở đây (kiểm tra thụt lề, dấu \":\", dấu ngoặc kép và ngoặc vuông)";
}

// A line that is only a plain word sequence where a "key: value" belongs ("  type KH"):
// the line where the colon is missing, at or before the place yaml-cpp noticed it.
int missingColonLine(const std::string& bytes, int errorLine) {
  std::vector<std::string> lines;
  std::istringstream in(bytes);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  for (int i = std::min<int>(errorLine, static_cast<int>(lines.size()) - 1); i >= 0 && i >= errorLine - 3; --i) {
    std::string t = lines[i];
    if (!t.empty() && t.back() == '\r') t.pop_back();
    size_t a = t.find_first_not_of(' ');
    if (a == std::string::npos || t[a] == '#') continue;
    std::string body = t.substr(a);
    if (body.rfind("- ", 0) == 0 || body == "-") return -1;  // a list item holds no key
    if (body.find(':') != std::string::npos || body[0] == '"' || body[0] == '\'' || body[0] == '{' || body[0] == '[' ||
        body[0] == '>' || body[0] == '|')
      return -1;
    return i;
  }
  return -1;
}

// Whether `bytes` holds a control character YAML refuses (all but tab and line ends), eight
// bytes at a time: every file is looked through, and nearly none has one.
bool hasControlByte(std::string_view bytes) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    // Some byte below 0x20, or some byte 0x7F: each test is nonzero exactly when there is one.
    const uint64_t below = (w - kOnes * 0x20) & ~w & kHighs;
    const uint64_t x7f = w ^ (kOnes * 0x7F);
    const uint64_t del = (x7f - kOnes) & ~x7f & kHighs;
    if ((below | del) == 0) continue;
    for (size_t k = i; k < i + 8; ++k) {
      const unsigned char c = static_cast<unsigned char>(bytes[k]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
    }
  }
  for (; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}

// Whether `s` may hold a control character: a byte below 0x20, 0x7F or 0xC2 (the lead of
// U+0080–U+00BF), eight bytes at a time. Nearly every text has none of them, and is passed
// without the closer look byte by byte.
bool mayHoldControl(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto hasByte = [&](uint64_t w, unsigned char b) {
    const uint64_t x = w ^ (kOnes * b);
    return ((x - kOnes) & ~x & kHighs) != 0;
  };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (((w - kOnes * 0x20) & ~w & kHighs) || hasByte(w, 0x7F) || hasByte(w, 0xC2)) return true;
  }
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F || c == 0xC2) return true;
  }
  return false;
}

}  // namespace

void YamlReader::error(const SourceRef& at, MsgId id, std::vector<std::string> args) {
  diags_.add({Severity::Error, at.file, at.line, at.column, id, std::move(args)});
}
void YamlReader::warning(const SourceRef& at, MsgId id, std::vector<std::string> args) {
  diags_.add({Severity::Warning, at.file, at.line, at.column, id, std::move(args)});
}
void YamlReader::error(const Located& at, MsgId id, std::vector<std::string> args) { error(at.at(), id, std::move(args)); }
void YamlReader::warning(const Located& at, MsgId id, std::vector<std::string> args) {
  warning(at.at(), id, std::move(args));
}

bool YamlReader::readBytes(const std::string& path, const SourceRef& at, bool confined, std::string& bytes) {
  SafeRead r = readInputFile(path, confined ? includeRoot_ : std::string());
  switch (r.status) {
    case SafeReadStatus::Ok: bytes.swap(r.bytes); return true;
    case SafeReadStatus::NotFound:
    case SafeReadStatus::ReadFailed: error(at, MsgId::FileNotFound, {path}); break;
    case SafeReadStatus::OutsideRoot: error(at, MsgId::IncludeOutsidePlan, {path}); break;
    case SafeReadStatus::NotRegular: error(at, MsgId::NotRegularFile, {path}); break;
    case SafeReadStatus::TooLarge: error(at, MsgId::FileTooLarge, {path, "8 MiB"}); break;
  }
  return false;
}

std::optional<Located> YamlReader::loadFile(const std::string& path) {
  if (includeRoot_.empty() && includeStack_.empty()) {
    std::string dir = std::filesystem::path(path).parent_path().string();
    includeRoot_ = dir.empty() ? "." : dir;
  }
  return loadBytes(path);
}

std::optional<Located> YamlReader::loadBytes(const std::string& path, const SourceRef* includedFrom) {
  std::string bytes;
  if (!readBytes(path, includedFrom ? *includedFrom : SourceRef{path, 0, 0}, includedFrom != nullptr, bytes))
    return std::nullopt;

  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));

  // A tab in the indentation: said in plain words at each place, before the parser's message.
  // Reports one more place of a kind of error; past kPlacesPerKind only counts it.
  auto placeOf = [&](int& reported, int line, int column, MsgId id, std::vector<std::string> args = {}) {
    if (reported++ < kPlacesPerKind) error(SourceRef{path, line, column}, id, std::move(args));
  };
  auto sayHowManyMore = [&](int reported) {
    if (reported > kPlacesPerKind)
      error(SourceRef{path, 0, 0}, MsgId::MoreOfTheSame, {std::to_string(reported - kPlacesPerKind)});
  };
  auto tabsReported = [&] {
    int tabs = 0;
    PlaceCounter places(bytes);
    size_t lineStart = 0;
    while (lineStart < bytes.size()) {
      size_t lineEnd = bytes.find('\n', lineStart);
      if (lineEnd == std::string::npos) lineEnd = bytes.size();
      size_t k = lineStart;
      while (k < lineEnd && (bytes[k] == ' ' || bytes[k] == '\t' || bytes[k] == '-')) {
        if (bytes[k] == '\t') {
          if (tabs >= kPlacesPerKind) {  // only counted
            ++tabs;
            break;
          }
          auto [l, c] = places.at(k);
          placeOf(tabs, l, c, MsgId::YamlTabIndent);
          break;
        }
        ++k;
      }
      lineStart = lineEnd + 1;
    }
    sayHowManyMore(tabs);
    return tabs > 0;
  };

  // Nearly every file: libyaml reads it to its end, which it does only when every byte is
  // well-formed UTF-8 and no control character (but tab and line ends) — so the checks below
  // for those would find nothing, and only the tabs remain to be looked for.
  if (!utf16) {
    yaml::Node root;
    if (yaml::parseFast(bytes, root, /*wholeStream=*/true) == yaml::FastParse::Ok) {
      if (tabsReported()) return std::nullopt;
      return Located{root, &fileNames_.emplace_back(path)};
    }
  }
  // Report each line that holds invalid UTF-8 (yaml-cpp would pass the bytes through). A line
  // break is no part of a multi-byte sequence, so a file that is valid as a whole has no such
  // line: the lines are looked at one by one only when it is not.
  if (!utf16 && !isValidUtf8(bytes)) {
    // One pass over the file: a hostile file of long or many bad lines must not cost a
    // search from its start per line or per byte.
    size_t lineStart = 0;
    int lineNo = 1, badLines = 0;
    while (lineStart < bytes.size()) {
      size_t lineEnd = bytes.find('\n', lineStart);
      if (lineEnd == std::string::npos) lineEnd = bytes.size();
      std::string_view line(bytes.data() + lineStart, lineEnd - lineStart);
      if (const size_t bad = firstInvalidUtf8(line); bad != std::string_view::npos)
        placeOf(badLines, lineNo, lineColumnOf(line, bad).second, MsgId::InvalidUtf8);
      lineStart = lineEnd + 1;
      ++lineNo;
    }
    sayHowManyMore(badLines);
  }
  if (!utf16 && hasControlByte(bytes)) {
    // YAML allows no raw control characters (a NUL would silently cut a printed line).
    int controls = 0;
    PlaceCounter places(bytes);
    for (size_t i = 0; i < bytes.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(bytes[i]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        if (controls >= kPlacesPerKind) {  // only counted
          ++controls;
          continue;
        }
        auto [l, col] = places.at(i);
        char cp[8];
        std::snprintf(cp, sizeof cp, "U+%04X", c);
        placeOf(controls, l, col, MsgId::ControlCharacter, {std::filesystem::path(path).filename().string(), cp});
      }
    }
    sayHowManyMore(controls);
    if (controls > 0) return std::nullopt;
  }

  if (tabsReported()) return std::nullopt;

  try {
    // The fast route: libyaml reads a well-formed file without anchors (when only a document
    // after the first is what it could not read). Anything else takes yaml-cpp's route below,
    // whose messages the users know.
    if (!utf16) {
      yaml::Node root;
      if (yaml::parseFast(bytes, root) == yaml::FastParse::Ok) return Located{root, &fileNames_.emplace_back(path)};
    }
    {
      std::istringstream is(bytes);
      YAML::Parser parser(is);
      AliasFinder finder;
      // The first document only, as YAML::Load reads: yaml-cpp 0.7 can report a document
      // again and again without reading on (a file starting with ","), so a loop over all
      // documents would never end.
      parser.HandleNextDocument(finder);
      for (const auto& m : finder.found) error(SourceRef{path, m.line + 1, m.column + 1}, MsgId::AliasRefused);
      if (!finder.found.empty()) return std::nullopt;
    }
    yaml::Node root = yaml::fromYamlCpp(YAML::Load(bytes));
    return Located{root, &fileNames_.emplace_back(path)};
  } catch (const YAML::DeepRecursion& e) {
    error(SourceRef{path, e.mark.line + 1, e.mark.column + 1}, MsgId::TooDeep);
  } catch (const YAML::Exception& e) {
    SourceRef r{path, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0};
    const bool endOfBlock = e.msg.rfind("end of map not found", 0) == 0 || e.msg.rfind("end of sequence not found", 0) == 0;
    if (endOfBlock && e.mark.line >= 0) {
      int line = missingColonLine(bytes, e.mark.line);
      if (line >= 0) {
        error(SourceRef{path, line + 1, 1}, MsgId::YamlMissingColon);
        return std::nullopt;
      }
    }
    if (e.msg.rfind("illegal map value", 0) == 0) {
      // "key: a: b" (a colon inside a value), or "key: v" after a line that lost its colon
      // ("place Mẫu" then "title: …" reads as one key running over two lines).
      std::istringstream in(bytes);
      std::string text;
      for (int i = 0; i <= e.mark.line && std::getline(in, text); ++i) {
      }
      const std::string before = text.substr(0, std::min<size_t>(text.size(), e.mark.column >= 0 ? e.mark.column : 0));
      if (before.find(':') == std::string::npos && e.mark.line > 0) {
        int line = missingColonLine(bytes, e.mark.line - 1);
        if (line >= 0) {
          error(SourceRef{path, line + 1, 1}, MsgId::YamlMissingColon);
          return std::nullopt;
        }
      }
      error(r, MsgId::YamlColonInValue);
      return std::nullopt;
    }
    error(r, MsgId::SyntaxError, {syntaxVi(e.msg), e.msg});
  }
  return std::nullopt;
}

std::optional<Located> YamlReader::resolve(const Located& v) {
  if (v.node.Tag() != "!include") return v;
  if (!v.node.IsScalar()) {
    error(v, MsgId::WrongType, {"!include", "tên tệp / a file name"});
    return std::nullopt;
  }
  std::filesystem::path p = std::filesystem::path(*v.file).parent_path() / v.node.Scalar();
  std::string ps = p.lexically_normal().string();
  for (const auto& f : includeStack_)
    if (f == ps) {
      error(v, MsgId::IncludeCycle, {ps});
      return std::nullopt;
    }
  const SourceRef from = v.at();
  includeStack_.push_back(ps);
  auto r = loadBytes(ps, &from);
  includeStack_.pop_back();
  return r;
}

template <class IsAllowed>
bool YamlReader::checkMapWith(const Located& m, const std::string& name, const IsAllowed& isAllowed) {
  if (!m.node.IsMap()) {
    error(m, MsgId::WrongType, {name, "một bảng khóa: giá trị / a mapping"});
    return false;
  }
  static const std::string kNotText = "?";
  const size_t n = m.node.size();
  // The keys seen so far: looked through in place for the few keys of a usual mapping, in a
  // set for a long one (a hostile file must not make this quadratic).
  constexpr size_t kFew = 16;
  std::string_view few[kFew];
  std::set<std::string_view> many;
  for (size_t i = 0; i < n; ++i) {
    const yaml::Node k = m.node.keyAt(i);
    const std::string& key = k.IsScalar() ? k.Scalar() : kNotText;
    bool duplicate = false;
    if (n <= kFew) {
      for (size_t j = 0; j < i && !duplicate; ++j) duplicate = few[j] == key;
      few[i] = key;
    } else {
      duplicate = !many.insert(key).second;
    }
    if (duplicate) error(Located{k, m.file}, MsgId::DuplicateKey, {key});
    if (!isAllowed(key)) error(Located{k, m.file}, MsgId::UnknownKey, {key});
  }
  return true;
}

bool YamlReader::checkMap(const Located& m, const std::string& name, std::initializer_list<std::string_view> allowed) {
  return checkMapWith(m, name, [&](std::string_view key) {
    for (std::string_view a : allowed)
      if (a == key) return true;
    return false;
  });
}

bool YamlReader::checkMap(const Located& m, const std::string& name, const std::set<std::string>& allowed) {
  return checkMapWith(m, name, [&](const std::string& key) { return allowed.count(key) != 0; });
}

std::optional<Located> YamlReader::member(const Located& m, const std::string& key, bool required) {
  const size_t i = m.node.find(key);
  if (i != yaml::Node::npos) {
    Located v{m.node.valueAt(i), m.file};
    if (v.node.IsNull() && v.node.Tag().empty()) {
      if (required) error(Located{m.node.keyAt(i), m.file}, MsgId::MissingField, {key});
      return std::nullopt;
    }
    return resolve(v);
  }
  if (required) error(m, MsgId::MissingField, {key});
  return std::nullopt;
}

namespace {

// "Lưu: VT, VHXH." written unquoted reads as a one-entry mapping {Lưu: "VT, VHXH."}. Where
// a text is expected, a one-line mapping of one plain text to a plain text is taken back as
// the text the clerk wrote (issue #12).
std::optional<std::string> colonText(const yaml::Node& n) {
  if (!n.IsMap() || n.size() != 1) return std::nullopt;
  auto it = n.begin();
  if (!it->first.IsScalar() || !(it->second.IsScalar() || it->second.IsNull())) return std::nullopt;
  if (it->first.Tag() != "?" || (it->second.IsScalar() && it->second.Tag() != "?" && it->second.Tag() != "!"))
    return std::nullopt;
  if (it->first.Mark().line != it->second.Mark().line && it->second.IsScalar()) return std::nullopt;
  return it->first.Scalar() + ":" + (it->second.IsScalar() ? " " + it->second.Scalar() : std::string());
}

}  // namespace

std::optional<std::string> YamlReader::text(const Located& v, const std::string& key) {
  if (auto t = colonText(v.node)) {
    if (!v.node.keyAt(0).KnownValidUtf8() && !isValidUtf8(*t)) return std::string();
    return nfcOf(*t);
  }
  if (!v.node.IsScalar()) {
    error(v, MsgId::WrongType, {key, "văn bản / text"});
    return std::nullopt;
  }
  const std::string& s = v.node.Scalar();
  if (!v.node.KnownValidUtf8() && !isValidUtf8(s)) return std::string();  // already reported per line
  if (!checkControl(v, key, s)) return std::string();
  return nfcOf(s);
}

bool YamlReader::checkControl(const Located& v, const std::string& key, const std::string& s) {
  // Escapes such as "\0" or "\x07" in a quoted scalar; C1 controls (U+0080–U+009F) too.
  if (!mayHoldControl(s)) return true;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned cp = 0x110000;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      cp = c;
    else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
             static_cast<unsigned char>(s[i + 1]) >= 0x80)
      cp = static_cast<unsigned char>(s[i + 1]);
    if (cp != 0x110000) {
      char buf[16];  // "U+" and up to six hex digits
      std::snprintf(buf, sizeof buf, "U+%04X", cp);
      error(v, MsgId::ControlCharacter, {key, buf});
      return false;
    }
  }
  return true;
}

std::string YamlReader::textOr(const Located& m, const std::string& key, bool required) {
  auto v = member(m, key, required);
  if (!v) return {};
  return text(*v, key).value_or("");
}

std::optional<int> YamlReader::integer(const Located& v, const std::string& key) {
  if (v.node.IsScalar()) {
    const std::string& s = v.node.Scalar();
    if (!s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos) return std::stoi(s);
  }
  error(v, MsgId::WrongType, {key, "số nguyên / an integer"});
  return std::nullopt;
}

std::optional<double> YamlReader::number(const Located& v, const std::string& key) {
  if (v.node.IsScalar()) {
    if (const auto x = v.node.asDouble()) {
      if (!std::isfinite(*x)) {
        error(v, MsgId::NotFinite, {key, v.node.Scalar()});
        return std::nullopt;
      }
      return *x;
    }
  }
  error(v, MsgId::WrongType, {key, "số / a number"});
  return std::nullopt;
}

std::vector<std::pair<std::string, SourceRef>> YamlReader::textList(const Located& v, const std::string& key) {
  std::vector<std::pair<std::string, SourceRef>> out;
  if (v.node.IsScalar()) {
    if (auto t = text(v, key)) out.emplace_back(*t, v.at());
    return out;
  }
  if (!v.node.IsSequence()) {
    error(v, MsgId::WrongType, {key, "danh sách văn bản / a list of text"});
    return out;
  }
  const size_t n = v.node.size();
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Located le{v.node[i], v.file};
    if (auto t = text(le, key)) out.emplace_back(std::move(*t), le.at());
  }
  return out;
}

void YamlReader::forEach(const Located& seq, const std::string& key, const std::function<void(const Located&)>& fn) {
  if (!seq.node.IsSequence()) {
    error(seq, MsgId::WrongType, {key, "danh sách / a list"});
    return;
  }
  const size_t n = seq.node.size();
  for (size_t i = 0; i < n; ++i) {
    auto r = resolve(Located{seq.node[i], seq.file});
    if (r) fn(*r);
  }
}

}  // namespace vnplan
