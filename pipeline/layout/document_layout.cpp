#include "layout/document_layout.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <typeinfo>

#include "layout/text_flow.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

double ascent(double size) { return size * 0.891; }  // Times/Liberation Serif ascender

struct Ctx {
  const DocumentSpec& spec;
  const DocTemplate& t;
  const FontMetrics& m;
  double lineSpacing;
  std::map<std::string, int> footnoteNumbers;

  double lineHeight(const TextStyle& s) const { return s.size * t.lineHeightFactor * lineSpacing; }
  double space(const TextStyle& s) const { return m.width(s.face, s.size, " "); }
};

// Centred lines of `text` in [x, x+width); returns the height used. y is the top.
double centredLines(ItemContent& c, const std::string& text, const TextStyle& st, double x, double width, double y,
                    double lineH, const FontMetrics& m, RunRole role, double* widest = nullptr) {
  auto lines = wrapText(text, st, width, m);
  double cy = y;
  for (const auto& l : lines) {
    placeLine(l, x, cy + ascent(st.size), width, LineAlign::Center, m.width(st.face, st.size, " "), role, c.runs);
    if (widest) *widest = std::max(*widest, l.naturalWidth);
    cy += lineH;
  }
  return cy - y;
}

// The lines of one table row's cells, kept so that the page breaker can split the row.
// Its lines are [firstLine, firstLine + lineCount) of its row's `text`.
struct CellLines {
  size_t firstLine, lineCount;
  size_t c0, c1;
  TextStyle style;
  LineAlign align;
};
struct RowLines {
  std::vector<CellLines> cells;
  TextLines text;  // the lines of all the cells: two vectors a row, not two a cell
  size_t maxLines = 1;
  double lh = 0, pad = 0;
  std::shared_ptr<const std::vector<double>> colX;  // shared by every row of the table
  int tableId = -1;
  const FontMetrics* m = nullptr;
};

// Fills `it` (a new item) with lines [from, to) of every cell of a row; in place, since a
// FlowItem moved from item to item is costly to move and to destroy.
void rowChunk(const RowLines& rl, size_t from, size_t to, FlowItem& it) {
  it.height = static_cast<double>(to - from) * rl.lh + 2 * rl.pad;
  it.tableId = rl.tableId;
  it.content.boxes.reserve(rl.cells.size());
  // Room for the runs of every cell at once (at most one a piece): grown cell by cell, the
  // vector was reallocated and its runs moved several times a row.
  size_t pieces = 0;
  for (const auto& c : rl.cells)
    for (size_t li = from; li < to && li < c.lineCount; ++li)
      for (const Word& w : rl.text[c.firstLine + li].words) pieces += w.pieces.size();
  it.content.runs.reserve(pieces);
  for (const auto& c : rl.cells) {
    double x0 = (*rl.colX)[c.c0], x1 = (*rl.colX)[c.c1];
    it.content.boxes.push_back(Box{x0, 0, x1 - x0, it.height, 0xF2F2F2, false, true, 0.5, 0});
    const double space = rl.m->width(c.style.face, c.style.size, " ");
    for (size_t li = from; li < to && li < c.lineCount; ++li) {
      double y = rl.pad + static_cast<double>(li - from) * rl.lh + ascent(c.style.size) + (rl.lh - c.style.size * 1.15) / 2;
      placeLine(rl.text[c.firstLine + li], x0 + rl.pad, y, x1 - x0 - 2 * rl.pad, c.align, space, RunRole::Table,
                it.content.runs);
    }
  }
}

// A row continues on the next page when at least two lines of each cell fit there (Word's
// default); the part on the next page may split again.
void makeSplittable(FlowItem& it, std::shared_ptr<const RowLines> rl, size_t from, size_t to) {
  it.split = [rl, from, to](double available, FlowItem& head, FlowItem& tail) {
    const size_t fit = available > 2 * rl->pad ? static_cast<size_t>((available - 2 * rl->pad) / rl->lh + 1e-6) : 0;
    if (fit < 2 || from + fit >= to) return false;
    rowChunk(*rl, from, from + fit, head);
    rowChunk(*rl, from + fit, to, tail);
    makeSplittable(tail, rl, from + fit, to);
    return true;
  };
}

}  // namespace

DocumentIdentity identityOf(const DocumentSpec& spec) {
  return {spec.typeCode, documentTypeName(spec.typeCode), spec.issuer, spec.number, spec.date, spec.place};
}

std::string formatNumberLine(const DocumentSpec& spec, const DocTemplate& t) {
  return formatNumberLine(identityOf(spec), t, Blanks::NoBreak);
}

std::string formatDateLine(const DocumentSpec& spec, const DocTemplate& t) {
  return formatDateLine(identityOf(spec), t, Blanks::NoBreak);
}

std::string formatAppendixLink(const DocumentSpec& spec, const DocTemplate& t, const std::string& link,
                               const std::string& issuer) {
  return formatAppendixLink(identityOf(spec), t, link, issuer, Blanks::NoBreak);
}

