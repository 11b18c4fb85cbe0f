// The hardened XLSX reader: values, styles, sheets, and hostile containers, on workbooks
// built byte by byte in the test (zip_test_writer.hpp).
#include <gtest/gtest.h>

#include "load/xlsx_reader.hpp"
#include "zip_test_writer.hpp"

namespace vnplan {
namespace {

using test::buildWorkbook;
using test::buildZip;
using test::TestSheet;
using test::TestWorkbook;
using test::ZipTestEntry;

const char* kStyles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; m&quot;"/>
<numFmt numFmtId="166" formatCode="[$-42A]d&quot; tháng &quot;m&quot; năm &quot;yyyy"/></numFmts>
<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="0"><protection locked="0"/></xf></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" xfId="0"/>
<xf numFmtId="14" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" xfId="0" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="165" xfId="0"/>
<xf numFmtId="166" xfId="1"/>
<xf numFmtId="3" xfId="1" applyProtection="1"><protection locked="1"/></xf>
</cellXfs></styleSheet>)";

std::vector<std::string> texts(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.items) out.push_back(formatDiagnostic(x, Lang::Vi));
  return out;
}

// One error, exactly: the whole formatted line.
void expectOneError(const Diagnostics& d, const std::string& line) {
  ASSERT_EQ(d.items.size(), 1u) << ::testing::PrintToString(texts(d));
  EXPECT_EQ(formatDiagnostic(d.items[0], Lang::Vi), line);
}

std::optional<XlsxWorkbook> read(const std::string& bytes, Diagnostics& d, const XlsxLimits& lim = {}) {
  return readXlsxBytes(bytes, "bao-cao.xlsx", d, lim);
}

TestWorkbook richWorkbook() {
  TestWorkbook wb;
  wb.styles = kStyles;
  wb.sharedStrings =
      "<si><t>Đã hoàn thành</t></si>"
      "<si><r><rPr><b/></rPr><t>Phòng </t></r><r><t xml:space=\"preserve\">Nội vụ</t></r><rPh sb=\"0\" eb=\"1\"><t>X</t></rPh></si>"
      "<si><t>a_x000D_b_x005F_x0041_</t></si>"
      // "Hòa" decomposed (o + combining grave): read back as NFC.
      "<si><t>Ho\xCC\x80\x61</t></si>";
  TestSheet s1;
  s1.name = "Phụ lục II";
  s1.sheetData =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>42.5</v></c><c r=\"B3\" t=\"b\"><v>1</v></c><c r=\"C3\" t=\"e\"><v>#N/A</v></c>"
      "<c r=\"D3\" t=\"inlineStr\"><is><r><t>Tự </t></r><r><t>nhập</t></r></is></c><c r=\"E3\" s=\"3\"/></row>"
      "<row r=\"4\"><c r=\"A4\" s=\"1\"><v>46096</v></c><c r=\"B4\" s=\"2\"><v>46097</v></c><c r=\"C4\" s=\"3\"><v>12</v></c>"
      "<c r=\"D4\" s=\"4\"><v>46098</v></c><c r=\"E4\" s=\"5\"><v>7</v></c></row>"
      "<row r=\"5\"><c r=\"A5\"><f>SUM(A3:A4)</f><v>46138.5</v></c><c r=\"B5\"><f>1+1</f></c>"
      "<c r=\"C5\" t=\"str\"><f>\"x\"&amp;\"y\"</f><v>xy</v></c><c r=\"D5\" t=\"d\"><v>2026-03-15T12:00:00</v></c></row>";
  s1.afterData = "<sheetProtection sheet=\"1\" objects=\"1\"/>";
  TestSheet s2{"_meta", "<row><c><v>1</v></c><c><v>2</v></c></row><row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", "veryHidden", "", ""};
  TestSheet s3{"Ẩn", "", "hidden", "", ""};
  wb.sheets = {s1, s2, s3};
  wb.definedNames =
      "<definedName name=\"plan_code\">'Phụ lục II'!$A$1</definedName>"
      "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Phụ lục II'!$A$1:$E$5</definedName>";
  return wb;
}

