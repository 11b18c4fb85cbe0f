// Layout tests on the layout result itself, without producing a PDF.
#include <gtest/gtest.h>

#include <cmath>

#include "layout/document_layout.hpp"
#include "layout/page_breaker.hpp"
#include "layout/text_flow.hpp"
#include "load/template_loader.hpp"

using namespace vnplan;

namespace {

DocTemplate stateTemplate() {
  Diagnostics d;
  auto t = loadTemplate(std::string(VNPLAN_SOURCE_DIR) + "/templates/state.yaml", d);
  EXPECT_TRUE(t.has_value());
  return t.value_or(DocTemplate{});
}

DocumentSpec sampleSpec() {
  DocumentSpec s;
  s.issuer.name = {"ỦY BAN NHÂN DÂN", "HUYỆN MẪU"};
  s.issuer.symbol = "UBND";
  s.issuer.shortName = "UBND huyện Mẫu";
  s.number = "5";
  s.date = {4, 2, 2025};
  s.place = "Mẫu";
  s.title = "Kế hoạch thử nghiệm";
  s.signature.authority = {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"};
  s.signature.name = "Nguyễn Văn A";
  s.signature.signedOff = true;
  s.recipients = {"UBND tỉnh;", "Lưu: VT."};
  return s;
}

FlowItem line(double h, bool keepWithNext = false) {
  FlowItem it;
  it.height = h;
  it.keepWithNext = keepWithNext;
  return it;
}

std::string lorem(int words) {
  std::string s;
  for (int i = 0; i < words; ++i) s += (i ? " " : "") + std::string(i % 3 == 0 ? "phát" : i % 3 == 1 ? "triển" : "khoa");
  return s;
}

}  // namespace

TEST(TextFlow, JustifiedLinesFillTheWidthExactly) {
  FixedMetrics m(500);
  TextStyle st{10, FontFace::Regular};
  auto words = makeWords(lorem(60), st, m);
  const double width = 200;
  auto lines = breakLines(words, width, 20, m.width(st.face, st.size, " "), m);
  ASSERT_GT(lines.size(), 3u);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::vector<TextRun> runs;
    placeLine(lines[i], 0, 0, width, LineAlign::Justify, 2.5, RunRole::Body, runs);
    const TextRun& last = runs.back();
    EXPECT_NEAR(last.x + last.width, width, 1e-6) << "line " << i;  // right edge on the margin
    EXPECT_NEAR(runs.front().x, i == 0 ? 20 : 0, 1e-9);           // first-line indent
    // Gaps between words are equal.
    if (runs.size() > 2) {
      double g0 = runs[1].x - (runs[0].x + runs[0].width);
      for (size_t k = 2; k < runs.size(); ++k) EXPECT_NEAR(runs[k].x - (runs[k - 1].x + runs[k - 1].width), g0, 1e-9);
    }
  }
  // The last line is left-aligned with natural spaces.
  std::vector<TextRun> runs;
  placeLine(lines.back(), 0, 0, width, LineAlign::Justify, 2.5, RunRole::Body, runs);
  if (runs.size() > 1) {
    EXPECT_NEAR(runs[1].x - (runs[0].x + runs[0].width), 2.5, 1e-9);
  }
  EXPECT_LT(runs.back().x + runs.back().width, width);
}

TEST(TextFlow, LinesNeverExceedTheWidthAndLongWordsAreCut) {
  FixedMetrics m(500);
  TextStyle st{10, FontFace::Regular};
  std::string url = "https://dichvucong.thainguyen.gov.vn/" + std::string(80, 'x');
  auto lines = breakLines(makeWords("Xem " + url + " ngay", st, m), 100, 0, 2.5, m);
  ASSERT_GE(lines.size(), 5u);
  std::string joined;
  for (const auto& l : lines) {
    EXPECT_LE(l.naturalWidth, 100 + 1e-9);
    for (const auto& w : l.words)
      for (const auto& p : w.pieces) joined += p.text;
  }
  EXPECT_NE(joined.find("x"), std::string::npos);
  EXPECT_EQ(joined.size(), std::string("Xem" + url + "ngay").size());  // nothing lost
}

