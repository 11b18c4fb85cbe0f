#pragma once
// All files of one plan (PDF + XLSX, or a report's PDF + XLSX) appear together or not at
// all: each is written to a hidden temporary beside its target, and only when every one
// has been written are they renamed over the targets. A failure keeps the whole earlier
// set. Temporaries are named ".<file>.tmp-<pid>-<n>"; a run removes those of processes
// that no longer exist (a kill -9 leaves them behind) in every folder it writes.
#include <cerrno>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch/output_writer.hpp"
#include "model/diagnostic.hpp"

namespace vnplan {

// A failed write, named by the FINAL file (never the temporary) and, when the system gave
// one, the errno value.
class OutputError : public std::runtime_error {
 public:
  OutputError(std::string finalPath, int err, std::string detail = {})
      : std::runtime_error(finalPath), finalPath_(std::move(finalPath)), errno_(err), detail_(std::move(detail)) {}
  const std::string& finalPath() const { return finalPath_; }
  int errorNumber() const { return errno_; }
  // "không ghi được out/x/x.pdf: Ổ đĩa đã đầy"
  std::string message(Lang lang) const;

 private:
  std::string finalPath_;
  int errno_ = 0;
  std::string detail_;
};

// The errno text in the user's language (Vietnamese texts for the errors a writer meets).
std::string errnoText(int err, Lang lang);

// `vnplan build` and `vnplan report` hand it to the builders as their OutputWriter and
// commit when the builder succeeded.
class OutputTransaction : public OutputWriter {
 public:
  OutputTransaction() = default;
  OutputTransaction(const OutputTransaction&) = delete;
  OutputTransaction& operator=(const OutputTransaction&) = delete;
  ~OutputTransaction() override;  // removes the temporaries of an uncommitted transaction
  void writeBytes(const std::string& path, const std::string& bytes) override { stageBytes(path, bytes); }
  void writeWith(const std::string& path, const std::function<void(const std::string&)>& write) override {
    stage(path, write);
  }

  // Creates the target's folder (sweeping stale temporaries there) and calls
  // write(tmpPath). Throws OutputError (naming finalPath) on failure.
  void stage(const std::string& finalPath, const std::function<void(const std::string& tmpPath)>& write);
  void stageBytes(const std::string& finalPath, const std::string& bytes);
  // Renames every temporary over its target. If a rename fails, the targets already
  // replaced get their earlier files back, and OutputError is thrown.
  void commit();

 private:
  struct Staged {
    std::string finalPath, tmpPath;
  };
  std::vector<Staged> staged_;
  bool committed_ = false;
};

// Removes ".*.tmp-<pid>-<n>" and ".*.tmp-<pid>" files of dead processes in `dir`; returns
// how many were removed.
int sweepStaleTemporaries(const std::string& dir);
// The temporary name used for `finalPath` by this process.
std::string temporaryPathFor(const std::string& finalPath);

// Commits `tx`; on failure writes "DIR: lỗi: không ghi được …" to `err` and returns false.
bool commitOutputs(OutputTransaction& tx, const std::string& dir, Lang lang, std::ostream& err);

// True when `id` can name a file inside the output folder (not empty, ".", "..", no "/").
bool isSafeOutputName(const std::string& id);

}  // namespace vnplan
