#include "render/ooxml/package_xml.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "render/ooxml/xml_text.hpp"

namespace vnplan::ooxml {

namespace {

constexpr std::string_view kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kRelsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kDocRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kAppCt = "application/vnd.openxmlformats-officedocument.";

void appendRelationship(std::string& out, int id, std::string_view typeBase, std::string_view type,
                        std::string_view target) {
  out += "<Relationship Id=\"rId";
  appendInt(out, id);
  out += "\" Type=\"";
  out += typeBase;
  out += type;
  out += "\" Target=\"";
  appendAttr(out, target);
  out += "\"/>";
}

void startRelationships(std::string& out) {
  out += kDecl;
  out += "<Relationships xmlns=\"";
  out += kRelsNs;
  out += "\">";
}

void appendOverride(std::string& out, std::string_view part, std::string_view type) {
  out += "<Override PartName=\"";
  out += part;
  out += "\" ContentType=\"";
  out += type;
  out += "\"/>";
}

void appendNumberedOverride(std::string& out, std::string_view prefix, int n, std::string_view suffix,
                            std::string_view typeTail) {
  out += "<Override PartName=\"";
  out += prefix;
  appendInt(out, n);
  out += suffix;
  out += "\" ContentType=\"";
  out += kAppCt;
  out += typeTail;
  out += "\"/>";
}

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerAscii(std::string s) {
  for (char& c : s) c = lowerAscii(c);
  return s;
}

// libxlsxwriter's absolute range: "$A$1:$C$5", or "$A$1" for one cell.
std::string absRange(const CellRange& r) { return rangeName(r.firstRow, r.firstCol, r.lastRow, r.lastCol, true); }

// Control characters other than tab and newline become _xHHHH_, as libxlsxwriter stores them
// (XML 1.0 cannot carry them; Excel reads the escape back).
void appendStringItem(std::string& out, const std::string& s) {
  std::string escaped;
  const std::string* text = &s;
  for (unsigned char c : s)
    if (c < 0x20 && c != '\t' && c != '\n') {
      escaped.reserve(s.size() + 16);
      for (unsigned char d : s) {
        if (d < 0x20 && d != '\t' && d != '\n') {
          static constexpr char hex[] = "0123456789ABCDEF";
          escaped += "_x00";
          escaped += hex[d >> 4];
          escaped += hex[d & 15];
          escaped += '_';
        } else {
          escaped += static_cast<char>(d);
        }
      }
      text = &escaped;
      break;
    }
  // isspace() of the first or last byte, of which only these three are left after escaping.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  if (!text->empty() && (space(text->front()) || space(text->back())))
    out += "<si><t xml:space=\"preserve\">";
  else
    out += "<si><t>";
  appendText(out, *text);
  out += "</t></si>";
}

}  // namespace

// ------------------------------------------------------------------------------- layout

PackageLayout layoutPackage(const Workbook& wb) {
  PackageLayout layout;
  layout.sheets.resize(wb.worksheets().size());
  for (const auto& ws : wb.worksheets()) {
    SheetParts& parts = layout.sheets[static_cast<std::size_t>(ws->index())];
    int rel = 0;
    if (!ws->charts().empty()) {
      parts.drawing = ++layout.drawings;
      parts.rels.drawing = "rId" + std::to_string(++rel);
      for (const ChartPlacement& p : ws->charts()) {
        layout.charts.push_back(p.chart);
        parts.chartNumbers.push_back(static_cast<int>(layout.charts.size()));
      }
    }
    if (!ws->comments().empty()) {
      parts.comments = ++layout.comments;
      parts.rels.legacyDrawing = "rId" + std::to_string(++rel);
    }
  }
  return layout;
}

std::vector<PackagePart> packageParts(const Workbook& wb, const PackageLayout& layout) {
  using K = PackagePart::Kind;
  std::vector<PackagePart> parts;
  parts.reserve(16 + 3 * layout.sheets.size() + layout.charts.size() + 3 * layout.drawings + 2 * layout.comments);
  auto add = [&parts](K kind, int index, std::string name) { parts.push_back({kind, index, std::move(name)}); };
  auto numbered = [](const char* prefix, int n, const char* suffix) {
    std::string s(prefix);
    appendInt(s, n);
    s += suffix;
    return s;
  };
  const int sheets = static_cast<int>(layout.sheets.size());
  add(K::ContentTypes, -1, "[Content_Types].xml");
  add(K::RootRels, -1, "_rels/.rels");
  add(K::WorkbookRels, -1, "xl/_rels/workbook.xml.rels");
  for (int i = 0; i < sheets; ++i) add(K::Worksheet, i, numbered("xl/worksheets/sheet", i + 1, ".xml"));
  add(K::Workbook, -1, "xl/workbook.xml");
  for (int i = 0; i < static_cast<int>(layout.charts.size()); ++i) add(K::Chart, i, numbered("xl/charts/chart", i + 1, ".xml"));
  for (int i = 0; i < sheets; ++i)
    if (int n = layout.sheets[i].drawing) add(K::Drawing, i, numbered("xl/drawings/drawing", n, ".xml"));
  for (int i = 0; i < sheets; ++i)
    if (int n = layout.sheets[i].comments) add(K::VmlDrawing, i, numbered("xl/drawings/vmlDrawing", n, ".vml"));
  for (int i = 0; i < sheets; ++i)
    if (int n = layout.sheets[i].comments) add(K::Comments, i, numbered("xl/comments", n, ".xml"));
  if (!wb.sharedStrings().empty()) add(K::SharedStrings, -1, "xl/sharedStrings.xml");
  if (!wb.customProperties().empty()) add(K::CustomProperties, -1, "docProps/custom.xml");
  add(K::Theme, -1, "xl/theme/theme1.xml");
  add(K::Styles, -1, "xl/styles.xml");
  for (int i = 0; i < sheets; ++i)
    if (layout.sheets[i].drawing || layout.sheets[i].comments)
      add(K::SheetRels, i, numbered("xl/worksheets/_rels/sheet", i + 1, ".xml.rels"));
  for (int i = 0; i < sheets; ++i)
    if (int n = layout.sheets[i].drawing) add(K::DrawingRels, i, numbered("xl/drawings/_rels/drawing", n, ".xml.rels"));
  add(K::CoreProperties, -1, "docProps/core.xml");
  add(K::AppProperties, -1, "docProps/app.xml");
  return parts;
}

// ------------------------------------------------------------------------- defined names

std::vector<WorkbookName> workbookNames(const Workbook& wb) {
  struct Keyed {
    WorkbookName n;
    std::string key1, key2;  // libxlsxwriter's sort keys: the name without "_xlnm.", then the sheet
  };
  std::vector<Keyed> all;
  all.reserve(wb.definedNames().size() + 3 * wb.worksheets().size());
  auto add = [&all](WorkbookName n, std::string sheetKey) {
    Keyed k;
    // As libxlsxwriter: a name holding "_xlnm." anywhere drops its first six bytes.
    k.key1 = lowerAscii(n.name.find("_xlnm.") != std::string::npos ? n.name.substr(std::min<std::size_t>(6, n.name.size())) : n.name);
    k.key2 = lowerAscii(std::move(sheetKey));
    k.n = std::move(n);
    all.push_back(std::move(k));
  };
  for (const DefinedName& d : wb.definedNames()) add({d.name, -1, false, d.formula, d.name}, std::string());
  for (const auto& ws : wb.worksheets()) {
    const std::string q = quotedSheetName(ws->name());
    if (const auto& af = ws->autofilterRange()) {
      std::string app = q + "!_FilterDatabase";
      add({"_xlnm._FilterDatabase", ws->index(), true, q + "!" + absRange(*af), app}, app);
    }
    const PageSetup& page = ws->page();
    if (const auto& pa = page.printArea) {
      std::string area;
      if (pa->firstRow == 0 && pa->lastRow == kMaxRows - 1) {
        area = "$";
        appendColumnName(area, pa->firstCol);
        area += ":$";
        appendColumnName(area, pa->lastCol);
      } else if (pa->firstCol == 0 && pa->lastCol == kMaxCols - 1) {
        area = "$" + std::to_string(pa->firstRow + 1) + ":$" + std::to_string(pa->lastRow + 1);
      } else {
        area = absRange(*pa);
      }
      std::string app = q + "!Print_Area";
      add({"_xlnm.Print_Area", ws->index(), false, q + "!" + area, app}, app);
    }
    if (const auto& rows = page.repeatRows) {
      std::string app = q + "!Print_Titles";
      add({"_xlnm.Print_Titles", ws->index(), false,
           q + "!$" + std::to_string(rows->first + 1) + ":$" + std::to_string(rows->second + 1), app},
          app);
    }
  }
  // libxlsxwriter keeps the names sorted by these byte-wise keys (ASCII lowered).
  std::stable_sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
    if (int c = a.key1.compare(b.key1)) return c < 0;
    return a.key2 < b.key2;
  });
  std::vector<WorkbookName> out;
  out.reserve(all.size());
  for (Keyed& k : all) out.push_back(std::move(k.n));
  return out;
}

