#pragma once
// The consolidation workbook (`vnplan consolidate`, docs/collection.md, schema
// `vnplan.tong-hop`): reporting rates per level, every unit's state, task counts and indicator
// values, the totals per parent unit, the combined indicators, the missing and rejected units,
// and a hidden `_meta` sheet.
#include <cstdint>
#include <string>

#include "compute/consolidation.hpp"
#include "model/plan.hpp"

namespace vnplan {

inline constexpr const char* kConsolidationSchemaName = "vnplan.tong-hop";
inline constexpr const char* kConsolidationSchemaVersion = "1.0";

void writeConsolidationWorkbook(const Plan& plan, const Consolidation& c, std::int64_t createdEpoch,
                                const std::string& path);

}  // namespace vnplan