namespace {

// The widest word (text between spaces or line breaks) of a cell in a style.
double longestWord(const std::string& text, const TextStyle& st, const FontMetrics& m) {
  if (typeid(m) == typeid(CachedMetrics)) {
    // Measured while scanned (as appendWords does), not scanned and then measured: the same
    // advances summed in the same order, so the same widths.
    const auto& cm = static_cast<const CachedMetrics&>(m);
    const char* const s = text.data();
    const size_t n = text.size();
    double best = 0;
    for (size_t i = 0; i < n;) {
      double w = 0;
      const size_t b = i;
      while (i < n && s[i] != ' ' && s[i] != '\n') {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
          w += cm.advance(st.face, c);
          ++i;
        } else {
          w += cm.advance(st.face, nextCodePoint(text, i));
        }
      }
      if (i > b) best = std::max(best, w * st.size / 1000.0);
      ++i;
    }
    return best;
  }
  // A plain byte loop: find_first_of(" \n") looked each byte up in its set by a call.
  double w = 0;
  const char* const s = text.data();
  const size_t n = text.size();
  for (size_t b = 0; b < n;) {
    size_t e = b;
    while (e < n && s[e] != ' ' && s[e] != '\n') ++e;
    if (e > b) w = std::max(w, m.width(st.face, st.size, std::string_view(s + b, e - b)));
    b = e + 1;
  }
  return w;
}

}  // namespace

void fitColumnsToWords(const Table& table, const DocTemplate& t, const FontMetrics& m, double pad, double width,
                       std::vector<double>& colW) {
  const size_t nc = colW.size();
  std::vector<double> need(nc, 0);
  for (size_t i = 0; i < nc; ++i) need[i] = longestWord(table.columns[i].header, t.tableHeader, m);
  for (const auto& row : table.rows) {
    if (row.group) {
      if (!row.cells.empty()) need[0] = std::max(need[0], longestWord(row.cells[0], t.tableGroup, m));
      continue;
    }
    for (size_t i = 0; i < nc && i < row.cells.size(); ++i)
      need[i] = std::max(need[i], longestWord(row.cells[i], row.bold ? t.tableGroup : t.tableCell, m));
  }
  double sumNeed = 0;
  for (auto& n : need) sumNeed += (n += 2 * pad + 0.5);
  if (sumNeed > width) return;  // cannot fit: keep the proportions (the caller may go landscape)
  // Widen the columns that are too narrow, taking the room from the others in proportion to
  // what they have above their own need.
  double deficit = 0, spare = 0;
  for (size_t i = 0; i < nc; ++i) {
    if (colW[i] < need[i]) deficit += need[i] - colW[i];
    else spare += colW[i] - need[i];
  }
  if (deficit <= 0 || spare <= 0) return;
  const double take = std::min(1.0, deficit / spare);
  for (size_t i = 0; i < nc; ++i) colW[i] = colW[i] < need[i] ? need[i] : colW[i] - (colW[i] - need[i]) * take;
}

