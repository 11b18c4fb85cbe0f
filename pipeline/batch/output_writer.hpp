#pragma once
// Where the builders put their files. `build` and `report` write each file atomically as it
// is made (AtomicFileWriter); `run` stages every file of one plan unnamed and names them all
// only when the last one is complete (StagedWriter), so a kill -9 at any moment leaves no
// partial file under any name.
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vnplan {

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  virtual void writeBytes(const std::string& path, const std::string& bytes) = 0;
  // write(tmpPath) must produce the whole file at tmpPath (e.g. the XLSX package writer).
  virtual void writeWith(const std::string& path, const std::function<void(const std::string& tmpPath)>& write) = 0;
};

// Each file is written to a temporary name and renamed over its target at once.
class AtomicFileWriter : public OutputWriter {
 public:
  void writeBytes(const std::string& path, const std::string& bytes) override;
  void writeWith(const std::string& path, const std::function<void(const std::string&)>& write) override;
};

// Files are written into unnamed files (O_TMPFILE) in their target's directory and get their
// names only in commit(); what is not committed vanishes with the process. Where the
// filesystem has no O_TMPFILE, hidden named temporaries are used (removeStaleTemporaries
// clears what a killed run left of those).
class StagedWriter : public OutputWriter {
 public:
  StagedWriter() = default;
  StagedWriter(const StagedWriter&) = delete;
  StagedWriter& operator=(const StagedWriter&) = delete;
  ~StagedWriter() override;
  void writeBytes(const std::string& path, const std::string& bytes) override;
  void writeWith(const std::string& path, const std::function<void(const std::string&)>& write) override;
  // Names every staged file (link to a hidden name, then rename over the target).
  void commit();

 private:
  struct Staged {
    std::string target;
    int fd = -1;          // unnamed file, or -1 when tmpName holds a named temporary
    std::string tmpName;  // fallback only
  };
  Staged open(const std::string& target);
  std::vector<Staged> staged_;
};

// Removes the hidden temporaries ".<name>.tmp-*" that an interrupted writer left in `dir`.
void removeStaleTemporaries(const std::string& dir);

}  // namespace vnplan
