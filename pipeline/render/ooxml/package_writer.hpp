#pragma once
// Writes a Workbook (workbook.hpp) as an .xlsx package: every part's XML built in memory,
// deflated by libdeflate, stored in a zip by minizip. Same workbook, same bytes (the zip's
// dates are fixed; the created date is the workbook's own property).
#include <string>

#include "render/ooxml/workbook.hpp"

namespace vnplan::ooxml {

// Writes the package to `path` (created or replaced); throws std::runtime_error when the file
// cannot be written. Thread-safe for different workbooks.
void writePackage(const Workbook& wb, const std::string& path);

}  // namespace vnplan::ooxml