namespace {

// tableItems, appending to `items` (the body's or appendix's list: one move less per row).
void appendTableItems(std::vector<FlowItem>& items, const Table& table, const DocTemplate& t, const FontMetrics& m,
                      double width, double maxRowHeight, int tableId) {
  const size_t nc = table.columns.size();
  if (nc == 0) return;
  // Room for the header and a row each (more when rows split).
  if (items.capacity() < items.size() + table.rows.size() + 1)
    items.reserve(std::max(items.size() + table.rows.size() + 1, 2 * items.capacity()));
  double total = 0;
  for (const auto& c : table.columns) total += c.width;
  const double pad = t.cellPaddingPt;
  std::vector<double> colW(nc);
  for (size_t i = 0; i < nc; ++i) colW[i] = width * table.columns[i].width / total;
  if (table.fitColumnsToWords) fitColumnsToWords(table, t, m, pad, width, colW);
  auto sharedColX = std::make_shared<std::vector<double>>(nc + 1, 0);
  std::vector<double>& colX = *sharedColX;
  for (size_t i = 0; i < nc; ++i) colX[i + 1] = colX[i] + colW[i];

  auto rowLines = [&](const std::vector<std::string>& cells, const std::vector<TextStyle>& styles,
                      const std::vector<LineAlign>& aligns, const std::vector<std::pair<size_t, size_t>>& spans) {
    auto rl = std::make_shared<RowLines>();
    rl->pad = pad;
    rl->colX = sharedColX;
    rl->tableId = tableId;
    rl->m = &m;
    rl->cells.reserve(spans.size());
    // Room for the words of all the cells at once, as appendWords reckons them (a word per
    // 4 bytes): grown cell by cell, the words were moved several times a row.
    size_t bytes = 0;
    for (size_t k = 0; k < spans.size() && k < cells.size(); ++k) bytes += cells[k].size();
    rl->text.words.reserve(bytes / 4 + spans.size());
    rl->text.lines.reserve(2 * spans.size());
    size_t maxLines = 0;
    for (size_t k = 0; k < spans.size(); ++k) {
      auto [c0, c1] = spans[k];
      double w = colX[c1] - colX[c0] - 2 * pad;
      // A view: a conditional between the cell and "" would copy the cell into a string.
      const std::string_view text = k < cells.size() ? std::string_view(cells[k]) : std::string_view();
      const size_t firstLine = rl->text.lines.size();
      wrapTextInto(rl->text, text, styles[k], std::max(w, 1.0), m);
      CellLines x{firstLine, rl->text.lines.size() - firstLine, c0, c1, styles[k], aligns[k]};
      // (The lines' word spans are set at the end; an empty line has an empty range.)
      if (x.lineCount == 1 && rl->text.lines[firstLine].endWord == rl->text.lines[firstLine].firstWord) x.lineCount = 0;
      maxLines = std::max(maxLines, x.lineCount);
      rl->lh = std::max(rl->lh, styles[k].size * 1.2);
      rl->cells.push_back(std::move(x));
    }
    finishWrapped(rl->text);
    rl->maxLines = std::max<size_t>(maxLines, 1);
    return rl;
  };

  // Emits one row: one item or, for a row taller than a page, several items that split
  // it between lines; body rows may also split where a page ends.
  auto rowItems = [&](const std::vector<std::string>& cells, const std::vector<TextStyle>& styles,
                      const std::vector<LineAlign>& aligns, const std::vector<std::pair<size_t, size_t>>& spans,
                      bool keepWithNext, bool splittable) {
    std::shared_ptr<const RowLines> rl = rowLines(cells, styles, aligns, spans);
    const size_t maxLines = rl->maxLines;
    size_t perChunk = maxLines;
    if (maxLines * rl->lh + 2 * pad > maxRowHeight)
      perChunk = std::max<size_t>(1, static_cast<size_t>((maxRowHeight - 2 * pad) / rl->lh));
    for (size_t from = 0; from < maxLines; from += perChunk) {
      size_t to = std::min(maxLines, from + perChunk);
      FlowItem& it = items.emplace_back();
      rowChunk(*rl, from, to, it);
      it.keepWithNext = keepWithNext;
      if (splittable) makeSplittable(it, rl, from, to);
    }
  };

  // The header: one row, or two when columns are grouped under spanning headers; headers
  // of ungrouped columns then span both rows. One item, repeated on every page.
  auto headerItem = [&]() {
    const TextStyle& hs = t.tableHeader;
    const double lh = hs.size * 1.2;
    auto linesOf = [&](const std::string& text, size_t c0, size_t c1) {
      auto l = wrapText(text, hs, std::max(colX[c1] - colX[c0] - 2 * pad, 1.0), m);
      if (l.size() == 1 && l[0].words.empty()) l.clear();
      return l;
    };
    struct HeaderCell {
      TextLines lines;
      size_t c0, c1;
      int row;  // 0: top row only, 1: bottom row only, 2: both rows
    };
    std::vector<HeaderCell> hc;
    bool grouped = false;
    for (size_t c = 0; c < nc; ++c) grouped = grouped || !table.groupOf(c).empty();
    size_t topLines = 0, bottomLines = 0, tallLines = 0;
    for (size_t i = 0; i < nc;) {
      const std::string& g = table.groupOf(i);
      if (!grouped || g.empty()) {
        hc.push_back({linesOf(table.columns[i].header, i, i + 1), i, i + 1, grouped ? 2 : 0});
        tallLines = std::max(tallLines, hc.back().lines.size());
        ++i;
        continue;
      }
      size_t j = i;
      while (j < nc && table.groupOf(j) == g) ++j;
      hc.push_back({linesOf(g, i, j), i, j, 0});
      topLines = std::max(topLines, hc.back().lines.size());
      for (size_t k = i; k < j; ++k) {
        hc.push_back({linesOf(table.columns[k].header, k, k + 1), k, k + 1, 1});
        bottomLines = std::max(bottomLines, hc.back().lines.size());
      }
      i = j;
    }
    double topH = static_cast<double>(std::max<size_t>(topLines, 1)) * lh + 2 * pad;
    double bottomH = static_cast<double>(std::max<size_t>(bottomLines, 1)) * lh + 2 * pad;
    if (!grouped) {
      topH = static_cast<double>(std::max<size_t>(tallLines, 1)) * lh + 2 * pad;
      bottomH = 0;
    } else {
      bottomH = std::max(bottomH, static_cast<double>(tallLines) * lh + 2 * pad - topH);
    }
    FlowItem it;
    it.height = topH + bottomH;
    it.tableId = tableId;
    it.tableHeader = true;
    it.keepWithNext = true;
    for (const auto& c : hc) {
      const double x0 = colX[c.c0], x1 = colX[c.c1];
      const double y0 = c.row == 1 ? topH : 0;
      const double h = c.row == 0 ? topH : c.row == 1 ? bottomH : topH + bottomH;
      it.content.boxes.push_back(Box{x0, y0, x1 - x0, h, 0xF2F2F2, true, true, 0.5, 0});
      // Centred both ways in its cell.
      double y = y0 + (h - static_cast<double>(c.lines.size()) * lh) / 2;
      for (const auto& l : c.lines) {
        placeLine(l, x0 + pad, y + ascent(hs.size) + (lh - hs.size * 1.15) / 2, x1 - x0 - 2 * pad, LineAlign::Center,
                  m.width(hs.face, hs.size, " "), RunRole::Table, it.content.runs);
        y += lh;
      }
    }
    return it;
  };

  auto alignOf = [](CellAlign a) {
    switch (a) {
      case CellAlign::Center: return LineAlign::Center;
      case CellAlign::Right: return LineAlign::Right;
      case CellAlign::Justify: return LineAlign::Justify;
      default: return LineAlign::Left;
    }
  };

  items.push_back(headerItem());
  // Body rows all share these: one cell per column, regular or bold.
  std::vector<TextStyle> cellStyles(nc, t.tableCell), boldStyles(nc, t.tableGroup);
  std::vector<LineAlign> cellAligns;
  std::vector<std::pair<size_t, size_t>> cellSpans;
  for (size_t i = 0; i < nc; ++i) {
    cellAligns.push_back(alignOf(table.columns[i].align));
    cellSpans.push_back({i, i + 1});
  }
  for (const auto& row : table.rows) {
    if (row.group) {
      std::vector<TextStyle> styles;
      std::vector<LineAlign> aligns;
      std::vector<std::pair<size_t, size_t>> spans;
      // Group row: its number in the first column, its title across the rest, bold.
      std::vector<std::string> cells{row.cells.size() > 0 ? row.cells[0] : "", row.cells.size() > 1 ? row.cells[1] : ""};
      styles = {t.tableGroup, t.tableGroup};
      aligns = {LineAlign::Center, LineAlign::Left};
      spans = {{0, 1}, {1, nc}};
      if (nc == 1) {
        cells = {cells[0] + " " + cells[1]};
        styles.resize(1);
        aligns = {LineAlign::Left};
        spans = {{0, 1}};
      }
      rowItems(cells, styles, aligns, spans, true, false);
      continue;
    }
    rowItems(row.cells, row.bold ? boldStyles : cellStyles, cellAligns, cellSpans, false, true);
  }
}

}  // namespace

