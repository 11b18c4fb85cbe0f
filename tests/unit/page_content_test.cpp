// The directly written page content and the pre-deflated streams (render/pdf).
#include <gtest/gtest.h>
#include <zlib.h>

#include "model/text.hpp"
#include "render/pdf/page_content.hpp"
#include "render/pdf/pdf_streams.hpp"
#include "render/pdf/pdf_writer.hpp"

#include <string>
#include <vector>

using namespace vnplan;
using namespace std::string_literals;

namespace {

std::string inflate(const std::string& z) {
  std::string out(1 << 20, '\0');
  uLongf len = static_cast<uLongf>(out.size());
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(z.data()),
                       static_cast<uLong>(z.size())),
            Z_OK);
  out.resize(len);
  return out;
}

}  // namespace

TEST(PageContent, NumbersAreFixedPointTrimmed) {
  ContentWriter w;
  for (double v : {0.0, -0.0000001, 12.5, -3.25, 85.039370078, 1000.0, 0.1}) {
    w.number(v, 5);
    w.put(' ');
  }
  EXPECT_EQ(w.view(), "0 0 12.5 -3.25 85.03937 1000 0.1 ");
  w.restart();
  for (double v : {12.34567, 0.00001, -0.10203, 0.5, 1e-6}) {
    w.number(v, 5);
    w.put(' ');
  }
  for (double v : {-79.078, 0.04, 5.0, -0.0004}) {
    w.number(v, 3);
    w.put(' ');
  }
  w.number(2.5, 0);  // halves round away from zero, as llround
  w.put(' ');
  w.number(-2.5, 0);
  EXPECT_EQ(w.view(), "12.34567 0.00001 -0.10203 0.5 0 -79.078 0.04 5 0 3 -3");
  // A TJ gap in thousandths, written as number(k / 1000.0, 3) would.
  for (long long k : {-79078LL, 40LL, 5000LL, -1LL, 123456LL, 1234567891LL}) {
    ContentWriter a, b;
    a.fixed3(k);
    b.number(static_cast<double>(k) / 1000.0, 3);
    EXPECT_EQ(a.view(), b.view()) << k;
  }
}

TEST(PageContent, TextIsUcs2WithEscapes) {
  ContentWriter w;
  // "Ạ(" , a right parenthesis, a backslash, U+0A0D (both bytes need escaping as CR/LF
  // would be normalised), and an emoji beyond the BMP (a space, as libharu does).
  w.text("\xe1\xba\xa0()\\\xe0\xa8\x8d\xf0\x9f\x98\x80");
  const std::string expected = std::string("(\x1e\xa0") + std::string("\0\\(", 3) + std::string("\0\\)", 3) +
                               std::string("\0\\\\", 3) + "\\n\\r" + std::string("\0 ", 2) + ")";
  EXPECT_EQ(w.view(), expected);
}

TEST(PageContent, LongTextIsWrittenWhole) {
  // A long text, with escapes falling on every offset.
  std::string utf8, expected = "(";
  for (int i = 0; i < 700; ++i) {
    if (i % 3 == 0) {
      utf8 += "\xe1\xbb\x87";  // ệ U+1EC7
      expected += "\x1e\xc7";
    } else if (i % 3 == 1) {
      utf8 += "(";
      expected += std::string("\0\\(", 3);
    } else {
      utf8 += "a";
      expected += std::string("\0a", 2);
    }
  }
  expected += ")";
  ContentWriter w;
  w.text(utf8);
  EXPECT_EQ(w.view(), expected);
}

TEST(PageContent, TextPositionsAreRelativeAndDoNotDrift) {
  PageFrame page;
  page.height = 800;
  for (int i = 0; i < 3; ++i) {
    TextRun r;
    r.x = 10.000004 + i * 0.333333;
    r.y = 100;
    r.text = "a";
    page.runs.push_back(r);
  }
  const std::string c = pageContent(page, [](int) { return "F1"; });
  EXPECT_EQ(c.rfind("BT\n/F1 14 Tf\n10 700 Td\n", 0), 0u) << c;
  EXPECT_NE(c.find("0.33333 0 Td"), std::string::npos) << c;
  // Positions are rounded first and moves are their differences: 10.33334 then 10.66667.
  EXPECT_NE(c.find("0.33334 0 Td"), std::string::npos) << c;
}

