#pragma once
// Reads an input file the way an unattended server must: only regular files (a FIFO
// would block, /dev/zero never ends), at most kMaxInputFileBytes, and, for files a plan
// pulls in with !include, only inside the plan's own directory after resolving symlinks
// (a plan must not print /etc/passwd into its PDF).
#include <cstddef>
#include <string>

namespace vnplan {

// Documented in docs/input-format.md ("Giới hạn"): 8 MiB per file.
inline constexpr std::size_t kMaxInputFileBytes = 8u << 20;

enum class SafeReadStatus { Ok, NotFound, OutsideRoot, NotRegular, TooLarge, ReadFailed };

struct SafeRead {
  SafeReadStatus status = SafeReadStatus::Ok;
  std::string bytes;
};

// Reads `path`. When `confineTo` is not empty, the file (after symlinks) must lie inside
// that directory (after symlinks).
SafeRead readInputFile(const std::string& path, const std::string& confineTo = {});

// True when `path` resolves (symlinks followed) to a place inside `dir`.
bool isInsideDirectory(const std::string& path, const std::string& dir);

}  // namespace vnplan
