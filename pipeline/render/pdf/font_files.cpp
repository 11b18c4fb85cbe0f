#include "render/pdf/font_files.hpp"

#include "load/install_dirs.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace vnplan {

std::vector<std::string> defaultFontDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("VNPLAN_FONTS")) dirs.push_back(env);
  dirs.push_back((std::filesystem::path(defaultDataDir()) / "fonts").string());
  dirs.push_back("/usr/share/fonts/truetype/liberation2");
  dirs.push_back("/usr/share/fonts/truetype/liberation");
  dirs.push_back("/usr/share/fonts/truetype/msttcorefonts");
  return dirs;
}

FontSet findFonts(const std::vector<std::string>& searchDirs) {
  // Candidate file names per face, preferred first.
  static const std::array<std::vector<const char*>, 4> names = {{
      {"times.ttf", "Times New Roman.ttf", "TimesNewRoman.ttf", "Times_New_Roman.ttf", "LiberationSerif-Regular.ttf"},
      {"timesbd.ttf", "Times New Roman Bold.ttf", "TimesNewRoman-Bold.ttf", "Times_New_Roman_Bold.ttf",
       "LiberationSerif-Bold.ttf"},
      {"timesi.ttf", "Times New Roman Italic.ttf", "TimesNewRoman-Italic.ttf", "Times_New_Roman_Italic.ttf",
       "LiberationSerif-Italic.ttf"},
      {"timesbi.ttf", "Times New Roman Bold Italic.ttf", "TimesNewRoman-BoldItalic.ttf",
       "Times_New_Roman_Bold_Italic.ttf", "LiberationSerif-BoldItalic.ttf"},
  }};
  FontSet set;
  for (size_t face = 0; face < 4; ++face) {
    std::string tried;
    // Prefer a complete Times New Roman family in one directory over mixing families.
    for (const auto& dir : searchDirs) {
      for (const char* n : names[face]) {
        std::filesystem::path p = std::filesystem::path(dir) / n;
        tried += "\n  " + p.string();
        if (std::filesystem::is_regular_file(p)) {
          set.paths[face] = p.string();
          break;
        }
      }
      if (!set.paths[face].empty()) break;
    }
    if (set.paths[face].empty())
      throw std::runtime_error("không tìm thấy phông chữ / font not found; looked for:" + tried + "\n(cài fonts-liberation2 hoặc chép Times New Roman vào " +
                               (std::filesystem::path(defaultDataDir()) / "fonts").string() +
                               " / install fonts-liberation2 or copy Times New Roman there)");
  }
  return set;
}

}  // namespace vnplan
