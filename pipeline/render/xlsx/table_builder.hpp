#pragma once
// Turns the plan's appendices into sheet tables: the plan's own columns (same headers,
// order and numbering as the PDF) followed by the machine columns of the schema.
#include <string>
#include <vector>

#include "model/doc_template.hpp"
#include "compute/appendix_cells.hpp"  // agencyNames
#include "model/plan.hpp"
#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

SheetTable buildIndicatorTable(const Plan& plan, const Appendix<Indicator>& ap, const DocTemplate& rules);
SheetTable buildTaskTable(const Plan& plan, const Appendix<Task>& ap, const DocTemplate& rules);

// Both appendices that the plan has, in order (indicators, then tasks), with unique
// sheet names and column widths sized for printing.
std::vector<SheetTable> buildTables(const Plan& plan, const DocTemplate& rules);

// Agency names (or the free text) / directory codes of a lead or partner list, one per line.
std::string agencyCodes(const std::vector<AgencyRef>& refs);

// Scales the printed columns' relative widths to the printed page width (about 124 units),
// then widens a column whose longest word (header or cell) would otherwise break.
void sizeColumns(SheetTable& t);

// Machine column keys of each table, in order (docs/xlsx-schema.md).
const std::vector<const char*>& indicatorMachineFields();
const std::vector<const char*>& taskMachineFields();

}  // namespace vnplan::xlsx
