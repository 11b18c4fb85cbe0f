#pragma once
// Writes one appendix table onto a worksheet: heading lines, header row, body rows with
// merged group rows, freeze panes, autofilter, print setup and the per-column defined names.
#include "render/ooxml/workbook.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

// 0-based index of the last body row (kFirstBodyRow - 1 when the table is empty).
int lastBodyRow(const SheetTable& t);

void writeAppendixSheet(ooxml::Workbook& wb, ooxml::Worksheet& ws, Formats& fmt, const SheetTable& t);

}  // namespace vnplan::xlsx
