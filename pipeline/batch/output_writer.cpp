#include "batch/output_writer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "batch/atomic_file.hpp"

namespace vnplan {

namespace fs = std::filesystem;

void AtomicFileWriter::writeBytes(const std::string& path, const std::string& bytes) { writeBytesAtomically(path, bytes); }

void AtomicFileWriter::writeWith(const std::string& path, const std::function<void(const std::string&)>& write) {
  writeAtomically(path, write);
}

namespace {

std::atomic<unsigned> g_counter{0};

std::string hiddenName(const fs::path& target) {
  return (target.parent_path() /
          ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_counter++)))
      .string();
}

[[noreturn]] void throwErrno(const std::string& path) {
  throw fs::filesystem_error("vnplan", fs::path(path), std::error_code(errno, std::generic_category()));
}

void writeAll(int fd, const std::string& bytes, const std::string& what) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throwErrno(what);
    }
    done += static_cast<size_t>(n);
  }
}

}  // namespace

StagedWriter::~StagedWriter() {
  for (auto& s : staged_) {
    if (s.fd >= 0) ::close(s.fd);
    if (!s.tmpName.empty()) ::unlink(s.tmpName.c_str());
  }
}

StagedWriter::Staged StagedWriter::open(const std::string& target) {
  fs::path t(target);
  fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
  fs::create_directories(dir);
  Staged s;
  s.target = target;
  s.fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
  if (s.fd < 0) {
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) throwErrno(dir.string());
    s.tmpName = hiddenName(t);
  }
  return s;
}

void StagedWriter::writeBytes(const std::string& path, const std::string& bytes) {
  Staged s = open(path);
  staged_.push_back(s);
  if (s.fd >= 0) {
    writeAll(s.fd, bytes, path);
    return;
  }
  int fd = ::open(s.tmpName.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throwErrno(s.tmpName);
  try {
    writeAll(fd, bytes, s.tmpName);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

void StagedWriter::writeWith(const std::string& path, const std::function<void(const std::string&)>& write) {
  Staged s = open(path);
  staged_.push_back(s);
  // The writer opens the unnamed file again through /proc (the XLSX package writer wants a path).
  write(s.fd >= 0 ? "/proc/self/fd/" + std::to_string(s.fd) : s.tmpName);
}

void StagedWriter::commit() {
  for (auto& s : staged_) {
    if (s.fd >= 0) {
      std::string name = hiddenName(fs::path(s.target));
      std::string proc = "/proc/self/fd/" + std::to_string(s.fd);
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) != 0) throwErrno(s.target);
      ::close(s.fd);
      s.fd = -1;
      s.tmpName = name;
    }
    if (::rename(s.tmpName.c_str(), s.target.c_str()) != 0) throwErrno(s.target);
    s.tmpName.clear();
  }
  staged_.clear();
}

void removeStaleTemporaries(const std::string& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const size_t at = name.rfind(".tmp-");
    if (name.size() < 2 || name[0] != '.' || at == std::string::npos) continue;
    // Only what a dead process left: a running `vnplan build` may be writing here too.
    const long pid = std::strtol(name.c_str() + at + 5, nullptr, 10);
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;
    fs::remove(it->path(), ec);
  }
}

}  // namespace vnplan
