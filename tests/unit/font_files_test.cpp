#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "render/pdf/font_files.hpp"

using namespace vnplan;

TEST(FindFonts, MissingFontNamesEveryFileLookedFor) {
  try {
    findFonts({"/nonexistent-a", "/nonexistent-b"});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("/nonexistent-a/times.ttf"), std::string::npos) << m;
    EXPECT_NE(m.find("/nonexistent-b/LiberationSerif-Regular.ttf"), std::string::npos) << m;
    EXPECT_NE(m.find("font not found"), std::string::npos);
  }
}

TEST(FindFonts, TimesNewRomanInFontsDirComesFirst) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "vnplan-fonts-test";
  fs::create_directories(dir);
  for (const char* n : {"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}) std::ofstream(dir / n) << "x";
  FontSet set = findFonts({dir.string(), "/usr/share/fonts/truetype/liberation2"});
  EXPECT_EQ(set.paths[0], (dir / "times.ttf").string());
  EXPECT_EQ(set.paths[3], (dir / "timesbi.ttf").string());
  fs::remove_all(dir);
  FontSet lib = findFonts({dir.string(), "/usr/share/fonts/truetype/liberation2"});
  EXPECT_NE(lib.paths[1].find("LiberationSerif-Bold.ttf"), std::string::npos);
}
