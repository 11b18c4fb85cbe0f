// The directly written page content and the pre-deflated streams (render/pdf).
#include <gtest/gtest.h>
#include <zlib.h>

#include "render/pdf/page_content.hpp"
#include "render/pdf/pdf_streams.hpp"

using namespace vnplan;

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
    w.out += ' ';
  }
  EXPECT_EQ(w.out, "0 0 12.5 -3.25 85.03937 1000 0.1 ");
}

TEST(PageContent, TextIsUcs2WithEscapes) {
  ContentWriter w;
  // "Ạ(" , a right parenthesis, a backslash, U+0A0D (both bytes need escaping as CR/LF
  // would be normalised), and an emoji beyond the BMP (a space, as libharu does).
  w.text("\xe1\xba\xa0()\\\xe0\xa8\x8d\xf0\x9f\x98\x80");
  const std::string expected = std::string("(\x1e\xa0") + std::string("\0\\(", 3) + std::string("\0\\)", 3) +
                               std::string("\0\\\\", 3) + "\\n\\r" + std::string("\0 ", 2) + ")";
  EXPECT_EQ(w.out, expected);
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
  EXPECT_EQ(w.out, expected);
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
