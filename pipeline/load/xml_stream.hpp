#pragma once
// A streaming XML parser for untrusted OOXML parts: expat (the parser beneath Poco's SAX),
// fed chunk by chunk as the part is inflated.
// - Any DOCTYPE is refused at its start: OOXML parts never have one, and refusing it closes
//   external entities and entity expansion (billion laughs) at once.
// - Element nesting is capped.
// - Names are reported by local name (namespace URI dropped), so "x:c" and Strict-OOXML
//   namespaces read the same as transitional ones.
// - Invalid UTF-8 does not abort the part: each invalid sequence is replaced by the
//   noncharacter U+FDD0 (never found in real text), so the reader can report it at the cell
//   that holds it rather than as an XML error somewhere in the part.
#include <cstdint>
#include <string>
#include <string_view>

namespace vnplan {

// U+FDD0 in UTF-8: stands for an invalid byte sequence of the input.
inline constexpr std::string_view kInvalidUtf8Mark = "\xEF\xB7\x90";

class XmlAttrs {
 public:
  explicit XmlAttrs(const char** a) : a_(a) {}
  // The value of the attribute with this local name ("id" matches r:id), or nullopt-like
  // empty view with found=false.
  std::string_view get(std::string_view localName, bool* found = nullptr) const;

 private:
  const char** a_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void startElement(std::string_view localName, const XmlAttrs& attrs) = 0;
  virtual void endElement(std::string_view localName) = 0;
  virtual void characters(std::string_view) {}
};

enum class XmlStatus { Ok, Doctype, TooDeep, Malformed, Stopped };

class XmlStream {
 public:
  XmlStream(XmlHandler& handler, uint32_t maxDepth);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Both return false once parsing has failed or was stopped; status() says why.
  bool feed(std::string_view chunk);
  bool finish();
  // Called from a handler callback: stops parsing with status Stopped.
  void stop();

  XmlStatus status() const { return status_; }
  long line() const { return line_; }
  const std::string& detail() const { return detail_; }  // expat's message for Malformed

 private:
  bool parse(const char* data, size_t n, bool last);
  static void onStart(void* self, const char* name, const char** attrs);
  static void onEnd(void* self, const char* name);
  static void onText(void* self, const char* s, int len);
  static void onDoctype(void* self, const char*, const char*, const char*, int);

  void* parser_;
  XmlHandler& handler_;
  uint32_t maxDepth_;
  uint32_t depth_ = 0;
  XmlStatus status_ = XmlStatus::Ok;
  long line_ = 0;
  std::string detail_;
  std::string pending_;   // an incomplete UTF-8 sequence at the end of the last chunk
  std::string repaired_;  // scratch buffer for a chunk with invalid UTF-8
};

}  // namespace vnplan
