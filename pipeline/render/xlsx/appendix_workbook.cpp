#include "render/xlsx/appendix_workbook.hpp"

#include <stdexcept>

#include "render/xlsx/content_hash.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/link_line.hpp"
#include "render/xlsx/meta_sheet.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/sheet_writer.hpp"
#include "render/xlsx/table_builder.hpp"
#include "render/xlsx/workbook_file.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan {

void writeAppendixWorkbook(const Plan& plan, const std::string& path, const XlsxOptions& opts) {
  using namespace xlsx;
  const DocTemplate& rules = requireRules(opts.rules);
  const std::vector<SheetTable> tables = buildTables(plan, rules);
  const std::string hash = contentHash(tables);
  const std::int64_t created = opts.createdEpoch == 0 ? 1 : opts.createdEpoch;
  const std::vector<MetaEntry> meta = metaEntries(plan, tables, created, hash);

  WorkbookFile file(path);
  ooxml::Workbook& wb = file.get();

  // Document properties: the text must be valid UTF-8 like every cell.
  const Document& doc = plan.document;
  std::string title = documentTypeName(doc.type) + (doc.number.empty() ? "" : " số " + documentNumberSymbol(doc, rules)) +
                      ": " + doc.title;
  setWorkbookProperties(wb, {title, "Phụ lục", doc.issuer.shortName, kSchemaName, kSchemaVersion, plan.id, created});

  Formats fmt(wb);
  for (const auto& t : tables) {
    checkedText(t.sheetName, "sheet name", 31);
    writeAppendixSheet(wb, wb.addWorksheet(t.sheetName), fmt, t);
  }
  writeMetaSheet(wb.addWorksheet(kMetaSheet), fmt, meta, tables, /*hide=*/!tables.empty());

  file.close();
}

}  // namespace vnplan
