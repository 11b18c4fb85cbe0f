#pragma once
// Opening and closing a libxlsxwriter workbook safely, shared by every workbook vnplan writes:
// the workbook is freed if writing fails before it is closed, and the final assembly (which
// formats the created date with the non-thread-safe gmtime()) is serialised.
#include <cstdint>
#include <string>

#include <xlsxwriter.h>

namespace vnplan::xlsx {

class WorkbookFile {
 public:
  // Throws std::runtime_error when the file cannot be created.
  explicit WorkbookFile(const std::string& path);
  ~WorkbookFile();
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  lxw_workbook* get() const { return wb_; }
  // Writes the file (libxlsxwriter frees the workbook whatever the result); throws on failure.
  void close();

 private:
  lxw_workbook* wb_;
  std::string path_;
};

// Core and custom document properties common to every vnplan workbook; the text must be
// valid UTF-8 like every cell (checked, throws).
struct WorkbookProperties {
  std::string title, subject, author;
  std::string schemaName, schemaVersion, planId;
  std::int64_t created = 1;
};
void setWorkbookProperties(lxw_workbook* wb, const WorkbookProperties& p);

}  // namespace vnplan::xlsx