void checkRichWorkbook(const XlsxWorkbook& wb) {
  ASSERT_EQ(wb.sheets.size(), 3u);
  EXPECT_FALSE(wb.date1904);
  const XlsxSheet& s = wb.sheets[0];
  EXPECT_EQ(s.name, "Phụ lục II");
  EXPECT_FALSE(s.hidden);
  EXPECT_TRUE(s.protectedSheet);
  EXPECT_EQ(s.maxRow, 5u);
  EXPECT_EQ(s.maxCol, 5u);
  ASSERT_NE(s.at(1, 1), nullptr);
  EXPECT_EQ(s.at(1, 1)->text, "Đã hoàn thành");
  EXPECT_EQ(s.at(1, 2)->text, "Phòng Nội vụ");  // runs joined, phonetic guide left out
  EXPECT_EQ(s.at(1, 3)->text, "a\rb_x0041_");
  EXPECT_EQ(s.at(1, 4)->text, "Hòa");
  EXPECT_EQ(s.at(1, 4)->ref(), "D1");
  const XlsxCell* n = s.at(3, 1);
  EXPECT_EQ(n->kind, XlsxCell::Kind::Number);
  EXPECT_DOUBLE_EQ(n->number, 42.5);
  EXPECT_EQ(n->text, "42.5");
  EXPECT_EQ(s.at(3, 2)->kind, XlsxCell::Kind::Boolean);
  EXPECT_EQ(s.at(3, 2)->number, 1);
  EXPECT_EQ(s.at(3, 3)->kind, XlsxCell::Kind::Error);
  EXPECT_EQ(s.at(3, 3)->text, "#N/A");
  EXPECT_EQ(s.at(3, 4)->text, "Tự nhập");
  EXPECT_EQ(s.at(3, 5), nullptr);  // a styled empty cell is no cell
  // Styles: built-in 14 and custom dd/mm/yyyy are dates; a quoted " m" is not; a locale
  // prefix does not hide the d/m/y; protection from the cell format or its cell style.
  EXPECT_TRUE(s.at(4, 1)->dateFormat);
  EXPECT_TRUE(s.at(4, 1)->locked);
  EXPECT_TRUE(s.at(4, 2)->dateFormat);
  EXPECT_FALSE(s.at(4, 2)->locked);
  EXPECT_FALSE(s.at(4, 3)->dateFormat);
  EXPECT_TRUE(s.at(4, 4)->dateFormat);
  EXPECT_FALSE(s.at(4, 4)->locked);  // inherited from cellStyleXfs[1]
  EXPECT_TRUE(s.at(4, 5)->locked);   // its own protection wins over the style's
  EXPECT_EQ(xlsxSerialToDate(s.at(4, 1)->number, wb.date1904), (CalendarDate{2026, 3, 15}));
  // Formula cells: flagged, cached value kept; none cached = empty text.
  EXPECT_TRUE(s.at(5, 1)->formula);
  EXPECT_DOUBLE_EQ(s.at(5, 1)->number, 46138.5);
  EXPECT_TRUE(s.at(5, 2)->formula);
  EXPECT_EQ(s.at(5, 2)->kind, XlsxCell::Kind::Text);
  EXPECT_EQ(s.at(5, 2)->text, "");
  EXPECT_EQ(s.at(5, 3)->text, "xy");
  EXPECT_TRUE(s.at(5, 3)->formula);
  EXPECT_FALSE(s.at(3, 1)->formula);
  // t="d": an ISO date becomes a serial with a date format.
  EXPECT_DOUBLE_EQ(s.at(5, 4)->number, 46096.5);
  EXPECT_TRUE(s.at(5, 4)->dateFormat);
  // Cells without r= follow on from the previous one.
  const XlsxSheet* meta = wb.sheet("_meta");
  ASSERT_NE(meta, nullptr);
  EXPECT_TRUE(meta->hidden);
  EXPECT_TRUE(meta->veryHidden);
  ASSERT_EQ(meta->cells.size(), 3u);
  EXPECT_EQ(meta->at(1, 2)->number, 2);
  EXPECT_EQ(meta->at(2, 1)->text, "x");
  EXPECT_TRUE(wb.sheets[2].hidden);
  EXPECT_FALSE(wb.sheets[2].veryHidden);
  EXPECT_TRUE(wb.sheets[2].cells.empty());
  EXPECT_EQ(wb.definedNames.at("plan_code"), "'Phụ lục II'!$A$1");
  EXPECT_EQ(wb.definedNames.at("Phụ lục II!_xlnm.Print_Area"), "'Phụ lục II'!$A$1:$E$5");
}

