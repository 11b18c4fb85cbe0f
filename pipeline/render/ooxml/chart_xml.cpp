// xl/charts/chartN.xml (DrawingML chart, ECMA-376 part 1 §21.2) and xl/drawings/drawingN.xml
// (the sheet's drawing that anchors each chart over cells, §20.5), for the one kind of chart
// vnplan draws: stacked columns over ranges of a sheet. The XML is the same, byte for byte,
// as libxlsxwriter 1.1.4 writes for the same calls (tests/unit/ooxml_chart_test.cpp).
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "render/ooxml/object_anchor.hpp"
#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/xml_text.hpp"

namespace vnplan::ooxml {

namespace {

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
// Axis ids only tie each axis to its partner inside one chart part; libxlsxwriter 1.1.4 gives
// every chart the same pair.
constexpr std::string_view kCatAxisId = "50010001";
constexpr std::string_view kValAxisId = "50010002";
constexpr int kChartWidthPixels = 480, kChartHeightPixels = 288;  // Excel's default chart size
constexpr double kEmuPerPixel = 9525;                               // 914400 EMU per inch, 96 px

void appendHex6(std::string& out, std::uint32_t rgb) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 20; shift >= 0; shift -= 4) out.push_back(kDigits[(rgb >> shift) & 0xF]);
}

// ------------------------------------------------------------------------- cell ranges

// <c:f>'Tổng hợp'!$A$10:$A$14</c:f> (one cell: 'Tổng hợp'!$E$27)
void appendFormula(std::string& out, std::string_view sheet, const CellRange& r) {
  out += "<c:f>";
  appendText(out, quotedSheetName(sheet));
  out.push_back('!');
  appendCellName(out, r.firstRow, r.firstCol, true);
  if (r.firstRow != r.lastRow || r.firstCol != r.lastCol) {
    out.push_back(':');
    appendCellName(out, r.lastRow, r.lastCol, true);
  }
  out += "</c:f>";
}

// The values a chart keeps of its source cells, so that a reader shows it without
// recalculating: a text, a number, or nothing for a cell never written. Formulas, blanks and
// cells holding only a note count as 0 (libxlsxwriter reads numbers and texts only).
struct CachedPoint {
  enum class Kind : std::uint8_t { None, Number, Text } kind = Kind::None;
  double number = 0;
  const std::string* text = nullptr;
};

struct CachedRange {
  bool cached = false;  // false: the sheet is unknown or the range is not one row or column
  bool hasText = false;
  std::vector<CachedPoint> points;
};

class CellReader {
 public:
  explicit CellReader(const Workbook& wb) : wb_(wb) {}

  CachedRange read(std::string_view sheet, const CellRange& r) {
    CachedRange out;
    const Worksheet* ws = find(sheet);
    if (!ws || (r.firstRow != r.lastRow && r.firstCol != r.lastCol)) return out;
    out.cached = true;
    for (int row = r.firstRow; row <= r.lastRow; ++row) {
      auto rowIt = ws->rows().find(row);
      for (int col = r.firstCol; col <= r.lastCol; ++col) {
        CachedPoint p;
        const CellData* cell = nullptr;
        if (rowIt != ws->rows().end()) {
          auto cellIt = rowIt->second.cells.find(col);
          if (cellIt != rowIt->second.cells.end()) cell = &cellIt->second;
        }
        if (cell) {
          p.kind = CachedPoint::Kind::Number;
          if (cell->kind == CellData::Kind::Number) p.number = cell->number;
          if (cell->kind == CellData::Kind::String) {
            p.kind = CachedPoint::Kind::Text;
            p.text = &wb_.sharedStrings()[static_cast<std::size_t>(cell->sst)];
            out.hasText = true;
          }
        } else if (hasComment(*ws, row, col)) {
          p.kind = CachedPoint::Kind::Number;
        }
        out.points.push_back(p);
      }
    }
    return out;
  }