std::vector<FlowItem> tableItems(const Table& table, const DocTemplate& t, const FontMetrics& m, double width,
                                 double maxRowHeight, int tableId) {
  std::vector<FlowItem> items;
  appendTableItems(items, table, t, m, width, maxRowHeight, tableId);
  return items;
}

namespace {

class Layouter {
 public:
  Layouter(const DocumentSpec& spec, const DocTemplate& t, const FontMetrics& m)
      : c_{spec, t, m, spec.layout.lineSpacing.value_or(t.lineSpacing), {}} {
    body_ = t.body;
    if (spec.layout.fontSize) body_.size = *spec.layout.fontSize;
    margins_ = t.margins;
    if (spec.layout.marginTop) margins_.top = *spec.layout.marginTop;
    if (spec.layout.marginBottom) margins_.bottom = *spec.layout.marginBottom;
    if (spec.layout.marginLeft) margins_.left = *spec.layout.marginLeft;
    if (spec.layout.marginRight) margins_.right = *spec.layout.marginRight;
  }

  LaidOutDocument run() {
    LaidOutDocument doc;
    const DocTemplate& t = c_.t;
    PageArea portrait = area(t.pageWidthMm, t.pageHeightMm, margins_, false);
    ItemContent head;
    double headH = headerBlock(head, portrait.contentWidth);
    std::vector<FlowItem> items = bodyItems(portrait.contentWidth);
    breakIntoPages(std::move(items), portrait, doc.pages, headH);
    if (doc.pages.empty()) doc.pages.push_back(PageFrame{portrait.width, portrait.height, false, 1, false, {}, {}, {}, {}});
    {
      // The header block comes first in the page's content, so text extraction reads it first.
      PageFrame& p = doc.pages.front();
      std::vector<Box> boxes = std::move(p.boxes);
      std::vector<RuleLine> rules = std::move(p.rules);
      std::vector<TextRun> runs = std::move(p.runs);
      p.boxes.clear();
      p.rules.clear();
      p.runs.clear();
      paintContent(std::move(head), portrait.left, portrait.top, p);
      p.boxes.insert(p.boxes.end(), boxes.begin(), boxes.end());
      p.rules.insert(p.rules.end(), rules.begin(), rules.end());
      p.runs.insert(p.runs.end(), std::make_move_iterator(runs.begin()), std::make_move_iterator(runs.end()));
    }

    int tableId = 0;
    for (const auto& ap : c_.spec.appendices) {
      PageArea land = area(t.pageHeightMm, t.pageWidthMm, t.appendixMargins, true);
      std::vector<FlowItem> ai = appendixItems(ap, land, ++tableId);
      breakIntoPages(std::move(ai), land, doc.pages);
    }
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      PageFrame& p = doc.pages[i];
      p.number = static_cast<int>(i + 1);
      p.showNumber = i > 0;
      furniture(p);
    }
    doc.info.title = c_.spec.typeName + " " + c_.spec.title;
    doc.info.subject = c_.spec.subject.empty() ? c_.spec.title : c_.spec.subject;
    doc.info.author = c_.spec.author;
    doc.info.draft = !c_.spec.signature.signedOff;
    return doc;
  }

