// xl/styles.xml and the style record (xf) and differential style (dxf) numbers cells and
// conditional formats refer to.
//
// What libxlsxwriter 1.1.4 writes, as found by probing it (the same calls, its styles.xml
// read back), and which this file reproduces:
// - A format's xf number is given when the package is written, in the order the worksheets'
//   XML meets formats: sheet by sheet, first the <cols> (sorted by first column; a later
//   column range with the same first column replaces the earlier one), then row by row the
//   row's own format and then its cells from left to right. The order of the calls does not
//   matter; a format no written cell, row or column uses gets no xf.
// - Formats with equal properties share one xf. The properties compared are those of the
//   format, plus its dxf number when it is the format that made a dxf (the first of the equal
//   conditional formats' formats): such a format does not share an xf with an otherwise equal
//   one; a later conditional format's format given the same dxf is not marked and does. The default format (xf 0) was
//   compared as a default-constructed format, whatever is changed on it later: a format equal
//   to a fresh Format{} gets xf 0 even when the default's font has been changed since, and
//   one equal to the changed default gets an xf of its own.
// - Fonts, fills, borders: each distinct one in xf order (fill 0 and 1 are the fixed "none"
//   and "gray125"). A workbook with notes gets one more font, Tahoma 8, for them.
// - Number formats: every non-empty format string is a custom one (even "0" or "General"),
//   numbered from 164 in xf order, then in dxf order for the conditional formats' strings;
//   <numFmts> lists only those of the xfs.
// - dxfs: numbered when the conditional format is added (call order), equal properties share.
//   A dxf carries only font weight, slant and colour, number format, fill colour and border.
// - Colours are written "FF" + RRGGBB; a font without a colour gets <color theme="1"/>; only a
//   Calibri font gets <scheme val="minor"/>.
#include <algorithm>
#include <bit>
#include <map>
#include <cstdint>
#include <stdexcept>

#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/xml_text.hpp"

namespace vnplan::ooxml {

namespace {

constexpr int kNoDxf = -1;
constexpr int kFirstCustomNumFmt = 164;
constexpr int kFirstUserFill = 2;  // after the fixed "none" and "gray125"

bool sameFormat(const Format& a, const Format& b) {
  return a.fontName == b.fontName && a.fontSize == b.fontSize && a.bold == b.bold && a.italic == b.italic &&
         a.fontColor == b.fontColor && a.bgColor == b.bgColor && a.align == b.align && a.valign == b.valign &&
         a.wrap == b.wrap && a.border == b.border && a.numFormat == b.numFormat && a.locked == b.locked;
}

bool sameFont(const Format& a, const Format& b) {
  return a.fontName == b.fontName && a.fontSize == b.fontSize && a.bold == b.bold && a.italic == b.italic &&
         a.fontColor == b.fontColor;
}

// A format's identity as an xf: its properties and, for a conditional format's format, its dxf.
struct XfKey {
  Format props;
  int dxf = kNoDxf;
};

void appendRgb(std::string& out, std::uint32_t color) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "FF";
  for (int shift = 20; shift >= 0; shift -= 4) out.push_back(kHex[(color >> shift) & 0xF]);
}

// The value of an attribute: ` name="value"`.
void appendIntAttr(std::string& out, std::string_view name, long long v) {
  out.push_back(' ');
  out.append(name);
  out += "=\"";
  appendInt(out, v);
  out.push_back('"');
}

void appendColorRgb(std::string& out, std::string_view element, std::uint32_t color) {
  out.push_back('<');
  out.append(element);
  out += " rgb=\"";
  appendRgb(out, color);
  out += "\"/>";
}

std::string_view fontNameOf(const Format& f) { return f.fontName.empty() ? std::string_view("Calibri") : f.fontName; }

void appendFont(std::string& out, const Format& f) {
  out += "<font>";
  if (f.bold) out += "<b/>";
  if (f.italic) out += "<i/>";
  if (f.fontSize != 0) {
    out += "<sz val=\"";
    appendNumber(out, f.fontSize);
    out += "\"/>";
  }
  if (f.fontColor == kNoColor) out += "<color theme=\"1\"/>";
  else appendColorRgb(out, "color", f.fontColor);
  const std::string_view name = fontNameOf(f);
  out += "<name val=\"";
  appendAttr(out, name);
  out += "\"/><family val=\"2\"/>";
  if (name == "Calibri") out += "<scheme val=\"minor\"/>";
  out += "</font>";
}

void appendBorderSides(std::string& out, BorderStyle style) {
  if (style == BorderStyle::None) {
    out += "<left/><right/><top/><bottom/>";
    return;
  }
  for (const char* side : {"left", "right", "top", "bottom"}) {
    out += '<';
    out += side;
    out += " style=\"thin\"><color auto=\"1\"/></";
    out += side;
    out += '>';
  }
}

bool appliesAlignment(const Format& f) { return f.align != HAlign::None || f.valign != VAlign::None || f.wrap; }

// Bottom is the default vertical alignment: set alone it is applied but not written.
bool writesAlignment(const Format& f) {
  return f.align != HAlign::None || (f.valign != VAlign::None && f.valign != VAlign::Bottom) || f.wrap;
}

void appendAlignment(std::string& out, const Format& f) {
  out += "<alignment";
  switch (f.align) {
    case HAlign::Left: out += " horizontal=\"left\""; break;
    case HAlign::Center: out += " horizontal=\"center\""; break;
    case HAlign::Right: out += " horizontal=\"right\""; break;
    case HAlign::None: break;
  }
  switch (f.valign) {
    case VAlign::Top: out += " vertical=\"top\""; break;
    case VAlign::Center: out += " vertical=\"center\""; break;
    case VAlign::Bottom:
    case VAlign::None: break;
  }
  if (f.wrap) out += " wrapText=\"1\"";
  out += "/>";
}

// Format pointer -> number, as an open-addressing hash table in a plain vector (a power of two
// of slots, at most half full, nullptr = empty): the sheet writer asks once per cell, and the
// numbering below looks up every cell's format, so this is a few nanoseconds, not a search.
using Slot = std::pair<const Format*, int>;

// Fibonacci hashing: the top bits of the address times 2^64/phi (formats are heap blocks a
// fixed distance apart, which the low bits alone would pile into a few slots).
inline std::size_t slotOf(const Format* f, std::size_t slots) {
  const std::uint64_t h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(f)) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(h >> (64 - std::countr_zero(slots)));
}

