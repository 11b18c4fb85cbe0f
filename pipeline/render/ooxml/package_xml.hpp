#pragma once
// The package's own small parts (content types, relationships, workbook.xml, document
// properties, shared strings, theme) and the numbering of the parts across the package, the
// same as libxlsxwriter 1.1.4 writes them for the same calls (its theme excepted: vnplan has its
// own). package_writer.cpp zips them with the other part writers' output.
#include <cstdint>
#include <string>
#include <vector>

#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/workbook.hpp"

namespace vnplan::ooxml {

// Where each sheet's parts go. libxlsxwriter numbers drawings, charts, comments and VML
// drawings in sheet order, counting only the sheets that have them; a sheet's charts are
// numbered in the order they were inserted (not the order they were created; a chart never
// inserted is not written).
struct SheetParts {
  int drawing = 0;                  // xl/drawings/drawingN.xml; 0 = none
  std::vector<int> chartNumbers;    // xl/charts/chartN.xml of the sheet's placements, in order
  int comments = 0;                 // xl/commentsN.xml and xl/drawings/vmlDrawingN.vml; 0 = none
  SheetRelIds rels;                 // the ids in xl/worksheets/_rels/sheetN.xml.rels
};

struct PackageLayout {
  std::vector<SheetParts> sheets;  // by sheet index
  std::vector<const Chart*> charts;  // chart N is charts[N-1]
  int drawings = 0, comments = 0;
};
PackageLayout layoutPackage(const Workbook& wb);

// The package's parts in libxlsxwriter's order of zip entries: content types, relationships,
// worksheets, workbook, charts, drawings, VML drawings, comments, shared strings, custom
// properties, theme, styles, the sheets' and drawings' relationships, core and app properties.
struct PackagePart {
  enum class Kind : std::uint8_t {
    ContentTypes, RootRels, WorkbookRels, Worksheet, Workbook, Chart, Drawing, VmlDrawing, Comments,
    SharedStrings, CustomProperties, Theme, Styles, SheetRels, DrawingRels, CoreProperties, AppProperties
  };
  Kind kind;
  int index = -1;    // Worksheet, Drawing, VmlDrawing, Comments, SheetRels, DrawingRels: the sheet's
                     // index; Chart: the chart's number - 1
  std::string name;  // "xl/worksheets/sheet1.xml"
};
std::vector<PackagePart> packageParts(const Workbook& wb, const PackageLayout& layout);

// A name in workbook.xml's <definedNames>: the user's names and the built-in ones (autofilter,
// print area, print titles), in libxlsxwriter's order.
struct WorkbookName {
  std::string name;     // "task.status", "_xlnm.Print_Area"
  int localSheet = -1;  // localSheetId; -1 = global
  bool hidden = false;
  std::string formula;  // without '='
  std::string appName;  // as docProps/app.xml lists it: "'Phụ lục II'!Print_Area"
};
std::vector<WorkbookName> workbookNames(const Workbook& wb);

std::string contentTypesXml(const Workbook& wb, const PackageLayout& layout);
std::string rootRelsXml(const Workbook& wb);
std::string workbookRelsXml(const Workbook& wb);
// "" when the sheet has no drawing and no comments (no rels part then).
std::string sheetRelsXml(const SheetParts& parts);
// "" when the sheet has no charts.
std::string drawingRelsXml(const SheetParts& parts);
std::string workbookXml(const Workbook& wb, const std::vector<WorkbookName>& names);
std::string appXml(const Workbook& wb, const std::vector<WorkbookName>& names);
std::string coreXml(const DocProperties& p);
std::string customXml(const Workbook& wb);  // "" when there are no custom properties
std::string sharedStringsXml(const Workbook& wb);  // "" when no text was written
// "2026-01-31T08:00:00Z" (W3CDTF, UTC), thread-safe.
std::string w3cdtf(std::int64_t secondsSinceEpoch);

// xl/theme/theme1.xml: vnplan's own minimal Office theme (theme_xml.cpp).
const std::string& themeXml();

}  // namespace vnplan::ooxml