 private:
  Ctx c_;
  TextStyle body_;
  PageMargins margins_;

  PageArea area(double wMm, double hMm, const PageMargins& mg, bool landscape) const {
    PageArea a;
    a.width = wMm * kPtPerMm;
    a.height = hMm * kPtPerMm;
    a.landscape = landscape;
    a.left = mg.left * kPtPerMm;
    a.top = mg.top * kPtPerMm;
    a.contentWidth = a.width - (mg.left + mg.right) * kPtPerMm;
    a.contentHeight = a.height - (mg.top + mg.bottom) * kPtPerMm;
    a.footnoteRuleWidth = c_.t.footnoteRuleMm * kPtPerMm;
    return a;
  }

  // Header block and title on the first page; returns its height.
  double headerBlock(ItemContent& c, double textWidth) {
    const DocTemplate& t = c_.t;
    const auto& spec = c_.spec;
    const FontMetrics& m = c_.m;
    double lx = t.headerLeftShiftMm * kPtPerMm, lw = t.headerLeftWidthMm * kPtPerMm;
    double rw = t.headerRightWidthMm * kPtPerMm, rx = textWidth - rw;
    auto lh = [](const TextStyle& s) { return s.size * 1.2; };

    // Right column: national name, motto, the rule under the last of them.
    double ry = 0;
    double wNat = 0;
    ry += centredLines(c, applyCase(t.nationalText, t.national), t.national, rx, rw, ry, lh(t.national), m,
                       RunRole::Header, &wNat);
    double ruleW = wNat;
    double ruleY = ry;
    if (!t.mottoText.empty()) {
      double wMotto = 0;
      ry += centredLines(c, t.mottoText, t.motto, rx, rw, ry, lh(t.motto), m, RunRole::Header, &wMotto);
      ruleW = wMotto;  // exactly as long as the motto line
      ruleY = ry;
    }
    c.rules.push_back({rx + (rw - ruleW) / 2, ruleY + 1, rx + (rw + ruleW) / 2, ruleY + 1, 0.6});
    ry += 10;

    // Left column: parent body, issuing body, its short rule or mark.
    double ly = 0;
    if (!spec.issuer.parent.empty())
      ly += centredLines(c, spec.issuer.parent, t.parent, lx, lw, ly, lh(t.parent), m, RunRole::Header);
    double wIssuer = 0;
    for (const auto& line : spec.issuer.name)
      ly += centredLines(c, line, t.issuer, lx, lw, ly, lh(t.issuer), m, RunRole::Header, &wIssuer);
    if (t.issuerRuleFraction > 0) {
      double w = wIssuer * t.issuerRuleFraction;
      c.rules.push_back({lx + (lw - w) / 2, ly + 1, lx + (lw + w) / 2, ly + 1, 0.6});
      ly += 10;
    }
    if (!t.issuerMark.empty()) ly += centredLines(c, t.issuerMark, t.issuer, lx, lw, ly, lh(t.issuer), m, RunRole::Header);
    ly += 2;

    // Number and date share one baseline below both columns.
    double y = std::max(ly, ry);
    centredLines(c, formatNumberLine(spec, t), t.number, lx, lw, y, lh(t.number), m, RunRole::Header);
    double dh = centredLines(c, formatDateLine(spec, t), t.date, rx, rw, y, lh(t.date), m, RunRole::Header);
    y += std::max(dh, lh(t.number)) + 18;

    // Document type and title.
    y += centredLines(c, applyCase(spec.typeName, t.typeName), t.typeName, 0, textWidth, y, lh(t.typeName), m,
                      RunRole::Header);
    double wTitle = 0;
    y += centredLines(c, spec.title, t.title, textWidth * 0.05, textWidth * 0.9, y, lh(t.title), m, RunRole::Header,
                      &wTitle);
    double w = wTitle * t.titleRuleFraction;
    c.rules.push_back({(textWidth - w) / 2, y + 2, (textWidth + w) / 2, y + 2, 0.6});
    y += t.titleGapAfterPt;
    return y;
  }

  std::string footnoteNumber(const std::string& key) {
    auto it = c_.footnoteNumbers.find(key);
    if (it != c_.footnoteNumbers.end()) return std::to_string(it->second);
    int n = static_cast<int>(c_.footnoteNumbers.size()) + 1;
    c_.footnoteNumbers[key] = n;
    return std::to_string(n);
  }

