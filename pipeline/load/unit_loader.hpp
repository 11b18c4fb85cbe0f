#pragma once
// Reads the directory of reporting units (units.yaml, docs/collection.md).
#include <optional>
#include <string>

#include "model/diagnostic.hpp"
#include "model/unit.hpp"

namespace vnplan {

// Every problem is located (file:line:column): unknown keys, a code of the wrong shape for
// its level (province: 2 digits, district: 3, commune: 5; agency: letters, digits, '-', '_',
// at most 20), a duplicate code, an unknown parent, a parent of a level that cannot hold the
// unit (a commune under a province or a district; a district under a province; an agency
// under any locality or agency), a cycle of parents. Returns the directory only without errors.
std::optional<UnitDirectory> loadUnits(const std::string& file, Diagnostics& diags);

// The units file to use for a plan directory: `explicitPath` when given, else
// PLAN_DIR/units.yaml, else PLAN_DIR/../units.yaml ("beside the plans"); empty when none exists.
std::string findUnitsFile(const std::string& planDir, const std::string& explicitPath);

}  // namespace vnplan