TEST(XlsxReader, ReadsValuesStylesAndSheets) {
  Diagnostics d;
  auto wb = read(buildWorkbook(richWorkbook()), d);
  ASSERT_TRUE(wb) << ::testing::PrintToString(texts(d));
  EXPECT_TRUE(d.items.empty());
  checkRichWorkbook(*wb);
}

// Java's ZipOutputStream and Python's zipfile on a pipe write the sizes after the data;
// Poco::Zip 1.11 reads such entries as empty. They must read the same as the plain file.
TEST(XlsxReader, DataDescriptorsReadCorrectly) {
  TestWorkbook w = richWorkbook();
  w.dataDescriptors = true;
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb) << ::testing::PrintToString(texts(d));
  checkRichWorkbook(*wb);
}

TEST(XlsxReader, StoredEntries) {
  TestWorkbook w = richWorkbook();
  w.deflate = false;
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb) << ::testing::PrintToString(texts(d));
  checkRichWorkbook(*wb);
}

TEST(XlsxReader, PrefixedAndStrictNamespaces) {
  TestWorkbook w;
  w.sheets = {{"S", "", "", "",
               "<x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:sheetData><x:row r=\"2\">"
               "<x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"}};
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb) << ::testing::PrintToString(texts(d));
  EXPECT_EQ(wb->sheets[0].at(2, 2)->text, "ok");
}

TEST(XlsxReader, ByteOrderMarkAndLatin1Declaration) {
  // .NET writers put a UTF-8 byte-order mark before the declaration; a wrong encoding
  // declaration does not turn UTF-8 into Latin-1.
  TestWorkbook w;
  w.sheets = {{"S", "", "", "",
               "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData><row r=\"1\">"
               "<c r=\"A1\" t=\"inlineStr\"><is><t>Đạt</t></is></c></row></sheetData></worksheet>"}};
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb) << ::testing::PrintToString(texts(d));
  EXPECT_EQ(wb->sheets[0].at(1, 1)->text, "Đạt");
}

TEST(XlsxReader, Date1904) {
  TestWorkbook w;
  w.workbookPr = "<workbookPr date1904=\"1\"/>";
  w.sheets = {{"S", "<row r=\"1\"><c r=\"A1\" s=\"0\"><v>44634</v></c></row>", "", "", ""}};
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb);
  EXPECT_TRUE(wb->date1904);
  EXPECT_EQ(xlsxSerialToDate(wb->sheets[0].at(1, 1)->number, true), (CalendarDate{2026, 3, 15}));
}

TEST(XlsxReader, CellsOutOfOrderAreSortedAndDuplicatesRefused) {
  TestWorkbook w;
  w.sheets = {{"S", "<row r=\"2\"><c r=\"B2\"><v>2</v></c></row><row r=\"1\"><c r=\"C1\"><v>1</v></c></row>", "", "", ""}};
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb);
  EXPECT_EQ(wb->sheets[0].cells[0].ref(), "C1");
  EXPECT_EQ(wb->sheets[0].cells[1].ref(), "B2");

  w.sheets = {{"S", "<row r=\"2\"><c r=\"B2\"><v>2</v></c><c r=\"B2\"><v>3</v></c></row>", "", "", ""}};
  Diagnostics d2;
  EXPECT_FALSE(read(buildWorkbook(w), d2));
  expectOneError(d2, "bao-cao.xlsx!S!B2: lỗi: ô xuất hiện hai lần trong trang tính");
}

// ------------------------------------------------------------------ cell-level problems