inline int findIn(const std::vector<Slot>& table, const Format* f) {
  const std::size_t mask = table.size() - 1;  // the tables are never empty when searched
  for (std::size_t i = slotOf(f, table.size());; i = (i + 1) & mask) {
    if (table[i].first == f) return table[i].second;
    if (!table[i].first) return -1;
  }
}

void placeIn(std::vector<Slot>& table, const Format* f, int value) {
  const std::size_t mask = table.size() - 1;
  std::size_t i = slotOf(f, table.size());
  while (table[i].first && table[i].first != f) i = (i + 1) & mask;
  table[i] = {f, value};
}

// Adds or replaces; `count` is the number of entries, kept by the caller's table.
void insertInto(std::vector<Slot>& table, std::size_t& count, const Format* f, int value) {
  if ((count + 1) * 2 > table.size()) {
    std::vector<Slot> grown(std::max<std::size_t>(16, table.size() * 2), Slot{nullptr, 0});
    for (const Slot& e : table)
      if (e.first) placeIn(grown, e.first, e.second);
    table.swap(grown);
  }
  if (findIn(table, f) < 0) ++count;
  placeIn(table, f, value);
}

// Gives each format its xf number in the order the worksheets' XML meets them.
class XfNumbering {
 public:
  // dxfMakers[i]: the format that made dxf i.
  XfNumbering(const Workbook& wb, const std::vector<const Format*>& dxfMakers) : dxfMakers_(dxfMakers) {
    const Format* normal = wb.formats().front().get();
    keys_.push_back({Format{}, kNoDxf});  // the default's identity when the workbook was made
    formats_.push_back(normal);
    insertInto(assigned_, assignedCount_, normal, 0);
    for (const Format* f : wb.formatsInUseOrder())
      if (f && f != normal) insertInto(used_, usedCount_, f, 0);
  }

  // false once every format the workbook uses has its number (the rest need not be walked).
  bool note(const Format* f) {
    if (f && findIn(assigned_, f) < 0) add(f);
    return found_ < usedCount_;
  }

  bool pending() const { return found_ < usedCount_; }
  // Format -> xf, as a table for findIn().
  std::vector<Slot>& assigned() { return assigned_; }
  // The format written for each xf (the first that got it; its properties as they are now).
  const std::vector<const Format*>& formats() const { return formats_; }

 private:
  void add(const Format* f) {
    const XfKey key{*f, dxfOf(f)};
    int index = -1;
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i].dxf == key.dxf && sameFormat(keys_[i].props, key.props)) {
        index = static_cast<int>(i);
        break;
      }
    if (index < 0) {
      index = static_cast<int>(keys_.size());
      keys_.push_back(key);
      formats_.push_back(f);
    }
    insertInto(assigned_, assignedCount_, f, index);
    if (!used_.empty() && findIn(used_, f) >= 0) ++found_;
  }

  int dxfOf(const Format* f) const {
    for (std::size_t i = 0; i < dxfMakers_.size(); ++i)
      if (dxfMakers_[i] == f) return static_cast<int>(i);
    return kNoDxf;
  }

  const std::vector<const Format*>& dxfMakers_;
  std::vector<XfKey> keys_;
  std::vector<const Format*> formats_;
  std::vector<Slot> assigned_, used_;
  std::size_t assignedCount_ = 0, usedCount_ = 0, found_ = 0;
};

