#include "render/xlsx/workbook_file.hpp"

#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <mutex>
#include <stdexcept>

#include "render/xlsx/xlsx_error.hpp"

namespace vnplan::xlsx {

namespace {

// libxlsxwriter formats the created date with gmtime(), which is not thread-safe, while
// `vnplan build -j` writes several plans at once: serialise the final assembly.
std::mutex& closeMutex() {
  static std::mutex m;
  return m;
}

// libxlsxwriter's zip writer sets up zlib for every part of the package (~270 KB in
// 64 KB blocks) and frees it again; with glibc's default 128 KB trim threshold each free
// hands the heap top back to the kernel (brk + TLB flush), three quarters of the time of a
// small workbook. Keep freed memory in the process instead (once per process; the CLI is
// short-lived, so holding up to 64 MB of free heap costs nothing).
void keepFreedHeap() {
  static std::once_flag once;
  std::call_once(once, [] { mallopt(M_TRIM_THRESHOLD, 64 << 20); });
}

// libxlsxwriter writes every part of the package (about ten per workbook) to a temporary
// file it creates and unlinks at once, in /tmp by default. On a disk filesystem each such
// file costs an inode allocation (ext4 searches its bitmap past recently deleted inodes:
// a tenth of a national run's time was that kernel work); in memory (tmpfs) it is nearly
// free. The parts are small (a workbook's XML) and vanish when the workbook is closed.
// $VNPLAN_XLSX_TMPDIR chooses another folder.
char* partsTmpDir() {
  static std::string dir = [] {
    if (const char* env = std::getenv("VNPLAN_XLSX_TMPDIR"); env && *env) return std::string(env);
    struct stat st {};
    if (::stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && ::access("/dev/shm", W_OK | X_OK) == 0)
      return std::string("/dev/shm");
    return std::string();
  }();
  return dir.empty() ? nullptr : dir.data();
}

}  // namespace

WorkbookFile::WorkbookFile(const std::string& path) : wb_(nullptr), path_(path) {
  keepFreedHeap();
  lxw_workbook_options options{};
  options.tmpdir = partsTmpDir();
  wb_ = workbook_new_opt(path.c_str(), &options);
  if (!wb_) throw std::runtime_error("cannot create workbook " + path);
}

WorkbookFile::~WorkbookFile() {
  if (wb_) lxw_workbook_free(wb_);
}

void WorkbookFile::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;  // workbook_close frees it, whatever the result
  lxw_error err;
  {
    std::lock_guard<std::mutex> lock(closeMutex());
    err = workbook_close(wb);
  }
  check(err, "cannot write " + path_);
}

void setWorkbookProperties(lxw_workbook* wb, const WorkbookProperties& p) {
  const std::string keywords = p.schemaName + " " + p.schemaVersion;
  lxw_doc_properties props{};
  props.title = const_cast<char*>(checkedText(p.title, "document title"));
  props.subject = const_cast<char*>(checkedText(p.subject, "document subject"));
  props.author = const_cast<char*>(checkedText(p.author, "issuer short name"));
  props.company = props.author;
  props.keywords = const_cast<char*>(keywords.c_str());
  props.created = static_cast<time_t>(p.created);
  check(workbook_set_properties(wb, &props), "document properties");
  check(workbook_set_custom_property_string(wb, "vnplan.schema", p.schemaName.c_str()), "custom property");
  check(workbook_set_custom_property_string(wb, "vnplan.schema_version", p.schemaVersion.c_str()), "custom property");
  check(workbook_set_custom_property_string(wb, "vnplan.plan_id", checkedText(p.planId, "plan id", 255)),
        "custom property");
}

}  // namespace vnplan::xlsx
