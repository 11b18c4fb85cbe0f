#pragma once
// The sheets of the progress report workbook: the summary (figures, the per-group table and
// a native stacked column chart), and the task and indicator appendices (written like the
// plan's appendix sheets, then given their status list, colours and achievement formulas).
#include <string>
#include <vector>

#include "compute/report_figures.hpp"
#include "compute/achievement.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

// Where the per-group table landed on the summary sheet (0-based rows; none when the
// report has no task groups).
struct GroupTablePosition {
  bool present = false;
  int headerRow = 0, firstRow = 0, lastRow = 0;  // lastRow: the "Tổng cộng" row
};

struct SummaryHeadings {
  std::string label, title, link, dataLine;
};

// `figures` is the figures table (rows from kFirstBodyRow); `withGroups` adds the group table
// and the chart (the report has tasks). Defines a workbook name per figure key.
GroupTablePosition writeSummarySheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& figures,
                                     const SummaryHeadings& h, const ReportFigures& f, bool withGroups);

// The group table's columns (headers) in order: TT, Nhóm nhiệm vụ, Tổng số, Hoàn thành, …, Tỷ lệ hoàn thành.
const std::vector<std::string>& groupTableHeaders();

// Writes the task table, then the status column's list validation (`statusListRef`, e.g.
// "=_meta!$L$2:$L$10") on every item row and its conditional formats (overdue red, done green).
void writeReportTaskSheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t,
                          const std::string& statusListRef);

// Writes the indicator table, then the ratio and verdict cells as formulas whose cached
// results are the values vnplan computed. `achievements` holds one entry per item row.
void writeReportIndicatorSheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t,
                               const std::vector<const Achievement*>& achievements);

}  // namespace vnplan::xlsx
