// The XLSX reader on workbooks written by libxlsxwriter (shared strings, and inline strings in
// constant_memory mode) and on Excel-shaped XML (spans, x14ac, mc:AlternateContent, shared
// formulas). openpyxl and LibreOffice files are checked by tests/e2e/xlsx_reader_writers.py.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>

#include "load/xlsx_reader.hpp"
#include "zip_test_writer.hpp"

namespace vnplan {
namespace {

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (std::to_string(getpid()) + "-" + name)).string();
}

void writeWithLibxlsxwriter(const std::string& path, bool constantMemory) {
  lxw_workbook_options opt = {};
  opt.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Tiến độ");
  lxw_worksheet* meta = workbook_add_worksheet(wb, "_meta");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* unlocked = workbook_add_format(wb);
  format_set_unlocked(unlocked);
  worksheet_write_string(ws, 0, 0, "Nhiệm vụ", nullptr);
  worksheet_write_string(ws, 0, 1, "Trạng thái", nullptr);
  worksheet_write_number(ws, 1, 0, 1, nullptr);
  worksheet_write_string(ws, 1, 1, "Đang thực hiện", unlocked);
  lxw_datetime dt = {2026, 3, 15, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 2, &dt, date);
  worksheet_write_boolean(ws, 1, 3, 1, nullptr);
  worksheet_write_formula(ws, 1, 4, "=A2*2", nullptr);
  worksheet_protect(ws, nullptr, nullptr);
  worksheet_write_string(meta, 0, 0, "schema", nullptr);
  worksheet_write_number(meta, 0, 1, 3, nullptr);
  worksheet_hide(meta);
  workbook_define_name(wb, "vnplan_schema", "=_meta!$B$1");
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

class Libxlsxwriter : public ::testing::TestWithParam<bool> {};

TEST_P(Libxlsxwriter, ReadsWhatItWrote) {
  const std::string path = tempPath(GetParam() ? "cm.xlsx" : "sst.xlsx");
  writeWithLibxlsxwriter(path, GetParam());
  Diagnostics d;
  auto wb = readXlsxFile(path, d);
  std::filesystem::remove(path);
  ASSERT_TRUE(wb) << (d.items.empty() ? "" : formatDiagnostic(d.items[0], Lang::En));
  ASSERT_EQ(wb->sheets.size(), 2u);
  const XlsxSheet& s = wb->sheets[0];
  EXPECT_EQ(s.name, "Tiến độ");
  EXPECT_TRUE(s.protectedSheet);
  EXPECT_FALSE(s.hidden);
  EXPECT_EQ(s.at(1, 1)->text, "Nhiệm vụ");
  EXPECT_EQ(s.at(2, 1)->number, 1);
  EXPECT_TRUE(s.at(2, 1)->locked);
  EXPECT_EQ(s.at(2, 2)->text, "Đang thực hiện");
  EXPECT_FALSE(s.at(2, 2)->locked);
  EXPECT_TRUE(s.at(2, 3)->dateFormat);
  EXPECT_EQ(xlsxSerialToDate(s.at(2, 3)->number, wb->date1904), (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(s.at(2, 4)->kind, XlsxCell::Kind::Boolean);
  EXPECT_EQ(s.at(2, 4)->number, 1);
  EXPECT_TRUE(s.at(2, 5)->formula);
  EXPECT_FALSE(s.at(2, 4)->formula);
  EXPECT_TRUE(wb->sheets[1].hidden);
  EXPECT_EQ(wb->sheets[1].at(1, 2)->number, 3);
  EXPECT_EQ(wb->definedNames.at("vnplan_schema"), "_meta!$B$1");
}

INSTANTIATE_TEST_SUITE_P(XlsxReader, Libxlsxwriter, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "ConstantMemory" : "SharedStrings"; });

// The shape of a workbook saved by Excel 365 (written by hand: no Excel on the build machine).
TEST(XlsxReader, ExcelShapedParts) {
  const std::string mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  test::TestWorkbook w;
  w.sharedStrings = "<si><t>Tên</t></si><si><t xml:space=\"preserve\"> Giá trị </t></si>";
  w.styles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>)";
  test::TestSheet s;
  s.name = "Sheet1";
  s.rawXml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:C4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="C4" sqref="C4"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData><row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="A2" s="1"><v>46096</v></c><c r="B2" s="2"><v>10</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>20</v></c></row><row r="3" spans="1:3" x14ac:dyDescent="0.25"><c r="B3" s="2"><v>0.25</v></c><c r="C3"><f t="shared" si="0"/><v>0.5</v></c></row><row r="4" spans="1:3"><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData><sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>Sheet2!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D1</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>)";
  w.sheets = {s};
  w.workbookPr = R"(<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\Users\x\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>)";
  Diagnostics d;
  auto wb = readXlsxBytes(test::buildWorkbook(w), "excel.xlsx", d);
  ASSERT_TRUE(wb) << (d.items.empty() ? "" : formatDiagnostic(d.items[0], Lang::En));
  const XlsxSheet& sh = wb->sheets[0];
  EXPECT_TRUE(sh.protectedSheet);
  EXPECT_EQ(sh.at(1, 2)->text, " Giá trị ");
  EXPECT_TRUE(sh.at(2, 1)->dateFormat);
  EXPECT_FALSE(sh.at(2, 2)->locked);
  EXPECT_TRUE(sh.at(3, 3)->formula);
  EXPECT_EQ(sh.at(3, 3)->number, 0.5);
  EXPECT_EQ(sh.at(4, 3)->kind, XlsxCell::Kind::Error);
  EXPECT_EQ(sh.at(4, 3)->text, "#DIV/0!");
  EXPECT_EQ(sh.cells.size(), 8u);  // nothing from the extension list's xm:f
}

}  // namespace
}  // namespace vnplan