// ------------------------------------------------------------------------ content types

std::string contentTypesXml(const Workbook& wb, const PackageLayout& layout) {
  std::string out;
  out.reserve(1500 + 160 * (wb.worksheets().size() + layout.charts.size() + layout.drawings + layout.comments));
  out += kDecl;
  out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  if (layout.comments)
    out += "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>";
  out += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
         "<Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
  for (std::size_t i = 1; i <= wb.worksheets().size(); ++i)
    appendNumberedOverride(out, "/xl/worksheets/sheet", static_cast<int>(i), ".xml", "spreadsheetml.worksheet+xml");
  for (std::size_t i = 1; i <= layout.charts.size(); ++i)
    appendNumberedOverride(out, "/xl/charts/chart", static_cast<int>(i), ".xml", "drawingml.chart+xml");
  for (int i = 1; i <= layout.drawings; ++i)
    appendNumberedOverride(out, "/xl/drawings/drawing", i, ".xml", "drawing+xml");
  for (int i = 1; i <= layout.comments; ++i)
    appendNumberedOverride(out, "/xl/comments", i, ".xml", "spreadsheetml.comments+xml");
  if (!wb.sharedStrings().empty())
    appendOverride(out, "/xl/sharedStrings.xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
  if (!wb.customProperties().empty())
    appendOverride(out, "/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  out += "</Types>";
  return out;
}

// ------------------------------------------------------------------------ relationships

std::string rootRelsXml(const Workbook& wb) {
  std::string out;
  out.reserve(800);
  startRelationships(out);
  appendRelationship(out, 1, kDocRel, "/officeDocument", "xl/workbook.xml");
  appendRelationship(out, 2, kRelsNs, "/metadata/core-properties", "docProps/core.xml");
  appendRelationship(out, 3, kDocRel, "/extended-properties", "docProps/app.xml");
  if (!wb.customProperties().empty()) appendRelationship(out, 4, kDocRel, "/custom-properties", "docProps/custom.xml");
  out += "</Relationships>";
  return out;
}

std::string workbookRelsXml(const Workbook& wb) {
  std::string out;
  out.reserve(600 + 140 * wb.worksheets().size());
  startRelationships(out);
  int id = 0;
  std::string target;
  for (std::size_t i = 1; i <= wb.worksheets().size(); ++i) {
    target = "worksheets/sheet";
    appendInt(target, static_cast<long long>(i));
    target += ".xml";
    appendRelationship(out, ++id, kDocRel, "/worksheet", target);
  }
  appendRelationship(out, ++id, kDocRel, "/theme", "theme/theme1.xml");
  appendRelationship(out, ++id, kDocRel, "/styles", "styles.xml");
  if (!wb.sharedStrings().empty()) appendRelationship(out, ++id, kDocRel, "/sharedStrings", "sharedStrings.xml");
  out += "</Relationships>";
  return out;
}

std::string sheetRelsXml(const SheetParts& parts) {
  if (!parts.drawing && !parts.comments) return std::string();
  std::string out;
  out.reserve(600);
  startRelationships(out);
  int id = 0;
  if (parts.drawing)
    appendRelationship(out, ++id, kDocRel, "/drawing", "../drawings/drawing" + std::to_string(parts.drawing) + ".xml");
  if (parts.comments) {
    appendRelationship(out, ++id, kDocRel, "/vmlDrawing", "../drawings/vmlDrawing" + std::to_string(parts.comments) + ".vml");
    appendRelationship(out, ++id, kDocRel, "/comments", "../comments" + std::to_string(parts.comments) + ".xml");
  }
  out += "</Relationships>";
  return out;
}

std::string drawingRelsXml(const SheetParts& parts) {
  if (parts.chartNumbers.empty()) return std::string();
  std::string out;
  out.reserve(200 + 140 * parts.chartNumbers.size());
  startRelationships(out);
  int id = 0;
  for (int n : parts.chartNumbers)
    appendRelationship(out, ++id, kDocRel, "/chart", "../charts/chart" + std::to_string(n) + ".xml");
  out += "</Relationships>";
  return out;
}

// ---------------------------------------------------------------------------- workbook

std::string workbookXml(const Workbook& wb, const std::vector<WorkbookName>& names) {
  std::string out;
  out.reserve(700 + 80 * wb.worksheets().size() + 100 * names.size());
  out += kDecl;
  out += "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/>"
         "<workbookPr defaultThemeVersion=\"124226\"/>"
         "<bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews>"
         "<sheets>";
  for (const auto& ws : wb.worksheets()) {
    out += "<sheet name=\"";
    appendAttr(out, ws->name());
    out += "\" sheetId=\"";
    appendInt(out, ws->index() + 1);
    // libxlsxwriter shows the first sheet whatever was asked: it is the active one.
    if (ws->hidden() && ws->index() != 0) out += "\" state=\"hidden";
    out += "\" r:id=\"rId";
    appendInt(out, ws->index() + 1);
    out += "\"/>";
  }
  out += "</sheets>";
  if (!names.empty()) {
    out += "<definedNames>";
    for (const WorkbookName& n : names) {
      out += "<definedName name=\"";
      appendAttr(out, n.name);
      out += '"';
      if (n.localSheet >= 0) {
        out += " localSheetId=\"";
        appendInt(out, n.localSheet);
        out += '"';
      }
      if (n.hidden) out += " hidden=\"1\"";
      out += '>';
      appendText(out, n.formula);
      out += "</definedName>";
    }
    out += "</definedNames>";
  }
  out += "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
  return out;
}

// ------------------------------------------------------------------- document properties

std::string appXml(const Workbook& wb, const std::vector<WorkbookName>& names) {
  // Named ranges: the names that refer to a sheet, autofilters left out (as libxlsxwriter does).
  std::vector<const std::string*> ranges;
  for (const WorkbookName& n : names)
    if (n.formula.find('!') != std::string::npos && n.appName.find("_FilterDatabase") == std::string::npos)
      ranges.push_back(&n.appName);
  std::string out;
  out.reserve(1000 + 40 * (wb.worksheets().size() + ranges.size()));
  out += kDecl;
  out += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
         "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
         "<HeadingPairs><vt:vector size=\"";
  appendInt(out, ranges.empty() ? 2 : 4);
  out += "\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>";
  appendInt(out, static_cast<long long>(wb.worksheets().size()));
  out += "</vt:i4></vt:variant>";
  if (!ranges.empty()) {
    out += "<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>";
    appendInt(out, static_cast<long long>(ranges.size()));
    out += "</vt:i4></vt:variant>";
  }
  out += "</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"";
  appendInt(out, static_cast<long long>(wb.worksheets().size() + ranges.size()));
  out += "\" baseType=\"lpstr\">";
  for (const auto& ws : wb.worksheets()) {
    out += "<vt:lpstr>";
    appendText(out, ws->name());
    out += "</vt:lpstr>";
  }
  for (const std::string* r : ranges) {
    out += "<vt:lpstr>";
    appendText(out, *r);
    out += "</vt:lpstr>";
  }
  out += "</vt:vector></TitlesOfParts><Company>";
  appendText(out, wb.properties().company);
  out += "</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
         "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>";
  return out;
}

std::string w3cdtf(std::int64_t secondsSinceEpoch) {
  const std::time_t t = static_cast<std::time_t>(secondsSinceEpoch);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) throw std::invalid_argument("document date out of range: " + std::to_string(secondsSinceEpoch));
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                              tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string coreXml(const DocProperties& p) {
  std::string out;
  out.reserve(900 + p.title.size() + p.subject.size() + 2 * p.author.size() + p.keywords.size());
  out += kDecl;
  out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  // libxlsxwriter leaves out the title, subject and keywords never set; an empty one is unset
  // here. The creator and last editor are always written.
  auto element = [&out](std::string_view tag, const std::string& text) {
    out += '<';
    out += tag;
    out += '>';
    appendText(out, text);
    out += "</";
    out += tag;
    out += '>';
  };
  if (!p.title.empty()) element("dc:title", p.title);
  if (!p.subject.empty()) element("dc:subject", p.subject);
  element("dc:creator", p.author);
  if (!p.keywords.empty()) element("cp:keywords", p.keywords);
  element("cp:lastModifiedBy", p.author);
  const std::string date = w3cdtf(p.created);
  out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">";
  out += date;
  out += "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">";
  out += date;
  out += "</dcterms:modified></cp:coreProperties>";
  return out;
}

std::string customXml(const Workbook& wb) {
  if (wb.customProperties().empty()) return std::string();
  std::string out;
  out.reserve(300 + 150 * wb.customProperties().size());
  out += kDecl;
  out += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">";
  int pid = 2;  // 0 and 1 are reserved by the property set format
  for (const auto& [name, value] : wb.customProperties()) {
    out += "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"";
    appendInt(out, pid++);
    out += "\" name=\"";
    appendAttr(out, name);
    out += "\"><vt:lpwstr>";
    appendText(out, value);
    out += "</vt:lpwstr></property>";
  }
  out += "</Properties>";
  return out;
}

// ------------------------------------------------------------------------ shared strings

std::string sharedStringsXml(const Workbook& wb) {
  const auto& sst = wb.sharedStrings();
  if (sst.empty()) return std::string();
  std::size_t bytes = 200;
  for (const std::string& s : sst) bytes += s.size() + 20;
  std::string out;
  out.reserve(bytes + bytes / 16);
  out += kDecl;
  out += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"";
  appendInt(out, wb.stringWrites());
  out += "\" uniqueCount=\"";
  appendInt(out, static_cast<long long>(sst.size()));
  out += "\">";
  for (const std::string& s : sst) appendStringItem(out, s);
  out += "</sst>";
  return out;
}

}  // namespace vnplan::ooxml
