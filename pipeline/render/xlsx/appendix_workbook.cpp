#include "render/xlsx/appendix_workbook.hpp"

#include <malloc.h>
#include <xlsxwriter.h>

#include <mutex>
#include <stdexcept>

#include "render/xlsx/content_hash.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/link_line.hpp"
#include "render/xlsx/meta_sheet.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/sheet_writer.hpp"
#include "render/xlsx/table_builder.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan {

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

// Frees the workbook if writing fails before it is closed.
struct WorkbookGuard {
  lxw_workbook* wb;
  ~WorkbookGuard() {
    if (wb) lxw_workbook_free(wb);
  }
};

}  // namespace

void writeAppendixWorkbook(const Plan& plan, const std::string& path, const XlsxOptions& opts) {
  using namespace xlsx;
  keepFreedHeap();
  const std::vector<SheetTable> tables = buildTables(plan);
  const std::string hash = contentHash(tables);
  const std::int64_t created = opts.createdEpoch == 0 ? 1 : opts.createdEpoch;
  const std::vector<MetaEntry> meta = metaEntries(plan, tables, created, hash);

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("cannot create workbook " + path);
  WorkbookGuard guard{wb};

  // Document properties: the text must be valid UTF-8 like every cell.
  const Document& doc = plan.document;
  std::string title = documentTypeName(doc.type) + (doc.number.empty() ? "" : " số " + documentNumberSymbol(doc)) +
                      ": " + doc.title;
  std::string subject = "Phụ lục";
  std::string author = doc.issuer.shortName;
  std::string keywords = std::string(kSchemaName) + " " + kSchemaVersion;
  lxw_doc_properties props{};
  props.title = const_cast<char*>(checkedText(title, "document title"));
  props.subject = const_cast<char*>(subject.c_str());
  props.author = const_cast<char*>(checkedText(author, "issuer short name"));
  props.company = props.author;
  props.keywords = const_cast<char*>(keywords.c_str());
  props.created = static_cast<time_t>(created);
  check(workbook_set_properties(wb, &props), "document properties");
  check(workbook_set_custom_property_string(wb, "vnplan.schema", kSchemaName), "custom property");
  check(workbook_set_custom_property_string(wb, "vnplan.schema_version", kSchemaVersion), "custom property");
  check(workbook_set_custom_property_string(wb, "vnplan.plan_id", checkedText(plan.id, "plan id", 255)),
        "custom property");

  Formats fmt(wb);
  for (const auto& t : tables) {
    checkedText(t.sheetName, "sheet name", 31);
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheetName.c_str());
    if (!ws) throw std::runtime_error("cannot add sheet '" + t.sheetName + "'");
    writeAppendixSheet(wb, ws, fmt, t);
  }
  lxw_worksheet* metaWs = workbook_add_worksheet(wb, kMetaSheet);
  if (!metaWs) throw std::runtime_error("cannot add sheet _meta");
  writeMetaSheet(metaWs, fmt, meta, tables, /*hide=*/!tables.empty());

  lxw_error err;
  {
    std::lock_guard<std::mutex> lock(closeMutex());
    guard.wb = nullptr;  // workbook_close frees it, whatever the result
    err = workbook_close(wb);
  }
  check(err, "cannot write " + path);
}

}  // namespace vnplan
