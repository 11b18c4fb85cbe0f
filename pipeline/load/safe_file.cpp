#include "load/safe_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace vnplan {

namespace fs = std::filesystem;

bool isInsideDirectory(const std::string& path, const std::string& dir) {
  std::error_code ec;
  const fs::path root = fs::canonical(dir.empty() ? "." : dir, ec);
  if (ec) return false;
  const fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return false;
  // Component-wise prefix test: /plans/a must not accept /plans/ab/x.
  auto r = root.begin(), t = target.begin();
  for (; r != root.end(); ++r, ++t)
    if (t == target.end() || *r != *t) return false;
  return true;
}

SafeRead readInputFile(const std::string& path, const std::string& confineTo) {
  SafeRead out;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec)) || !fs::exists(path, ec)) {
    out.status = SafeReadStatus::NotFound;
    return out;
  }
  if (!confineTo.empty() && !isInsideDirectory(path, confineTo)) {
    out.status = SafeReadStatus::OutsideRoot;
    return out;
  }
  // O_NONBLOCK: opening a FIFO without a writer must not hang; the type check follows.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    out.status = errno == ENOENT ? SafeReadStatus::NotFound : SafeReadStatus::ReadFailed;
    return out;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    out.status = SafeReadStatus::NotRegular;
    return out;
  }
  if (static_cast<unsigned long long>(st.st_size) > kMaxInputFileBytes) {
    ::close(fd);
    out.status = SafeReadStatus::TooLarge;
    return out;
  }
  // Read at most one byte past the cap: the file may grow after fstat.
  out.bytes.resize(static_cast<size_t>(st.st_size) + 1);
  size_t have = 0;
  for (;;) {
    if (have == out.bytes.size()) {
      if (out.bytes.size() > kMaxInputFileBytes) break;
      out.bytes.resize(std::min(out.bytes.size() * 2, kMaxInputFileBytes + 1));
    }
    const ssize_t n = ::read(fd, out.bytes.data() + have, out.bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      out.bytes.clear();
      out.status = SafeReadStatus::ReadFailed;
      return out;
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  ::close(fd);
  if (have > kMaxInputFileBytes) {
    out.bytes.clear();
    out.status = SafeReadStatus::TooLarge;
    return out;
  }
  out.bytes.resize(have);
  return out;
}

}  // namespace vnplan
