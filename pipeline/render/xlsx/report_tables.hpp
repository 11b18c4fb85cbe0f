#pragma once
// What the progress report workbook shows, independent of the XLSX writer: the figures the
// report's prose states (keyed by their Mustache names), the task and indicator appendices
// as sheet tables, and the achievement formulas. The sheet writers write these, the content
// hash reads them, so both see the same values.
#include <string>
#include <vector>

#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

// One number the report states: key = the template's name ("tasks.done_pct").
struct ReportFigure {
  std::string key;
  std::string name;  // Vietnamese description
  double value = 0;  // percentages as fractions (34,6 % -> 0.346), rounded like the prose
  bool percent = false;
};

// The figures in the prose's order: the task figures when the prose states them (the plan has
// tasks), then the indicator figures likewise.
std::vector<ReportFigure> reportFigureList(const Plan& plan, const ReportFigures& f);

// A percentage as the prose rounds it (one decimal), as a fraction: 34.615 -> 0.346.
double roundedShare(double percent);

// Table "figures": TT, Nội dung, Số liệu, Khóa (machine).
SheetTable buildFigureTable(const std::vector<ReportFigure>& figures);

// The report document the appendices are attached to: type BC, no number, the reference
// date's month and year (as in the PDF).
Document reportDocument(const Plan& plan, const ProgressReport& report);

// Table "tasks": every task in plan order under its group rows, with its status at the
// reference date. `link` is the line under the title.
SheetTable buildReportTaskTable(const Plan& plan, const TaskStatusSummary& tasks, const std::string& label,
                                const std::string& link);

// Table "indicators": every indicator with its target for the period, the value reached, the
// numbers compared and the achievement (the ratio and verdict cells hold the values vnplan
// computed; the writer writes them as formulas with these as cached results).
SheetTable buildReportIndicatorTable(const Plan& plan, const IndicatorSummary& indicators, const std::string& label,
                                     const std::string& link);

// Column positions (0-based) of the indicator table's achievement columns.
struct IndicatorFormulaColumns {
  int targetNumber, valueNumber, ratio, verdict, direction, bound;
};
IndicatorFormulaColumns indicatorFormulaColumns();

// Formulas of body row `row` (0-based): the ratio value/target for an "at least" target > 0
// and an exact value, else ""; the verdict by the direction when both numbers are there,
// else `fallback` (the verdict for a value that is not a number).
std::string ratioFormula(int row);
std::string verdictFormula(int row, const std::string& fallback);
// The verdict cell's fallback text for an achievement: its label unless numeric.
std::string verdictFallback(const Achievement& a);

// Column position (0-based) of the task table's status column and the status labels (the
// data validation list), in TaskStatus order.
int taskStatusColumn();
std::vector<std::string> taskStatusLabels();

}  // namespace vnplan::xlsx