TEST(FontMetrics, CachedWidthsEqualTheBaseToTheLastBit) {
  // Fractional advances that differ per face and character, so any slot mix-up or change in
  // summation shows.
  struct Uneven : FontMetrics {
    double advance(FontFace face, char32_t cp) const override {
      return static_cast<double>(cp % 97) * 1.37 + static_cast<int>(face) * 0.11 + 0.013;
    }
  } base;
  const CachedMetrics cached(base);
  const std::string texts[] = {"Kế hoạch phát triển kinh tế – xã hội năm 2026",
                               "ĐẢNG CỘNG SẢN VIỆT NAM “Độc lập” … ệ ự ỹ",
                               "漢字 and \xf0\x9f\x98\x80 outside the table, Ω ȳ ɏ", ""};
  for (int pass = 0; pass < 2; ++pass)  // the second pass reads the filled table
    for (const auto& t : texts)
      for (FontFace f : {FontFace::Regular, FontFace::Bold, FontFace::Italic, FontFace::BoldItalic}) {
        EXPECT_EQ(cached.width(f, 13.5, t), base.width(f, 13.5, t)) << t;
        EXPECT_EQ(cached.advance(f, U'ệ'), base.advance(f, U'ệ'));
      }
}

TEST(TextFlow, WordsMeasuredWhileScannedEqualTheBaseToTheLastBit) {
  // With CachedMetrics, makeWords measures each word as it scans it; the widths must be the
  // base's, bit for bit, malformed and cut UTF-8 sequences included.
  struct Uneven : FontMetrics {
    double advance(FontFace face, char32_t cp) const override {
      return static_cast<double>(cp % 89) * 1.29 + static_cast<int>(face) * 0.07 + 0.011;
    }
  } base;
  const CachedMetrics cached(base);
  const std::string text = "Kế hoạch phát triển - kinh tế – xã hội \xE1\xBB \xE1\xBB\xB1" "a \xC3 \xFF\x80x 漢字 "
                           "\xf0\x9f\x98\x80 lần[^a]; cuối\xE1";
  for (FontFace f : {FontFace::Regular, FontFace::Bold, FontFace::Italic}) {
    TextStyle st{13.5, f};
    const auto want = makeWords(text, st, base, [](const std::string&) { return "1"; });
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the filled table
      const auto got = makeWords(text, st, cached, [](const std::string&) { return "1"; });
      ASSERT_EQ(got.size(), want.size());
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].width, want[i].width) << i;
        ASSERT_EQ(got[i].pieces.size(), want[i].pieces.size()) << i;
        for (size_t k = 0; k < got[i].pieces.size(); ++k) {
          EXPECT_EQ(got[i].pieces[k].text, want[i].pieces[k].text);
          EXPECT_EQ(got[i].pieces[k].width, want[i].pieces[k].width);
        }
      }
    }
  }
}

TEST(TableLayout, ColumnsFitToWordsMeasuredWhileScannedEqualTheBase) {
  // With CachedMetrics, a cell's longest word is measured while it is scanned; the column
  // widths must be the base's, bit for bit, malformed UTF-8 and line breaks included.
  struct Uneven : FontMetrics {
    double advance(FontFace face, char32_t cp) const override {
      return static_cast<double>(cp % 89) * 1.29 + static_cast<int>(face) * 0.07 + 0.011;
    }
  } base;
  const CachedMetrics cached(base);
  DocTemplate t = stateTemplate();
  Table table;
  table.fitColumnsToWords = true;
  table.columns = {{"TT", 1, CellAlign::Center}, {"Tên nhiệm vụ", 2, CellAlign::Left}, {"Ghi chú", 12, CellAlign::Left}};
  table.rows.push_back(TableRow{false, {"1", "Chuyển đổi\nsố toàn diện \xE1\xBB", "xã hội"}});
  table.rows.push_back(TableRow{false, {"2", "\xC3 漢字 \xf0\x9f\x98\x80kế-hoạch-phát-triển", "a  b\n"}});
  std::vector<double> want{20, 5, 275}, got = want;
  fitColumnsToWords(table, t, base, 2, 300, want);
  fitColumnsToWords(table, t, cached, 2, 300, got);
  EXPECT_NE(want, (std::vector<double>{20, 5, 275}));  // the columns did change
  EXPECT_EQ(got, want);
}

