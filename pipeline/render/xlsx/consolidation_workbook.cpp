#include "render/xlsx/consolidation_workbook.hpp"

#include <stdexcept>

#include "compute/collection_form.hpp"
#include "model/text.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/meta_sheet.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/text_metrics.hpp"
#include "render/xlsx/workbook_file.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan {

namespace {

using namespace xlsx;

constexpr double kInch = 25.4;

struct Col {
  std::string header;
  double width;
};

// One simple table sheet: title, header row 3 (1-based), body below; numbers stay numbers.
class SheetOut {
 public:
  // `printedCols` limits the print area and the title (0: every column); the filter covers all.
  SheetOut(ooxml::Workbook& wb, Formats& fmt, const std::string& name, const std::string& title, std::vector<Col> cols,
           int printedCols = 0)
      : fmt_(fmt), name_(name), cols_(std::move(cols)), ws_(wb.addWorksheet(checkedText(name, "sheet name", 31))),
        printed_(printedCols) {
    const int last = static_cast<int>(cols_.size()) - 1;
    double total = 0;
    for (int c = 0; c <= last; ++c) {
      ws_.setColumn(c, c, cols_[c].width);
      total += cols_[c].width;
    }
    const int titleLast = printed_ > 0 ? std::min(printed_ - 1, last) : last;
    ws_.mergeRange(0, 0, 0, titleLast, checkedText(title, name), fmt_.title);
    ws_.setRow(0, rowHeightPoints(wrappedLines(title, total, FontMetrics{kTitleSize, true}), FontMetrics{kTitleSize, true}));
    int lines = 1;
    for (int c = 0; c <= last; ++c) {
      ws_.writeString(2, c, checkedText(cols_[c].header, name), fmt_.header);
      lines = std::max(lines, wrappedLines(cols_[c].header, cols_[c].width, FontMetrics{kBodySize, true}));
    }
    ws_.setRow(2, rowHeightPoints(lines, FontMetrics{kBodySize, true}));
    ws_.freezePanes(3, 0);
  }

