#pragma once
// The progress report workbook (`vnplan report`): the figures the report states, the task
// and indicator appendices with their status list, colours and achievement formulas, a
// native chart, and the hidden `_meta` sheet of the uniform schema with the period
// (docs/xlsx-schema.md, "The report workbook", schema `vnplan.bao-cao`).
#include <string>

#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "render/xlsx/appendix_workbook.hpp"  // XlsxOptions

namespace vnplan {

struct ReportWorkbookInput {
  const Plan* plan;
  const ProgressReport* report;
  const TaskStatusSummary* tasks;
  const IndicatorSummary* indicators;
  const ReportFigures* figures;
};

// Writes the report workbook to `path`. Same input and options, same bytes. Throws
// std::runtime_error with a clear message on failure.
void writeReportWorkbook(const ReportWorkbookInput& in, const std::string& path, const XlsxOptions& opts);

}  // namespace vnplan
