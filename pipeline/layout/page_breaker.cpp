#include "layout/page_breaker.hpp"

#include <algorithm>
#include <map>

namespace vnplan {

namespace {

// Shared by both overloads: `take` copies or moves one element out of the content.
template <typename Content, typename Take>
void paint(Content& c, double x, double y, PageFrame& page, Take take) {
  page.boxes.reserve(page.boxes.size() + c.boxes.size());
  for (auto& src : c.boxes) {
    Box b = take(src);
    b.x += x;
    b.y += y;
    page.boxes.push_back(b);
  }
  page.rules.reserve(page.rules.size() + c.rules.size());
  for (auto& src : c.rules) {
    RuleLine r = take(src);
    r.x1 += x;
    r.x2 += x;
    r.y1 += y;
    r.y2 += y;
    page.rules.push_back(r);
  }
  // Many items each add a few runs to a page: grow geometrically, not to the exact size.
  if (page.runs.capacity() < page.runs.size() + c.runs.size())
    page.runs.reserve(std::max(page.runs.size() + c.runs.size(), 2 * page.runs.capacity()));
  for (auto& src : c.runs) {
    TextRun& t = page.runs.emplace_back(take(src));  // built in place: one copy or move per run
    // (`take` hands back a reference: a run returned by value was moved twice.)
    t.x += x;
    t.y += y;
  }
  for (auto& src : c.marks) {
    PageMark mk = take(src);
    mk.x += x;
    mk.y += y;
    page.marks.push_back(std::move(mk));
  }
}

}  // namespace

void paintContent(const ItemContent& c, double x, double y, PageFrame& page) {
  paint(c, x, y, page, [](const auto& e) -> const auto& { return e; });
}

void paintContent(ItemContent&& c, double x, double y, PageFrame& page) {
  paint(c, x, y, page, [](auto& e) -> auto&& { return std::move(e); });
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

void breakIntoPages(std::vector<FlowItem> items, const PageArea& area, std::vector<PageFrame>& pages,
                    double firstPageOffset) {
  // Table headers by table id, for repetition.
  // (Copies: splitting rows inserts items, which would move them.)
  std::map<int, FlowItem> headerItems;
  for (const auto& it : items)
    if (it.tableHeader && it.tableId >= 0 && !headerItems.count(it.tableId)) headerItems[it.tableId] = it;
  std::map<int, const FlowItem*> headers;
  for (const auto& [id, h] : headerItems) headers[id] = &h;

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

  // Height used above item k if the page broke before it (k on this page or k == i).
  auto usedBefore = [&](const PageState& st, size_t k) {
    for (const Placed& pl : st.placed)
      if (pl.index == k) return pl.y - items[k].spaceBefore;
    return st.used;
  };
  const double fullEnough = area.contentHeight * (1 - kMaxEmptyFraction);

  size_t i = 0;
  while (i < items.size()) {
    PageState& st = states.back();
    const FlowItem& it = items[i];
    bool empty = isEmpty(st);
    if (it.forceBreakBefore && !empty) {
      newPage(i);
      continue;
    }
    if (fits(st, it, empty)) {
      place(st, i, empty);
      ++i;
      continue;
    }
    if (it.split) {
      // A table row continues on the next page when enough of it fits here.
      double available = area.contentHeight - st.used - st.footnotes - (empty ? 0 : it.spaceBefore);
      FlowItem head, tail;
      if (it.split(available, head, tail)) {
        head.spaceBefore = it.spaceBefore;
        head.keepWithNext = false;
        tail.spaceBefore = 0;
        items[i] = std::move(head);
        items.insert(items.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(tail));
        place(states.back(), i, empty);
        ++i;
        continue;
      }
    }
    if (empty && st.start == 0) {
      place(st, i, empty);
      ++i;
      continue;
    }
    // The last break at or before i, after the page's first item, that keeps every rule.
    size_t j = i;
    while (j > pageStart && (items[j - 1].keepWithNext || items[j - 1].holdNext || items[j].noBreakBefore)) --j;
    if (j <= pageStart || usedBefore(st, j) < fullEnough) {
      // Keeping the whole chain together would waste the page: break the chain at its best
      // point instead, before a heading that starts a block (it stays with what follows),
      // else at the last break the hard rules allow, else right here.
      auto hardOk = [&](size_t k) { return !items[k - 1].holdNext && !items[k].noBreakBefore; };
      size_t best = 0;
      for (size_t k = i; k > pageStart && k > j && !best; --k)
        if (hardOk(k) && items[k].keepWithNext && usedBefore(st, k) >= fullEnough) best = k;
      for (size_t k = i; k > pageStart && !best; --k)
        if (hardOk(k) && usedBefore(st, k) >= fullEnough) best = k;
      if (best)
        j = best;
      else if (j <= pageStart)
        j = i;
    }
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
    // Room for every run of the page at once (its items, repeated header, footnotes).
    size_t runs = st.repeatedTable >= 0 ? headers[st.repeatedTable]->content.runs.size() : 0;
    for (const Placed& pl : st.placed) {
      runs += items[pl.index].content.runs.size();
      for (const auto& f : items[pl.index].footnotes) runs += f->content.runs.size();
    }
    page->runs.reserve(runs);
    if (st.repeatedTable >= 0) paintContent(headers[st.repeatedTable]->content, area.left, top, *page);
    std::vector<std::shared_ptr<FlowItem>> notes;
    for (const Placed& pl : st.placed) {
      // Each item is on one page only: its runs can move there.
      paintContent(std::move(items[pl.index].content), area.left, top + pl.y, *page);
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