  void text(int c, const std::string& s, bool bold = false) {
    ws_.writeString(row_, c, checkedText(s, CellRef{name_, row_, c}), fmt_.body(Align::Left, bold));
    lines_ = std::max(lines_, wrappedLines(s, cols_[c].width, FontMetrics{kBodySize, bold}));
  }
  void number(int c, double v, const char* numFormat = "0", bool bold = false) {
    ws_.writeNumber(row_, c, v, fmt_.body(Align::Center, bold, numFormat));
  }
  void blank(int c) { ws_.writeBlank(row_, c, fmt_.body(Align::Left)); }
  void date(int c, const CalendarDate& d) { ws_.writeDate(row_, c, ooxml::Date{d.year, d.month, d.day}, fmt_.date()); }
  void endRow() {
    ws_.setRow(row_, rowHeightPoints(lines_, FontMetrics{}));
    ++row_;
    lines_ = 1;
  }
  void finish() {
    const int last = static_cast<int>(cols_.size()) - 1;
    const int lastPrinted = printed_ > 0 ? std::min(printed_ - 1, last) : last;
    ws_.setPaper(9);
    ws_.setLandscape();
    ws_.fitToPages(1, 0);
    ws_.setMargins(15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
    ws_.repeatRows(2, 2);
    ws_.printArea(0, 0, std::max(row_ - 1, 2), lastPrinted);
    if (row_ > 3) ws_.autofilter(2, 0, row_ - 1, last);
  }

 private:
  Formats& fmt_;
  std::string name_;
  std::vector<Col> cols_;
  ooxml::Worksheet& ws_;
  int printed_ = 0;
  int row_ = 3;
  int lines_ = 1;
};

void rateCells(SheetOut& s, int from, const RateCounts& r, bool bold) {
  s.number(from, r.expected, "0", bold);
  s.number(from + 1, r.reported, "0", bold);
  s.number(from + 2, r.onTime, "0", bold);
  s.number(from + 3, r.late, "0", bold);
  s.number(from + 4, r.missing, "0", bold);
  s.number(from + 5, r.rejected, "0", bold);
  s.number(from + 6, r.reportingRate() / 100, "0.0%", bold);
  s.number(from + 7, r.onTimeRate() / 100, "0.0%", bold);
}

std::vector<Col> rateCols() {
  return {{"Phải báo cáo", 10}, {"Đã báo cáo", 10}, {"Đúng hạn", 10}, {"Chậm", 8},
          {"Chưa báo cáo", 10}, {"Bị từ chối", 10}, {"Tỷ lệ báo cáo", 11}, {"Tỷ lệ đúng hạn", 11}};
}

const char* ruleKey(Aggregation a) {
  switch (a) {
    case Aggregation::Sum: return "sum";
    case Aggregation::Average: return "average";
    case Aggregation::None: return "none";
    case Aggregation::Auto: return "auto";
  }
  return "";
}

// An indicator's combined value (blank when no unit gave a number) and its three unit counts,
// from column `c` on: the same four cells on the overall sheet and the per-parent sheet.
void writeCombined(SheetOut& s, int c, const IndicatorTotal& i) {
  if (i.value)
    s.number(c, *i.value, i.percent ? "#,##0.0\"%\"" : "#,##0.##");
  else
    s.blank(c);
  s.number(c + 1, i.unitsWithValue);
  s.number(c + 2, i.unitsNumeric);
  s.number(c + 3, i.unitsMet);
}

}  // namespace

void writeConsolidationWorkbook(const Plan& plan, const Consolidation& c, std::int64_t createdEpoch,
                                const std::string& path) {
  WorkbookFile file(path);
  ooxml::Workbook& wb = file.get();
  const std::string label = c.period.label(Lang::Vi);
  setWorkbookProperties(wb, {"Tổng hợp báo cáo " + label + ": " + plan.document.title, "Tổng hợp báo cáo " + label,
                             plan.document.issuer.shortName, kConsolidationSchemaName, kConsolidationSchemaVersion,
                             plan.id, createdEpoch ? createdEpoch : 1});
  Formats fmt(wb);

  {  // Reporting rates per level.
    std::vector<Col> cols{{"Cấp", 24}};
    for (auto& col : rateCols()) cols.push_back(col);
    SheetOut s(wb, fmt, "Tỷ lệ báo cáo", "TỶ LỆ BÁO CÁO " + toUpper(label), cols);
    for (const auto& [level, r] : c.levels) {
      s.text(0, unitLevelLabel(level, false));
      rateCells(s, 1, r, false);
      s.endRow();
    }
    s.text(0, "Tổng cộng", true);
    rateCells(s, 1, c.overall.rate, true);
    s.endRow();
    s.finish();
  }
  {  // Every unit.
    std::vector<Col> cols{{"Mã", 8}, {"Đơn vị", 28}, {"Cấp", 12}, {"Đơn vị cấp trên", 10}, {"Tình trạng báo cáo", 13},
                          {"Ngày nhận", 12}};
    for (TaskStatus st : kAllTaskStatuses) cols.push_back({taskStatusLabel(st, Lang::Vi), 10});
    cols.push_back({"Tổng số nhiệm vụ", 10});
    std::vector<const Indicator*> inds;
    if (plan.indicators)
      for (const auto& g : plan.indicators->groups)
        for (const auto& i : g.items) {
          inds.push_back(&i);
          cols.push_back({"Chỉ tiêu " + i.number, 12});
        }
    SheetOut s(wb, fmt, "Đơn vị", "TÌNH HÌNH BÁO CÁO CỦA TỪNG ĐƠN VỊ", cols, 6 + static_cast<int>(kTaskStatusCount) + 1);
    for (const auto& u : c.units) {
      s.text(0, u.unit->code);
      s.text(1, u.unit->name);
      s.text(2, unitLevelLabel(u.unit->level, false));
      s.text(3, u.unit->parent);
      s.text(4, reportingStateLabel(u.state, Lang::Vi));
      if (u.received)
        s.date(5, *u.received);
      else
        s.blank(5);
      int col = 6;
      for (TaskStatus st : kAllTaskStatuses) {
        if (u.reported())
          s.number(col, u.tasks.count(st));
        else
          s.blank(col);
        ++col;
      }
      if (u.reported())
        s.number(col, u.tasks.total);
      else
        s.blank(col);
      ++col;
      for (const Indicator* i : inds) {
        auto v = u.values.find(indicatorKey(*i));
        if (v != u.values.end())
          s.text(col, v->second);
        else
          s.blank(col);
        ++col;
      }
      s.endRow();
    }
    // Printed: the unit, its state and its task counts; the indicator values are for filtering
    // and copying (one column per indicator would shrink the page to nothing).
    s.finish();
  }
  {  // Totals per parent unit and overall.
    std::vector<Col> cols{{"Đơn vị cấp trên", 28}};
    for (auto& col : rateCols()) cols.push_back(col);
    for (TaskStatus st : kAllTaskStatuses) cols.push_back({taskStatusLabel(st, Lang::Vi), 10});
    SheetOut s(wb, fmt, "Theo cấp trên", "TỔNG HỢP THEO ĐƠN VỊ CẤP TRÊN", cols);
    auto row = [&](const GroupTotal& g, bool bold) {
      s.text(0, g.parent ? g.parent->name + " (" + g.parent->code + ")" : "Tổng cộng", bold);
      rateCells(s, 1, g.rate, bold);
      int col = 9;
      for (TaskStatus st : kAllTaskStatuses) s.number(col++, g.tasks.count(st), "0", bold);
      s.endRow();
    };
    for (const auto& p : c.parents) row(p, false);
    row(c.overall, true);
    s.finish();
  }
  if (!c.overall.indicators.empty()) {  // Indicators combined.
    SheetOut s(wb, fmt, "Chỉ tiêu", "KẾT QUẢ TỔNG HỢP CÁC CHỈ TIÊU",
               {{"TT", 6}, {"Chỉ tiêu", 40}, {"Đơn vị tính", 10}, {"Chỉ tiêu kế hoạch", 12}, {"Cách tổng hợp", 10},
                {"Kết quả tổng hợp", 12}, {"Số đơn vị có số liệu", 10}, {"Số đơn vị có số", 10}, {"Số đơn vị đạt", 10}});
    for (const auto& i : c.overall.indicators) {
      s.text(0, i.indicator->number);
      s.text(1, i.indicator->name);
      s.text(2, i.indicator->unit);
      s.text(3, i.target);
      s.text(4, ruleKey(i.rule));
      writeCombined(s, 5, i);
      s.endRow();
    }
    s.finish();
  }
  if (!c.overall.indicators.empty() && !c.parents.empty()) {  // Indicators combined per parent unit.
    SheetOut s(wb, fmt, "Chỉ tiêu theo cấp trên", "KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ CẤP TRÊN",
               {{"Đơn vị cấp trên", 28}, {"TT", 6}, {"Chỉ tiêu", 36}, {"Cách tổng hợp", 10}, {"Kết quả tổng hợp", 12},
                {"Số đơn vị có số liệu", 10}, {"Số đơn vị có số", 10}, {"Số đơn vị đạt", 10}});
    auto rows = [&](const GroupTotal& g) {
      for (const auto& i : g.indicators) {
        s.text(0, g.parent ? g.parent->name + " (" + g.parent->code + ")" : "Tổng cộng", !g.parent);
        s.text(1, i.indicator->number);
        s.text(2, i.indicator->name);
        s.text(3, ruleKey(i.rule));
        writeCombined(s, 4, i);
        s.endRow();
      }
    };
    for (const auto& p : c.parents) rows(p);
    rows(c.overall);
    s.finish();
  }
  {  // Missing and rejected units.
    SheetOut s(wb, fmt, "Chưa báo cáo", "ĐƠN VỊ CHƯA BÁO CÁO HOẶC CÓ TỆP BỊ TỪ CHỐI",
               {{"Mã", 8}, {"Đơn vị", 30}, {"Đơn vị cấp trên", 10}, {"Tình trạng", 12}, {"Lý do", 80}});
    for (const auto& u : c.units) {
      if (u.reported()) continue;
      std::string reasons;
      for (const auto& r : u.reasons) reasons += (reasons.empty() ? "" : "\n") + r;
      s.text(0, u.unit->code);
      s.text(1, u.unit->name);
      s.text(2, u.unit->parent);
      s.text(3, reportingStateLabel(u.state, Lang::Vi));
      if (reasons.empty())
        s.blank(4);
      else
        s.text(4, reasons);
      s.endRow();
    }
    s.finish();
  }
  ooxml::Worksheet& meta = wb.addWorksheet(kMetaSheet);
  std::vector<MetaEntry> e;
  auto text = [&](std::string k, std::string v) { e.push_back({std::move(k), Cell::makeText(std::move(v))}); };
  auto num = [&](std::string k, double v) { e.push_back({std::move(k), Cell::makeNumber(v, "")}); };
  text("schema.name", kConsolidationSchemaName);
  text("schema.version", kConsolidationSchemaVersion);
  text("created", isoUtc(createdEpoch ? createdEpoch : 1));
  text("plan.id", plan.id);
  text("consolidate.period", c.period.key());
  text("consolidate.due", c.due ? formatDateIso(*c.due) : "");
  num("units.expected", c.overall.rate.expected);
  num("units.reported", c.overall.rate.reported);
  num("units.on_time", c.overall.rate.onTime);
  num("units.late", c.overall.rate.late);
  num("units.missing", c.overall.rate.missing);
  num("units.rejected", c.overall.rate.rejected);
  num("rate.reporting", c.overall.rate.reportingRate() / 100);
  num("rate.on_time", c.overall.rate.onTimeRate() / 100);
  writeMetaSheet(meta, fmt, e, {}, /*hide=*/true);
  file.close();
}

}  // namespace vnplan
