#pragma once
// The progress report as a document: header in the plan's own family, type Báo cáo (BC),
// body from the Mustache text, a summary table and a status chart, and appendices listing
// every task with its status and every indicator with target, value and achievement.
#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "layout/document_spec.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

struct ReportParts {
  const Plan* plan = nullptr;
  const ProgressReport* report = nullptr;
  const TaskStatusSummary* tasks = nullptr;
  const IndicatorSummary* indicators = nullptr;
  const ReportFigures* figures = nullptr;
};

// "Kế hoạch số 25/KH-UBND ngày 24/01/2025 của UBND huyện Định Hóa" (blanks while a draft).
std::string planReference(const Plan& plan, const DocTemplate& tmpl);
Table reportSummaryTable(const ReportFigures& f);
BarChart reportStatusChart(const ReportFigures& f);
// The report document; `body` comes from parseReportMarkup().
DocumentSpec specFromReport(const ReportParts& parts, const DocTemplate& tmpl, std::vector<SpecBlock> body);

}  // namespace vnplan
