#pragma once
// Pieces shared by `collect`, `ingest` and `consolidate`.
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "compute/collection_form.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

int periodUsageError(const CliOptions& o);
// The report's deadline from the plan's calendar (the earliest entry of the period's kind).
std::optional<CalendarDate> reportDue(const Plan& plan, const ReportPeriod& period);
// "<plan>-<period>-<unit code>.xlsx"; the whole plan: "<plan>-<period>-toan-ke-hoach.xlsx".
std::string collectFileName(const Plan& plan, const ReportPeriod& period, const FormUnit& unit);

}  // namespace vnplan
