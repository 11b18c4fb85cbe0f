#pragma once
// Stable column keys: "<prefix>.<field>" (task.lead, indicator.target.2030). A key is
// also the workbook's defined name for that column's body cells, so it must be a valid
// Excel name: letters, digits, '_' and '.', not starting with a digit, not a cell reference.
#include <string>
#include <string_view>

namespace vnplan::xlsx {

// The schema key of a plan column: ("task", "lead") -> "task.lead",
// ("indicator", "target:2030") -> "indicator.target.2030".
std::string schemaKey(std::string_view prefix, std::string_view planKey);

bool isValidDefinedName(std::string_view name);

// "A", "B", …, "Z", "AA", … for a 0-based column index.
std::string columnLetters(int col);

// "'Phụ lục II'!$C$6:$C$80" (0-based rows and columns); quotes the sheet name.
std::string absoluteRange(std::string_view sheet, int firstRow, int firstCol, int lastRow, int lastCol);

}  // namespace vnplan::xlsx
