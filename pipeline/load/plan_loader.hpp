#pragma once
#include <optional>
#include <string>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"

namespace vnplan {

// Reads PLAN_DIR/plan.yaml (and what it includes) into a Plan. Every problem is added
// to `diags`; the plan is returned only when there is no error.
std::optional<Plan> loadPlan(const std::string& planDir, Diagnostics& diags);

}  // namespace vnplan
