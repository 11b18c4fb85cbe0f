#pragma once
// Turns the plan's appendices into sheet tables: the plan's own columns (same headers,
// order and numbering as the PDF) followed by the machine columns of the schema.
#include <vector>

#include "model/plan.hpp"
#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

SheetTable buildIndicatorTable(const Plan& plan, const Appendix<Indicator>& ap);
SheetTable buildTaskTable(const Plan& plan, const Appendix<Task>& ap);

// Both appendices that the plan has, in order (indicators, then tasks), with unique
// sheet names and column widths sized for printing.
std::vector<SheetTable> buildTables(const Plan& plan);

// Machine column keys of each table, in order (docs/xlsx-schema.md).
const std::vector<const char*>& indicatorMachineFields();
const std::vector<const char*>& taskMachineFields();

}  // namespace vnplan::xlsx