TEST(TextFlow, FootnoteMarkIsSuperscript) {
  FixedMetrics m(500);
  TextStyle st{14, FontFace::Regular};
  auto words = makeWords("định kỳ 01 tháng/lần[^a]; phát hiện", st, m, [](const std::string&) { return "1"; });
  ASSERT_EQ(words.size(), 6u);
  const Word& w = words[3];
  ASSERT_EQ(w.pieces.size(), 3u);
  EXPECT_EQ(w.pieces[1].text, "1");
  EXPECT_GT(w.pieces[1].rise, 0);
  EXPECT_LT(w.pieces[1].size, 14);
  EXPECT_EQ(w.footnotes, std::vector<std::string>{"a"});
}

TEST(PageBreaker, WidowsAndOrphansAreAvoided) {
  PageArea a;
  a.contentHeight = 100;
  a.contentWidth = 100;
  std::vector<FlowItem> items;
  // 8 single lines, then a paragraph of 4 lines: 3 fit after them, which would leave its
  // last line alone at the top of the next page.
  for (int i = 0; i < 8; ++i) items.push_back(line(10));
  for (int i = 0; i < 4; ++i) {
    FlowItem it = line(10);
    it.noBreakBefore = i == 1 || i == 3;
    it.content.runs.push_back(TextRun{0, 5, "p" + std::to_string(i)});
    items.push_back(it);
  }
  std::vector<PageFrame> pages;
  breakIntoPages(items, a, pages);
  ASSERT_EQ(pages.size(), 2u);
  // The paragraph moved: two lines on each page, never one.
  int onFirst = 0;
  for (const auto& r : pages[0].runs) onFirst += r.text[0] == 'p';
  EXPECT_EQ(onFirst, 2);
  EXPECT_EQ(pages[1].runs.size(), 2u);
}

TEST(PageBreaker, HeadingIsNeverLastOnAPage) {
  PageArea a;
  a.contentHeight = 100;
  std::vector<FlowItem> items;
  for (int i = 0; i < 9; ++i) items.push_back(line(10));
  FlowItem heading = line(10, true);
  heading.content.runs.push_back(TextRun{0, 5, "H"});
  items.push_back(heading);
  items.push_back(line(10));
  std::vector<PageFrame> pages;
  breakIntoPages(items, a, pages);
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[1].runs.size(), 1u);
  EXPECT_EQ(pages[1].runs[0].text, "H");
  EXPECT_NEAR(pages[1].runs[0].y, 5, 1e-9);  // at the top of page 2
}

TEST(TableLayout, HeaderRepeatsAndRowsAreNotSplit) {
  DocTemplate t = stateTemplate();
  FixedMetrics m(500);
  Table table;
  table.columns = {{"TT", 1, CellAlign::Center}, {"Tên nhiệm vụ", 6, CellAlign::Left}, {"Thời hạn", 2, CellAlign::Center}};
  for (int i = 0; i < 60; ++i) table.rows.push_back(TableRow{false, {std::to_string(i + 1), lorem(10 + i % 25), "3/2025"}});
  auto items = tableItems(table, t, m, 700, 400, 7);
  PageArea a;
  a.width = 841.89;
  a.height = 595.276;
  a.contentWidth = 700;
  a.contentHeight = 480;
  std::vector<PageFrame> pages;
  breakIntoPages(items, a, pages);
  ASSERT_GT(pages.size(), 2u);
  for (const auto& p : pages) {
    // Every page starts with the header row.
    double minY = 1e9;
    std::string topText;
    for (const auto& r : p.runs)
      if (r.y < minY) {
        minY = r.y;
        topText = r.text;
      }
    EXPECT_EQ(topText.substr(0, 2), "TT");
    // A row number appears on only one page: count row-number runs vs rows below.
    for (const auto& b : p.boxes) EXPECT_LE(b.y + b.h, a.contentHeight + 1e-6);
  }
  // Each row number cell is printed exactly once in the whole document.
  int printed = 0;
  for (const auto& p : pages)
    for (const auto& r : p.runs)
      if (r.x < 60 && !r.text.empty() && std::isdigit(static_cast<unsigned char>(r.text[0]))) ++printed;
  EXPECT_EQ(printed, 60);
}