void numberXfs(const Workbook& wb, XfNumbering& xfs) {
  for (const auto& ws : wb.worksheets()) {
    if (!xfs.pending()) return;
    std::map<int, const Format*> colsByFirst;  // as <cols> is written
    for (const ColumnRange& c : ws->columns()) colsByFirst[c.first] = c.format;
    for (const auto& [first, f] : colsByFirst) xfs.note(f);
    // The format last seen in each column (modulo 16): a table's columns keep their formats
    // from row to row, so most cells are passed over here without a lookup.
    const Format* recent[16] = {};
    for (const auto& [r, row] : ws->rows()) {
      if (row.format && !xfs.note(row.format)) return;
      for (const auto& [c, cell] : row.cells) {
        const Format*& seen = recent[c & 15];
        if (cell.format == seen) continue;
        seen = cell.format;
        if (!xfs.note(cell.format)) return;
      }
    }
  }
}

[[noreturn, gnu::cold, gnu::noinline]] void missing(const char* what) {
  throw std::logic_error(std::string("styles.xml: ") + what);
}

inline int lookUp(const std::vector<Slot>& table, const Format* f, const char* what) {
  const int n = table.empty() ? -1 : findIn(table, f);
  if (n < 0) missing(what);
  return n;
}

}  // namespace

