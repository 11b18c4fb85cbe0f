#pragma once
// Pieces of the collection round trip (docs/collection.md) shared by `collect`, `ingest`,
// `consolidate` and `run`: the report's deadline, the form's file name, the inbox of waiting
// submissions.
#include <optional>
#include <string>
#include <vector>

#include "compute/collection_form.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

// The report's deadline from the plan's calendar (the earliest entry of the period's kind).
std::optional<CalendarDate> reportDue(const Plan& plan, const ReportPeriod& period);
// "<plan>-<period>-<unit code>.xlsx"; the whole plan: "<plan>-<period>-toan-ke-hoach.xlsx".
std::string collectFileName(const Plan& plan, const ReportPeriod& period, const FormUnit& unit);

// PLAN_DIR/inbox/<period>: where returned forms wait for `vnplan run` to ingest them.
std::string inboxDir(const std::string& planDir, const ReportPeriod& period);
// The workbooks waiting in the inbox (*.xlsx, any case; names starting with '.' or '~' are
// temporaries of copying tools and office programs and are left alone), sorted by name.
std::vector<std::string> inboxFiles(const std::string& planDir, const ReportPeriod& period);

}  // namespace vnplan
