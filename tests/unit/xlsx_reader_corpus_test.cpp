// The corpus of bad workbooks (tests/data/xlsx/bad, written by make_corpus.py): each file is
// refused with exactly the located message in <file>.expected. The good/ files, from
// unusual but valid writers (data descriptors, stored entries), must read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/xlsx_reader.hpp"

namespace vnplan {
namespace {

namespace fs = std::filesystem;
const fs::path kCorpus = fs::path(VNPLAN_TEST_DATA) / "xlsx";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(XlsxReaderCorpus, EachBadFileGivesItsOneLocatedMessage) {
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus / "bad")) {
    if (entry.path().extension() == ".expected") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const fs::path expectedPath = entry.path().string() + ".expected";
    ASSERT_TRUE(fs::exists(expectedPath));
    Diagnostics d;
    auto wb = readXlsxBytes(slurp(entry.path()), name, d);
    EXPECT_FALSE(wb);
    std::string got;
    for (const auto& x : d.items) got += formatDiagnostic(x, Lang::Vi) + "\n";
    EXPECT_EQ(got, slurp(expectedPath));
    EXPECT_EQ(d.items.size(), 1u);
    // The English text names the same place.
    ASSERT_FALSE(d.items.empty());
    EXPECT_EQ(formatDiagnostic(d.items[0], Lang::En).rfind(d.items[0].file + ": error: ", 0), 0u);
  }
  EXPECT_GE(files, 19u);
}

TEST(XlsxReaderCorpus, GoodFilesFromUnusualWritersRead) {
  for (const char* name : {"data_descriptors.xlsx", "stored.xlsx"}) {
    SCOPED_TRACE(name);
    Diagnostics d;
    auto wb = readXlsxFile((kCorpus / "good" / name).string(), d);
    ASSERT_TRUE(wb);
    const XlsxSheet* s = wb->sheet("Báo cáo");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->at(1, 1)->text, "Tiến độ");
    EXPECT_EQ(s->at(1, 2)->number, 42);
  }
}

}  // namespace
}  // namespace vnplan
