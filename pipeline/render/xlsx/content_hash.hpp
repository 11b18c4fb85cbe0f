#pragma once
// The content hash recorded in _meta: SHA-256 over a canonical text of every body row of
// every appendix sheet, so a reader can recompute it from the cells alone and tell whether
// the data rows were changed after vnplan wrote them (docs/xlsx-schema.md, "Content hash").
#include <string>
#include <vector>

#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

// Canonical text of one cell: text with \ TAB LF CR escaped as \\ \t \n \r; a number as
// printf("%.15g"); a date as YYYY-MM-DD; an empty cell as "".
std::string canonicalCell(const Cell& c);

// The text that is hashed: per table "table:<id>\n", the keys joined by TAB, "\n", then
// one line per body row: its canonical cells joined by TAB, "\n".
std::string canonicalContent(const std::vector<SheetTable>& tables);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(const std::string& bytes);

std::string contentHash(const std::vector<SheetTable>& tables);

}  // namespace vnplan::xlsx
