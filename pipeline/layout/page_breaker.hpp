#pragma once
// Distributes flow items (lines, rows, fixed blocks) over pages of a given content
// area, honouring keep-together rules: no break after an item marked keepWithNext, none
// before an item marked noBreakBefore (widow/orphan rules set these on paragraph lines),
// repeated table headers, and footnotes that must sit on the page of their mark.
#include <functional>
#include <memory>
#include <vector>

#include "layout/page.hpp"

namespace vnplan {

// Content of an item, positioned relative to the item's top-left corner.
struct ItemContent {
  std::vector<TextRun> runs;
  std::vector<RuleLine> rules;
  std::vector<Box> boxes;
  std::vector<PageMark> marks;
};

struct FlowItem {
  double height = 0;
  double spaceBefore = 0;  // dropped at the top of a page
  ItemContent content;
  // Soft: a heading stays with what follows. Within a chain of such items (heading after
  // heading) it does not bind transitively: when keeping the whole chain would leave the
  // page more than a quarter empty, the chain breaks at its best point instead.
  bool keepWithNext = false;
  bool holdNext = false;  // hard: never break after this item (the lines of one heading)
  bool noBreakBefore = false;
  bool forceBreakBefore = false;  // start a new page (e.g. a new appendix)
  int tableId = -1;               // rows of one table share an id
  bool tableHeader = false;       // repeated at the top of every page the table continues on
  std::vector<std::shared_ptr<FlowItem>> footnotes;  // placed at the foot of the page
  // A table row that may continue on the next page: fills `head` with the part that fits in
  // `available` points and `tail` with the rest; false when it cannot be split there (fewer
  // than two lines of each cell would fit).
  std::function<bool(double available, FlowItem& head, FlowItem& tail)> split;
};

// A page other than the last of a run may be at most this fraction empty.
constexpr double kMaxEmptyFraction = 0.25;

struct PageArea {
  double width = 595.276, height = 841.89;
  bool landscape = false;
  double left = 0, top = 0, contentWidth = 0, contentHeight = 0;
  double footnoteRuleWidth = 140;
  double footnoteGap = 6;
};

// Paints content positioned relative to (x, y) onto a page.
void paintContent(const ItemContent& c, double x, double y, PageFrame& page);
// The same, moving the content's text out of `c`.
void paintContent(ItemContent&& c, double x, double y, PageFrame& page);

// Appends pages to `pages`. The first page may start at `firstPageOffset` below the
// top of the content area (after a header block placed by the caller).
void breakIntoPages(std::vector<FlowItem> items, const PageArea& area, std::vector<PageFrame>& pages,
                    double firstPageOffset = 0);

}  // namespace vnplan