TEST(XlsxReader, TextTooLongIsLocatedAtItsCell) {
  TestWorkbook w;
  w.sharedStrings = "<si><t>" + std::string(32767, 'a') + "</t></si><si><t>" + std::string(32768, 'b') + "</t></si>";
  w.sheets = {{"Số liệu", "<row r=\"12\"><c r=\"E12\" t=\"s\"><v>0</v></c><c r=\"F12\" t=\"s\"><v>1</v></c></row>", "", "", ""}};
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d));
  expectOneError(d, "bao-cao.xlsx!Số liệu!F12: lỗi: ô chứa văn bản dài 32768 ký tự; tối đa 32767");
  EXPECT_EQ(formatDiagnostic(d.items[0], Lang::En),
            "bao-cao.xlsx!Số liệu!F12: error: the cell holds a text of 32768 characters; limit 32767");
}

TEST(XlsxReader, TextLengthCountsAsExcelDoes) {
  // Excel counts UTF-16 units: 16,383 emoji (32,766 units) plus one letter fit; one more
  // emoji does not. Vietnamese letters count one each, composed or not.
  std::string emoji;
  for (int i = 0; i < 16383; ++i) emoji += "\xF0\x9F\x98\x80";
  TestWorkbook w;
  w.sharedStrings = "<si><t>" + emoji + "a</t></si><si><t>" + emoji + "\xF0\x9F\x98\x80</t></si><si><t>" +
                    [] { std::string s; for (int i = 0; i < 32767; ++i) s += "ệ"; return s; }() + "</t></si>";
  w.sheets = {{"S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>", "", "", ""}};
  Diagnostics d;
  auto wb = read(buildWorkbook(w), d);
  ASSERT_TRUE(wb) << ::testing::PrintToString(texts(d));
  EXPECT_EQ(wb->sheets[0].at(1, 3)->text.size(), 32767u * 3);
  w.sheets = {{"S", "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>1</v></c></row>", "", "", ""}};
  Diagnostics d2;
  EXPECT_FALSE(read(buildWorkbook(w), d2));
  expectOneError(d2, "bao-cao.xlsx!S!B1: lỗi: ô chứa văn bản dài 32768 ký tự; tối đa 32767");
}

TEST(XlsxReader, HugeInlineTextCostsNoMemoryAndIsReported) {
  TestWorkbook w;
  w.sheets = {{"S", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(3'000'000, 'x') + "</t></is></c></row>", "", "", ""}};
  XlsxLimits lim;
  lim.maxCompressionRatio = 100000;  // the repeated letter compresses like a bomb
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d, lim));
  expectOneError(d, "bao-cao.xlsx!S!A1: lỗi: ô chứa văn bản dài 3000000 ký tự; tối đa 32767");
}

TEST(XlsxReader, InvalidUtf8IsLocatedAtTheCellsThatUseIt) {
  TestWorkbook w;
  w.sharedStrings = "<si><t>ok</t></si><si><t>bad \xC3\x28 text</t></si>";
  w.sheets = {{"S",
               "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c></row>"
               "<row r=\"7\"><c r=\"D7\" t=\"inlineStr\"><is><t>\xFF</t></is></c></row>",
               "", "", ""}};
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d));
  ASSERT_EQ(d.items.size(), 2u);
  EXPECT_EQ(formatDiagnostic(d.items[0], Lang::Vi), "bao-cao.xlsx!S!C2: lỗi: văn bản không phải UTF-8 hợp lệ");
  EXPECT_EQ(formatDiagnostic(d.items[1], Lang::Vi), "bao-cao.xlsx!S!D7: lỗi: văn bản không phải UTF-8 hợp lệ");
}

TEST(XlsxReader, BadNumbersAndSharedStringIndexes) {
  TestWorkbook w;
  w.sharedStrings = "<si><t>x</t></si>";
  w.sheets = {{"S",
               "<row r=\"1\"><c r=\"A1\"><v>12,5</v></c><c r=\"B1\" t=\"s\"><v>9</v></c><c r=\"C1\"><v>1e999</v></c>"
               "<c r=\"ZZZZ1\"><v>1</v></c></row>",
               "", "", ""}};
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d));
  std::vector<std::string> want = {
      "bao-cao.xlsx!S!A1: lỗi: giá trị số không hợp lệ \"12,5\"",
      "bao-cao.xlsx!S!B1: lỗi: ô trỏ tới chuỗi dùng chung số 9 không tồn tại",
      "bao-cao.xlsx!S!C1: lỗi: giá trị số không hợp lệ \"1e999\"",
      "bao-cao.xlsx!S: lỗi: địa chỉ ô không hợp lệ \"ZZZZ1\"",
  };
  EXPECT_EQ(texts(d), want);
}

