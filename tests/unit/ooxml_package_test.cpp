// The package writer's own parts (content types, relationships, workbook.xml, document
// properties, shared strings), its numbering of the parts and its zip, against libxlsxwriter
// 1.1.4 making the same calls: every part must be byte-identical.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "load/zip_container.hpp"
#include "render/ooxml/package_xml.hpp"
#include "render/ooxml/workbook.hpp"
#include "render/ooxml/xml_text.hpp"
#include "render/ooxml/zip_writer.hpp"
#include "test_support.hpp"

namespace vnplan::ooxml {
namespace {

using testing_support::readAll;
using testing_support::TempDir;

struct ZipParts {
  std::vector<std::string> names;  // in the zip's order
  std::map<std::string, std::string> text;
};

ZipParts readZip(const std::filesystem::path& p) {
  const std::string bytes = readAll(p);
  ZipContainer zip;
  ZipParts out;
  EXPECT_EQ(zip.open(bytes, 1000), ZipOpenStatus::Ok) << p;
  for (const ZipEntry& e : zip.entries()) {
    std::string s;
    EXPECT_EQ(zip.readAll(e, ZipCaps{}, s), ZipReadStatus::Ok) << e.name;
    out.names.push_back(e.name);
    out.text[e.name] = std::move(s);
  }
  return out;
}

// The same calls made on vnplan's model and on libxlsxwriter.
class Both {
 public:
  explicit Both(const std::filesystem::path& lxwPath) : lxw_(workbook_new(lxwPath.string().c_str())) {}
  ~Both() {
    if (lxw_) lxw_workbook_free(lxw_);
  }
  Workbook& model() { return wb_; }

  int sheet(const char* name) {
    wb_.addWorksheet(name);
    sheets_.push_back(workbook_add_worksheet(lxw_, name));
    return static_cast<int>(sheets_.size()) - 1;
  }
  Worksheet& ws(int i) { return *wb_.worksheets()[static_cast<std::size_t>(i)]; }
  void text(int s, int r, int c, const char* t) {
    ws(s).writeString(r, c, t);
    worksheet_write_string(sheets_[s], r, c, t, nullptr);
  }
  void number(int s, int r, int c, double v) {
    ws(s).writeNumber(r, c, v);
    worksheet_write_number(sheets_[s], r, c, v, nullptr);
  }
  void hide(int s) {
    ws(s).hide();
    worksheet_hide(sheets_[s]);
  }
  void autofilter(int s, int r1, int c1, int r2, int c2) {
    ws(s).autofilter(r1, c1, r2, c2);
    worksheet_autofilter(sheets_[s], r1, c1, r2, c2);
  }
  void printArea(int s, int r1, int c1, int r2, int c2) {
    ws(s).printArea(r1, c1, r2, c2);
    worksheet_print_area(sheets_[s], r1, c1, r2, c2);
  }
  void repeatRows(int s, int r1, int r2) {
    ws(s).repeatRows(r1, r2);
    worksheet_repeat_rows(sheets_[s], r1, r2);
  }
  void name(const char* n, const char* formula) {
    wb_.defineName(n, formula);
    ASSERT_EQ(workbook_define_name(lxw_, n, formula), LXW_NO_ERROR) << n;
  }
  void properties(const char* title, const char* subject, const char* author, const char* keywords, std::int64_t created) {
    DocProperties p;
    lxw_doc_properties q{};
    auto set = [](std::string& field, char*& lxwField, const char* v) {
      if (!v) return;
      field = v;
      lxwField = const_cast<char*>(v);
    };
    set(p.title, q.title, title);
    set(p.subject, q.subject, subject);
    set(p.author, q.author, author);
    set(p.company, q.company, author);
    set(p.keywords, q.keywords, keywords);
    p.created = created;
    q.created = static_cast<time_t>(created);
    wb_.setProperties(p);
    ASSERT_EQ(workbook_set_properties(lxw_, &q), LXW_NO_ERROR);
  }
  void custom(const char* n, const char* v) {
    wb_.setCustomProperty(n, v);
    ASSERT_EQ(workbook_set_custom_property_string(lxw_, n, v), LXW_NO_ERROR);
  }
  void comment(int s, int r, int c, const char* t) {
    ws(s).writeComment(r, c, t);
    worksheet_write_comment(sheets_[s], r, c, t);
  }
  // A chart per call; `insert` places it (placements may come in another order than creation).
  int chart() {
    Chart& ch = wb_.addChart(Chart::Type::ColumnStacked);
    ChartSeries& s = ch.addSeries();
    s.sheet = wb_.worksheets().front()->name();
    s.values = {0, 0, 2, 0};
    lxw_chart* c = workbook_add_chart(lxw_, LXW_CHART_COLUMN_STACKED);
    const std::string range = "=" + quotedSheetName(s.sheet) + "!$A$1:$A$3";
    chart_add_series(c, nullptr, range.c_str());
    charts_.push_back(c);
    return static_cast<int>(charts_.size()) - 1;
  }
  void insert(int s, int chartIndex, int row) {
    ChartPlacement p;
    p.row = row;
    p.chart = wb_.charts()[static_cast<std::size_t>(chartIndex)].get();
    ws(s).insertChart(p);
    ASSERT_EQ(worksheet_insert_chart(sheets_[s], row, 0, charts_[static_cast<std::size_t>(chartIndex)]), LXW_NO_ERROR);
  }
  void closeLxw() {
    ASSERT_EQ(workbook_close(lxw_), LXW_NO_ERROR);
    lxw_ = nullptr;
  }

