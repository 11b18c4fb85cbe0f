#pragma once
// The loaders read files by path (includes resolve against the including file), so each
// fuzz input is written to a file in a private directory of this process, created once
// and removed at exit. Writing a small file costs microseconds, far below a load.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace vnplan::fuzz {

inline const std::filesystem::path& workDir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d =
        std::filesystem::temp_directory_path() / ("vnplan-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(std::filesystem::temp_directory_path() / ("vnplan-fuzz-" + std::to_string(::getpid())),
                                  ec);
    });
    return d;
  }();
  return dir;
}

// Writes the input to workDir()/relative (creating folders) and returns its path.
inline std::string writeInput(const std::string& relative, const uint8_t* data, size_t size) {
  const std::filesystem::path p = workDir() / relative;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return p.string();
}

}  // namespace vnplan::fuzz
