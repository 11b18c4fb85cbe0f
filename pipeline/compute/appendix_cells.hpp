#pragma once
// The text of an appendix cell by column key (docs/input-format.md: number, name, unit,
// target, target:YEAR, lead, partners, product, deadline, note), shared by the PDF table and
// the workbook, which adds types (numbers, percentages) on top.
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace vnplan {

// Agency names one per line (the code when a directory entry has no name).
std::string agencyNames(const std::vector<AgencyRef>& refs);

// "target" of an indicator that sets only milestone targets lists them ("2025: 95%").
std::string indicatorCellText(const Indicator& ind, const std::string& key);
std::string taskCellText(const Task& task, const std::string& key);

}  // namespace vnplan
