#include "render/ooxml/package_writer.hpp"

#include "render/ooxml/package_xml.hpp"
#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/zip_writer.hpp"

namespace vnplan::ooxml {

// Each part is built, deflated and written before the next one is built, so that only one big
// part is in memory at a time. The order is libxlsxwriter's (readers do not care; the same order
// keeps the two writers' packages comparable entry by entry).
void writePackage(const Workbook& wb, const std::string& path) {
  const PackageLayout layout = layoutPackage(wb);
  const std::vector<PackagePart> parts = packageParts(wb, layout);
  const std::vector<WorkbookName> names = workbookNames(wb);
  const StyleSheet styles(wb);
  auto sheet = [&wb](int i) -> const Worksheet& { return *wb.worksheets()[static_cast<std::size_t>(i)]; };
  auto sheetParts = [&layout](int i) -> const SheetParts& { return layout.sheets[static_cast<std::size_t>(i)]; };

  ZipWriter zip(path);
  for (const PackagePart& part : parts) {
    using K = PackagePart::Kind;
    const char* name = part.name.c_str();
    switch (part.kind) {
      case K::ContentTypes: zip.add(name, contentTypesXml(wb, layout)); break;
      case K::RootRels: zip.add(name, rootRelsXml(wb)); break;
      case K::WorkbookRels: zip.add(name, workbookRelsXml(wb)); break;
      case K::Worksheet: zip.add(name, worksheetXml(wb, sheet(part.index), styles, sheetParts(part.index).rels)); break;
      case K::Workbook: zip.add(name, workbookXml(wb, names)); break;
      case K::Chart: zip.add(name, chartXml(wb, *layout.charts[static_cast<std::size_t>(part.index)])); break;
      case K::Drawing: zip.add(name, drawingXml(sheet(part.index))); break;
      case K::VmlDrawing: zip.add(name, vmlDrawingXml(sheet(part.index), sheetParts(part.index).comments)); break;
      case K::Comments: zip.add(name, commentsXml(sheet(part.index))); break;
      case K::SharedStrings: zip.add(name, sharedStringsXml(wb)); break;
      case K::CustomProperties: zip.add(name, customXml(wb)); break;
      case K::Theme: zip.add(name, themeXml()); break;
      case K::Styles: zip.add(name, styles.xml()); break;
      case K::SheetRels: zip.add(name, sheetRelsXml(sheetParts(part.index))); break;
      case K::DrawingRels: zip.add(name, drawingRelsXml(sheetParts(part.index))); break;
      case K::CoreProperties: zip.add(name, coreXml(wb.properties())); break;
      case K::AppProperties: zip.add(name, appXml(wb, names)); break;
    }
  }
  zip.close();
}

}  // namespace vnplan::ooxml
