#pragma once
#include <cstdint>
#include <string>

#include "model/plan.hpp"

namespace vnplan {

// The timestamp written into generated files (PDF info, XLSX core properties), so the
// same input gives the same bytes: SOURCE_DATE_EPOCH when set (its value is passed in;
// the caller reads the environment), else the plan's date (missing parts: 1), at 00:00 UTC.
std::int64_t reproducibleEpoch(const Plan& plan, const std::string& sourceDateEpoch);

}  // namespace vnplan