TEST(PageContent, WordsOfALineShareOneTjWhoseNumbersCloseTheGaps) {
  std::vector<int16_t> w(0x10000, 500);  // every code 500/1000 em
  const CidWidths widths{w.data(), w.data(), w.data(), w.data()};
  PageFrame page;
  page.height = 800;
  auto run = [&](double x, double y, const char* text, FontFace face = FontFace::Regular) {
    TextRun r;
    r.x = x;
    r.y = y;
    r.size = 10;
    r.face = face;
    r.text = text;
    page.runs.push_back(r);
  };
  run(10, 100, "ab ");  // 3 codes: 15 pt, so the string ends at 25
  run(27, 100, "cd");   // a 2 pt gap: -200 thousandths; ends at 37
  run(37, 100, "e");    // no gap: no number
  run(10, 114, "f");    // the next line: its own Td, a single string shown by Tj
  run(20, 114, "g", FontFace::Bold);  // another face: its own Tf and Td
  const std::string c = pageContent(page, [](int f) { return f == 0 ? "F1" : "F2"; }, widths);
  using namespace std::string_literals;  // the strings hold NUL bytes (UCS-2 high bytes)
  EXPECT_NE(c.find("10 700 Td\n[(\0a\0b\0 ) -200 (\0c\0d) (\0e)] TJ\n"s), std::string::npos) << c;
  EXPECT_NE(c.find("0 -14 Td\n(\0f) Tj\n/F2 10 Tf\n10 0 Td\n(\0g) Tj\nET"s), std::string::npos) << c;
  // Without widths every run keeps its own Td (the form the other tests check).
  const std::string plain = pageContent(page, [](int) { return "F1"; });
  EXPECT_EQ(plain.find("TJ"), std::string::npos) << plain;
}

TEST(PdfStreams, DeflateRoundTripsAndFilterKeysAreRestoredInPlace) {
  const std::string raw(5000, 'x');
  for (int level : {1, 6, 9}) EXPECT_EQ(inflate(deflateBytes(raw, level)), raw);
  EXPECT_EQ(deflateBytes(raw, 1), deflateBytes(raw, 1));  // a reused zlib state gives the same bytes
  std::string pdf = "<< /VnFltr /FlateDecode /Length 3 >>stream\nabc\nendstream << /VnFltr /FlateDecode >>";
  const size_t size = pdf.size();
  EXPECT_EQ(restoreFilterKeys(pdf), 2u);
  EXPECT_EQ(pdf.size(), size);
  EXPECT_EQ(pdf, "<< /Filter /FlateDecode /Length 3 >>stream\nabc\nendstream << /Filter /FlateDecode >>");
}

TEST(PdfStreams, ToUnicodeIsAValidIdentityMap) {
  const std::string cmap = inflate(identityToUnicodeDeflated());
  EXPECT_EQ(cmap.find("cidrange"), std::string::npos);
  EXPECT_NE(cmap.find("<1E00> <1EFF> <1E00>"), std::string::npos);
  EXPECT_EQ(cmap.find("<D800>"), std::string::npos);  // surrogates are not characters
}

TEST(PageContent, BoxesAndRulesSetOnlyTheStateThatChanges) {
  PageFrame page;
  page.height = 800;
  Box grey;
  grey.x = 10, grey.y = 20, grey.w = 30, grey.h = 40;
  grey.fill = 0x808080;
  grey.stroked = true;  // black, 0.5
  page.boxes.push_back(grey);
  Box next = grey;
  next.x = 40;
  page.boxes.push_back(next);  // the same colours and width: only the path
  Box outline = grey;
  outline.filled = false;
  outline.strokeWidth = 1;
  page.boxes.push_back(outline);
  RuleLine rule;
  rule.x1 = 0, rule.y1 = 10, rule.x2 = 100, rule.y2 = 10;
  rule.width = 1;
  page.rules.push_back(rule);
  TextRun black;
  black.x = 10, black.y = 100, black.text = "a";
  page.runs.push_back(black);
  const std::string c = pageContent(page, [](int) { return "F1"; });
  EXPECT_EQ(c,
            "0.50196 0.50196 0.50196 rg\n0.5 w\n10 740 30 40 re\nB\n"
            "40 740 30 40 re\nB\n"
            "1 w\n10 740 30 40 re\nS\n"
            "0 790 m\n100 790 l\nS\n"
            // the fill is grey now: black text sets it back
            "BT\n/F1 14 Tf\n0 0 0 rg\n10 700 Td\n(\0a) Tj\nET\n"s)
      << c;
}

TEST(PageContent, CodesShownAreRecordedPerFace) {
  PageFrame page;
  TextRun r;
  r.text = "A\xe1\xbb\x87";  // A, ệ U+1EC7
  page.runs.push_back(r);
  r.face = FontFace::Bold;
  r.text = "(";
  page.runs.push_back(r);
  UsedCids used;
  pageContent(page, [](int) { return "F1"; }, {}, &used);
  EXPECT_TRUE(used.has(0, 'A'));
  EXPECT_TRUE(used.has(0, 0x1EC7));
  EXPECT_FALSE(used.has(0, '('));
  EXPECT_TRUE(used.has(1, '('));
  EXPECT_FALSE(used.has(1, 'A'));
  size_t count = 0;
  for (const auto& face : used.bits)
    for (uint64_t word : face) count += static_cast<size_t>(__builtin_popcountll(word));
  EXPECT_EQ(count, 3u);
}

