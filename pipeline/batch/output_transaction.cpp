#include "batch/output_transaction.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>

namespace vnplan {

namespace fs = std::filesystem;

std::string errnoText(int err, Lang lang) {
  if (lang == Lang::Vi) {
    switch (err) {
      case ENOSPC: return "ổ đĩa đã đầy";
      case EDQUOT: return "đã vượt hạn mức dung lượng đĩa";
      case EFBIG: return "tệp vượt quá giới hạn kích thước cho phép";
      case EACCES:
      case EPERM: return "không có quyền ghi";
      case EROFS: return "hệ thống tệp chỉ cho phép đọc";
      case EISDIR: return "đích là một thư mục";
      case ENOTDIR: return "một phần của đường dẫn không phải là thư mục";
      case ENOENT: return "không tìm thấy thư mục";
      case EEXIST: return "đã có tệp hoặc thư mục trùng tên";
      case ENOTEMPTY: return "thư mục không rỗng";
      case ENAMETOOLONG: return "tên tệp quá dài";
      case EIO: return "lỗi vào/ra của thiết bị";
      case EMFILE:
      case ENFILE: return "mở quá nhiều tệp";
      case EXDEV: return "tệp tạm và đích nằm trên hai hệ thống tệp khác nhau";
      case ENOMEM: return "không đủ bộ nhớ";
      default: break;
    }
  }
  return std::strerror(err);
}

std::string OutputError::message(Lang lang) const {
  std::string reason = errno_ ? errnoText(errno_, lang) : std::string();
  if (!detail_.empty()) reason += (reason.empty() ? "" : " (") + detail_ + (errno_ ? ")" : "");
  if (reason.empty()) reason = lang == Lang::Vi ? "lỗi không rõ" : "unknown error";
  return messageText(MsgId::WriteFailed, {finalPath_, reason}, lang);
}

bool isSafeOutputName(const std::string& id) {
  return !id.empty() && id != "." && id != ".." && id.find('/') == std::string::npos &&
         id.find('\0') == std::string::npos;
}

std::string temporaryPathFor(const std::string& finalPath) {
  static std::atomic<unsigned> counter{0};
  const fs::path target(finalPath);
  return (target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                  std::to_string(counter++)))
      .string();
}

int sweepStaleTemporaries(const std::string& dir) {
  static const std::regex tmpName(R"(^\..+\.tmp-(\d{1,10})(-\d+)?$)");
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, tmpName)) continue;
    const long long pid = std::stoll(m[1]);
    if (pid <= 0 || pid > 0x7fffffff || pid == ::getpid()) continue;
    // kill(pid, 0) fails with ESRCH only when no such process exists; EPERM means it
    // lives (another user's): keep its file.
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code rec;
    if (it->is_regular_file(rec) && fs::remove(it->path(), rec)) ++removed;
  }
  return removed;
}

namespace {

// Sweeps each folder once per process.
void sweepOnce(const std::string& dir) {
  static std::mutex mu;
  static std::set<std::string> swept;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!swept.insert(dir).second) return;
  }
  sweepStaleTemporaries(dir);
}

}  // namespace

OutputTransaction::~OutputTransaction() {
  if (committed_) return;
  for (const auto& s : staged_) ::unlink(s.tmpPath.c_str());
}

void OutputTransaction::stage(const std::string& finalPath, const std::function<void(const std::string&)>& write) {
  const fs::path target(finalPath);
  const fs::path dir = target.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw OutputError(finalPath, ec.value());
  }
  sweepOnce(dir.empty() ? "." : dir.string());
  Staged s{finalPath, temporaryPathFor(finalPath)};
  staged_.push_back(s);  // before writing: the destructor removes a half-written file
  try {
    write(s.tmpPath);
  } catch (const OutputError&) {
    throw;
  } catch (const fs::filesystem_error& e) {
    throw OutputError(finalPath, e.code().value());
  } catch (const std::exception& e) {
    // Writer errors (the XLSX package writer) carry no errno; keep their text, with the
    // temporary's name replaced by the final one.
    std::string what = e.what();
    for (size_t at; (at = what.find(s.tmpPath)) != std::string::npos;) what.replace(at, s.tmpPath.size(), finalPath);
    throw OutputError(finalPath, 0, what);
  }
}

void OutputTransaction::stageBytes(const std::string& finalPath, const std::string& bytes) {
  stage(finalPath, [&](const std::string& tmp) {
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw OutputError(finalPath, errno);
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int err = n < 0 ? errno : EIO;
        ::close(fd);
        throw OutputError(finalPath, err);
      }
      done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) throw OutputError(finalPath, errno);
  });
}

void OutputTransaction::commit() {
  // Keep a hard link to each earlier target, so a failed rename can put it back.
  std::vector<std::string> backups(staged_.size());
  for (size_t i = 0; i < staged_.size(); ++i) {
    struct stat st {};
    if (::lstat(staged_[i].finalPath.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      std::string b = temporaryPathFor(staged_[i].finalPath);
      if (::link(staged_[i].finalPath.c_str(), b.c_str()) == 0) backups[i] = b;
    }
  }
  auto dropBackups = [&] {
    for (const auto& b : backups)
      if (!b.empty()) ::unlink(b.c_str());
  };
  for (size_t i = 0; i < staged_.size(); ++i) {
    if (::rename(staged_[i].tmpPath.c_str(), staged_[i].finalPath.c_str()) != 0) {
      const int err = errno;
      for (size_t k = 0; k < i; ++k) {
        if (!backups[k].empty())
          ::rename(backups[k].c_str(), staged_[k].finalPath.c_str());
        else
          ::unlink(staged_[k].finalPath.c_str());  // there was none before
        backups[k].clear();
      }
      dropBackups();
      for (size_t k = i; k < staged_.size(); ++k) ::unlink(staged_[k].tmpPath.c_str());
      committed_ = true;
      throw OutputError(staged_[i].finalPath, err);
    }
  }
  dropBackups();
  committed_ = true;
}

bool commitOutputs(OutputTransaction& tx, const std::string& dir, Lang lang, std::ostream& err) {
  try {
    tx.commit();
    return true;
  } catch (const OutputError& e) {
    err << dir << ": " << (lang == Lang::En ? "error: " : "lỗi: ") << e.message(lang) << "\n";
    return false;
  }
}

}  // namespace vnplan
