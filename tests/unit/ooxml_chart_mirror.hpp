#pragma once
// The same workbook through libxlsxwriter 1.1.4: the calls that build an ooxml::Workbook's
// cells, rows, columns, notes and charts, made again on an lxw_workbook, whose parts the chart
// and note tests then compare with vnplan's own writer's, byte for byte.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "load/zip_container.hpp"
#include "render/ooxml/workbook.hpp"
#include "test_support.hpp"

namespace vnplan::ooxml_mirror {

// EXPECT_EQ for long XML: on a difference, where it starts and the text around it.
inline void expectSameXml(const std::string& ours, const std::string& theirs, const std::string& what) {
  if (ours == theirs) return;
  std::size_t at = 0;
  while (at < ours.size() && at < theirs.size() && ours[at] == theirs[at]) ++at;
  const std::size_t from = at > 200 ? at - 200 : 0;
  ADD_FAILURE() << what << ": differs at byte " << at << " (ours " << ours.size() << " bytes, libxlsxwriter's "
                << theirs.size() << ")\n  ours:   ..." << ours.substr(from, 400) << "\n  theirs: ..."
                << theirs.substr(from, 400);
}

inline lxw_chart_font lxwFont(const ooxml::ChartFont& f) {
  lxw_chart_font out{};
  out.name = f.name.empty() ? nullptr : const_cast<char*>(f.name.c_str());
  out.size = f.size;
  out.bold = f.bold ? LXW_TRUE : LXW_FALSE;
  return out;
}

inline bool fontSet(const ooxml::ChartFont& f) { return !f.name.empty() || f.size > 0 || f.bold; }

inline lxw_chart* mirrorChart(lxw_workbook* wb, const ooxml::Chart& c) {
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
  for (const ooxml::ChartSeries& s : c.series) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, s.sheet.c_str(), s.categories.firstRow, s.categories.firstCol,
                                s.categories.lastRow, s.categories.lastCol);
    chart_series_set_values(series, s.sheet.c_str(), s.values.firstRow, s.values.firstCol, s.values.lastRow,
                            s.values.lastCol);
    chart_series_set_name_range(series, s.sheet.c_str(), s.nameRow, s.nameCol);
    if (s.fillColor != ooxml::kNoColor) {
      lxw_chart_fill fill{};
      fill.color = s.fillColor;
      chart_series_set_fill(series, &fill);
    }
  }
  lxw_chart_font f{};
  if (!c.title.empty()) chart_title_set_name(chart, c.title.c_str());
  if (fontSet(c.titleFont)) chart_title_set_name_font(chart, &(f = lxwFont(c.titleFont)));
  const std::pair<const ooxml::ChartAxis*, lxw_chart_axis*> axes[] = {{&c.xAxis, chart->x_axis},
                                                                       {&c.yAxis, chart->y_axis}};
  for (const auto& [ours, theirs] : axes) {
    if (fontSet(ours->numFont)) chart_axis_set_num_font(theirs, &(f = lxwFont(ours->numFont)));
    if (!ours->name.empty()) chart_axis_set_name(theirs, ours->name.c_str());
    if (fontSet(ours->nameFont)) chart_axis_set_name_font(theirs, &(f = lxwFont(ours->nameFont)));
    if (!ours->numFormat.empty()) chart_axis_set_num_format(theirs, ours->numFormat.c_str());
    if (ours->minimum) chart_axis_set_min(theirs, *ours->minimum);
  }
  if (c.legendPosition == ooxml::Chart::LegendPosition::Bottom) chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  if (fontSet(c.legendFont)) chart_legend_set_font(chart, &(f = lxwFont(c.legendFont)));
  if (c.seriesGap) chart_set_series_gap(chart, static_cast<uint16_t>(*c.seriesGap));
  return chart;
}