StyleSheet::StyleSheet(const Workbook& wb) {
  // dxfs, in the order the conditional formats were added.
  std::vector<const Format*> dxfFormats;
  std::vector<Slot> dxfOf;
  for (const Format* f : wb.conditionalFormatsInOrder()) {
    int index = -1;
    for (std::size_t i = 0; i < dxfFormats.size(); ++i)
      if (sameFormat(*dxfFormats[i], *f)) {
        index = static_cast<int>(i);
        break;
      }
    if (index < 0) {
      index = static_cast<int>(dxfFormats.size());
      dxfFormats.push_back(f);
    }
    dxfOf.emplace_back(f, index);
  }
  std::size_t dxfCount = 0;
  for (const auto& [f, index] : dxfOf) insertInto(dxf_, dxfCount, f, index);

  XfNumbering numbering(wb, dxfFormats);
  numberXfs(wb, numbering);
  const std::vector<const Format*>& xfs = numbering.formats();
  xf_ = std::move(numbering.assigned());

  // Number formats, fonts, fills and borders of the xfs (each distinct one once, in xf order).
  std::vector<std::string_view> numFormats;
  const auto numFmtId = [&](const std::string& code) {
    if (code.empty()) return 0;
    for (std::size_t i = 0; i < numFormats.size(); ++i)
      if (numFormats[i] == code) return kFirstCustomNumFmt + static_cast<int>(i);
    numFormats.push_back(code);
    return kFirstCustomNumFmt + static_cast<int>(numFormats.size()) - 1;
  };
  std::vector<const Format*> fonts, fills;
  std::vector<BorderStyle> borders;
  struct XfIds {
    int numFmt, font, fill, border;
  };
  std::vector<XfIds> ids;
  ids.reserve(xfs.size());
  for (const Format* f : xfs) {
    XfIds x{numFmtId(f->numFormat), -1, 0, -1};
    for (std::size_t i = 0; i < fonts.size() && x.font < 0; ++i)
      if (sameFont(*fonts[i], *f)) x.font = static_cast<int>(i);
    if (x.font < 0) {
      x.font = static_cast<int>(fonts.size());
      fonts.push_back(f);
    }
    if (f->bgColor != kNoColor) {
      x.fill = -1;
      for (std::size_t i = 0; i < fills.size() && x.fill < 0; ++i)
        if (fills[i]->bgColor == f->bgColor) x.fill = kFirstUserFill + static_cast<int>(i);
      if (x.fill < 0) {
        x.fill = kFirstUserFill + static_cast<int>(fills.size());
        fills.push_back(f);
      }
    }
    for (std::size_t i = 0; i < borders.size() && x.border < 0; ++i)
      if (borders[i] == f->border) x.border = static_cast<int>(i);
    if (x.border < 0) {
      x.border = static_cast<int>(borders.size());
      borders.push_back(f->border);
    }
    ids.push_back(x);
  }
  const std::size_t xfNumFormats = numFormats.size();
  std::vector<int> dxfNumFmt;
  for (const Format* f : dxfFormats) dxfNumFmt.push_back(numFmtId(f->numFormat));

  bool hasNotes = false;
  for (const auto& ws : wb.worksheets()) hasNotes = hasNotes || !ws->comments().empty();

  std::string& out = xml_;
  out.reserve(1600 + 260 * xfs.size() + 160 * fonts.size() + 120 * fills.size() + 240 * dxfFormats.size());
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

  if (xfNumFormats) {
    out += "<numFmts";
    appendIntAttr(out, "count", static_cast<long long>(xfNumFormats));
    out += '>';
    for (std::size_t i = 0; i < xfNumFormats; ++i) {
      out += "<numFmt";
      appendIntAttr(out, "numFmtId", kFirstCustomNumFmt + static_cast<long long>(i));
      out += " formatCode=\"";
      appendAttr(out, numFormats[i]);
      out += "\"/>";
    }
    out += "</numFmts>";
  }

  out += "<fonts";
  appendIntAttr(out, "count", static_cast<long long>(fonts.size() + (hasNotes ? 1 : 0)));
  out += '>';
  for (const Format* f : fonts) appendFont(out, *f);
  if (hasNotes) out += "<font><sz val=\"8\"/><color indexed=\"81\"/><name val=\"Tahoma\"/><family val=\"2\"/></font>";
  out += "</fonts>";

  out += "<fills";
  appendIntAttr(out, "count", static_cast<long long>(kFirstUserFill + fills.size()));
  out += "><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>";
  for (const Format* f : fills) {
    out += "<fill><patternFill patternType=\"solid\">";
    appendColorRgb(out, "fgColor", f->bgColor);
    out += "<bgColor indexed=\"64\"/></patternFill></fill>";
  }
  out += "</fills>";

  out += "<borders";
  appendIntAttr(out, "count", static_cast<long long>(borders.size()));
  out += '>';
  for (BorderStyle b : borders) {
    out += "<border>";
    appendBorderSides(out, b);
    out += "<diagonal/></border>";
  }
  out += "</borders>";

  out +=
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      "<cellXfs";
  appendIntAttr(out, "count", static_cast<long long>(xfs.size()));
  out += '>';
  for (std::size_t i = 0; i < xfs.size(); ++i) {
    const Format& f = *xfs[i];
    const XfIds& x = ids[i];
    out += "<xf";
    appendIntAttr(out, "numFmtId", x.numFmt);
    appendIntAttr(out, "fontId", x.font);
    appendIntAttr(out, "fillId", x.fill);
    appendIntAttr(out, "borderId", x.border);
    out += " xfId=\"0\"";
    if (x.numFmt > 0) out += " applyNumberFormat=\"1\"";
    if (x.font > 0) out += " applyFont=\"1\"";
    if (x.fill > 0) out += " applyFill=\"1\"";
    if (x.border > 0) out += " applyBorder=\"1\"";
    if (appliesAlignment(f)) out += " applyAlignment=\"1\"";
    if (!f.locked) out += " applyProtection=\"1\"";
    const bool alignment = writesAlignment(f);
    if (!alignment && f.locked) {
      out += "/>";
      continue;
    }
    out += '>';
    if (alignment) appendAlignment(out, f);
    if (!f.locked) out += "<protection locked=\"0\"/>";
    out += "</xf>";
  }
  out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

  out += "<dxfs";
  appendIntAttr(out, "count", static_cast<long long>(dxfFormats.size()));
  if (dxfFormats.empty()) out += "/>";
  else {
    out += '>';
    for (std::size_t i = 0; i < dxfFormats.size(); ++i) {
      const Format& f = *dxfFormats[i];
      out += "<dxf>";
      if (f.bold || f.italic || f.fontColor != kNoColor) {
        out += "<font>";
        if (f.bold) out += "<b/>";
        if (f.italic) out += "<i/>";
        if (f.fontColor != kNoColor) appendColorRgb(out, "color", f.fontColor);
        out += "</font>";
      }
      if (dxfNumFmt[i] > 0) {
        out += "<numFmt";
        appendIntAttr(out, "numFmtId", dxfNumFmt[i]);
        out += " formatCode=\"";
        appendAttr(out, f.numFormat);
        out += "\"/>";
      }
      if (f.bgColor != kNoColor) {
        out += "<fill><patternFill>";
        appendColorRgb(out, "bgColor", f.bgColor);
        out += "</patternFill></fill>";
      }
      if (f.border != BorderStyle::None) {
        out += "<border>";
        appendBorderSides(out, f.border);
        out += "<vertical/><horizontal/></border>";
      }
      out += "</dxf>";
    }
    out += "</dxfs>";
  }
  out +=
      "<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>"
      "</styleSheet>";
}

int StyleSheet::xfIndex(const Format* f) const {
  if (!f) return 0;
  return lookUp(xf_, f, "a format that no cell, row or column of the workbook uses");
}

int StyleSheet::dxfIndex(const Format* f) const {
  return lookUp(dxf_, f, "a format that is no conditional format's format");
}

}  // namespace vnplan::ooxml