 private:
  const Worksheet* find(std::string_view sheet) const {
    for (const auto& ws : wb_.worksheets())
      if (ws->name() == sheet) return ws.get();
    return nullptr;
  }

  bool hasComment(const Worksheet& ws, int row, int col) {
    if (ws.comments().empty()) return false;
    auto [it, added] = comments_.try_emplace(&ws);
    if (added)
      for (const Comment& c : ws.comments()) it->second.emplace(c.row, c.col);
    return it->second.count({row, col}) > 0;
  }

  const Workbook& wb_;
  std::map<const Worksheet*, std::set<std::pair<int, int>>> comments_;
};

void appendPoints(std::string& out, const CachedRange& range, bool asText) {
  out += "<c:ptCount val=\"";
  appendInt(out, static_cast<long long>(range.points.size()));
  out += "\"/>";
  for (std::size_t i = 0; i < range.points.size(); ++i) {
    const CachedPoint& p = range.points[i];
    if (p.kind == CachedPoint::Kind::None) continue;
    out += "<c:pt idx=\"";
    appendInt(out, static_cast<long long>(i));
    out += "\"><c:v>";
    if (asText && p.kind == CachedPoint::Kind::Text) appendText(out, *p.text);
    else appendNumber(out, p.number);  // a text among numbers counts as 0
    out += "</c:v></c:pt>";
  }
}

void appendNumRef(std::string& out, std::string_view sheet, const CellRange& r, const CachedRange& cache) {
  out += "<c:numRef>";
  appendFormula(out, sheet, r);
  if (cache.cached) {
    out += "<c:numCache><c:formatCode>General</c:formatCode>";
    appendPoints(out, cache, false);
    out += "</c:numCache>";
  }
  out += "</c:numRef>";
}

void appendStrRef(std::string& out, std::string_view sheet, const CellRange& r, const CachedRange& cache) {
  out += "<c:strRef>";
  appendFormula(out, sheet, r);
  if (cache.cached) {
    out += "<c:strCache>";
    appendPoints(out, cache, true);
    out += "</c:strCache>";
  }
  out += "</c:strRef>";
}

// ------------------------------------------------------------------------------ text

bool fontSet(const ChartFont& f) { return !f.name.empty() || f.size > 0 || f.bold; }

// The attributes of <a:defRPr>/<a:rPr> for a font: size in hundredths of a point; without a
// typeface, bold and italic are stated (off) so that the text does not inherit Excel's bold
// titles; baseline 0.
void appendFontAttrs(std::string& out, const ChartFont& f) {
  if (f.size > 0) {
    out += " sz=\"";
    appendNumber(out, f.size * 100);
    out.push_back('"');
  }
  const bool typeface = !f.name.empty();
  if (!typeface || f.bold) out += f.bold ? " b=\"1\"" : " b=\"0\"";
  if (!typeface) out += " i=\"0\"";
  out += " baseline=\"0\"";
}

// <a:defRPr .../> or <a:rPr lang="en-US" .../>, with the typeface inside when there is one.
void appendRunProperties(std::string& out, std::string_view tag, const ChartFont* f) {
  out.push_back('<');
  out += tag;
  if (tag == "a:rPr") out += " lang=\"en-US\"";
  if (!f) {
    out += "/>";
    return;
  }
  appendFontAttrs(out, *f);
  if (f->name.empty()) {
    out += "/>";
    return;
  }
  out += "><a:latin typeface=\"";
  appendAttr(out, f->name);
  out += "\"/></";
  out += tag;
  out.push_back('>');
}

// <c:title> of the chart or an axis: the text as one run.
void appendTitle(std::string& out, std::string_view text, const ChartFont& font) {
  const ChartFont* f = fontSet(font) ? &font : nullptr;
  out += "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>";
  appendRunProperties(out, "a:defRPr", f);
  out += "</a:pPr><a:r>";
  appendRunProperties(out, "a:rPr", f);
  out += "<a:t>";
  appendText(out, text);
  out += "</a:t></a:r></a:p></c:rich></c:tx><c:layout/></c:title>";
}

