#pragma once
// The XML of each part of the package, one function (or class) per part kind; each in its own
// .cpp. package_writer.cpp decides the part names and relationship ids and zips them.
#include <string>
#include <vector>

#include "render/ooxml/workbook.hpp"

namespace vnplan::ooxml {

// styles.xml, and the style record (xf) of each format as cells refer to it (s="N"), and the
// differential style (dxf) of each conditional format's format.       (styles_xml.cpp)
class StyleSheet {
 public:
  explicit StyleSheet(const Workbook& wb);
  int xfIndex(const Format* f) const;   // nullptr -> 0
  int dxfIndex(const Format* f) const;
  const std::string& xml() const { return xml_; }

 private:
  std::vector<std::pair<const Format*, int>> xf_, dxf_;
  std::string xml_;
};

// Relationship ids a worksheet's XML refers to ("" = the sheet has none).
struct SheetRelIds {
  std::string drawing;        // <drawing r:id="rId1"/>
  std::string legacyDrawing;  // <legacyDrawing r:id="rId2"/> (the comments' VML)
};

// xl/worksheets/sheetN.xml                                                 (sheet_xml.cpp)
std::string worksheetXml(const Workbook& wb, const Worksheet& ws, const StyleSheet& styles, const SheetRelIds& rels);

// xl/charts/chartN.xml; xl/drawings/drawingN.xml (the sheet's charts, which are numbered
// from `firstChartNumber` in the package, 1-based, rIds rId1.. in order);
// xl/comments N.xml; xl/drawings/vmlDrawingN.vml (`vmlNumber` 1-based: shape ids derive from it).
//                                                                         (chart_xml.cpp, comments_xml.cpp)
std::string chartXml(const Workbook& wb, const Chart& chart);
std::string drawingXml(const Worksheet& ws);
std::string commentsXml(const Worksheet& ws);
std::string vmlDrawingXml(const Worksheet& ws, int vmlNumber);

}  // namespace vnplan::ooxml
