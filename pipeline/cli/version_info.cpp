#include "cli/version_info.hpp"

#include <cstdlib>
#include <exception>

#include "batch/document_builder.hpp"
#include "load/install_dirs.hpp"
#include "render/pdf/font_files.hpp"

#ifndef VNPLAN_VERSION
#define VNPLAN_VERSION "0.0.0"
#endif

namespace vnplan {

void printVersion(std::ostream& out) {
  out << "vnplan " << VNPLAN_VERSION << "\n";
  const std::string exe = executablePath();
  out << "tệp chạy / executable: " << (exe.empty() ? "?" : exe) << "\n";
  out << "thư mục dữ liệu / data directory: " << defaultDataDir() << "\n";
  out << "  đã tìm ở / looked in (first with templates/state.yaml wins):\n";
  for (const auto& c : dataDirCandidates())
    out << "    " << c.path << "  (" << c.origin << ")" << (c.present ? "  [có / found]" : "") << "\n";
  const char* tenv = std::getenv("VNPLAN_TEMPLATES");
  out << "mẫu / templates: " << templatePath(Family::State) << ", " << templatePath(Family::Party)
      << "  (VNPLAN_TEMPLATES " << (tenv ? std::string("= ") + tenv : std::string("unset")) << ")\n";
  out << "phông chữ / fonts, looked for in:";
  for (const auto& d : defaultFontDirs()) out << "\n    " << d;
  out << "\n";
  try {
    const FontSet fonts = findFonts(defaultFontDirs());
    out << "  dùng / using:";
    for (const auto& p : fonts.paths) out << "\n    " << p;
    out << "\n";
  } catch (const std::exception& e) {
    out << "  " << e.what() << "\n";
  }
}

}  // namespace vnplan
