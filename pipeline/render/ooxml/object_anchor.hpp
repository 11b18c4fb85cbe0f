#pragma once
// Where an object drawn over a sheet (a chart, a note's box) lies in cell terms: the cell of
// each corner and the pixel offset into it, as Excel anchors drawings. Both the drawing part
// (charts, in EMU) and the VML of notes (in pixels and points) anchor this way, over the same
// pixel sizes of the sheet's columns and rows; so they share this one computation.
#include <cstdint>
#include <vector>

#include "render/ooxml/workbook.hpp"

namespace vnplan::ooxml {

struct ObjectAnchor {
  int fromCol = 0, fromRow = 0;
  double fromX = 0, fromY = 0;  // pixels into the first cell
  int toCol = 0, toRow = 0;
  double toX = 0, toY = 0;      // pixels into the last cell
  // The top-left corner from the sheet's top-left, in pixels, as VML places a note's box
  // (libxlsxwriter 1.1.4 counts every row above at the default height here).
  double absX = 0, absY = 0;
};

// The pixel sizes of a sheet's columns and rows at 100 % zoom with Calibri 11, the default
// font: a column of w characters is trunc(w * 7 + 0.5) + 5 pixels (w < 1: trunc(w * 12 + 0.5)),
// default 64; a row of h points is trunc(h * 4 / 3) pixels, default 20; hidden ones are 0.
// Built once per sheet; lookups are binary searches, so placing many notes stays cheap.
class SheetMetrics {
 public:
  explicit SheetMetrics(const Worksheet& ws);
  int colPixels(int col) const;
  int rowPixels(int row) const;
  // Pixels from the sheet's left edge to column `col`'s.
  double colStart(int col) const;

  // An object of `width` x `height` pixels whose top-left corner is `xOffset`, `yOffset`
  // pixels into cell (row, col); a negative offset reaches back into earlier cells.
  ObjectAnchor place(int row, int col, double xOffset, double yOffset, double width, double height) const;

 private:
  struct Size {
    int index, pixels;
  };
  // Columns (rows) whose size differs from the default, by index; and for the columns the
  // running sum of (pixels - default) up to and including each.
  std::vector<Size> cols_, rows_;
  std::vector<std::int64_t> colExtra_;
};

}  // namespace vnplan::ooxml
