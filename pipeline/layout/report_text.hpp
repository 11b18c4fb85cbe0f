#pragma once
// The prose of a progress report comes from a Mustache template in templates/ (one per
// period kind and layout family), filled with the computed figures. The template writes a
// small line markup, turned here into document blocks:
//   "#1 I. TITLE"  heading of level 1 ("#2 1. Title", "#3 1.1. Title")
//   "- text"       a "-" item
//   "> text"       an italic note
//   "[[summary-table]]", "[[status-chart]]"   the summary table and the status chart
//   other lines    paragraph text; a blank line ends a paragraph
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

// Markup to blocks; [[summary-table]] and [[status-chart]] become the given table and chart.
std::vector<SpecBlock> parseReportMarkup(const std::string& markup, const Table& summary, const BarChart& chart);

}  // namespace vnplan
