// vnplan's own chart and drawing parts (render/ooxml/chart_xml.cpp) against libxlsxwriter
// 1.1.4's for the same calls: the same bytes for the report's status chart, for each chart
// option and cached-value case, and for charts placed anywhere over columns and rows of any
// size (the anchor arithmetic).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ooxml_chart_mirror.hpp"
#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/workbook.hpp"

namespace vnplan {
namespace {

using ooxml::Chart;
using ooxml::ChartFont;
using ooxml::ChartPlacement;
using ooxml::ChartSeries;
using ooxml::Workbook;
using ooxml::Worksheet;

// Every chart and drawing part of `wb` equals libxlsxwriter's.
void expectSameChartParts(const Workbook& wb) {
  ooxml_mirror::Mirror theirs(wb);
  int drawing = 0, chart = 0;
  for (const auto& ws : wb.worksheets()) {
    if (ws->charts().empty()) continue;
    ++drawing;
    ooxml_mirror::expectSameXml(ooxml::drawingXml(*ws),
                                theirs.part("xl/drawings/drawing" + std::to_string(drawing) + ".xml"),
                                "drawing of sheet " + ws->name());
    for (const ChartPlacement& p : ws->charts()) {
      ++chart;
      ooxml_mirror::expectSameXml(ooxml::chartXml(wb, *p.chart),
                                  theirs.part("xl/charts/chart" + std::to_string(chart) + ".xml"),
                                  "chart " + std::to_string(chart));
    }
  }
  EXPECT_FALSE(theirs.has("xl/charts/chart" + std::to_string(chart + 1) + ".xml"));
}

ChartSeries& addSeries(Chart& c, const std::string& sheet, int firstRow, int lastRow, int catCol, int valCol,
                       int nameRow) {
  ChartSeries& s = c.addSeries();
  s.sheet = sheet;
  s.categories = {firstRow, catCol, lastRow, catCol};
  s.values = {firstRow, valCol, lastRow, valCol};
  s.nameRow = nameRow;
  s.nameCol = valCol;
  return s;
}

ChartPlacement at(int row, int col, const Chart& c) {
  ChartPlacement p;
  p.row = row;
  p.col = col;
  p.chart = &c;
  return p;
}

// The report's summary sheet and its chart, as render/xlsx/report_sheets.cpp builds them:
// a group table (roman numerals, names, counts per status, a total row of formulas) under
// taller title rows, columns of several widths, and the stacked chart of the counts below it.
TEST(OoxmlChart, ReportStatusChartAsLibxlsxwriter) {
  Workbook wb;
  Worksheet& ws = wb.addWorksheet("Tổng hợp");
  wb.addWorksheet("Phụ lục I");
  const double widths[] = {6, 34, 9, 9, 10.5, 10.5, 11, 11, 9.5, 9.5, 12, 12, 12.71, 14};
  for (int c = 0; c < 14; ++c) ws.setColumn(c, c, widths[c]);
  ws.setColumn(14, 15, 20, nullptr, true);  // machine columns, hidden
  ooxml::Format* bold = wb.addFormat();
  bold->bold = true;
  ws.mergeRange(0, 0, 0, 13, "BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH", bold);
  ws.setRow(0, 24.75);
  ws.setRow(1, 18.6);
  ws.setRow(3, 8);
  const int header = 26, first = 27;
  ws.setRow(header, 46.5);
  const char* headers[] = {"TT", "Nhóm nhiệm vụ", "Tổng số", "Đúng hạn", "Hoàn thành", "Trễ hạn", "Chưa đến hạn",
                           "Đang thực hiện", "Chưa thực hiện", "Quá hạn", "Thường xuyên", "Chờ điều kiện",
                           "Dừng/điều chỉnh", "Tỷ lệ hoàn thành"};
  for (int c = 0; c < 14; ++c) ws.writeString(header, c, headers[c], bold);
  const char* roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  std::mt19937 rng(7);
  for (int g = 0; g < 10; ++g) {
    const int row = first + g;
    ws.writeString(row, 0, roman[g]);
    ws.writeString(row, 1, "Nhóm " + std::to_string(g + 1) + ": chuyển đổi số & \"dữ liệu\" <xã>");
    for (int c = 2; c < 13; ++c) ws.writeNumber(row, c, static_cast<double>(rng() % 9));
    ws.writeNumber(row, 13, (rng() % 1000) / 1000.0);
    if (g % 3 == 0) ws.setRow(row, 31.5);
  }
  const int total = first + 10;
  ws.writeString(total, 1, "Tổng cộng", bold);
  for (int c = 2; c < 13; ++c) ws.writeFormula(total, c, "SUM(C28:C37)", bold, 40.0);

  Chart& chart = wb.addChart(Chart::Type::ColumnStacked);
  const std::pair<int, std::uint32_t> statuses[] = {{4, 0x2E7D32}, {7, 0x1565C0}, {9, 0xC62828},
                                                    {10, 0x00897B}, {11, 0xF9A825}, {12, 0x424242}};
  for (const auto& [col, color] : statuses)
    addSeries(chart, "Tổng hợp", first, total - 1, 0, col, header).fillColor = color;
  chart.title = "Tình trạng thực hiện nhiệm vụ theo nhóm";
  chart.titleFont = {"Times New Roman", 13, true};
  const ChartFont axisFont{"Times New Roman", 11, false};
  chart.xAxis.numFont = chart.yAxis.numFont = axisFont;
  chart.xAxis.name = "Nhóm nhiệm vụ";
  chart.yAxis.name = "Số nhiệm vụ";
  chart.xAxis.nameFont = chart.yAxis.nameFont = axisFont;
  chart.yAxis.numFormat = "0";
  chart.yAxis.minimum = 0;
  chart.legendPosition = Chart::LegendPosition::Bottom;
  chart.legendFont = axisFont;
  chart.seriesGap = 60;
  ChartPlacement p = at(total + 2, 1, chart);
  p.xOffset = 8;
  p.yOffset = 4;
  p.xScale = 1.9;
  p.yScale = 1.5;
  p.anchor = ChartPlacement::Anchor::MoveDontSize;
  ws.insertChart(p);

  expectSameChartParts(wb);
  // What the report's chart must show, independently of libxlsxwriter.
  const std::string xml = ooxml::chartXml(wb, chart);
  EXPECT_NE(xml.find("<c:f>'Tổng hợp'!$A$28:$A$37</c:f><c:strCache><c:ptCount val=\"10\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<a:defRPr sz=\"1300\" b=\"1\" baseline=\"0\"><a:latin typeface=\"Times New Roman\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/>"), std::string::npos);
  EXPECT_NE(ooxml::drawingXml(ws).find("<xdr:twoCellAnchor editAs=\"oneCell\"><xdr:from><xdr:col>1</xdr:col>"
                                       "<xdr:colOff>76200</xdr:colOff><xdr:row>39</xdr:row><xdr:rowOff>38100"),
            std::string::npos);
}

// Titles, fonts, number formats, legend and gap: each set or not, as libxlsxwriter writes them.
TEST(OoxmlChart, OptionsAsLibxlsxwriter) {
  struct Variant {
    const char* what;
    void (*apply)(Chart&);
  };
  const Variant variants[] = {
      {"nothing set", [](Chart&) {}},
      {"title without font", [](Chart& c) { c.title = "Tiêu đề <a & b> \"q\" 'x'"; }},
      {"font without title", [](Chart& c) { c.titleFont = {"Arial", 12, true}; }},
      {"title, typeface only", [](Chart& c) { c.title = "T", c.titleFont = {"Arial", 0, false}; }},
      {"title, size only", [](Chart& c) { c.title = "T", c.titleFont = {"", 10.555, false}; }},
      {"title, bold only", [](Chart& c) { c.title = "T", c.titleFont = {"", 0, true}; }},
      {"title, odd typeface", [](Chart& c) { c.title = "T", c.titleFont = {"A\"&<>b", 9, true}; }},
      {"axis names without fonts", [](Chart& c) { c.xAxis.name = "Trục X", c.yAxis.name = "Trục Y"; }},
      {"axis name fonts without names", [](Chart& c) { c.xAxis.nameFont = c.yAxis.nameFont = {"Arial", 9, false}; }},
      {"axis number fonts", [](Chart& c) { c.xAxis.numFont = {"", 8, true}, c.yAxis.numFont = {"Tahoma", 0, false}; }},
      {"axis formats", [](Chart& c) { c.xAxis.numFormat = "0.0", c.yAxis.numFormat = "0\"x\"&<>"; }},
      {"explicit General", [](Chart& c) { c.xAxis.numFormat = c.yAxis.numFormat = "General"; }},
      {"minimums", [](Chart& c) { c.xAxis.minimum = 3, c.yAxis.minimum = 1.0 / 3; }},
      {"negative minimum", [](Chart& c) { c.yAxis.minimum = -2.5; }},
      {"legend at the bottom", [](Chart& c) { c.legendPosition = Chart::LegendPosition::Bottom; }},
      {"legend font", [](Chart& c) { c.legendFont = {"", 7.77, false}; }},
      {"gaps", [](Chart& c) { c.seriesGap = 0; }},
      {"wide gap", [](Chart& c) { c.seriesGap = 500; }},
  };
  for (bool textCategories : {false, true}) {
    for (const Variant& v : variants) {
      SCOPED_TRACE(std::string(v.what) + (textCategories ? ", text categories" : ", number categories"));
      Workbook wb;
      Worksheet& ws = wb.addWorksheet("S");
      for (int r = 1; r <= 4; ++r) {
        if (textCategories) ws.writeString(r, 0, "Nhóm " + std::to_string(r));
        else ws.writeNumber(r, 0, r * 10);
        ws.writeNumber(r, 1, r * 1.5);
        ws.writeNumber(r, 2, r);
      }
      ws.writeString(0, 1, "Một");
      ws.writeString(0, 2, "Hai");
      Chart& c = wb.addChart(Chart::Type::ColumnStacked);
      addSeries(c, "S", 1, 4, 0, 1, 0);
      addSeries(c, "S", 1, 4, 0, 2, 0).fillColor = 0x000000;
      v.apply(c);
      ws.insertChart(at(6, 1, c));
      expectSameChartParts(wb);
    }
  }
}

// The values kept in the chart: texts, numbers, and what other cells give.
TEST(OoxmlChart, CachedValuesAsLibxlsxwriter) {
  Workbook wb;
  Worksheet& ws = wb.addWorksheet("Dữ liệu");
  Worksheet& other = wb.addWorksheet("Other");
  ooxml::Format* f = wb.addFormat();
  f->italic = true;
  ws.writeString(0, 0, "Tên & <mục>");
  ws.writeNumber(1, 0, 2);
  ws.writeString(2, 0, "", f);  // an empty text is a blank
  ws.writeBlank(3, 0, f);
  ws.writeFormula(4, 0, "1+1", nullptr, 2.0);
  ws.writeFormula(5, 0, "\"a\"", nullptr, "a");
  // row 6 never written
  ws.writeComment(7, 0, "a note alone");
  ws.writeNumber(8, 0, 1e20);
  ws.writeComment(8, 0, "a note on a number");
  const double numbers[] = {0.1, -3.25, 1e-7, 123456789012345678.0, 1.0 / 3, 0, 42, 7.5, 1e300};
  for (int r = 0; r < 9; ++r) ws.writeNumber(r, 1, numbers[r]);
  ws.writeString(2, 1, "chữ giữa số");
  ws.writeFormula(0, 2, "B1", nullptr, 5.0);
  ws.writeNumber(1, 2, 12.5);
  other.writeString(0, 0, "x");

  Chart& c = wb.addChart(Chart::Type::ColumnStacked);
  addSeries(c, "Dữ liệu", 0, 9, 0, 1, 0);                      // name: a text; mixed categories
  addSeries(c, "Dữ liệu", 0, 9, 1, 1, 0).nameCol = 2;          // name: a formula; number categories
  addSeries(c, "Dữ liệu", 0, 9, 1, 0, 1).nameCol = 2;          // name: a number; text values
  addSeries(c, "Dữ liệu", 0, 9, 5, 5, 20);                     // nothing written there
  addSeries(c, "Không có", 0, 3, 0, 1, 0);  // no such sheet
  ChartSeries& twoD = addSeries(c, "Dữ liệu", 0, 3, 0, 1, 0);
  twoD.categories = {0, 0, 3, 1};  // not one row or column: no cached values
  twoD.values = {0, 1, 3, 2};
  ChartSeries& one = addSeries(c, "Dữ liệu", 0, 0, 0, 1, 0);
  one.categories = {0, 0, 0, 0};
  ChartSeries& across = addSeries(c, "Other", 0, 0, 0, 0, 0);
  across.categories = {0, 0, 0, 5};  // one row
  across.values = {0, 0, 0, 5};
  ws.insertChart(at(12, 3, c));
  expectSameChartParts(wb);
}

// Sheet names in the chart's formulas: bare where libxlsxwriter leaves them bare, else quoted.
TEST(OoxmlChart, SheetNamesInFormulasAsLibxlsxwriter) {
  Workbook wb;
  const char* names[] = {"a.b", "1x", "It's", "A1", "Sheet_1", "x y", "R&D <x>", "Đ", "Tổng hợp (2026)"};
  Chart& c = wb.addChart(Chart::Type::ColumnStacked);
  Worksheet* first = nullptr;
  for (const char* n : names) {
    Worksheet& ws = wb.addWorksheet(n);
    if (!first) first = &ws;
    ws.writeString(0, 0, n);
    ws.writeNumber(1, 0, 1);
    addSeries(c, n, 1, 2, 0, 0, 0);
  }
  first->insertChart(at(3, 3, c));
  expectSameChartParts(wb);
}

// Several charts on several sheets: part numbers, drawing names and relationship ids, anchors.
TEST(OoxmlChart, SeveralChartsAsLibxlsxwriter) {
  Workbook wb;
  Worksheet& a = wb.addWorksheet("A");
  Worksheet& b = wb.addWorksheet("B");
  Worksheet& none = wb.addWorksheet("C");
  Worksheet& d = wb.addWorksheet("D");
  none.writeNumber(0, 0, 1);
  for (Worksheet* ws : {&a, &b, &d})
    for (int r = 0; r < 5; ++r) ws->writeNumber(r, 0, r), ws->writeNumber(r, 1, r * r);
  std::vector<Chart*> charts;
  for (int i = 0; i < 5; ++i) {
    Chart& c = wb.addChart(Chart::Type::ColumnStacked);
    addSeries(c, i % 2 ? "B" : "A", 1, 4, 0, 1, 0);
    c.title = "Biểu đồ " + std::to_string(i + 1);
    charts.push_back(&c);
  }
  // Added in one order, placed in another: parts follow the placements, sheet by sheet.
  ChartPlacement p = at(2, 2, *charts[3]);
  p.anchor = ChartPlacement::Anchor::DontMoveDontSize;
  d.insertChart(p);
  b.insertChart(at(0, 0, *charts[4]));
  p = at(30, 1, *charts[0]);
  p.anchor = ChartPlacement::Anchor::MoveDontSize;
  b.insertChart(p);
  a.insertChart(at(5, 5, *charts[2]));
  d.insertChart(at(40, 0, *charts[1]));
  expectSameChartParts(wb);
}

// A chart that was never placed, and one without series, are refused or left out as
// libxlsxwriter does.
TEST(OoxmlChart, ChartWithoutSeriesIsRefused) {
  Workbook wb;
  Worksheet& ws = wb.addWorksheet("S");
  Chart& empty = wb.addChart(Chart::Type::ColumnStacked);
  EXPECT_THROW(ws.insertChart(at(1, 1, empty)), std::invalid_argument);
  Chart& c = wb.addChart(Chart::Type::ColumnStacked);
  addSeries(c, "S", 0, 1, 0, 0, 0);
  ws.insertChart(at(1, 1, c));
  EXPECT_THROW(ws.insertChart(at(20, 1, c)), std::invalid_argument);  // one place per chart
  expectSameChartParts(wb);
}

// The anchor arithmetic: charts at random cells, offsets (negative ones reach back) and scales,
// over columns of random widths (under one character, hidden, overlapping ranges) and rows of
// random heights (hidden, zero).
TEST(OoxmlChart, RandomPlacementsAsLibxlsxwriter) {
  std::mt19937 rng(20261127);
  auto pick = [&](auto const& values) { return values[rng() % std::size(values)]; };
  const double widths[] = {0, 0.3, 0.5, 0.96, 1, 1.5, 2.29, 8.43, 10.71, 12.5, 38, 120, 255};
  const double heights[] = {0, 0.75, 7.5, 8, 12.6, 15, 15.75, 18.6, 20.25, 31.5, 100.2, 409};
  const double scales[] = {0.1, 0.5, 1, 1.07, 1.33, 1.5, 1.9, 2.05, 0.37, 3.141};
  for (int round = 0; round < 40; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    Workbook wb;
    Worksheet& ws = wb.addWorksheet("S");
    const int ncols = static_cast<int>(rng() % 8);
    for (int i = 0; i < ncols; ++i) {
      const int first = static_cast<int>(rng() % 30), last = first + static_cast<int>(rng() % 6);
      ws.setColumn(first, last, pick(widths), nullptr, rng() % 5 == 0);
    }
    const int nrows = static_cast<int>(rng() % 14);
    for (int i = 0; i < nrows; ++i) ws.setRow(static_cast<int>(rng() % 80), pick(heights), nullptr, rng() % 5 == 0);
    for (int r = 0; r < 3; ++r) ws.writeNumber(r, 0, r + 1);
    const int ncharts = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < ncharts; ++i) {
      Chart& c = wb.addChart(Chart::Type::ColumnStacked);
      addSeries(c, "S", 0, 2, 0, 0, 0);
      ChartPlacement p = at(static_cast<int>(rng() % 60), static_cast<int>(rng() % 25), c);
      p.xOffset = static_cast<int>(rng() % 601) - 300;
      p.yOffset = static_cast<int>(rng() % 601) - 300;
      p.xScale = pick(scales);
      p.yScale = pick(scales);
      p.anchor = static_cast<ChartPlacement::Anchor>(rng() % 3);
      ws.insertChart(p);
    }
    expectSameChartParts(wb);
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace vnplan