 private:
  Workbook wb_;
  lxw_workbook* lxw_;
  std::vector<lxw_worksheet*> sheets_;
  std::vector<lxw_chart*> charts_;
};

// Every part this writer makes itself, by name, and the part names in order.
struct OwnParts {
  std::vector<std::string> names;
  std::map<std::string, std::string> text;
  PackageLayout layout;
};

OwnParts ownParts(const Workbook& wb) {
  OwnParts out;
  out.layout = layoutPackage(wb);
  const auto names = workbookNames(wb);
  using K = PackagePart::Kind;
  for (const PackagePart& p : packageParts(wb, out.layout)) {
    out.names.push_back(p.name);
    const SheetParts* sp = p.index >= 0 && p.kind != K::Chart ? &out.layout.sheets[static_cast<std::size_t>(p.index)] : nullptr;
    switch (p.kind) {
      case K::ContentTypes: out.text[p.name] = contentTypesXml(wb, out.layout); break;
      case K::RootRels: out.text[p.name] = rootRelsXml(wb); break;
      case K::WorkbookRels: out.text[p.name] = workbookRelsXml(wb); break;
      case K::Workbook: out.text[p.name] = workbookXml(wb, names); break;
      case K::SharedStrings: out.text[p.name] = sharedStringsXml(wb); break;
      case K::CustomProperties: out.text[p.name] = customXml(wb); break;
      case K::SheetRels: out.text[p.name] = sheetRelsXml(*sp); break;
      case K::DrawingRels: out.text[p.name] = drawingRelsXml(*sp); break;
      case K::CoreProperties: out.text[p.name] = coreXml(wb.properties()); break;
      case K::AppProperties: out.text[p.name] = appXml(wb, names); break;
      default: break;  // the other helpers' parts, and the theme (vnplan's own)
    }
  }
  return out;
}

void expectOwnPartsEqual(const OwnParts& own, const ZipParts& ref) {
  EXPECT_EQ(own.names, ref.names);
  for (const auto& [name, xml] : own.text) {
    auto it = ref.text.find(name);
    ASSERT_NE(it, ref.text.end()) << name;
    EXPECT_EQ(xml, it->second) << name;
  }
}

// A workbook like vnplan's appendices and reports: Vietnamese sheet names, a hidden _meta
// sheet, autofilters, print areas and titles, user names sorting among the built-in ones.
void buildReportLike(Both& b) {
  const int s1 = b.sheet("Phụ lục I");
  const int s2 = b.sheet("Phụ lục II");
  const int s3 = b.sheet("Chỉ tiêu theo cấp trên");
  const int s4 = b.sheet("Chỉ tiêu");
  const int meta = b.sheet("_meta");
  b.hide(meta);
  b.text(s1, 0, 0, "KẾ HOẠCH <Chuyển đổi số> & \"dữ liệu\"");
  b.text(s1, 1, 0, " khoảng trắng đầu");
  b.text(s1, 2, 0, "xuống dòng cuối\n");
  b.text(s1, 3, 0, "tab\tgiữa");
  b.text(s1, 4, 0, "điều khiển\x01\x1F và \r\n");
  b.text(s1, 5, 0, "\x0B");
  b.text(s1, 6, 0, "KẾ HOẠCH <Chuyển đổi số> & \"dữ liệu\"");  // a repeat: counted, not listed again
  b.text(s1, 7, 0, "bị ghi đè");
  b.number(s1, 7, 0, 3);  // the overwritten text still counts
  b.text(s2, 0, 0, "Phụ lục II");
  b.text(meta, 0, 0, "vnplan.schema");
  b.autofilter(s1, 4, 0, 41, 10);
  b.autofilter(s2, 4, 0, 66, 15);
  b.autofilter(s3, 2, 0, 10, 7);
  b.autofilter(s4, 2, 0, 6, 8);
  b.printArea(s1, 0, 0, 41, 5);
  b.printArea(s2, 0, 0, kMaxRows - 1, 5);   // whole columns: $A:$F
  b.printArea(s3, 0, 0, 3, kMaxCols - 1);   // whole rows: $1:$4
  b.printArea(s4, 2, 2, 2, 2);              // one cell
  b.repeatRows(s1, 4, 4);
  b.repeatRows(s3, 2, 3);
  b.name("task.status", "='Phụ lục II'!$E$6:$E$67");
  b.name("indicator.name", "='Phụ lục I'!$B$6:$B$42");
  b.name("Indicator.Group", "='Phụ lục I'!$H$6:$H$42");
  b.name("print_area", "='Chỉ tiêu'!$A$1");
  b.name("figure.value", "=42");  // no sheet: not a named range in app.xml
  b.name("Zeta", "='Phụ lục I'!$A$1");
  b.name("_tail", "='Phụ lục I'!$A$2");
  b.properties("Kế hoạch <2026> & \"chuyển đổi số\"", "Phụ lục", "UBND huyện Bình Giang", "vnplan.phu-luc 1.0",
               1767225600);
  b.custom("vnplan.schema", "vnplan.phu-luc");
  b.custom("vnplan.note", "a<b & \"c\" 'd'");
  b.custom("tên \"riêng\" <x>", "");
}

TEST(OoxmlPackage, ReportLikePartsEqualLibxlsxwriters) {
  TempDir dir("ooxml-package-");
  Both b(dir.path / "ref.xlsx");
  buildReportLike(b);
  b.closeLxw();
  const ZipParts ref = readZip(dir.path / "ref.xlsx");
  const OwnParts own = ownParts(b.model());
  ASSERT_EQ(own.text.count("xl/sharedStrings.xml"), 1u);
  ASSERT_EQ(own.text.count("docProps/custom.xml"), 1u);
  expectOwnPartsEqual(own, ref);
  // The hidden sheet is written hidden; the names sorted as libxlsxwriter sorts them.
  EXPECT_NE(own.text.at("xl/workbook.xml").find("name=\"_meta\" sheetId=\"5\" state=\"hidden\""), std::string::npos);
  EXPECT_NE(own.text.at("docProps/app.xml").find("<vt:lpstr>'Chỉ tiêu theo cấp trên'!Print_Titles</vt:lpstr>"),
            std::string::npos);
}

TEST(OoxmlPackage, ChartsDrawingsAndCommentsNumberedAsLibxlsxwriter) {
  TempDir dir("ooxml-package-");
  Both b(dir.path / "ref.xlsx");
  const int plain = b.sheet("Số liệu");
  const int both = b.sheet("Biểu đồ và ghi chú");
  const int two = b.sheet("Hai biểu đồ");
  const int notes = b.sheet("Ghi chú");
  b.number(plain, 0, 0, 1);
  b.number(plain, 1, 0, 2);
  b.number(plain, 2, 0, 3);
  const int c1 = b.chart();
  const int c2 = b.chart();
  const int c3 = b.chart();
  b.chart();  // never inserted: not written
  b.comment(both, 1, 1, "ghi chú một");
  b.insert(both, c1, 5);
  b.insert(two, c3, 5);  // inserted before the chart made earlier: it is chart2
  b.insert(two, c2, 25);
  b.comment(notes, 0, 0, "ghi chú hai");
  b.comment(notes, 3, 3, "ghi chú ba");
  b.properties(nullptr, nullptr, nullptr, nullptr, 1);  // libxlsxwriter's default date is now
  b.closeLxw();
  const ZipParts ref = readZip(dir.path / "ref.xlsx");
  const OwnParts own = ownParts(b.model());
  expectOwnPartsEqual(own, ref);

  const PackageLayout& l = own.layout;
  ASSERT_EQ(l.charts.size(), 3u);
  EXPECT_EQ(l.charts[1], b.model().charts()[static_cast<std::size_t>(c3)].get());
  EXPECT_EQ(l.sheets[static_cast<std::size_t>(two)].chartNumbers, (std::vector<int>{2, 3}));
  // The ids the sheets' XML refers to are the ones libxlsxwriter's sheets carry.
  const std::string& sheet2 = ref.text.at("xl/worksheets/sheet2.xml");
  EXPECT_EQ(l.sheets[1].rels.drawing, "rId1");
  EXPECT_EQ(l.sheets[1].rels.legacyDrawing, "rId2");
  EXPECT_NE(sheet2.find("<drawing r:id=\"rId1\"/>"), std::string::npos);
  EXPECT_NE(sheet2.find("<legacyDrawing r:id=\"rId2\"/>"), std::string::npos);
  EXPECT_EQ(l.sheets[3].rels.drawing, "");
  EXPECT_EQ(l.sheets[3].rels.legacyDrawing, "rId1");
  EXPECT_NE(ref.text.at("xl/worksheets/sheet4.xml").find("<legacyDrawing r:id=\"rId1\"/>"), std::string::npos);
  EXPECT_EQ(l.sheets[0].rels.drawing + l.sheets[0].rels.legacyDrawing, "");
}

TEST(OoxmlPackage, HiddenFirstSheetIsShownAndNoPropertiesWritesTheDefaults) {
  TempDir dir("ooxml-package-");
  Both b(dir.path / "ref.xlsx");
  const int first = b.sheet("Ẩn");
  b.sheet("Sheet2");
  b.hide(first);  // libxlsxwriter shows the first sheet anyway
  b.properties(nullptr, nullptr, nullptr, nullptr, 1);  // no texts: no title, subject or keywords
  b.closeLxw();
  const ZipParts ref = readZip(dir.path / "ref.xlsx");
  const OwnParts own = ownParts(b.model());
  EXPECT_EQ(own.text.count("xl/sharedStrings.xml"), 0u);
  EXPECT_EQ(own.text.count("docProps/custom.xml"), 0u);
  expectOwnPartsEqual(own, ref);
  EXPECT_EQ(own.text.at("xl/workbook.xml").find("state=\"hidden\""), std::string::npos);
}

TEST(OoxmlPackage, W3cdtfIsUtc) {
  EXPECT_EQ(w3cdtf(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(w3cdtf(1767225600), "2026-01-01T00:00:00Z");
  EXPECT_EQ(w3cdtf(1700000000), "2023-11-14T22:13:20Z");
}

TEST(OoxmlPackage, LibxlsxwriterQuotingOfSheetNames) {
  EXPECT_EQ(quotedSheetName("Sheet_2"), "Sheet_2");
  EXPECT_EQ(quotedSheetName("a.b"), "a.b");
  EXPECT_EQ(quotedSheetName("1abc"), "1abc");
  EXPECT_EQ(quotedSheetName("Phụ lục"), "'Phụ lục'");
  EXPECT_EQ(quotedSheetName("it's"), "'it''s'");
}

int runPython(const std::string& script, const std::filesystem::path& file) {
  const std::string cmd = "/usr/bin/python3 -c '" + script + "' '" + file.string() + "' >/dev/null";
  return std::system(cmd.c_str());
}

// The package as writePackage lays it out, with libxlsxwriter's output standing in for the
// other helpers' parts, and this writer's own parts and theme: readers must take it.
void writeMixedPackage(const Workbook& wb, const ZipParts& ref, const std::filesystem::path& out) {
  const OwnParts own = ownParts(wb);
  ZipWriter zip(out.string());
  for (const std::string& name : own.names) {
    if (name == "xl/theme/theme1.xml") zip.add(name.c_str(), themeXml());
    else if (own.text.count(name)) zip.add(name.c_str(), own.text.at(name));
    else zip.add(name.c_str(), ref.text.at(name));
  }
  zip.close();
}

TEST(OoxmlPackage, ZipOpensEverywhereAndIsReproducible) {
  TempDir dir("ooxml-package-");
  Both b(dir.path / "ref.xlsx");
  buildReportLike(b);
  b.closeLxw();
  const ZipParts ref = readZip(dir.path / "ref.xlsx");
  writeMixedPackage(b.model(), ref, dir.path / "a.xlsx");
  writeMixedPackage(b.model(), ref, dir.path / "b.xlsx");
  EXPECT_EQ(readAll(dir.path / "a.xlsx"), readAll(dir.path / "b.xlsx"));  // same workbook, same bytes

  const ZipParts back = readZip(dir.path / "a.xlsx");  // vnplan's own reader: CRC and sizes checked
  EXPECT_EQ(back.names, ref.names);
  EXPECT_EQ(back.text.at("xl/theme/theme1.xml"), themeXml());
  EXPECT_EQ(back.text.at("xl/worksheets/sheet1.xml"), ref.text.at("xl/worksheets/sheet1.xml"));

  EXPECT_EQ(std::system(("/usr/bin/python3 -m zipfile -t '" + (dir.path / "a.xlsx").string() + "' >/dev/null 2>&1").c_str()), 0);
  // Fixed entry dates, as libxlsxwriter writes them.
  EXPECT_EQ(runPython("import sys, zipfile\n"
                      "z = zipfile.ZipFile(sys.argv[1])\n"
                      "assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())\n"
                      "assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist())",
                      dir.path / "a.xlsx"),
            0);
  // openpyxl reads the workbook, its names, properties and theme.
  EXPECT_EQ(runPython("import sys, openpyxl\n"
                      "wb = openpyxl.load_workbook(sys.argv[1])\n"
                      "assert wb.sheetnames[0] == \"Phụ lục I\", wb.sheetnames\n"
                      "assert wb[\"_meta\"].sheet_state == \"hidden\"\n"
                      "assert wb[\"Phụ lục I\"][\"A2\"].value == \" khoảng trắng đầu\"\n"
                      // openpyxl leaves the escapes of control characters as they are
                      "assert wb[\"Phụ lục I\"][\"A5\"].value == \"điều khiển_x0001__x001F_ và _x000D_\\n\"\n"
                      "assert wb.properties.creator == \"UBND huyện Bình Giang\"\n"
                      "assert \"task.status\" in wb.defined_names\n"
                      "assert wb[\"Phụ lục I\"].print_title_rows == \"$5:$5\"\n"
                      "assert wb.loaded_theme is not None",
                      dir.path / "a.xlsx"),
            0);
}

TEST(OoxmlPackage, UnwritablePathThrowsNamingIt) {
  TempDir dir("ooxml-package-");
  const std::string bad = (dir.path / "no-such-dir" / "x.xlsx").string();
  try {
    ZipWriter zip(bad);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
  }
}

TEST(OoxmlPackage, UnfinishedZipIsRemoved) {
  TempDir dir("ooxml-package-");
  const auto path = dir.path / "half.xlsx";
  {
    ZipWriter zip(path.string());
    zip.add("a.xml", std::string(100000, 'a'));
    EXPECT_TRUE(std::filesystem::exists(path));
    // A part writer throwing here leaves the writer unclosed.
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  {
    ZipWriter zip(path.string());
    zip.add("empty.xml", "");
    zip.close();
  }
  const ZipParts back = readZip(path);
  ASSERT_EQ(back.names, std::vector<std::string>{"empty.xml"});
  EXPECT_EQ(back.text.at("empty.xml"), "");
}

}  // namespace
}  // namespace vnplan::ooxml