// <c:txPr>: the font of an axis's numbers or the legend's entries.
void appendTextProperties(std::string& out, const ChartFont& font) {
  if (!fontSet(font)) return;
  out += "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>";
  appendRunProperties(out, "a:defRPr", &font);
  out += "</a:pPr><a:endParaRPr lang=\"en-US\"/></a:p></c:txPr>";
}

// <c:numFmt>: linked to the source cells unless the axis has a format of its own.
void appendAxisNumFormat(std::string& out, const std::string& numFormat) {
  const bool linked = numFormat.empty() || numFormat == "General";
  out += "<c:numFmt formatCode=\"";
  appendAttr(out, linked ? std::string_view("General") : std::string_view(numFormat));
  out += linked ? "\" sourceLinked=\"1\"/>" : "\" sourceLinked=\"0\"/>";
}

// ----------------------------------------------------------------------------- parts

void appendSeries(std::string& out, CellReader& cells, const ChartSeries& s, std::size_t index,
                  bool& categoriesAreNumbers) {
  out += "<c:ser><c:idx val=\"";
  appendInt(out, static_cast<long long>(index));
  out += "\"/><c:order val=\"";
  appendInt(out, static_cast<long long>(index));
  out += "\"/><c:tx>";
  const CellRange nameCell{s.nameRow, s.nameCol, s.nameRow, s.nameCol};
  appendStrRef(out, s.sheet, nameCell, cells.read(s.sheet, nameCell));
  out += "</c:tx>";
  if (s.fillColor != kNoColor) {
    out += "<c:spPr><a:solidFill><a:srgbClr val=\"";
    appendHex6(out, s.fillColor);
    out += "\"/></a:solidFill></c:spPr>";
  }
  out += "<c:cat>";
  const CachedRange categories = cells.read(s.sheet, s.categories);
  // Categories with any text are texts; the category axis then shows them as they are
  // (no number format), as Excel does.
  categoriesAreNumbers = !categories.hasText;
  if (categories.hasText) appendStrRef(out, s.sheet, s.categories, categories);
  else appendNumRef(out, s.sheet, s.categories, categories);
  out += "</c:cat><c:val>";
  appendNumRef(out, s.sheet, s.values, cells.read(s.sheet, s.values));
  out += "</c:val></c:ser>";
}

void appendCategoryAxis(std::string& out, const ChartAxis& axis, bool categoriesAreNumbers) {
  out += "<c:catAx><c:axId val=\"";
  out += kCatAxisId;
  out += "\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:axPos val=\"b\"/>";
  if (!axis.name.empty()) appendTitle(out, axis.name, axis.nameFont);
  if (categoriesAreNumbers || !(axis.numFormat.empty() || axis.numFormat == "General"))
    appendAxisNumFormat(out, axis.numFormat);
  out += "<c:tickLblPos val=\"nextTo\"/>";
  appendTextProperties(out, axis.numFont);
  out += "<c:crossAx val=\"";
  out += kValAxisId;
  out += "\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>";
}

void appendValueAxis(std::string& out, const ChartAxis& axis) {
  out += "<c:valAx><c:axId val=\"";
  out += kValAxisId;
  out += "\"/><c:scaling><c:orientation val=\"minMax\"/>";
  if (axis.minimum) {
    out += "<c:min val=\"";
    appendNumber(out, *axis.minimum);
    out += "\"/>";
  }
  out += "</c:scaling><c:axPos val=\"l\"/><c:majorGridlines/>";
  if (!axis.name.empty()) appendTitle(out, axis.name, axis.nameFont);
  appendAxisNumFormat(out, axis.numFormat);
  out += "<c:tickLblPos val=\"nextTo\"/>";
  appendTextProperties(out, axis.numFont);
  out += "<c:crossAx val=\"";
  out += kCatAxisId;
  out += "\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>";
}