  std::shared_ptr<FlowItem> footnoteItem(const std::string& key, double width) {
    auto it = std::make_shared<FlowItem>();
    const TextStyle& st = c_.t.footnote;
    std::string text = c_.spec.footnotes.count(key) ? c_.spec.footnotes.at(key) : "";
    std::vector<Word> words = makeWords(text, st, c_.m);
    Word mark;
    Piece p;
    p.text = footnoteNumber(key);
    p.size = st.size * 0.62;
    p.rise = st.size * 0.35;
    p.width = c_.m.width(FontFace::Regular, p.size, p.text);
    mark.pieces.push_back(p);
    mark.width = p.width;
    if (!words.empty()) {
      words[0].pieces.push_front(p);
      words[0].width += p.width;
    } else {
      words.push_back(mark);
    }
    auto lines = breakLines(std::move(words), width, 0, c_.space(st), c_.m);
    double lh = st.size * 1.15;
    double y = 0;
    for (const auto& l : lines) {
      placeLine(l, 0, y + ascent(st.size), width, LineAlign::Justify, c_.space(st), RunRole::Footnote, it->content.runs);
      y += lh;
    }
    it->height = y;
    return it;
  }

  // A paragraph as one flow item per line, with widow/orphan rules.
  void paragraph(std::vector<FlowItem>& out, const std::string& text, const TextStyle& st, double width,
                 double firstIndent, LineAlign align, bool keepWithNext, double spaceBefore, bool heading = false) {
    auto words = makeWords(text, st, c_.m, [this](const std::string& k) { return footnoteNumber(k); });
    auto lines = breakLines(std::move(words), width, firstIndent, c_.space(st), c_.m);
    const double lh = c_.lineHeight(st);
    const double space = c_.space(st);
    const size_t n = lines.size();
    if (out.capacity() < out.size() + n) out.reserve(std::max(out.size() + n, 2 * out.capacity()));
    for (size_t i = 0; i < n; ++i) {
      FlowItem& it = out.emplace_back();  // built in place: a moved FlowItem costs a move and a destruction
      it.height = lh;
      it.spaceBefore = i == 0 ? spaceBefore : 0;
      placeLine(lines[i], 0, ascent(st.size) + (lh - st.size * 1.15) / 2, width, align, space, RunRole::Body,
                it.content.runs);
      // No single line of a paragraph alone at the foot or the top of a page.
      it.noBreakBefore = n >= 2 && (i == 1 || i == n - 1);
      it.keepWithNext = keepWithNext;
      it.holdNext = heading && i + 1 < n;  // a heading's own lines never split
      for (const auto& w : lines[i].words)
        for (const auto& k : w.footnotes) it.footnotes.push_back(footnoteItem(k, width));
    }
  }

  TextStyle headingStyle(const SpecBlock& b) const {
    const auto& hs = c_.t.headings;
    TextStyle st = hs[std::clamp<size_t>(static_cast<size_t>(std::max(1, b.level)), 1, hs.size()) - 1];
    st.size = body_.size;
    if (b.style == "bold") st.face = FontFace::Bold;
    if (b.style == "bold_italic") st.face = FontFace::BoldItalic;
    if (b.style == "italic") st.face = FontFace::Italic;
    if (b.style == "regular") st.face = FontFace::Regular;
    return st;
  }

  std::vector<FlowItem> bodyItems(double width) {
    std::vector<FlowItem> out;
    const DocTemplate& t = c_.t;
    const double indent = t.firstIndentMm * kPtPerMm;
    const double ps = t.paragraphSpacingPt;
    TextStyle note = t.note;
    note.size = body_.size;
    for (const auto& p : c_.spec.preamble) paragraph(out, p, body_, width, indent, LineAlign::Justify, false, ps);
    for (const auto& b : c_.spec.body) {
      switch (b.kind) {
        case SpecBlockKind::Heading: {
          std::string text = b.number.empty() ? b.text : b.number + " " + b.text;
          paragraph(out, text, headingStyle(b), width, indent, LineAlign::Justify, true, ps, true);
          break;
        }
        case SpecBlockKind::Paragraph: {
          // A numbered paragraph ("1.1. Đẩy mạnh …") is body text, not a heading.
          std::string text = b.number.empty() ? b.text : b.number + " " + b.text;
          paragraph(out, text, body_, width, indent, LineAlign::Justify, false, ps);
          break;
        }
        case SpecBlockKind::Item: paragraph(out, "- " + b.text, body_, width, indent, LineAlign::Justify, false, ps); break;
        case SpecBlockKind::Note: paragraph(out, b.text, note, width, indent, LineAlign::Justify, false, ps); break;
        case SpecBlockKind::Table: {
          const size_t first = out.size();
          appendTableItems(out, b.table, t, c_.m, width, 600, 1000 + static_cast<int>(out.size()));
          if (out.size() > first) out[first].spaceBefore = ps;
          break;
        }
        case SpecBlockKind::Chart: out.push_back(chartItem(b.chart, width, ps)); break;
      }
    }
    for (const auto& p : c_.spec.closing) paragraph(out, p, body_, width, indent, LineAlign::Justify, false, ps);
    out.push_back(closingBlock(width));
    return out;
  }