namespace {

// The numbers of every /W array of a PDF, in file order.
std::vector<std::vector<long>> widthArrays(const std::string& pdf) {
  std::vector<std::vector<long>> arrays;
  for (size_t at = pdf.find("/W ["); at != std::string::npos; at = pdf.find("/W [", at + 1)) {
    std::vector<long> numbers;
    int depth = 0;
    for (size_t i = at + 3; i < pdf.size(); ++i) {
      const char ch = pdf[i];
      if (ch == '[') ++depth;
      if (ch == ']' && --depth == 0) break;
      if (ch == '-' || (ch >= '0' && ch <= '9')) {
        size_t used = 0;
        numbers.push_back(std::stol(pdf.substr(i, 12), &used));
        i += used - 1;
      }
    }
    arrays.push_back(numbers);
  }
  return arrays;
}

}  // namespace

TEST(PdfWriterWidths, EachFontListsTheWidthsOfTheCodesItShowsOnly) {
  PdfWriter writer(findFonts(defaultFontDirs()));
  const FontMetrics& m = writer.metrics();
  LaidOutDocument doc;
  PageFrame page;
  TextRun r;
  r.x = 50, r.y = 100;
  r.text = "BAB Z";  // A and B consecutive codes: one run; space; Z alone
  page.runs.push_back(r);
  r.y = 120, r.face = FontFace::Italic, r.text = "\xe1\xbb\x87";  // ệ
  page.runs.push_back(r);
  doc.pages.push_back(page);
  const std::string pdf = writer.finish(doc);
  const auto arrays = widthArrays(pdf);
  ASSERT_EQ(arrays.size(), 4u) << "one /W per face";
  auto w = [&](FontFace f, char32_t cp) { return static_cast<long>(m.advance(f, cp)); };
  // Regular: "65 [A B] 90 [Z]", after "32 [space]" unless the space has the default width.
  const std::vector<long> letters{65, w(FontFace::Regular, 'A'), w(FontFace::Regular, 'B'), 90, w(FontFace::Regular, 'Z')};
  std::vector<long> spaceFirst{32, w(FontFace::Regular, ' ')};
  spaceFirst.insert(spaceFirst.end(), letters.begin(), letters.end());
  bool sawRegular = false, sawItalic = false;
  size_t empty = 0;
  for (const auto& a : arrays) {
    if (a.empty()) {
      ++empty;
    } else if (a.size() == 2) {
      EXPECT_EQ(a, (std::vector<long>{0x1EC7, w(FontFace::Italic, 0x1EC7)}));
      sawItalic = true;
    } else {
      EXPECT_TRUE(a == letters || a == spaceFirst) << a.size();
      sawRegular = true;
    }
  }
  EXPECT_TRUE(sawRegular);
  EXPECT_TRUE(sawItalic);
  EXPECT_EQ(empty, 2u);  // Bold and BoldItalic show nothing
}

TEST(PageContent, TextDecodesLikeNextCodePoint) {
  // The writer's own two- and three-byte decoding must agree with nextCodePoint on valid
  // Vietnamese and on malformed input (truncated sequences, stray continuation bytes).
  const std::vector<std::string> inputs = {
      "Đường ư ơ ạ ề ỹ ẫ",       "\xe1\xba",          "\xc4",          "\x80\xbf a",
      "\xe1\x41\x42",            "\xc4\x41",          "\xf0\x9f\x98",  "x\xe1\xba\xa0\xc6\xb0\xff",
      "\xed\xa0\x80 surrogate",  "\xc0\xaf overlong", "\xe0\x80\xaf"};
  std::vector<int16_t> widths(0x10000);
  for (size_t k = 0; k < widths.size(); ++k) widths[k] = static_cast<int16_t>(k % 7 + 1);
  for (const std::string& in : inputs) {
    std::string expected = "(";
    long expectedAdvance = 0;
    for (size_t i = 0; i < in.size();) {
      char32_t cp = nextCodePoint(in, i);
      if (cp > 0xFFFF) cp = 0x20;
      expectedAdvance += widths[cp];
      for (unsigned b : {static_cast<unsigned>(cp >> 8), static_cast<unsigned>(cp & 0xFF)}) {
        if (b == '(' || b == ')' || b == '\\') {
          expected += '\\';
          expected += static_cast<char>(b);
        } else if (b == '\r') {
          expected += "\\r";
        } else if (b == '\n') {
          expected += "\\n";
        } else {
          expected += static_cast<char>(b);
        }
      }
    }
    expected += ')';
    ContentWriter w;
    EXPECT_EQ(w.text(in, widths.data()), expectedAdvance) << in;
    EXPECT_EQ(w.view(), expected) << in;
  }
}
