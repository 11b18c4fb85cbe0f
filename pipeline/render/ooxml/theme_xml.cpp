// vnplan's own theme part, written from ECMA-376 Part 1, 20.1.6 (a:theme): the twelve colours
// and two fonts of the Office 2007 theme that styles.xml refers to (theme="1" is lt1's window
// colour; Calibri is the minor font), and the smallest format scheme the schema allows (three
// entries in each list).
#include "render/ooxml/package_xml.hpp"

namespace vnplan::ooxml {

const std::string& themeXml() {
  static const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\">"
      "<a:themeElements>"
      "<a:clrScheme name=\"Office\">"
      "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>"
      "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>"
      "<a:dk2><a:srgbClr val=\"1F497D\"/></a:dk2>"
      "<a:lt2><a:srgbClr val=\"EEECE1\"/></a:lt2>"
      "<a:accent1><a:srgbClr val=\"4F81BD\"/></a:accent1>"
      "<a:accent2><a:srgbClr val=\"C0504D\"/></a:accent2>"
      "<a:accent3><a:srgbClr val=\"9BBB59\"/></a:accent3>"
      "<a:accent4><a:srgbClr val=\"8064A2\"/></a:accent4>"
      "<a:accent5><a:srgbClr val=\"4BACC6\"/></a:accent5>"
      "<a:accent6><a:srgbClr val=\"F79646\"/></a:accent6>"
      "<a:hlink><a:srgbClr val=\"0000FF\"/></a:hlink>"
      "<a:folHlink><a:srgbClr val=\"800080\"/></a:folHlink>"
      "</a:clrScheme>"
      "<a:fontScheme name=\"Office\">"
      "<a:majorFont><a:latin typeface=\"Cambria\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
      "<a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>"
      "</a:fontScheme>"
      "<a:fmtScheme name=\"Office\">"
      "<a:fillStyleLst>"
      "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
      "<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"50000\"/></a:schemeClr></a:solidFill>"
      "<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"75000\"/></a:schemeClr></a:solidFill>"
      "</a:fillStyleLst>"
      "<a:lnStyleLst>"
      "<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
      "<a:ln w=\"25400\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
      "<a:ln w=\"38100\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
      "</a:lnStyleLst>"
      "<a:effectStyleLst>"
      "<a:effectStyle><a:effectLst/></a:effectStyle>"
      "<a:effectStyle><a:effectLst/></a:effectStyle>"
      "<a:effectStyle><a:effectLst/></a:effectStyle>"
      "</a:effectStyleLst>"
      "<a:bgFillStyleLst>"
      "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
      "<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"95000\"/></a:schemeClr></a:solidFill>"
      "<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"80000\"/></a:schemeClr></a:solidFill>"
      "</a:bgFillStyleLst>"
      "</a:fmtScheme>"
      "</a:themeElements>"
      "<a:objectDefaults/>"
      "<a:extraClrSchemeLst/>"
      "</a:theme>";
  return xml;
}

}  // namespace vnplan::ooxml
