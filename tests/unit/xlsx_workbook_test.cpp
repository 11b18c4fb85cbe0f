// writeAppendixWorkbook end to end inside the process: a file is written, the same input
// gives the same bytes, and bad input fails with a clear message instead of a corrupt file.
#include <gtest/gtest.h>

#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "load/plan_loader.hpp"
#include "load/zip_container.hpp"
#include "render/xlsx/appendix_workbook.hpp"
#include "render/xlsx/meta_sheet.hpp"
#include "render/xlsx/table_builder.hpp"
#include "render/xlsx/xlsx_error.hpp"
#include "model/text.hpp"

using namespace vnplan;
using testing_support::readAll;

struct TempDir : testing_support::TempDir {
  TempDir() : testing_support::TempDir("vnplan-xlsx-test-") {}
};

namespace {

Plan minimal() {
  Diagnostics d;
  auto p = loadPlan(std::string(VNPLAN_TEST_DATA) + "/plans/minimal", d);
  if (!p) throw std::runtime_error("cannot load minimal");
  return *p;
}


}  // namespace

TEST(XlsxWorkbook, WritesAZipAndIsByteIdenticalOnRerun) {
  TempDir dir;
  Plan p = minimal();
  writeAppendixWorkbook(p, (dir.path / "a.xlsx").string(), XlsxOptions{1738627200, &testing_support::rulesFor(Family::State)});
  writeAppendixWorkbook(p, (dir.path / "b.xlsx").string(), XlsxOptions{1738627200, &testing_support::rulesFor(Family::State)});
  std::string a = readAll(dir.path / "a.xlsx"), b = readAll(dir.path / "b.xlsx");
  ASSERT_GT(a.size(), 1000u);
  EXPECT_EQ(a.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_TRUE(a == b) << "two runs differ";
  EXPECT_NE(a.find("docProps/core.xml"), std::string::npos);

  writeAppendixWorkbook(p, (dir.path / "c.xlsx").string(), XlsxOptions{1738627200 + 86400, &testing_support::rulesFor(Family::State)});
  EXPECT_FALSE(a == readAll(dir.path / "c.xlsx")) << "the created date is written";
}

TEST(XlsxWorkbook, InvalidUtf8NeverReachesTheWriter) {
  TempDir dir;
  Plan p = minimal();
  p.tasks->groups[0].items[1].name = "T\xe1\xbb p hu\xc3";  // truncated sequences
  try {
    writeAppendixWorkbook(p, (dir.path / "bad.xlsx").string(), XlsxOptions{1, &testing_support::rulesFor(Family::State)});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("PHỤ LỤC II"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path / "bad.xlsx"));
}

// A text at the cell limit wraps to far more than Excel's 409-point row: the row is written
// with the height it asks for (as libxlsxwriter did), not refused.
TEST(XlsxWorkbook, RowTallerThanExcelShowsIsStillWritten) {
  TempDir dir;
  Plan p = minimal();
  std::string words;
  while (words.size() + 6 <= 32767) words += "nhiệm ";
  p.tasks->groups[0].items[1].name = words;
  const auto path = dir.path / "tall.xlsx";
  writeAppendixWorkbook(p, path.string(), XlsxOptions{1, &testing_support::rulesFor(Family::State)});
  const std::string bytes = readAll(path);
  ZipContainer zip;
  ASSERT_EQ(zip.open(bytes, 100), ZipOpenStatus::Ok);
  double tallest = 0;
  for (const auto& e : zip.entries()) {
    if (e.name.rfind("xl/worksheets/sheet", 0) != 0) continue;
    std::string xml;
    ASSERT_EQ(zip.readAll(e, ZipCaps{}, xml), ZipReadStatus::Ok);
    const std::regex ht(" ht=\"([0-9.]+)\"");
    for (std::sregex_iterator it(xml.begin(), xml.end(), ht), end; it != end; ++it)
      tallest = std::max(tallest, std::stod((*it)[1].str()));
  }
  EXPECT_GT(tallest, 409);
}

TEST(XlsxWorkbook, OverlongCellIsAClearError) {
  TempDir dir;
  Plan p = minimal();
  p.tasks->groups[0].items[1].name = std::string(32768, 'a');
  EXPECT_THROW(writeAppendixWorkbook(p, (dir.path / "long.xlsx").string(), XlsxOptions{1, &testing_support::rulesFor(Family::State)}), std::runtime_error);
}

TEST(XlsxWorkbook, UnwritablePathThrows) {
  Plan p = minimal();
  EXPECT_THROW(writeAppendixWorkbook(p, "/nonexistent-dir/x/y.xlsx", XlsxOptions{1, &testing_support::rulesFor(Family::State)}), std::runtime_error);
}

TEST(XlsxWorkbook, PlanWithoutAppendicesStillGetsMeta) {
  TempDir dir;
  Plan p = minimal();
  p.indicators.reset();
  p.tasks.reset();
  writeAppendixWorkbook(p, (dir.path / "empty.xlsx").string(), XlsxOptions{1, &testing_support::rulesFor(Family::State)});
  EXPECT_TRUE(std::filesystem::exists(dir.path / "empty.xlsx"));
}

TEST(XlsxMeta, EntriesFollowTheModel) {
  Plan p = minimal();
  auto tables = xlsx::buildTables(p, testing_support::rulesFor(p.document.family));
  auto meta = xlsx::metaEntries(p, tables, 1738627200, "abc");
  auto get = [&](const std::string& k) -> const xlsx::Cell* {
    for (const auto& e : meta)
      if (e.key == k) return &e.value;
    return nullptr;
  };
  ASSERT_TRUE(get("schema.name"));
  EXPECT_EQ(get("schema.name")->text, "vnplan.phu-luc");
  EXPECT_EQ(get("schema.version")->text, "1.0");
  EXPECT_EQ(get("plan.id")->text, "minimal");
  EXPECT_EQ(get("issuer.code")->text, "UBND");
  EXPECT_EQ(get("issuer.name")->text, "ỦY BAN NHÂN DÂN XÃ MẪU");
  EXPECT_EQ(get("document.number")->text, "5");
  EXPECT_EQ(get("document.symbol")->text, "KH-UBND");
  EXPECT_EQ(get("document.date")->text, "2025-02-04");
  EXPECT_EQ(get("created")->text, "2025-02-04T00:00:00Z");
  EXPECT_EQ(get("tables")->text, "indicators,tasks");
  EXPECT_EQ(get("table.tasks.sheet")->text, "PHỤ LỤC II");
  EXPECT_EQ(get("table.tasks.first_row")->number, 6);
  EXPECT_EQ(get("table.tasks.last_row")->number, 8);
  EXPECT_EQ(get("table.tasks.items")->number, 2);
  EXPECT_EQ(get("content.hash")->text, "abc");
  EXPECT_EQ(xlsx::isoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(xlsx::isoUtc(-1), "1969-12-31T23:59:59Z");
}

// checkedText validates every cell in one pass of its own; it must accept exactly what
// isValidUtf8 accepts, less texts with a NUL, at every position of an eight-byte block.
TEST(XlsxCheckedText, AgreesWithIsValidUtf8) {
  using xlsx::checkedText;
  auto accepted = [](const std::string& s) {
    try {
      checkedText(s, "test");
      return true;
    } catch (const std::runtime_error&) {
      return false;
    }
  };
  std::vector<std::string> seqs;
  for (int a = 0; a < 256; ++a) seqs.push_back(std::string(1, static_cast<char>(a)));
  for (int a = 0x80; a < 256; ++a)
    for (int b = 0; b < 256; ++b) seqs.push_back({static_cast<char>(a), static_cast<char>(b)});
  // Second bytes at the edges of the overlong, surrogate and U+10FFFF limits.
  const int probes[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  for (int a = 0xE0; a < 256; ++a)
    for (int b : probes)
      for (int c : probes) {
        seqs.push_back({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        for (int d : probes)
          seqs.push_back({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
      }
  int checked = 0;
  for (const auto& seq : seqs)
    for (std::size_t pre : {0, 7}) {
      const std::string s = std::string(pre, 'a') + seq + std::string(pre / 2, 'b');
      const bool expected = isValidUtf8(s) && s.find('\0') == std::string::npos;
      ASSERT_EQ(accepted(s), expected) << "prefix " << pre << " sequence of " << seq.size() << " bytes";
      ++checked;
    }
  EXPECT_GT(checked, 80000);
  EXPECT_TRUE(accepted("Phụ lục II — tiếng Việt 𝔸"));
  EXPECT_FALSE(accepted(std::string("abcdefghij\0klmnop", 17)));
}