  FlowItem chartItem(const BarChart& ch, double width, double spaceBefore) {
    FlowItem it;
    it.spaceBefore = spaceBefore;
    const FontMetrics& m = c_.m;
    TextStyle small{11, FontFace::Regular};
    TextStyle titleSt{12, FontFace::Bold};
    double y = 0;
    if (!ch.title.empty()) y += centredLines(it.content, ch.title, titleSt, 0, width, y, 15, m, RunRole::Other);
    const double plotH = 150, labelW = 40, x0 = labelW, plotW = width - labelW - 10;
    double maxTotal = 0;
    for (const auto& v : ch.values) {
      double s = 0;
      for (double x : v) s += x;
      maxTotal = std::max(maxTotal, s);
    }
    // Counts: whole-number ticks, four steps.
    const int ticks = 4;
    const double step = std::max(1.0, std::ceil(maxTotal / ticks));
    maxTotal = step * ticks;
    const double top = y + 6;
    // Axis and ticks.
    it.content.rules.push_back({x0, top, x0, top + plotH, 0.6});
    it.content.rules.push_back({x0, top + plotH, x0 + plotW, top + plotH, 0.6});
    for (int k = 0; k <= ticks; ++k) {
      double v = step * k;
      double yy = top + plotH - plotH * k / ticks;
      std::string lbl = formatVietnameseNumber(v, 0);
      TextRun r{x0 - 4 - m.width(small.face, small.size, lbl), yy + 4, lbl, small.face, small.size,
                m.width(small.face, small.size, lbl), RunRole::Other};
      it.content.runs.push_back(r);
      if (k > 0) it.content.rules.push_back({x0, yy, x0 + plotW, yy, 0.2, 0xBBBBBB});
    }
    const size_t nc = std::max<size_t>(1, ch.categories.size());
    const double slot = plotW / static_cast<double>(nc), barW = std::min(40.0, slot * 0.6);
    for (size_t ci = 0; ci < ch.categories.size(); ++ci) {
      double bx = x0 + slot * static_cast<double>(ci) + (slot - barW) / 2;
      double acc = 0;
      for (size_t si = 0; si < ch.series.size() && ci < ch.values.size() && si < ch.values[ci].size(); ++si) {
        double v = ch.values[ci][si];
        if (v <= 0) continue;
        double h = plotH * v / maxTotal;
        Box b{bx, top + plotH - plotH * acc / maxTotal - h, barW, h, si < ch.colors.size() ? ch.colors[si] : 0x888888,
              true, true, 0.3, 0x000000};
        it.content.boxes.push_back(b);
        acc += v;
      }
      const std::string& cat = ch.categories[ci];
      double cw = m.width(small.face, small.size, cat);
      it.content.runs.push_back(TextRun{bx + barW / 2 - cw / 2, top + plotH + 13, cat, small.face, small.size, cw, RunRole::Other});
    }
    // Legend.
    double ly = top + plotH + 24, lx = x0;
    for (size_t si = 0; si < ch.series.size(); ++si) {
      double w = 10 + 4 + m.width(small.face, small.size, ch.series[si]) + 14;
      if (lx + w > width) {
        lx = x0;
        ly += 14;
      }
      it.content.boxes.push_back(Box{lx, ly - 8, 10, 8, si < ch.colors.size() ? ch.colors[si] : 0x888888, true, true, 0.3, 0});
      it.content.runs.push_back(TextRun{lx + 14, ly, ch.series[si], small.face, small.size,
                                        m.width(small.face, small.size, ch.series[si]), RunRole::Other});
      lx += w;
    }
    it.height = ly + 8;
    return it;
  }