TEST(XlsxReader, CellErrorsAreCapped) {
  TestWorkbook w;
  std::string rows;
  for (int r = 1; r <= 20; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c><v>x</v></c></row>";
  w.sheets = {{"S", rows, "", "", ""}};
  XlsxLimits lim;
  lim.maxCellErrors = 5;
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d, lim));
  ASSERT_EQ(d.items.size(), 6u);
  EXPECT_EQ(formatDiagnostic(d.items[5], Lang::Vi), "bao-cao.xlsx: lỗi: quá nhiều lỗi (hơn 5); dừng đọc");
}

// ------------------------------------------------------------------ file-level problems

TEST(XlsxReader, NotAZipAndOtherFormats) {
  {
    Diagnostics d;
    EXPECT_FALSE(read("plain text, not a workbook", d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp không phải bảng tính Excel .xlsx (không phải tệp ZIP)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read("<html><body><table><tr><td>1</td></tr></table></body></html>", d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp là HTML/XML, không phải .xlsx; hãy lưu lại dạng Excel .xlsx");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read("", d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp không phải bảng tính Excel .xlsx (không phải tệp ZIP)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(buildZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", false}, {"content.xml", "<x/>"}}), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp là OpenDocument (.ods/.odt), không phải .xlsx; hãy lưu lại dạng Excel .xlsx");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(buildZip({{"xl/workbook.bin", "\x83\x01"}}), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp là Excel Binary (.xlsb), không phải .xlsx; hãy lưu lại dạng Excel .xlsx");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(buildZip({{"a.txt", "hello"}}), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp .xlsx thiếu phần xl/workbook.xml");
  }
}

std::string cfb(const std::string& streamName) {
  std::string s = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  s.resize(512, '\0');
  for (char c : streamName) {
    s += c;
    s += '\0';
  }
  s.resize(2048, '\0');
  return s;
}