TEST(TableLayout, RowTallerThanAPageIsSplit) {
  DocTemplate t = stateTemplate();
  FixedMetrics m(500);
  Table table;
  table.columns = {{"TT", 1, CellAlign::Center}, {"Nội dung", 3, CellAlign::Left}};
  table.rows.push_back(TableRow{false, {"1", lorem(1500)}});
  auto items = tableItems(table, t, m, 300, 400, 1);
  ASSERT_GT(items.size(), 3u);  // header + several chunks
  for (size_t i = 1; i < items.size(); ++i) EXPECT_LE(items[i].height, 400 + 1e-6);
  PageArea a;
  a.contentWidth = 300;
  a.contentHeight = 480;
  std::vector<PageFrame> pages;
  breakIntoPages(items, a, pages);
  EXPECT_GE(pages.size(), 2u);
}

TEST(DocumentLayout, HeaderLinesAndDraftBlanks) {
  DocTemplate t = stateTemplate();
  DocumentSpec s = sampleSpec();
  EXPECT_EQ(formatNumberLine(s, t), "Số: 05/KH-UBND");
  EXPECT_EQ(formatDateLine(s, t), "Mẫu, ngày 04 tháng 02 năm 2025");
  s.number.clear();
  s.date = {0, 3, 2025};
  std::string blank;
  for (char c : t.blank) blank += c == ' ' ? "\u00A0" : std::string(1, c);  // kept by line breaking
  EXPECT_EQ(formatNumberLine(s, t), "Số: " + blank + "/KH-UBND");
  EXPECT_EQ(formatDateLine(s, t), "Mẫu, ngày " + blank + " tháng 3 năm 2025");
  EXPECT_EQ(formatAppendixLink(s, t, "Ban hành kèm theo", "UBND huyện Mẫu"),
            "(Ban hành kèm theo Kế hoạch số " + blank + "/KH-UBND ngày " + blank + "/3/2025 của UBND huyện Mẫu)");
}

TEST(DocumentLayout, FirstPageHasNoNumberAndEveryRunIsInsideTheMargins) {
  DocTemplate t = stateTemplate();
  FixedMetrics m(480);
  DocumentSpec s = sampleSpec();
  for (int i = 0; i < 40; ++i) {
    SpecBlock b;
    b.text = lorem(120);
    s.body.push_back(b);
  }
  s.signature.signedOff = false;
  LaidOutDocument doc = layoutDocument(s, t, m);
  ASSERT_GT(doc.pages.size(), 3u);
  EXPECT_FALSE(doc.pages[0].showNumber);
  for (const auto& p : doc.pages) {
    bool draft = false, number = false;
    for (const auto& r : p.runs) {
      if (r.role == RunRole::DraftMark) {
        draft = true;
        continue;
      }
      if (r.role == RunRole::PageNumber) {
        number = true;
        EXPECT_NEAR(r.x + r.width / 2, (30 * kPtPerMm + p.width - 15 * kPtPerMm) / 2, 0.01);  // centred
        EXPECT_LT(r.y, 20 * kPtPerMm);                                                   // in the top margin
        continue;
      }
      if (r.role == RunRole::Header) continue;  // the header's left column may use the margin
      EXPECT_GE(r.x, 30 * kPtPerMm - 1e-6);
      EXPECT_LE(r.x + r.width, p.width - 15 * kPtPerMm + 1e-6);
      EXPECT_GE(r.y, 20 * kPtPerMm);
      EXPECT_LE(r.y, p.height - 20 * kPtPerMm);
    }
    EXPECT_TRUE(draft);  // a draft carries the mark on every page
    EXPECT_EQ(number, p.number > 1);
  }
}

TEST(TextFlow, NoLineStartsWithAStandaloneDash) {
  FixedMetrics m(500);
  TextStyle st{10, FontFace::Regular};
  std::string text;
  for (int i = 0; i < 40; ++i) text += "tổ chức chính trị - xã hội ";
  for (double width : {90.0, 120.0, 150.0, 200.0}) {
    auto lines = breakLines(makeWords(text, st, m), width, 0, 2.5, m);
    for (const auto& l : lines) {
      ASSERT_FALSE(l.words.empty());
      EXPECT_NE(l.words.front().pieces.front().text, "-") << width;
      EXPECT_LE(l.naturalWidth, width + 1e-9);
    }
  }
}