  // Nơi nhận on the left, the signature on the right, kept together with the text before.
  FlowItem closingBlock(double width) {
    const DocTemplate& t = c_.t;
    const FontMetrics& m = c_.m;
    FlowItem it;
    it.noBreakBefore = true;
    it.spaceBefore = t.paragraphSpacingPt * 2;
    const double leftW = width * 0.48, rightX = width * 0.45, rightW = width * 0.55;
    // Right: authority lines, room to sign, name.
    double ry = 0;
    const double authLh = t.authority.size * 1.2;
    for (const auto& a : c_.spec.signature.authority)
      ry += centredLines(it.content, applyCase(a, t.authority), t.authority, rightX, rightW, ry, authLh, m,
                         RunRole::Signature);
    // The room to sign, for the signature stage (signature image, seal, stamp).
    it.content.marks.push_back(PageMark{"signature", rightX, ry, rightW, t.signatureSpaceMm * kPtPerMm});
    ry += t.signatureSpaceMm * kPtPerMm;
    ry += centredLines(it.content, c_.spec.signature.name, t.signer, rightX, rightW, ry, t.signer.size * 1.2, m,
                       RunRole::Signature);
    // Left: "Nơi nhận:" on the baseline of the first authority line.
    double ly = 0;
    const TextStyle& ls = t.recipientsLabelStyle;
    double base = ascent(t.authority.size);
    double lw = m.width(ls.face, ls.size, t.recipientsLabel);
    it.content.runs.push_back(TextRun{0, base, t.recipientsLabel, ls.face, ls.size, lw, RunRole::Signature});
    if (ls.underline) it.content.rules.push_back({0, base + 1.5, lw, base + 1.5, 0.5});
    ly = base + (authLh - ascent(t.authority.size)) + 1;
    const TextStyle& rs = t.recipients;
    const double rlh = rs.size * 1.2;
    const double dash = m.width(rs.face, rs.size, "- ");
    for (const auto& r : c_.spec.recipients) {
      auto lines = wrapText(r, rs, leftW - dash, m);
      for (size_t i = 0; i < lines.size(); ++i) {
        double y = ly + ascent(rs.size);
        if (i == 0) it.content.runs.push_back(TextRun{0, y, "- ", rs.face, rs.size, dash, RunRole::Signature});
        placeLine(lines[i], dash, y, leftW - dash, LineAlign::Left, m.width(rs.face, rs.size, " "), RunRole::Signature,
                  it.content.runs);
        ly += rlh;
      }
    }
    it.height = std::max(ly, ry) + 4;
    return it;
  }

  std::vector<FlowItem> appendixItems(const SpecAppendix& ap, const PageArea& a, int tableId) {
    const DocTemplate& t = c_.t;
    const FontMetrics& m = c_.m;
    std::vector<FlowItem> out;
    FlowItem head;
    double y = 0;
    auto lh = [](const TextStyle& s) { return s.size * 1.25; };
    if (!ap.label.empty())
      y += centredLines(head.content, applyCase(ap.label, t.appendixLabel), t.appendixLabel, 0, a.contentWidth, y,
                        lh(t.appendixLabel), m, RunRole::Header);
    if (!ap.title.empty())
      y += centredLines(head.content, applyCase(ap.title, t.appendixTitle), t.appendixTitle, a.contentWidth * 0.05,
                        a.contentWidth * 0.9, y, lh(t.appendixTitle), m, RunRole::Header);
    if (!ap.link.empty()) {
      double w = 0;
      y += centredLines(head.content, ap.link, t.appendixLink, a.contentWidth * 0.05, a.contentWidth * 0.9, y,
                        lh(t.appendixLink), m, RunRole::Header, &w);
      double rw = std::min(w * 0.3, 120.0);
      head.content.rules.push_back({(a.contentWidth - rw) / 2, y + 2, (a.contentWidth + rw) / 2, y + 2, 0.5});
    }
    head.height = y + 10;
    // Top right of the appendix's first page, above its heading: a body's stamp (ND30).
    // From 6 mm below the paper's edge (printers' unprintable strip) to the top margin.
    head.content.marks.push_back(PageMark{"appendix", a.contentWidth - 200, -a.top + 6 * kPtPerMm, 200,
                                          std::max(10.0, a.top - 7 * kPtPerMm)});
    head.forceBreakBefore = true;
    head.keepWithNext = true;
    out.push_back(std::move(head));
    appendTableItems(out, ap.table, t, m, a.contentWidth, a.contentHeight * 0.85, tableId);
    return out;
  }

  void furniture(PageFrame& p) {
    const DocTemplate& t = c_.t;
    const FontMetrics& m = c_.m;
    const PageMargins& mg = p.landscape ? t.appendixMargins : margins_;
    double baseline = mg.top * kPtPerMm * 0.6;
    if (p.showNumber) {
      std::string s = std::to_string(p.number);
      double w = m.width(t.pageNumber.face, t.pageNumber.size, s);
      double left = mg.left * kPtPerMm, cw = p.width - (mg.left + mg.right) * kPtPerMm;
      p.runs.push_back(TextRun{left + (cw - w) / 2, baseline, s, t.pageNumber.face, t.pageNumber.size, w, RunRole::PageNumber});
    }
    if (!c_.spec.signature.signedOff) {
      const TextStyle& d = t.draft;
      double w = m.width(d.face, d.size, t.draftText);
      double right = p.width - mg.right * kPtPerMm;
      double x = right - w - 4;
      p.runs.push_back(TextRun{x, baseline, t.draftText, d.face, d.size, w, RunRole::DraftMark});
      p.boxes.push_back(Box{x - 4, baseline - d.size * 0.95, w + 8, d.size * 1.3, 0xFFFFFF, false, true, 0.8, 0});
    }
  }
};

}  // namespace

LaidOutDocument layoutDocument(const DocumentSpec& spec, const DocTemplate& tmpl, const FontMetrics& metrics) {
  const CachedMetrics cached(metrics);  // this layout's own: it fills itself as it measures
  Layouter l(spec, tmpl, cached);
  return l.run();
}

}  // namespace vnplan