TEST(XlsxReader, EncryptedWorkbookAndXls) {
  {
    Diagnostics d;
    EXPECT_FALSE(read(cfb("EncryptedPackage"), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: sổ tính được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu mở tệp rồi gửi lại");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(cfb("Workbook"), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx");
  }
  {
    TestWorkbook w = richWorkbook();
    auto entries = test::workbookEntries(w);
    for (auto& e : entries) e.extraFlags = 1;  // zip-level encryption
    Diagnostics d;
    EXPECT_FALSE(read(buildZip(entries), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: sổ tính được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu mở tệp rồi gửi lại");
  }
}

TEST(XlsxReader, TruncatedFilesAtEveryLength) {
  const std::string full = buildWorkbook(richWorkbook());
  // Every cut gives exactly one file-level error and never a crash.
  for (size_t len = 0; len < full.size(); len += 37) {
    Diagnostics d;
    EXPECT_FALSE(read(full.substr(0, len), d)) << len;
    ASSERT_EQ(d.items.size(), 1u) << len << ::testing::PrintToString(texts(d));
    EXPECT_EQ(d.items[0].file, "bao-cao.xlsx");
  }
  Diagnostics d;
  EXPECT_FALSE(read(full.substr(0, full.size() / 2), d));
  expectOneError(d, "bao-cao.xlsx: lỗi: tệp .xlsx bị cắt cụt hoặc hỏng (không đọc được mục lục ZIP)");
}

TEST(XlsxReader, DamagedEntries) {
  auto withSheetEntry = [](auto change) {
    TestWorkbook w;
    w.sheets = {{"S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", "", "", ""}};
    auto entries = test::workbookEntries(w);
    for (auto& e : entries)
      if (e.name == "xl/worksheets/ws1.xml") change(e);
    return buildZip(entries);
  };
  {
    Diagnostics d;
    EXPECT_FALSE(read(withSheetEntry([](ZipTestEntry& e) { e.badCrc = true; }), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml của tệp .xlsx bị hỏng (giải nén thất bại hoặc sai CRC)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(withSheetEntry([](ZipTestEntry& e) { e.forcedMethod = 12; }), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml dùng kiểu nén 12 không được hỗ trợ");
  }
  {
    // A size forged smaller than the data: the inflated bytes are counted, not trusted.
    Diagnostics d;
    EXPECT_FALSE(read(withSheetEntry([](ZipTestEntry& e) { e.forgedUncompressed = 10; }), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml của tệp .xlsx bị hỏng (giải nén thất bại hoặc sai CRC)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(buildZip({{"xl/workbook.xml", "<a/>"}, {"XL/Workbook.xml", "<b/>"}}), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp .xlsx có hai phần cùng tên XL/Workbook.xml");
  }
}

TEST(XlsxReader, Caps) {
  const std::string bytes = buildWorkbook(richWorkbook());
  {
    XlsxLimits lim;
    lim.maxEntries = 3;
    Diagnostics d;
    EXPECT_FALSE(read(bytes, d, lim));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp ZIP có quá nhiều mục (9; tối đa 3)");
  }
  {
    XlsxLimits lim;
    lim.maxFileBytes = 100;
    Diagnostics d;
    EXPECT_FALSE(read(bytes, d, lim));
    expectOneError(d, "bao-cao.xlsx: lỗi: tệp quá lớn (" + std::to_string(bytes.size()) + " byte; tối đa 100)");
  }
  {
    TestWorkbook w;
    std::string rows;
    for (int r = 1; r <= 200; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r) + "</v></c></row>";
    w.sheets = {{"Phụ lục II", rows, "", "", ""}};
    XlsxLimits lim;
    lim.maxEntryBytes = 2000;
    Diagnostics d;
    EXPECT_FALSE(read(buildWorkbook(w), d, lim));
    expectOneError(d, "bao-cao.xlsx!Phụ lục II: lỗi: phần xl/worksheets/ws1.xml khi giải nén vượt quá 2000 byte");
  }
  {
    XlsxLimits lim;
    lim.maxTotalBytes = 600;
    Diagnostics d;
    EXPECT_FALSE(read(bytes, d, lim));
    expectOneError(d, "bao-cao.xlsx: lỗi: tổng dữ liệu giải nén vượt quá 600 byte");
  }
  {
    XlsxLimits lim;
    lim.maxCells = 10;
    Diagnostics d;
    EXPECT_FALSE(read(bytes, d, lim));
    expectOneError(d, "bao-cao.xlsx: lỗi: sổ tính có quá nhiều ô dữ liệu (tối đa 10)");
  }
  {
    XlsxLimits lim;
    lim.maxSheets = 2;
    Diagnostics d;
    EXPECT_FALSE(read(bytes, d, lim));
    expectOneError(d, "bao-cao.xlsx: lỗi: sổ tính có quá nhiều trang tính (tối đa 2)");
  }
  {
    XlsxLimits lim;
    lim.maxSeconds = 0;
    Diagnostics d;
    EXPECT_FALSE(read(bytes, d, lim));
    expectOneError(d, "bao-cao.xlsx: lỗi: đọc sổ tính mất quá 0 giây; dừng lại");
  }
}

TEST(XlsxReader, SharedStringAmplificationIsCapped) {
  // 2,000 cells pointing at one 32,767-character string would be 65 MB of text from a few KB.
  TestWorkbook w;
  w.sharedStrings = "<si><t>" + std::string(32767, 'a') + "</t></si>";
  std::string rows;
  for (int r = 1; r <= 2000; ++r) rows += "<row><c t=\"s\"><v>0</v></c></row>";
  w.sheets = {{"S", rows, "", "", ""}};
  XlsxLimits lim;
  lim.maxTotalBytes = 8u << 20;
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d, lim));
  expectOneError(d, "bao-cao.xlsx: lỗi: tổng dữ liệu giải nén vượt quá 8388608 byte");
}

TEST(XlsxReader, ZipBombStopsAtTheRatioCap) {
  // 4 MiB of blanks between two elements inflate ~1000:1; stopped after 1 MiB.
  TestWorkbook w;
  w.sheets = {{"S", "", "", "", "<worksheet><sheetData>" + std::string(4u << 20, ' ') + "</sheetData></worksheet>"}};
  Diagnostics d;
  EXPECT_FALSE(read(buildWorkbook(w), d));
  expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml có tỷ lệ nén vượt quá 200:1 (nghi bom ZIP)");
}

TEST(XlsxReader, XmlAttacksAndErrors) {
  auto sheetXml = [](const std::string& xml) {
    TestWorkbook w;
    w.sheets = {{"S", "", "", "", xml}};
    return buildWorkbook(w);
  };
  {
    Diagnostics d;
    EXPECT_FALSE(read(sheetXml("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                               "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>"),
                      d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml có khai báo DOCTYPE (không được phép trong tệp .xlsx)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(sheetXml("<!DOCTYPE w SYSTEM \"file:///etc/passwd\"><worksheet/>"), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml có khai báo DOCTYPE (không được phép trong tệp .xlsx)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(sheetXml("<worksheet>\n<sheetData>\n<row></sheetData></worksheet>"), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: lỗi XML trong phần xl/worksheets/ws1.xml, dòng 3: mismatched tag");
  }
  {
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "<a>";
    Diagnostics d;
    EXPECT_FALSE(read(sheetXml("<worksheet>" + deep), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: phần xl/worksheets/ws1.xml lồng nhau quá sâu (tối đa 64 cấp)");
  }
  {
    Diagnostics d;
    EXPECT_FALSE(read(sheetXml(" "), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: lỗi XML trong phần xl/worksheets/ws1.xml, dòng 1: no element found");
  }
}

TEST(XlsxReader, SheetNamesAndParts) {
  {
    TestWorkbook w;
    w.sheets = {{"Báo cáo", "", "", "", ""}, {"BÁO CÁO", "", "", "", ""}};
    Diagnostics d;
    EXPECT_FALSE(read(buildWorkbook(w), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: hai trang tính cùng tên \"BÁO CÁO\"");
  }
  {
    TestWorkbook w;
    Diagnostics d;
    EXPECT_FALSE(read(buildWorkbook(w), d));
    expectOneError(d, "bao-cao.xlsx: lỗi: sổ tính không có trang tính nào");
  }
  {
    TestWorkbook w;
    w.sheets = {{"S", "", "", "", ""}};
    auto entries = test::workbookEntries(w);
    std::erase_if(entries, [](const ZipTestEntry& e) { return e.name == "xl/worksheets/ws1.xml"; });
    Diagnostics d;
    EXPECT_FALSE(read(buildZip(entries), d));
    expectOneError(d, "bao-cao.xlsx!S: lỗi: tệp .xlsx thiếu phần xl/worksheets/ws1.xml");
  }
}

TEST(XlsxReader, ReadFileReportsMissingFile) {
  Diagnostics d;
  EXPECT_FALSE(readXlsxFile("/nonexistent/x.xlsx", d));
  expectOneError(d, "/nonexistent/x.xlsx: lỗi: không mở được tệp /nonexistent/x.xlsx");
  Diagnostics d2;
  EXPECT_FALSE(readXlsxFile("/tmp", d2));
  expectOneError(d2, "/tmp: lỗi: không mở được tệp /tmp");
}

// ------------------------------------------------------------------ dates and helpers

TEST(XlsxDates, Serials) {
  EXPECT_EQ(xlsxSerialToDate(1, false), (CalendarDate{1900, 1, 1}));
  EXPECT_EQ(xlsxSerialToDate(59, false), (CalendarDate{1900, 2, 28}));
  EXPECT_EQ(xlsxSerialToDate(60, false), std::nullopt);  // Lotus's 29 Feb 1900
  EXPECT_EQ(xlsxSerialToDate(61, false), (CalendarDate{1900, 3, 1}));
  EXPECT_EQ(xlsxSerialToDate(32947, false), (CalendarDate{1990, 3, 15}));  // openpyxl's date(1990,3,15)
  EXPECT_EQ(xlsxSerialToDate(46096.75, false), (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(xlsxSerialToDate(0, true), (CalendarDate{1904, 1, 1}));
  EXPECT_EQ(xlsxSerialToDate(44634, true), (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(xlsxSerialToDate(0, false), std::nullopt);
  EXPECT_EQ(xlsxSerialToDate(-1, true), std::nullopt);
  EXPECT_EQ(xlsxSerialToDate(1e300, false), std::nullopt);
  for (double s : {1.0, 59.0, 61.0, 32947.0, 46096.0})
    EXPECT_EQ(xlsxDateToSerial(*xlsxSerialToDate(s, false), false), s);
  EXPECT_EQ(xlsxDateToSerial({2026, 3, 15}, true), 44634);
}

TEST(XlsxDates, TypedText) {
  EXPECT_EQ(parseCellDateText("15/03/2026"), (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(parseCellDateText("15-3-2026"), (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(parseCellDateText(" 5.3.2026 "), (CalendarDate{2026, 3, 5}));
  EXPECT_EQ(parseCellDateText("2026-03-15"), (CalendarDate{2026, 3, 15}));
  EXPECT_EQ(parseCellDateText("2026/3/5"), (CalendarDate{2026, 3, 5}));
  EXPECT_EQ(parseCellDateText("31/02/2026"), std::nullopt);
  EXPECT_EQ(parseCellDateText("15/03/26"), std::nullopt);
  EXPECT_EQ(parseCellDateText("15/03-2026"), std::nullopt);
  EXPECT_EQ(parseCellDateText("2026-03-150"), std::nullopt);
  EXPECT_EQ(parseCellDateText("Quý I/2026"), std::nullopt);
  EXPECT_EQ(parseCellDateText(""), std::nullopt);
}

TEST(XlsxDates, FormatCodes) {
  EXPECT_TRUE(isDateFormatCode("dd/mm/yyyy"));
  EXPECT_TRUE(isDateFormatCode("[$-42A]dd/mm/yyyy"));
  EXPECT_TRUE(isDateFormatCode("[h]:mm"));
  EXPECT_TRUE(isDateFormatCode("h:mm AM/PM"));
  EXPECT_FALSE(isDateFormatCode("General"));
  EXPECT_FALSE(isDateFormatCode("#,##0.00"));
  EXPECT_FALSE(isDateFormatCode("0.0\" m\""));
  EXPECT_FALSE(isDateFormatCode("[Red]#,##0;[Blue]-#,##0"));
  EXPECT_FALSE(isDateFormatCode("0.00\\d"));
  EXPECT_FALSE(isDateFormatCode("@"));
  EXPECT_FALSE(isDateFormatCode("0.00E+00"));
  EXPECT_TRUE(isBuiltinDateFormat(14));
  EXPECT_TRUE(isBuiltinDateFormat(22));
  EXPECT_TRUE(isBuiltinDateFormat(47));
  EXPECT_FALSE(isBuiltinDateFormat(3));
  EXPECT_FALSE(isBuiltinDateFormat(49));
}

TEST(XlsxDates, CellRefs) {
  uint32_t r = 0, c = 0;
  EXPECT_TRUE(parseCellRef("F12", r, c));
  EXPECT_EQ(r, 12u);
  EXPECT_EQ(c, 6u);
  EXPECT_TRUE(parseCellRef("$XFD$1048576", r, c));
  EXPECT_EQ(c, 16384u);
  EXPECT_FALSE(parseCellRef("XFE1", r, c));
  EXPECT_FALSE(parseCellRef("A0", r, c));
  EXPECT_FALSE(parseCellRef("A1048577", r, c));
  EXPECT_FALSE(parseCellRef("12", r, c));
  EXPECT_EQ(xlsxColumnName(27), "AA");
  EXPECT_EQ(xlsxCellRef(12, 6), "F12");
  EXPECT_EQ(xlsxPlace("a.xlsx", "Phụ lục II", 12, 6), "a.xlsx!Phụ lục II!F12");
  EXPECT_EQ(xlsxPlace("a.xlsx", "S"), "a.xlsx!S");
  EXPECT_EQ(xlsxPlace("a.xlsx"), "a.xlsx");
}

}  // namespace
}  // namespace vnplan
