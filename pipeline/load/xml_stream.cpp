#include "load/xml_stream.hpp"

#include <expat.h>

#include <cstring>

namespace vnplan {
namespace {

constexpr char kNsSep = '\x01';

std::string_view localName(const char* name) {
  const char* sep = std::strrchr(name, kNsSep);
  return sep ? std::string_view(sep + 1) : std::string_view(name);
}

// Length of the UTF-8 sequence at p[i] (1..4), 0 when invalid, -1 when the chunk ends
// inside a sequence that is valid so far.
int utf8SequenceLength(const unsigned char* p, size_t i, size_t n) {
  const unsigned char c = p[i];
  if (c < 0x80) return 1;
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < len; ++k) {
    if (i + k >= n) return -1;
    const unsigned char b = p[i + k];
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
  }
  return len;
}

}  // namespace

std::string_view XmlAttrs::get(std::string_view name, bool* found) const {
  for (const char** a = a_; a && a[0]; a += 2) {
    if (localName(a[0]) == name) {
      if (found) *found = true;
      return a[1];
    }
  }
  if (found) *found = false;
  return {};
}

XmlStream::XmlStream(XmlHandler& handler, uint32_t maxDepth) : handler_(handler), maxDepth_(maxDepth) {
  // The input is always treated as UTF-8, whatever the declaration says: OOXML parts are
  // UTF-8 in practice, and the repair below assumes it.
  XML_Parser p = XML_ParserCreateNS("UTF-8", kNsSep);
  parser_ = p;
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, &XmlStream::onStart, &XmlStream::onEnd);
  XML_SetCharacterDataHandler(p, &XmlStream::onText);
  XML_SetStartDoctypeDeclHandler(p, &XmlStream::onDoctype);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() { XML_ParserFree(static_cast<XML_Parser>(parser_)); }

void XmlStream::stop() {
  if (status_ == XmlStatus::Ok) status_ = XmlStatus::Stopped;
  XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

void XmlStream::onStart(void* self, const char* name, const char** attrs) {
  auto* s = static_cast<XmlStream*>(self);
  if (++s->depth_ > s->maxDepth_) {
    s->status_ = XmlStatus::TooDeep;
    XML_StopParser(static_cast<XML_Parser>(s->parser_), XML_FALSE);
    return;
  }
  s->handler_.startElement(localName(name), XmlAttrs(attrs));
}

void XmlStream::onEnd(void* self, const char* name) {
  auto* s = static_cast<XmlStream*>(self);
  --s->depth_;
  s->handler_.endElement(localName(name));
}

void XmlStream::onText(void* self, const char* text, int len) {
  static_cast<XmlStream*>(self)->handler_.characters(std::string_view(text, static_cast<size_t>(len)));
}

void XmlStream::onDoctype(void* self, const char*, const char*, const char*, int) {
  auto* s = static_cast<XmlStream*>(self);
  s->status_ = XmlStatus::Doctype;
  XML_StopParser(static_cast<XML_Parser>(s->parser_), XML_FALSE);
}

bool XmlStream::parse(const char* data, size_t n, bool last) {
  auto* p = static_cast<XML_Parser>(parser_);
  // XML_Parse takes an int length.
  constexpr size_t kMax = 1u << 30;
  do {
    const size_t piece = n > kMax ? kMax : n;
    const bool isLast = last && piece == n;
    if (XML_Parse(p, data, static_cast<int>(piece), isLast) != XML_STATUS_OK) {
      line_ = static_cast<long>(XML_GetCurrentLineNumber(p));
      if (status_ == XmlStatus::Ok) {
        status_ = XmlStatus::Malformed;
        detail_ = XML_ErrorString(XML_GetErrorCode(p));
      }
      return false;
    }
    if (status_ != XmlStatus::Ok) return false;
    data += piece;
    n -= piece;
  } while (n > 0);
  return true;
}

bool XmlStream::feed(std::string_view chunk) {
  if (status_ != XmlStatus::Ok) return false;
  const std::string_view input = pending_.empty() ? chunk : std::string_view(pending_.append(chunk));
  const auto* u = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  size_t i = 0;
  // Fast path: valid so far, copy nothing.
  while (i < n) {
    if (u[i] < 0x80) {
      ++i;
      continue;
    }
    const int len = utf8SequenceLength(u, i, n);
    if (len <= 0) break;
    i += static_cast<size_t>(len);
  }
  if (i == n) {
    const bool ok = parse(input.data(), n, false);
    pending_.clear();
    return ok;
  }
  repaired_.assign(input.substr(0, i));
  std::string tail;
  while (i < n) {
    const int len = u[i] < 0x80 ? 1 : utf8SequenceLength(u, i, n);
    if (len > 0) {
      repaired_.append(input.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
    } else if (len == 0) {
      repaired_.append(kInvalidUtf8Mark);
      ++i;
    } else {
      tail.assign(input.substr(i));  // completed by the next chunk, or marked by finish()
      break;
    }
  }
  pending_ = std::move(tail);
  return parse(repaired_.data(), repaired_.size(), false);
}

bool XmlStream::finish() {
  if (status_ != XmlStatus::Ok) return false;
  std::string rest;
  for (size_t k = 0; k < pending_.size(); ++k) rest.append(kInvalidUtf8Mark);
  pending_.clear();
  return parse(rest.data(), rest.size(), true);
}

}  // namespace vnplan