// Writes `wb`'s content with libxlsxwriter and gives back its parts by name.
class Mirror {
 public:
  explicit Mirror(const ooxml::Workbook& wb) : dir_("ooxml-mirror-") {
    static int serial = 0;
    const std::string path = (dir_.path / ("mirror" + std::to_string(++serial) + ".xlsx")).string();
    lxw_workbook* out = workbook_new(path.c_str());
    lxw_format* blank = workbook_add_format(out);
    format_set_bold(blank);
    std::map<const ooxml::Chart*, lxw_chart*> charts;
    for (const auto& c : wb.charts()) charts[c.get()] = mirrorChart(out, *c);
    for (const auto& ws : wb.worksheets()) {
      lxw_worksheet* sheet = workbook_add_worksheet(out, ws->name().c_str());
      for (const ooxml::ColumnRange& c : ws->columns()) {
        lxw_row_col_options o{};
        o.hidden = c.hidden ? LXW_TRUE : LXW_FALSE;
        worksheet_set_column_opt(sheet, static_cast<lxw_col_t>(c.first), static_cast<lxw_col_t>(c.last), c.width,
                                 nullptr, &o);
      }
      for (const auto& [r, row] : ws->rows()) {
        if (row.height || row.hidden) {
          lxw_row_col_options o{};
          o.hidden = row.hidden ? LXW_TRUE : LXW_FALSE;
          worksheet_set_row_opt(sheet, static_cast<lxw_row_t>(r), row.height.value_or(15), nullptr, &o);
        }
        for (const auto& [col, cell] : row.cells) {
          const auto rr = static_cast<lxw_row_t>(r);
          const auto cc = static_cast<lxw_col_t>(col);
          switch (cell.kind) {
            case ooxml::CellData::Kind::Blank: worksheet_write_blank(sheet, rr, cc, blank); break;
            case ooxml::CellData::Kind::String:
              worksheet_write_string(sheet, rr, cc, wb.sharedStrings()[static_cast<size_t>(cell.sst)].c_str(), nullptr);
              break;
            case ooxml::CellData::Kind::Number: worksheet_write_number(sheet, rr, cc, cell.number, nullptr); break;
            case ooxml::CellData::Kind::FormulaNumber:
              worksheet_write_formula_num(sheet, rr, cc, cell.formula.c_str(), nullptr, cell.number);
              break;
            case ooxml::CellData::Kind::FormulaString:
              worksheet_write_formula_str(sheet, rr, cc, cell.formula.c_str(), nullptr, cell.text.c_str());
              break;
          }
        }
      }
      for (const ooxml::Comment& c : ws->comments()) {
        lxw_comment_options o{};
        o.width = static_cast<uint16_t>(c.options.width);
        o.height = static_cast<uint16_t>(c.options.height);
        worksheet_write_comment_opt(sheet, static_cast<lxw_row_t>(c.row), static_cast<lxw_col_t>(c.col),
                                    c.text.c_str(), &o);
      }
      for (const ooxml::ChartPlacement& p : ws->charts()) {
        lxw_chart_options o{};
        o.x_offset = p.xOffset;
        o.y_offset = p.yOffset;
        o.x_scale = p.xScale;
        o.y_scale = p.yScale;
        o.object_position = p.anchor == ooxml::ChartPlacement::Anchor::MoveAndSize    ? LXW_OBJECT_MOVE_AND_SIZE
                            : p.anchor == ooxml::ChartPlacement::Anchor::MoveDontSize ? LXW_OBJECT_MOVE_DONT_SIZE
                                                                                       : LXW_OBJECT_DONT_MOVE_DONT_SIZE;
        EXPECT_EQ(worksheet_insert_chart_opt(sheet, static_cast<lxw_row_t>(p.row), static_cast<lxw_col_t>(p.col),
                                             charts.at(p.chart), &o),
                  LXW_NO_ERROR);
      }
    }
    EXPECT_EQ(workbook_close(out), LXW_NO_ERROR);
    bytes_ = testing_support::readAll(path);
    EXPECT_EQ(zip_.open(bytes_, 100000), ZipOpenStatus::Ok);
  }

  // The part's text; "" (and a failure) when libxlsxwriter wrote no such part.
  std::string part(const std::string& name) {
    const ZipEntry* e = zip_.find(name);
    if (!e) {
      ADD_FAILURE() << "libxlsxwriter wrote no " << name;
      return "";
    }
    std::string out;
    EXPECT_EQ(zip_.readAll(*e, ZipCaps{}, out), ZipReadStatus::Ok);
    return out;
  }
  bool has(const std::string& name) const { return zip_.find(name) != nullptr; }

 private:
  testing_support::TempDir dir_;
  std::string bytes_;
  ZipContainer zip_;
};

}  // namespace vnplan::ooxml_mirror
