#include "render/xlsx/workbook_file.hpp"

#include "render/ooxml/package_writer.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan::xlsx {

void WorkbookFile::close() { ooxml::writePackage(wb_, path_); }

void setWorkbookProperties(ooxml::Workbook& wb, const WorkbookProperties& p) {
  ooxml::DocProperties props;
  props.title = checkedText(p.title, "document title");
  props.subject = checkedText(p.subject, "document subject");
  props.author = checkedText(p.author, "issuer short name");
  props.company = props.author;
  props.keywords = p.schemaName + " " + p.schemaVersion;
  props.created = p.created;
  wb.setProperties(std::move(props));
  wb.setCustomProperty("vnplan.schema", p.schemaName);
  wb.setCustomProperty("vnplan.schema_version", p.schemaVersion);
  wb.setCustomProperty("vnplan.plan_id", checkedText(p.planId, "plan id", 255));
}

}  // namespace vnplan::xlsx
