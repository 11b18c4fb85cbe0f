#include "load/install_dirs.hpp"

#include <filesystem>
#include <system_error>

// Compiled into this file only (see CMakeLists.txt), so every other object is the same
// whichever checkout or prefix builds it.
#ifndef VNPLAN_DATADIR_FROM_BINDIR
#define VNPLAN_DATADIR_FROM_BINDIR "../share/vnplan"
#endif

namespace vnplan {
namespace fs = std::filesystem;

namespace {

bool holdsTemplates(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "templates" / "state.yaml", ec);
}

// True when `path` lies inside `dir` (both made absolute and normal, symlinks resolved
// where they exist).
bool isInside(const fs::path& path, const fs::path& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return false;
  fs::path d = fs::weakly_canonical(dir, ec);
  if (ec) return false;
  auto pi = p.begin();
  for (auto di = d.begin(); di != d.end(); ++di, ++pi) {
    if (di->empty()) continue;  // trailing separator
    if (pi == p.end() || *pi != *di) return false;
  }
  return true;
}

}  // namespace

std::string executablePath() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.string();
}

std::vector<DataDirCandidate> dataDirCandidates() {
  std::vector<DataDirCandidate> out;
  auto add = [&](const fs::path& p, const char* origin) {
    std::string s = p.lexically_normal().string();
    if (s.size() > 1 && s.back() == '/') s.pop_back();
    for (const auto& c : out)
      if (c.path == s) return;
    out.push_back({s, origin, holdsTemplates(s)});
  };
  const std::string exe = executablePath();
  if (!exe.empty()) add(fs::path(exe).parent_path() / VNPLAN_DATADIR_FROM_BINDIR, "beside the executable");
#ifdef VNPLAN_INSTALL_DATADIR
  add(VNPLAN_INSTALL_DATADIR, "install prefix");
#endif
#if defined(VNPLAN_SOURCE_DIR) && defined(VNPLAN_BINARY_DIR)
  // Only a binary still in its build tree (the build, tests, benchmarks) uses the source
  // tree: an installed copy must never depend on the checkout it was built from.
  if (!exe.empty() && isInside(exe, VNPLAN_BINARY_DIR)) add(VNPLAN_SOURCE_DIR, "source tree (development build)");
#endif
  return out;
}

std::string defaultDataDir() {
  // Neither the executable nor the installed files move while the process runs; every
  // document asks, so look once.
  static const std::string dir = [] {
    const auto candidates = dataDirCandidates();
    for (const auto& c : candidates)
      if (c.present) return c.path;
    return candidates.empty() ? std::string(".") : candidates.front().path;
  }();
  return dir;
}

std::string defaultTemplateDir() { return (fs::path(defaultDataDir()) / "templates").string(); }

}  // namespace vnplan
