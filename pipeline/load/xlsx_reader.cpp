// The workbook reader (see xlsx_reader.hpp for the route and the contract).
#include "load/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "load/xml_stream.hpp"
#include "load/zip_container.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

using Clock = std::chrono::steady_clock;

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

bool xmlTrue(std::string_view v) { return v == "1" || v == "true" || v == "on"; }

std::string_view trimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool parseUint(std::string_view s, uint64_t& out) {
  s = trimView(s);
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parseDouble(std::string_view s, double& out) {
  s = trimView(s);
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads "_xHHHH_" at s[i]; -1 when there is none.
long escapeAt(std::string_view s, size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  long v = 0;
  for (size_t k = 2; k < 6; ++k) {
    const int h = hexDigit(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// OOXML escapes characters XML cannot carry as _xHHHH_ (UTF-16 code units); "_x005F_"
// is a literal underscore, so one left-to-right pass is exact.
std::string unescapeOoxml(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    long u = escapeAt(s, i);
    if (u < 0) {
      out += s[i++];
      continue;
    }
    size_t used = 7;
    char32_t cp = static_cast<char32_t>(u);
    if (u >= 0xD800 && u <= 0xDBFF) {
      const long lo = escapeAt(s, i + 7);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (static_cast<char32_t>(lo) - 0xDC00);
        used = 14;
      } else {
        out += s[i++];  // a lone surrogate: keep the text as written
        continue;
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      out += s[i++];
      continue;
    }
    if (cp != 0) out += encodeUtf8(cp);
    i += used;
  }
  return out;
}

// Length as Excel counts it (UTF-16 code units: a character outside the BMP counts twice),
// so the 32,767 limit means what it means in Excel.
size_t countCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  return n;
}

// Accumulates element text up to a byte cap, counting characters past it, so a hostile
// 100 MB cell costs no memory.
struct TextBuffer {
  std::string text;
  uint64_t overflowChars = 0;
  size_t cap = 0;
  void reset(size_t byteCap) {
    text.clear();
    overflowChars = 0;
    cap = byteCap;
  }
  void add(std::string_view s) {
    if (overflowChars == 0 && text.size() + s.size() <= cap) {
      text.append(s);
      return;
    }
    overflowChars += countCodePoints(s);
  }
};

// A finished text value: validated, unescaped, normalised; or why it cannot be used.
struct CellText {
  std::string text;
  uint64_t chars = 0;
  bool invalidUtf8 = false;
  bool tooLong = false;
};

CellText finishText(const TextBuffer& buf, bool ooxmlEscapes, uint32_t maxChars) {
  CellText t;
  if (buf.text.find(kInvalidUtf8Mark) != std::string::npos) {
    t.invalidUtf8 = true;
    return t;
  }
  std::string s = ooxmlEscapes ? unescapeOoxml(buf.text) : buf.text;
  t.chars = countCodePoints(s) + buf.overflowChars;
  if (t.chars > maxChars) {
    t.tooLong = true;
    return t;
  }
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c < 0x80;
  t.text = ascii || !isValidUtf8(s) ? std::move(s) : toNfc(s);
  return t;
}

// ---------------------------------------------------------------- the reading context

struct Reader {
  std::string file;
  Diagnostics& d;
  const XlsxLimits& lim;
  ZipContainer zip;
  ZipCaps caps;
  Clock::time_point deadline;
  uint64_t cellCount = 0;
  uint64_t sharedTextBytes = 0;  // shared strings copied into cells: counted with the inflated bytes
  uint32_t cellErrors = 0;
  bool fatal = false;
  bool timedOut = false;

  Reader(std::string f, Diagnostics& diags, const XlsxLimits& l) : file(std::move(f)), d(diags), lim(l) {
    caps.maxEntryBytes = lim.maxEntryBytes;
    caps.maxTotalBytes = lim.maxTotalBytes;
    caps.maxRatio = lim.maxCompressionRatio;
    caps.ratioFloorBytes = lim.ratioCheckFloorBytes;
    deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(lim.maxSeconds));
  }

  void error(std::string place, MsgId id, std::vector<std::string> args = {}) {
    d.add({Severity::Error, std::move(place), 0, 0, id, std::move(args)});
  }
  void fileError(MsgId id, std::vector<std::string> args = {}, std::string_view sheet = {}) {
    error(xlsxPlace(file, sheet), id, std::move(args));
    fatal = true;
  }
  // A problem at one cell; false once too many were reported (reading then stops).
  bool cellError(std::string_view sheet, uint32_t row, uint32_t col, MsgId id, std::vector<std::string> args = {}) {
    if (cellErrors >= lim.maxCellErrors) {
      if (!fatal) fileError(MsgId::XlsxTooManyErrors, {std::to_string(lim.maxCellErrors)});
      return false;
    }
    ++cellErrors;
    error(xlsxPlace(file, sheet, row, col), id, std::move(args));
    return true;
  }
  bool timeUp() {
    if (!timedOut && Clock::now() > deadline) timedOut = true;
    return timedOut;
  }
  void reportTimeUp() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", lim.maxSeconds);
    fileError(MsgId::XlsxTimeLimit, {buf});
  }

  // Inflates and parses one part. False when it failed (the error is reported).
  bool parsePart(const ZipEntry& e, XmlHandler& h, XmlStream*& streamOut, std::string_view sheet = {}) {
    XmlStream xs(h, lim.maxXmlDepth);
    streamOut = &xs;
    const ZipReadStatus zs = zip.read(e, caps, [&](std::string_view chunk) { return !timeUp() && xs.feed(chunk); });
    streamOut = nullptr;
    if (fatal) return false;  // the handler reported and stopped
    switch (zs) {
      case ZipReadStatus::Ok: break;
      case ZipReadStatus::Stopped: break;
      case ZipReadStatus::Corrupt: fileError(MsgId::XlsxZipCorrupt, {e.name}, sheet); return false;
      case ZipReadStatus::Unsupported:
        fileError(MsgId::XlsxZipUnsupported, {e.name, std::to_string(e.method)}, sheet);
        return false;
      case ZipReadStatus::Encrypted: fileError(MsgId::XlsxEncrypted); return false;
      case ZipReadStatus::EntryTooLarge:
        fileError(MsgId::XlsxPartTooLarge, {e.name, std::to_string(lim.maxEntryBytes)}, sheet);
        return false;
      case ZipReadStatus::TotalTooLarge: fileError(MsgId::XlsxTotalTooLarge, {std::to_string(lim.maxTotalBytes)}); return false;
      case ZipReadStatus::RatioTooHigh:
        fileError(MsgId::XlsxCompressionRatio, {e.name, std::to_string(lim.maxCompressionRatio)}, sheet);
        return false;
    }
    if (timedOut) {
      reportTimeUp();
      return false;
    }
    if (zs == ZipReadStatus::Ok) xs.finish();
    if (fatal) return false;
    switch (xs.status()) {
      case XmlStatus::Ok: return true;
      case XmlStatus::Stopped: return false;
      case XmlStatus::Doctype: fileError(MsgId::XlsxDoctype, {e.name}, sheet); return false;
      case XmlStatus::TooDeep: fileError(MsgId::XlsxXmlTooDeep, {e.name, std::to_string(lim.maxXmlDepth)}, sheet); return false;
      case XmlStatus::Malformed:
        fileError(MsgId::XlsxXmlError, {e.name, std::to_string(xs.line()), xs.detail()}, sheet);
        return false;
    }
    return false;
  }
  bool parsePart(const ZipEntry& e, XmlHandler& h, std::string_view sheet = {}) {
    XmlStream* unused = nullptr;
    return parsePart(e, h, unused, sheet);
  }
};

// ---------------------------------------------------------------- relationships

struct Relationship {
  std::string type, target;
  bool external = false;
};

struct RelsHandler : XmlHandler {
  std::map<std::string, Relationship> byId;
  void startElement(std::string_view name, const XmlAttrs& a) override {
    if (name != "Relationship") return;
    Relationship r;
    r.type = a.get("Type");
    r.target = a.get("Target");
    r.external = a.get("TargetMode") == "External";
    byId.emplace(std::string(a.get("Id")), std::move(r));
  }
  void endElement(std::string_view) override {}
  const Relationship* firstOfType(std::string_view suffix) const {
    for (const auto& [id, r] : byId)
      if (!r.external && endsWith(r.type, suffix)) return &r;
    return nullptr;
  }
};

std::string percentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexDigit(s[i + 1]) >= 0 && hexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(hexDigit(s[i + 1]) * 16 + hexDigit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The part a relationship target names: relative to the source part's folder, or absolute.
std::string resolveTarget(std::string_view sourcePart, std::string_view target) {
  std::string t = percentDecode(target);
  std::string path;
  if (startsWith(t, "/")) {
    path = t.substr(1);
  } else {
    const size_t slash = sourcePart.rfind('/');
    path = std::string(slash == std::string_view::npos ? "" : sourcePart.substr(0, slash + 1)) + t;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string relsPartOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
}

// ---------------------------------------------------------------- workbook.xml

struct SheetEntry {
  std::string name;
  std::string relId;
  std::string state;
};

struct WorkbookHandler : XmlHandler {
  bool date1904 = false;
  std::vector<SheetEntry> sheets;
  struct Name {
    std::string name, localSheetId;
    TextBuffer text;
  };
  std::vector<Name> names;
  bool inName = false;
  bool tooManySheets = false;
  uint32_t maxSheets = 0;
  XmlStream** stream = nullptr;

  void startElement(std::string_view n, const XmlAttrs& a) override {
    if (n == "workbookPr") {
      date1904 = xmlTrue(a.get("date1904"));
    } else if (n == "sheet") {
      if (sheets.size() >= maxSheets) {
        tooManySheets = true;
        if (stream && *stream) (*stream)->stop();
        return;
      }
      sheets.push_back({std::string(a.get("name")), std::string(a.get("id")), std::string(a.get("state"))});
    } else if (n == "definedName") {
      names.push_back({std::string(a.get("name")), std::string(a.get("localSheetId")), {}});
      names.back().text.reset(64 * 1024);
      inName = true;
    }
  }
  void endElement(std::string_view n) override {
    if (n == "definedName") inName = false;
  }
  void characters(std::string_view s) override {
    if (inName) names.back().text.add(s);
  }
};

// ---------------------------------------------------------------- sharedStrings.xml

struct SharedStringsHandler : XmlHandler {
  Reader& r;
  std::vector<CellText> strings;
  TextBuffer buf;
  bool inSi = false, inT = false;
  int phoneticDepth = 0;  // inside <rPh> (phonetic guide): not part of the value
  XmlStream** stream = nullptr;

  explicit SharedStringsHandler(Reader& reader) : r(reader) {}
  void startElement(std::string_view n, const XmlAttrs&) override {
    if (n == "si") {
      if (strings.size() >= r.lim.maxSharedStrings) {
        r.fileError(MsgId::XlsxTooManyCells, {std::to_string(r.lim.maxSharedStrings)});
        (*stream)->stop();
        return;
      }
      inSi = true;
      buf.reset(static_cast<size_t>(r.lim.maxStringLength) * 8 + 16);
    } else if (n == "rPh") {
      ++phoneticDepth;
    } else if (n == "t" && inSi && phoneticDepth == 0) {
      inT = true;
    }
  }
  void endElement(std::string_view n) override {
    if (n == "si") {
      strings.push_back(finishText(buf, true, r.lim.maxStringLength));
      inSi = false;
    } else if (n == "rPh") {
      --phoneticDepth;
    } else if (n == "t") {
      inT = false;
    }
  }
  void characters(std::string_view s) override {
    if (inT) buf.add(s);
  }
};

// ---------------------------------------------------------------- styles.xml

struct StyleInfo {
  bool date = false;
  bool locked = true;
};

struct StylesHandler : XmlHandler {
  std::map<uint32_t, std::string> numFmts;
  struct Xf {
    uint32_t numFmtId = 0, xfId = 0;
    int locked = -1;  // -1 = not given
  };
  std::vector<Xf> styleXfs, cellXfs;
  enum class In { None, StyleXfs, CellXfs } in = In::None;
  std::vector<Xf>* current = nullptr;

  void startElement(std::string_view n, const XmlAttrs& a) override {
    if (n == "numFmt") {
      uint64_t id;
      if (parseUint(a.get("numFmtId"), id) && id < UINT32_MAX) numFmts[static_cast<uint32_t>(id)] = a.get("formatCode");
    } else if (n == "cellStyleXfs") {
      current = &styleXfs;
    } else if (n == "cellXfs") {
      current = &cellXfs;
    } else if (n == "xf" && current) {
      Xf x;
      uint64_t v;
      if (parseUint(a.get("numFmtId"), v) && v < UINT32_MAX) x.numFmtId = static_cast<uint32_t>(v);
      if (parseUint(a.get("xfId"), v) && v < UINT32_MAX) x.xfId = static_cast<uint32_t>(v);
      current->push_back(x);
    } else if (n == "protection" && current && !current->empty()) {
      bool found = false;
      std::string_view v = a.get("locked", &found);
      if (found) current->back().locked = xmlTrue(v) ? 1 : 0;
    }
  }
  void endElement(std::string_view n) override {
    if (n == "cellStyleXfs" || n == "cellXfs") current = nullptr;
  }

  // The effective style of each cellXfs entry. Protection: the cell format's own
  // <protection locked>, else its cell style's, else locked (Excel's default).
  std::vector<StyleInfo> resolve() const {
    std::vector<StyleInfo> out;
    out.reserve(cellXfs.size());
    for (const Xf& x : cellXfs) {
      StyleInfo s;
      if (auto it = numFmts.find(x.numFmtId); it != numFmts.end())
        s.date = isDateFormatCode(it->second);
      else
        s.date = isBuiltinDateFormat(x.numFmtId);
      int locked = x.locked;
      if (locked < 0 && x.xfId < styleXfs.size()) locked = styleXfs[x.xfId].locked;
      s.locked = locked != 0;
      out.push_back(s);
    }
    return out;
  }
};

// ---------------------------------------------------------------- worksheets

// "2026-03-15" or "2026-03-15T10:30:00[.000][Z]" (cells of type t="d") as a serial number.
bool parseIsoDateTime(std::string_view s, bool date1904, double& serial) {
  s = trimView(s);
  if (s.size() < 10) return false;
  auto date = parseCellDateText(s.substr(0, 10));
  if (!date || s[4] != '-') return false;
  double fraction = 0;
  if (s.size() > 10) {
    if (s[10] != 'T' || s.size() < 16) return false;
    int hh = 0, mm = 0;
    double ss = 0;
    auto num = [&](size_t at, int& out) {
      return hexDigit(s[at]) >= 0 && hexDigit(s[at]) < 10 && hexDigit(s[at + 1]) >= 0 && hexDigit(s[at + 1]) < 10 &&
             (out = (s[at] - '0') * 10 + (s[at + 1] - '0'), true);
    };
    if (!num(11, hh) || s[13] != ':' || !num(14, mm) || hh > 23 || mm > 59) return false;
    if (s.size() > 16 && s[16] == ':') {
      size_t end = 17;
      while (end < s.size() && ((s[end] >= '0' && s[end] <= '9') || s[end] == '.')) ++end;
      if (!parseDouble(s.substr(17, end - 17), ss) || ss >= 61) return false;
    }
    fraction = (hh * 3600 + mm * 60 + ss) / 86400.0;
  }
  serial = xlsxDateToSerial(*date, date1904) + fraction;
  return true;
}

struct SheetHandler : XmlHandler {
  Reader& r;
  XlsxSheet& sheet;
  const std::vector<CellText>& shared;
  const std::vector<StyleInfo>& styles;
  bool date1904;
  XmlStream** stream = nullptr;

  bool inSheetData = false, inCell = false, inV = false, inIs = false, inT = false, skipCell = false;
  int phoneticDepth = 0;
  uint32_t row = 0, col = 0;
  uint32_t style = 0;
  std::string type;
  bool hasV = false, hasF = false;
  TextBuffer v, is;

  SheetHandler(Reader& reader, XlsxSheet& s, const std::vector<CellText>& ss, const std::vector<StyleInfo>& st, bool d1904)
      : r(reader), sheet(s), shared(ss), styles(st), date1904(d1904) {}

  void stopAll() {
    if (stream && *stream) (*stream)->stop();
  }
  void cellError(MsgId id, std::vector<std::string> args = {}) {
    if (!r.cellError(sheet.name, row, col, id, std::move(args))) stopAll();
  }

  void startElement(std::string_view n, const XmlAttrs& a) override {
    if (!inSheetData) {
      if (n == "sheetData") {
        inSheetData = true;
      } else if (n == "sheetProtection") {
        sheet.protectedSheet = xmlTrue(a.get("sheet"));
      }
      return;
    }
    if (inCell) {
      if (n == "v") {
        inV = hasV = true;
      } else if (n == "f") {
        hasF = true;
      } else if (n == "is") {
        inIs = true;
      } else if (n == "rPh") {
        ++phoneticDepth;
      } else if (n == "t" && inIs && phoneticDepth == 0) {
        inT = true;
      }
      return;
    }
    if (n == "row") {
      bool found = false;
      std::string_view rv = a.get("r", &found);
      uint64_t rr = 0;
      if (found) {
        if (!parseUint(rv, rr) || rr < 1 || rr > 1048576) {
          row = 0;
          col = 0;
          if (!r.cellError(sheet.name, 0, 0, MsgId::XlsxBadCellRef, {std::string(rv)})) stopAll();
          return;
        }
        row = static_cast<uint32_t>(rr);
      } else {
        ++row;
      }
      col = 0;
    } else if (n == "c") {
      inCell = true;
      skipCell = false;
      hasV = hasF = false;
      phoneticDepth = 0;
      v.reset(static_cast<size_t>(r.lim.maxStringLength) * 8 + 16);
      is.reset(static_cast<size_t>(r.lim.maxStringLength) * 8 + 16);
      type = a.get("t");
      uint64_t s = 0;
      style = parseUint(a.get("s"), s) && s < UINT32_MAX ? static_cast<uint32_t>(s) : 0;
      bool found = false;
      std::string_view ref = a.get("r", &found);
      if (found) {
        uint32_t rr, cc;
        if (!parseCellRef(ref, rr, cc)) {
          skipCell = true;
          if (!r.cellError(sheet.name, 0, 0, MsgId::XlsxBadCellRef, {std::string(ref.substr(0, 32))})) stopAll();
          return;
        }
        row = rr;
        col = cc;
      } else {
        if (row == 0) row = 1;
        ++col;
        if (col > 16384) {
          skipCell = true;
          if (!r.cellError(sheet.name, 0, 0, MsgId::XlsxBadCellRef, {xlsxCellRef(row, 16384) + "+1"})) stopAll();
        }
      }
    }
  }

  void endElement(std::string_view n) override {
    if (!inSheetData) return;
    if (n == "sheetData") {
      inSheetData = false;
    } else if (!inCell) {
      return;
    } else if (n == "v") {
      inV = false;
    } else if (n == "is") {
      inIs = false;
    } else if (n == "rPh") {
      --phoneticDepth;
    } else if (n == "t") {
      inT = false;
    } else if (n == "c") {
      inCell = false;
      if (!skipCell) finishCell();
    }
  }

  void characters(std::string_view s) override {
    if (inV)
      v.add(s);
    else if (inT)
      is.add(s);
  }

  // Takes a text value; false (reported) when it cannot be used.
  bool takeText(const CellText& t, XlsxCell& c) {
    if (t.invalidUtf8) {
      cellError(MsgId::InvalidUtf8);
      return false;
    }
    if (t.tooLong) {
      cellError(MsgId::XlsxTextTooLong, {std::to_string(t.chars), std::to_string(r.lim.maxStringLength)});
      return false;
    }
    c.kind = XlsxCell::Kind::Text;
    c.text = t.text;
    return true;
  }

  void finishCell() {
    XlsxCell c;
    c.row = row;
    c.col = col;
    c.formula = hasF;
    c.styleIndex = style;
    if (style < styles.size()) {
      c.dateFormat = styles[style].date;
      c.locked = styles[style].locked;
    }
    const bool hasValue = hasV && !(v.text.empty() && v.overflowChars == 0);
    if (type == "inlineStr") {
      if (!takeText(finishText(is, true, r.lim.maxStringLength), c)) return;
    } else if (!hasValue) {
      if (!hasF) return;  // an empty cell that only carries a style
      c.kind = XlsxCell::Kind::Text;  // a formula without a cached value
    } else if (type == "s") {
      uint64_t index = 0;
      if (!parseUint(v.text, index) || index >= shared.size()) {
        cellError(MsgId::XlsxBadSharedString, {v.text.substr(0, 32)});
        return;
      }
      if (!takeText(shared[index], c)) return;
      // A small sheet can point a million cells at one long shared string; the copies are
      // charged to the same budget as the inflated parts.
      r.sharedTextBytes += c.text.size();
      if (r.zip.totalInflated() + r.sharedTextBytes > r.lim.maxTotalBytes) {
        r.fileError(MsgId::XlsxTotalTooLarge, {std::to_string(r.lim.maxTotalBytes)});
        stopAll();
        return;
      }
    } else if (type == "str") {
      if (!takeText(finishText(v, false, r.lim.maxStringLength), c)) return;
    } else if (type == "b") {
      const std::string_view b = trimView(v.text);
      if (b != "0" && b != "1" && b != "true" && b != "false") {
        cellError(MsgId::XlsxBadNumber, {v.text.substr(0, 64)});
        return;
      }
      c.kind = XlsxCell::Kind::Boolean;
      c.number = b == "1" || b == "true" ? 1 : 0;
      c.text = b;
    } else if (type == "e") {
      const CellText t = finishText(v, false, r.lim.maxStringLength);
      if (!takeText(t, c)) return;
      c.kind = XlsxCell::Kind::Error;
    } else if (type == "d") {
      if (!parseIsoDateTime(v.text, date1904, c.number)) {
        cellError(MsgId::XlsxBadNumber, {v.text.substr(0, 64)});
        return;
      }
      c.kind = XlsxCell::Kind::Number;
      c.dateFormat = true;
      c.text = v.text;
    } else {
      if (v.text.find(kInvalidUtf8Mark) != std::string::npos) {
        cellError(MsgId::InvalidUtf8);
        return;
      }
      if (!parseDouble(v.text, c.number)) {
        cellError(MsgId::XlsxBadNumber, {v.text.substr(0, 64)});
        return;
      }
      c.kind = XlsxCell::Kind::Number;
      c.text = trimView(v.text);
    }
    if (++r.cellCount > r.lim.maxCells) {
      r.fileError(MsgId::XlsxTooManyCells, {std::to_string(r.lim.maxCells)});
      stopAll();
      return;
    }
    sheet.cells.push_back(std::move(c));
  }
};

void finishSheet(Reader& r, XlsxSheet& s) {
  auto before = [](const XlsxCell& a, const XlsxCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; };
  if (!std::is_sorted(s.cells.begin(), s.cells.end(), before)) std::stable_sort(s.cells.begin(), s.cells.end(), before);
  std::vector<XlsxCell> unique;
  unique.reserve(s.cells.size());
  for (size_t i = 0; i < s.cells.size(); ++i) {
    if (i > 0 && s.cells[i].row == s.cells[i - 1].row && s.cells[i].col == s.cells[i - 1].col) {
      if (!r.cellError(s.name, s.cells[i].row, s.cells[i].col, MsgId::XlsxDuplicateCell)) break;
      continue;
    }
    unique.push_back(std::move(s.cells[i]));
  }
  s.cells = std::move(unique);
  for (const auto& c : s.cells) {
    s.maxRow = std::max(s.maxRow, c.row);
    s.maxCol = std::max(s.maxCol, c.col);
  }
}

// What a file that is not a zip looks like, for a message that tells the sender what to do.
bool sniffOtherFormats(Reader& r, std::string_view bytes) {
  static constexpr std::string_view kCfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  auto utf16 = [](std::string_view ascii) {
    std::string s;
    for (char c : ascii) {
      s += c;
      s += '\0';
    }
    return s;
  };
  if (startsWith(bytes, kCfb)) {
    // An OLE compound file: a password-protected OOXML workbook (EncryptedPackage stream),
    // an Excel 97–2003 workbook (Workbook/Book stream) or another Office 97–2003 document.
    if (bytes.find(utf16("EncryptedPackage")) != std::string_view::npos)
      r.fileError(MsgId::XlsxEncrypted);
    else if (bytes.find(utf16("Workbook")) != std::string_view::npos || bytes.find(utf16("Book")) != std::string_view::npos)
      r.fileError(MsgId::XlsxLegacyXls);
    else
      r.fileError(MsgId::XlsxOtherFormat, {"Office 97–2003 (OLE)"});
    return true;
  }
  if (startsWith(bytes, "%PDF")) {
    r.fileError(MsgId::XlsxOtherFormat, {"PDF"});
    return true;
  }
  std::string_view head = bytes.substr(0, 512);
  if (startsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  head = trimView(head);
  if (startsWith(head, "<")) {
    r.fileError(MsgId::XlsxOtherFormat, {"HTML/XML"});
    return true;
  }
  return false;
}

// A zip that holds no workbook part: which kind of document it is instead.
void reportNotAWorkbook(Reader& r, const std::string& workbookPart) {
  if (const ZipEntry* m = r.zip.find("mimetype")) {
    std::string mime;
    ZipCaps small = r.caps;
    small.maxEntryBytes = 256;
    if (r.zip.readAll(*m, small, mime) == ZipReadStatus::Ok && startsWith(mime, "application/vnd.oasis.opendocument")) {
      r.fileError(MsgId::XlsxOtherFormat, {"OpenDocument (.ods/.odt)"});
      return;
    }
  }
  if (r.zip.find("xl/workbook.bin")) return r.fileError(MsgId::XlsxOtherFormat, {"Excel Binary (.xlsb)"});
  if (r.zip.find("word/document.xml")) return r.fileError(MsgId::XlsxOtherFormat, {"Word (.docx)"});
  if (r.zip.find("ppt/presentation.xml")) return r.fileError(MsgId::XlsxOtherFormat, {"PowerPoint (.pptx)"});
  r.fileError(MsgId::XlsxMissingPart, {workbookPart});
}

std::optional<XlsxWorkbook> readWorkbook(Reader& r, std::string_view bytes) {
  if (bytes.size() > r.lim.maxFileBytes) {
    r.fileError(MsgId::XlsxFileTooLarge, {std::to_string(bytes.size()), std::to_string(r.lim.maxFileBytes)});
    return std::nullopt;
  }
  switch (r.zip.open(bytes, r.lim.maxEntries)) {
    case ZipOpenStatus::Ok: break;
    case ZipOpenStatus::NotZip:
      if (!sniffOtherFormats(r, bytes)) r.fileError(MsgId::XlsxNotZip);
      return std::nullopt;
    case ZipOpenStatus::Truncated: r.fileError(MsgId::XlsxTruncated); return std::nullopt;
    case ZipOpenStatus::TooManyEntries:
      r.fileError(MsgId::XlsxTooManyEntries, {std::to_string(r.zip.entryCountInDirectory()), std::to_string(r.lim.maxEntries)});
      return std::nullopt;
    case ZipOpenStatus::DuplicateName: r.fileError(MsgId::XlsxDuplicatePart, {r.zip.duplicateName()}); return std::nullopt;
  }

  // _rels/.rels names the workbook part; "xl/workbook.xml" when it does not.
  std::string workbookPart = "xl/workbook.xml";
  if (const ZipEntry* rootRels = r.zip.find("_rels/.rels")) {
    RelsHandler rels;
    if (!r.parsePart(*rootRels, rels)) return std::nullopt;
    if (const Relationship* doc = rels.firstOfType("/officeDocument")) workbookPart = resolveTarget("", doc->target);
  }
  const ZipEntry* wbEntry = r.zip.find(workbookPart);
  if (!wbEntry) {
    reportNotAWorkbook(r, workbookPart);
    return std::nullopt;
  }
  const std::string wbRelsPart = relsPartOf(workbookPart);
  const ZipEntry* wbRelsEntry = r.zip.find(wbRelsPart);
  if (!wbRelsEntry) {
    r.fileError(MsgId::XlsxMissingPart, {wbRelsPart});
    return std::nullopt;
  }
  RelsHandler wbRels;
  if (!r.parsePart(*wbRelsEntry, wbRels)) return std::nullopt;

  WorkbookHandler wb;
  wb.maxSheets = r.lim.maxSheets;
  XmlStream* wbStream = nullptr;
  wb.stream = &wbStream;
  if (!r.parsePart(*wbEntry, wb, wbStream)) {
    if (wb.tooManySheets && !r.fatal) r.fileError(MsgId::XlsxTooManySheets, {std::to_string(r.lim.maxSheets)});
    return std::nullopt;
  }

  XlsxWorkbook out;
  out.date1904 = wb.date1904;
  if (wb.sheets.empty()) {
    r.fileError(MsgId::XlsxNoSheets);
    return std::nullopt;
  }
  std::set<std::string> seenNames;
  for (const auto& s : wb.sheets) {
    if (s.name.find(kInvalidUtf8Mark) != std::string::npos) {
      r.fileError(MsgId::InvalidUtf8);
      return std::nullopt;
    }
    XlsxSheet sheet;
    sheet.name = toNfc(s.name);
    sheet.hidden = s.state == "hidden" || s.state == "veryHidden";
    sheet.veryHidden = s.state == "veryHidden";
    // Excel compares sheet names without regard to case.
    if (!seenNames.insert(toUpper(sheet.name)).second) {
      r.fileError(MsgId::XlsxDuplicateSheet, {sheet.name});
      return std::nullopt;
    }
    out.sheets.push_back(std::move(sheet));
  }

  // Shared strings and styles are optional parts.
  SharedStringsHandler ss(r);
  if (const Relationship* rel = wbRels.firstOfType("/sharedStrings")) {
    const std::string part = resolveTarget(workbookPart, rel->target);
    const ZipEntry* e = r.zip.find(part);
    if (!e) {
      r.fileError(MsgId::XlsxMissingPart, {part});
      return std::nullopt;
    }
    XmlStream* stream = nullptr;
    ss.stream = &stream;
    if (!r.parsePart(*e, ss, stream)) return std::nullopt;
  }
  std::vector<StyleInfo> styles;
  if (const Relationship* rel = wbRels.firstOfType("/styles")) {
    const std::string part = resolveTarget(workbookPart, rel->target);
    const ZipEntry* e = r.zip.find(part);
    if (!e) {
      r.fileError(MsgId::XlsxMissingPart, {part});
      return std::nullopt;
    }
    StylesHandler st;
    if (!r.parsePart(*e, st)) return std::nullopt;
    styles = st.resolve();
  }

  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    XlsxSheet& sheet = out.sheets[i];
    auto rel = wbRels.byId.find(wb.sheets[i].relId);
    if (rel == wbRels.byId.end() || rel->second.external) {
      r.fileError(MsgId::XlsxMissingPart, {wb.sheets[i].relId}, sheet.name);
      return std::nullopt;
    }
    // Chart sheets and dialog sheets hold no cells; they are listed, not read.
    if (!endsWith(rel->second.type, "/worksheet")) continue;
    const std::string part = resolveTarget(workbookPart, rel->second.target);
    const ZipEntry* e = r.zip.find(part);
    if (!e) {
      r.fileError(MsgId::XlsxMissingPart, {part}, sheet.name);
      return std::nullopt;
    }
    SheetHandler sh(r, sheet, ss.strings, styles, out.date1904);
    XmlStream* stream = nullptr;
    sh.stream = &stream;
    const bool ok = r.parsePart(*e, sh, stream, sheet.name);
    if (r.fatal || (!ok && r.cellErrors == 0)) return std::nullopt;
    if (!ok) break;
    finishSheet(r, sheet);
    if (r.fatal) return std::nullopt;
  }
  if (r.cellErrors > 0) return std::nullopt;

  for (auto& n : wb.names) {
    if (n.text.text.find(kInvalidUtf8Mark) != std::string::npos || n.name.find(kInvalidUtf8Mark) != std::string::npos)
      continue;  // a broken name is not worth refusing the file for
    std::string key = n.name;
    uint64_t local = 0;
    if (!n.localSheetId.empty() && parseUint(n.localSheetId, local) && local < out.sheets.size())
      key = out.sheets[local].name + "!" + n.name;
    out.definedNames[key] = n.text.text;
  }
  return out;
}

}  // namespace

std::optional<XlsxWorkbook> readXlsxBytes(std::string_view bytes, const std::string& displayName, Diagnostics& d,
                                          const XlsxLimits& lim) {
  Reader r(displayName, d, lim);
  return readWorkbook(r, bytes);
}

std::optional<XlsxWorkbook> readXlsxFile(const std::string& path, Diagnostics& d, const XlsxLimits& lim) {
  auto cannotOpen = [&] {
    d.add({Severity::Error, path, 0, 0, MsgId::FileNotFound, {path}});
    return std::nullopt;
  };
  // A directory or a device is not a workbook (and has no meaningful size).
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return cannotOpen();
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return cannotOpen();
  if (size > lim.maxFileBytes) {
    d.add({Severity::Error, path, 0, 0, MsgId::XlsxFileTooLarge, {std::to_string(size), std::to_string(lim.maxFileBytes)}});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) return cannotOpen();
  return readXlsxBytes(bytes, path, d, lim);
}

}  // namespace vnplan
