// The content hash of the data rows: SHA-256 over a canonical text a reader can rebuild.
#include <gtest/gtest.h>

#include <cstdio>

#include "render/xlsx/content_hash.hpp"

using namespace vnplan;
using namespace vnplan::xlsx;

TEST(XlsxContentHash, Sha256KnownVectors) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(XlsxContentHash, CanonicalCells) {
  EXPECT_EQ(canonicalCell(Cell{}), "");
  EXPECT_EQ(canonicalCell(Cell::makeText("a\tb\nc\\d\re")), "a\\tb\\nc\\\\d\\re");
  EXPECT_EQ(canonicalCell(Cell::makeText("Phòng Nội vụ")), "Phòng Nội vụ");
  EXPECT_EQ(canonicalCell(Cell::makeNumber(0.95, "0%")), "0.95");
  EXPECT_EQ(canonicalCell(Cell::makeNumber(0.07, "0%")), "0.07");
  EXPECT_EQ(canonicalCell(Cell::makeNumber(1, "0%")), "1");
  EXPECT_EQ(canonicalCell(Cell::makeNumber(2025, "0")), "2025");
  EXPECT_EQ(canonicalCell(Cell::makeNumber(12500000.25, "")), "12500000.25");
  EXPECT_EQ(canonicalCell(Cell::makeDate({2025, 6, 30})), "2025-06-30");
}

// The escapes are found eight bytes at a time: every escaped character, and the
// unescaped bytes next to them (other control characters, high bytes), at every offset.
TEST(XlsxContentHash, CanonicalTextEscapesAtEveryPosition) {
  auto reference = [](const std::string& s) {
    std::string r;
    for (char ch : s) {
      if (ch == '\\') r += "\\\\";
      else if (ch == '\t') r += "\\t";
      else if (ch == '\n') r += "\\n";
      else if (ch == '\r') r += "\\r";
      else r += ch;
    }
    return r;
  };
  const char specials[] = {'\\', '\t', '\n', '\r', '\x01', '\x1f', ' ', '[', ']', '\x7f', '\x80', '\xdc', '\xff'};
  for (std::size_t len = 1; len <= 20; ++len)
    for (std::size_t at = 0; at < len; ++at)
      for (char ch : specials) {
        std::string s = std::string(len, 'x');
        s[at] = ch;
        if (len > 10) s[len - 1 - at / 2] = '\n';
        EXPECT_EQ(canonicalCell(Cell::makeText(s)), reference(s)) << "length " << len << " at " << at;
      }
  EXPECT_EQ(canonicalCell(Cell::makeText("Khóa dòng\tMã chủ trì\\ghi chú dài hơn tám byte\r\n")),
            "Khóa dòng\\tMã chủ trì\\\\ghi chú dài hơn tám byte\\r\\n");
}

// Whole numbers and dates are written without printf; the text must stay printf's.
TEST(XlsxContentHash, CanonicalNumbersAndDatesAsPrintf) {
  auto printed = [](const char* fmt, auto... v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v...);
    return std::string(buf);
  };
  const double numbers[] = {0, -0.0, 1, -1, 7, 10, 2025, -2025, 99999, 123456789012345, -123456789012345,
                            999999999999999, 1e15, -1e15, 1e16, 4503599627370497, 0.5, 0.95, 12500000.25,
                            -3.75, 1e-7, 1e300, 9007199254740993.0};
  for (double v : numbers) EXPECT_EQ(canonicalCell(Cell::makeNumber(v, "")), printed("%.15g", v)) << v;
  const CalendarDate dates[] = {{2025, 6, 30}, {1, 1, 1}, {999, 12, 31}, {9999, 9, 9}, {0, 0, 0},
                                {10000, 1, 1}, {-5, 1, 1}, {2025, 100, 1}, {2025, 1, -1}};
  for (const auto& d : dates)
    EXPECT_EQ(canonicalCell(Cell::makeDate(d)), printed("%04d-%02d-%02d", d.year, d.month, d.day)) << d.year;
}

TEST(XlsxContentHash, CanonicalContentLayout) {
  SheetTable t;
  t.id = "tasks";
  t.columns.resize(2);
  t.columns[0].key = "task.number";
  t.columns[1].key = "task.name";
  TableRow g;
  g.group = true;
  g.cells = {Cell::makeText("I"), Cell::makeText("Nhóm")};
  TableRow r;
  r.cells = {Cell::makeText("1"), Cell::makeText("=SUM(A1)")};
  t.rows = {g, r};
  EXPECT_EQ(canonicalContent({t}), "table:tasks\ntask.number\ttask.name\nI\tNhóm\n1\t=SUM(A1)\n");
  EXPECT_EQ(contentHash({t}), sha256Hex("table:tasks\ntask.number\ttask.name\nI\tNhóm\n1\t=SUM(A1)\n"));

  // Any change in a data cell changes the hash.
  SheetTable changed = t;
  changed.rows[1].cells[1] = Cell::makeText("=SUM(A2)");
  EXPECT_NE(contentHash({t}), contentHash({changed}));
}
