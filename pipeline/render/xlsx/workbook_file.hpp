#pragma once
// The workbook being written and the file it goes to, shared by every workbook vnplan writes:
// the workbook is built in memory (render/ooxml) and written as a whole by close().
#include <cstdint>
#include <string>

#include "render/ooxml/workbook.hpp"

namespace vnplan::xlsx {

class WorkbookFile {
 public:
  explicit WorkbookFile(std::string path) : path_(std::move(path)) {}
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  ooxml::Workbook& get() { return wb_; }
  // Writes the file; throws std::runtime_error when it cannot be written.
  void close();

 private:
  ooxml::Workbook wb_;
  std::string path_;
};

// Core and custom document properties common to every vnplan workbook; the text must be
// valid UTF-8 like every cell (checked, throws).
struct WorkbookProperties {
  std::string title, subject, author;
  std::string schemaName, schemaVersion, planId;
  std::int64_t created = 1;
};
void setWorkbookProperties(ooxml::Workbook& wb, const WorkbookProperties& p);

}  // namespace vnplan::xlsx