// A pixel position in EMU, rounded to a whole EMU.
void appendEmu(std::string& out, double pixels) {
  appendInt(out, static_cast<long long>(pixels * kEmuPerPixel + 0.5));
}

void appendAnchorCorner(std::string& out, std::string_view tag, int col, double x, int row, double y) {
  out += "<xdr:";
  out += tag;
  out += "><xdr:col>";
  appendInt(out, col);
  out += "</xdr:col><xdr:colOff>";
  appendEmu(out, x);
  out += "</xdr:colOff><xdr:row>";
  appendInt(out, row);
  out += "</xdr:row><xdr:rowOff>";
  appendEmu(out, y);
  out += "</xdr:rowOff></xdr:";
  out += tag;
  out.push_back('>');
}

}  // namespace

std::string chartXml(const Workbook& wb, const Chart& chart) {
  std::string out;
  out.reserve(4096 + chart.series.size() * 2048);
  out += kXmlDeclaration;
  out +=
      "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<c:lang val=\"en-US\"/><c:chart>";
  if (!chart.title.empty()) appendTitle(out, chart.title, chart.titleFont);
  out += "<c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/><c:grouping val=\"stacked\"/>";
  CellReader cells(wb);
  bool categoriesAreNumbers = true;  // as the last series' categories are
  for (std::size_t i = 0; i < chart.series.size(); ++i) appendSeries(out, cells, chart.series[i], i, categoriesAreNumbers);
  if (chart.seriesGap) {
    out += "<c:gapWidth val=\"";
    appendInt(out, *chart.seriesGap);
    out += "\"/>";
  }
  // Stacked columns lie on top of each other: full overlap.
  out += "<c:overlap val=\"100\"/><c:axId val=\"";
  out += kCatAxisId;
  out += "\"/><c:axId val=\"";
  out += kValAxisId;
  out += "\"/></c:barChart>";
  appendCategoryAxis(out, chart.xAxis, categoriesAreNumbers);
  appendValueAxis(out, chart.yAxis);
  out += "</c:plotArea><c:legend><c:legendPos val=\"";
  out += chart.legendPosition == Chart::LegendPosition::Bottom ? "b" : "r";
  out += "\"/><c:layout/>";
  appendTextProperties(out, chart.legendFont);
  out +=
      "</c:legend><c:plotVisOnly val=\"1\"/></c:chart><c:printSettings><c:headerFooter/>"
      "<c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/>"
      "</c:printSettings></c:chartSpace>";
  return out;
}

std::string drawingXml(const Worksheet& ws) {
  const SheetMetrics metrics(ws);
  std::string out;
  out.reserve(512 + ws.charts().size() * 1024);
  out += kXmlDeclaration;
  out +=
      "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">";
  int n = 0;
  for (const ChartPlacement& p : ws.charts()) {
    ++n;
    const double xScale = p.xScale == 0 ? 1 : p.xScale, yScale = p.yScale == 0 ? 1 : p.yScale;
    const ObjectAnchor a =
        metrics.place(p.row, p.col, p.xOffset, p.yOffset, kChartWidthPixels * xScale, kChartHeightPixels * yScale);
    out += "<xdr:twoCellAnchor";
    if (p.anchor == ChartPlacement::Anchor::MoveDontSize) out += " editAs=\"oneCell\"";
    else if (p.anchor == ChartPlacement::Anchor::DontMoveDontSize) out += " editAs=\"absolute\"";
    out.push_back('>');
    appendAnchorCorner(out, "from", a.fromCol, a.fromX, a.fromRow, a.fromY);
    appendAnchorCorner(out, "to", a.toCol, a.toX, a.toRow, a.toY);
    out += "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"";
    appendInt(out, n + 1);
    out += "\" name=\"Chart ";
    appendInt(out, n);
    out +=
        "\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" "
        "cy=\"0\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
        "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId";
    appendInt(out, n);
    out += "\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";
  }
  out += "</xdr:wsDr>";
  return out;
}

}  // namespace vnplan::ooxml
