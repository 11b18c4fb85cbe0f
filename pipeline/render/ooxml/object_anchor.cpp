#include "render/ooxml/object_anchor.hpp"

#include <algorithm>
#include <map>

namespace vnplan::ooxml {

namespace {

constexpr int kDefaultColPixels = 64;  // 8.43 characters
constexpr int kDefaultRowPixels = 20;  // 15 points
constexpr double kDefaultRowPoints = 15;

int pixelsOfColumn(const ColumnRange& c) {
  if (c.hidden) return 0;
  // Excel's column width counts digits of the default font (7 px in Calibri 11) plus 5 px of
  // padding; under one digit the padding shrinks in proportion.
  if (c.width < 1) return static_cast<int>(c.width * 12 + 0.5);
  return static_cast<int>(c.width * 7 + 0.5) + 5;
}

int pixelsOfRow(const RowData& r) {
  if (r.hidden) return 0;
  return static_cast<int>(r.height.value_or(kDefaultRowPoints) / 0.75);  // 72 points = 96 px
}

template <class Sizes>
int lookup(const Sizes& sizes, int index, int def) {
  auto it = std::lower_bound(sizes.begin(), sizes.end(), index, [](const auto& s, int i) { return s.index < i; });
  return it != sizes.end() && it->index == index ? it->pixels : def;
}

template <class Sizes>
double start(const Sizes& sizes, const std::vector<std::int64_t>& extra, int index, int def) {
  auto it = std::lower_bound(sizes.begin(), sizes.end(), index, [](const auto& s, int i) { return s.index < i; });
  const std::int64_t before = it == sizes.begin() ? 0 : extra[static_cast<std::size_t>(it - sizes.begin() - 1)];
  return static_cast<double>(static_cast<std::int64_t>(index) * def + before);
}

}  // namespace

SheetMetrics::SheetMetrics(const Worksheet& ws) {
  // A column takes its size from the range starting lowest that holds it; of two ranges
  // starting at the same column the later one counts (libxlsxwriter keeps one range per first
  // column, and its drawings measure columns so).
  std::map<int, const ColumnRange*> byFirst;
  for (const ColumnRange& c : ws.columns()) byFirst[c.first] = &c;
  std::map<int, int> colPx;
  for (const auto& [first, range] : byFirst)
    for (int c = first; c <= range->last; ++c) colPx.emplace(c, pixelsOfColumn(*range));  // keeps the earlier
  for (const auto& [c, px] : colPx)
    if (px != kDefaultColPixels) cols_.push_back({c, px});
  for (const auto& [r, data] : ws.rows()) {
    const int px = pixelsOfRow(data);
    if (px != kDefaultRowPixels) rows_.push_back({r, px});
  }
  std::int64_t sum = 0;
  for (const Size& s : cols_) colExtra_.push_back(sum += s.pixels - kDefaultColPixels);
}

int SheetMetrics::colPixels(int col) const { return lookup(cols_, col, kDefaultColPixels); }
int SheetMetrics::rowPixels(int row) const { return lookup(rows_, row, kDefaultRowPixels); }
double SheetMetrics::colStart(int col) const { return start(cols_, colExtra_, col, kDefaultColPixels); }

ObjectAnchor SheetMetrics::place(int row, int col, double xOffset, double yOffset, double width, double height) const {
  ObjectAnchor a;
  int c = col, r = row;
  double x = xOffset, y = yOffset;
  // A negative offset moves the corner back into earlier cells, but not off the sheet.
  while (x < 0 && c > 0) x += colPixels(--c);
  while (y < 0 && r > 0) y += rowPixels(--r);
  x = std::max(x, 0.0);
  y = std::max(y, 0.0);
  // libxlsxwriter 1.1.4 measures the corner's distance from the top with every row at the
  // default height (its flag for changed rows is never set); columns at their sizes.
  a.absX = colStart(c) + x;
  a.absY = static_cast<double>(static_cast<std::int64_t>(r) * kDefaultRowPixels) + y;
  // An offset larger than its cell moves the corner on into the next cells.
  while (x >= colPixels(c)) x -= colPixels(c++);
  while (y >= rowPixels(r)) y -= rowPixels(r++);
  a.fromCol = c;
  a.fromRow = r;
  a.fromX = x;
  a.fromY = y;
  // The far corner: the size counted on from the near one (from the cell's edge when the near
  // cell is hidden, since the offset then has nowhere to go).
  double w = width + (colPixels(c) > 0 ? x : 0);
  double h = height + (rowPixels(r) > 0 ? y : 0);
  while (w >= colPixels(c)) w -= colPixels(c++);
  while (h >= rowPixels(r)) h -= rowPixels(r++);
  a.toCol = c;
  a.toRow = r;
  a.toX = w;
  a.toY = h;
  return a;
}

}  // namespace vnplan::ooxml
