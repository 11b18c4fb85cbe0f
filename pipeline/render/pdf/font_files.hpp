#pragma once
// Finds the four serif faces: a user's Times New Roman in fonts/ first, then Liberation
// Serif (same metrics) from the Debian font directory.
#include <array>
#include <string>
#include <vector>

namespace vnplan {

struct FontSet {
  std::array<std::string, 4> paths;  // Regular, Bold, Italic, BoldItalic
};

// Throws std::runtime_error naming every file looked for when a face is missing.
FontSet findFonts(const std::vector<std::string>& searchDirs);
// VNPLAN_FONTS, fonts/ of the data directory (load/install_dirs.hpp), then the system
// directories (fonts-liberation2).
std::vector<std::string> defaultFontDirs();

}  // namespace vnplan
