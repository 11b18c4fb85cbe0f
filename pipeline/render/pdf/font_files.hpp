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
// fonts/ of the working directory and of the source tree, then the system directories.
std::vector<std::string> defaultFontDirs();

}  // namespace vnplan
