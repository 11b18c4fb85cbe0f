#include "layout/page_breaker.hpp"

#include <map>

namespace vnplan {

void paintContent(const ItemContent& c, double x, double y, PageFrame& page) {
  for (auto b : c.boxes) {
    b.x += x;
    b.y += y;
    page.boxes.push_back(b);
  }
  for (auto r : c.rules) {
    r.x1 += x;
    r.x2 += x;
    r.y1 += y;
    r.y2 += y;
    page.rules.push_back(r);
  }
  for (auto t : c.runs) {
    t.x += x;
    t.y += y;
    page.runs.push_back(t);
  }
  for (auto mk : c.marks) {
    mk.x += x;
    mk.y += y;
    page.marks.push_back(mk);
  }
}

namespace {

struct Placed {
  size_t index;
  double y;  // top of the item within the content area
};

struct PageState {
  std::vector<Placed> placed;
  double used = 0;           // height used from the top of the content area
  double footnotes = 0;      // height reserved at the foot
  int repeatedTable = -1;
  double start = 0;          // offset of the first item (header block on page 1)
};

double footnoteHeight(const FlowItem& it) {
  double h = 0;
  for (const auto& f : it.footnotes) h += f->height;
  return h;
}

}  // namespace

void breakIntoPages(const std::vector<FlowItem>& items, const PageArea& area, std::vector<PageFrame>& pages,
                    double firstPageOffset) {
  // Table headers by table id, for repetition.
  std::map<int, const FlowItem*> headers;
  for (const auto& it : items)
    if (it.tableHeader && it.tableId >= 0 && !headers.count(it.tableId)) headers[it.tableId] = &it;

  std::vector<PageState> states;
  states.push_back(PageState{});
  states.back().start = firstPageOffset;
  states.back().used = firstPageOffset;
  size_t pageStart = 0;  // index of the first item on the current page

  auto fits = [&](const PageState& st, const FlowItem& it, bool empty) {
    double sb = empty ? 0 : it.spaceBefore;
    double fn = footnoteHeight(it);
    double sep = (st.footnotes == 0 && fn > 0) ? area.footnoteGap * 2 : 0;
    return st.used + sb + it.height + st.footnotes + fn + sep <= area.contentHeight + 1e-6;
  };
  auto place = [&](PageState& st, size_t i, bool empty) {
    const FlowItem& it = items[i];
    double sb = empty ? 0 : it.spaceBefore;
    st.placed.push_back({i, st.used + sb});
    st.used += sb + it.height;
    double fn = footnoteHeight(it);
    if (fn > 0 && st.footnotes == 0) st.footnotes += area.footnoteGap * 2;
    st.footnotes += fn;
  };
  auto newPage = [&](size_t firstItem) {
    states.push_back(PageState{});
    pageStart = firstItem;
    PageState& st = states.back();
    const FlowItem& it = items[firstItem];
    if (it.tableId >= 0 && !it.tableHeader && headers.count(it.tableId)) {
      // Repeat the table's header row.
      const FlowItem* h = headers[it.tableId];
      st.repeatedTable = it.tableId;
      st.used = h->height;
    }
  };
  auto isEmpty = [&](const PageState& st) { return st.placed.empty(); };

  size_t i = 0;
  while (i < items.size()) {
    PageState& st = states.back();
    const FlowItem& it = items[i];
    bool empty = isEmpty(st);
    if (it.forceBreakBefore && !empty) {
      newPage(i);
      continue;
    }
    if (fits(st, it, empty) || (empty && st.start == 0)) {
      place(st, i, empty);
      ++i;
      continue;
    }
    // Find the last allowed break at or before i, after the page's first item.
    size_t j = i;
    while (j > pageStart && (items[j - 1].keepWithNext || items[j].noBreakBefore)) --j;
    if (j <= pageStart) j = i;  // the rules cannot be kept: break right here
    // Take back the items j..i-1 from this page and recompute what it uses.
    while (!st.placed.empty() && st.placed.back().index >= j) st.placed.pop_back();
    st.footnotes = 0;
    st.used = st.start;
    if (st.repeatedTable >= 0) st.used = headers[st.repeatedTable]->height;
    for (const Placed& pl : st.placed) {
      st.used = pl.y + items[pl.index].height;
      double fn = footnoteHeight(items[pl.index]);
      if (fn > 0 && st.footnotes == 0) st.footnotes += area.footnoteGap * 2;
      st.footnotes += fn;
    }
    newPage(j);
    i = j;
  }

  // Paint.
  for (size_t p = 0; p < states.size(); ++p) {
    const PageState& st = states[p];
    if (st.placed.empty() && p > 0) continue;
    pages.push_back(PageFrame{});
    PageFrame* page = &pages.back();
    page->width = area.width;
    page->height = area.height;
    page->landscape = area.landscape;
    page->number = static_cast<int>(pages.size());
    double top = area.top;
    if (st.repeatedTable >= 0) paintContent(headers[st.repeatedTable]->content, area.left, top, *page);
    std::vector<std::shared_ptr<FlowItem>> notes;
    for (const Placed& pl : st.placed) {
      paintContent(items[pl.index].content, area.left, top + pl.y, *page);
      for (const auto& f : items[pl.index].footnotes) notes.push_back(f);
    }
    if (!notes.empty()) {
      double h = 0;
      for (const auto& f : notes) h += f->height;
      double y = area.top + area.contentHeight - h;
      page->rules.push_back({area.left, y - area.footnoteGap, area.left + area.footnoteRuleWidth, y - area.footnoteGap, 0.5});
      for (const auto& f : notes) {
        paintContent(f->content, area.left, y, *page);
        y += f->height;
      }
    }
  }
}

}  // namespace vnplan
