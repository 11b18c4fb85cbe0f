#pragma once
// The worksheet writer's own interface, beside part_writers.hpp's worksheetXml(): the style
// numbers it needs, from any source (the StyleSheet in the package; a fixed table in tests),
// and the order in which libxlsxwriter numbers the formats of cells, rows and columns.
#include <string>
#include <vector>

#include "render/ooxml/part_writers.hpp"

namespace vnplan::ooxml {

class SheetStyles {
 public:
  virtual ~SheetStyles() = default;
  virtual int xfIndex(const Format* f) const = 0;  // nullptr -> 0
  virtual int dxfIndex(const Format* f) const = 0;
};

std::string worksheetXml(const Workbook& wb, const Worksheet& ws, const SheetStyles& styles, const SheetRelIds& rels);

// The formats of cells, rows and columns in the order libxlsxwriter 1.1.4 numbers their style
// records (xf): the order its worksheet writer first meets them, sheet by sheet, each sheet's
// <col>s first (a column range replaced by a later one with the same first column is never
// met), then row by row the row's format and its cells' formats. Not the order of the calls.
// Each format once; the default format and nullptr left out.
std::vector<const Format*> formatsInSheetOrder(const Workbook& wb);

}  // namespace vnplan::ooxml
