#pragma once
// The prose of a progress report comes from a Mustache template in templates/ (one per
// period kind and layout family), filled with the computed figures. The template writes a
// small line markup, turned here into document blocks:
//   "#1 I. TITLE"  heading of level 1 ("#2 1. Title", "#3 1.1. Title")
//   "- text"       a "-" item
//   "> text"       an italic note
//   "[[summary-table]]", "[[status-chart]]"   the summary table and the status chart
//   other lines    paragraph text; a blank line ends a paragraph
// Every value filled in ({{name}}) is text: it is marked so that it never becomes markup
// (a heading, an item, a table) and its line breaks become spaces. A tag naming a value the
// report does not give is an error with the template's file:line:column.
#include <optional>
#include <string>
#include <vector>

#include "compute/report_figures.hpp"
#include "layout/document_spec.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

struct ReportTextInput {
  const Plan* plan = nullptr;
  const ProgressReport* report = nullptr;
  const ReportFigures* figures = nullptr;
  const TaskStatusSummary* tasks = nullptr;
  std::string planReference;  // "Kế hoạch số 25/KH-UBND ngày 24/01/2025 của UBND huyện Định Hóa"
};

// Renders `templateText` (read from `templatePath`, named in errors). On a template error
// adds a located diagnostic (file:line:column) and returns nullopt.
std::optional<std::string> renderReportText(const std::string& templateText, const std::string& templatePath,
                                            const ReportTextInput& in, Diagnostics& diags);

// The non-zero task categories as phrases ("đã hoàn thành 12 nhiệm vụ (34,6%), trong đó …",
// "3 nhiệm vụ quá hạn (8,6%)", …); a category with no task is left out. Their counts add up
// to f.total.
std::vector<std::string> taskStatusPhrases(const TaskFigures& f);
std::vector<std::string> indicatorStatusPhrases(const IndicatorFigures& f);
// How prose and tables name a task group of the plan: "Nhóm I: Nâng cao nhận thức …", so it
// never reads as a level-1 heading ("I. …") of the report itself.
std::string groupLabel(const std::string& number, const std::string& title);

// Markup to blocks; [[summary-table]] and [[status-chart]] become the given table and chart.
std::vector<SpecBlock> parseReportMarkup(const std::string& markup, const Table& summary, const BarChart& chart);

}  // namespace vnplan
