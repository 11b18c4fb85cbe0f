// styles.xml of vnplan's own XLSX writer (render/ooxml/styles_xml.cpp) against libxlsxwriter
// 1.1.4: each test makes the same calls on an ooxml::Workbook and on a libxlsxwriter workbook,
// then expects the same xl/styles.xml byte for byte, and the same style numbers on every cell,
// row and column (s="N", style="N") and conditional format (dxfId="N") of libxlsxwriter's sheets.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "load/zip_container.hpp"
#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/workbook.hpp"
#include "render/ooxml/xml_text.hpp"

namespace vnplan {
namespace {

using ooxml::BorderStyle;
using ooxml::Format;
using ooxml::HAlign;
using ooxml::kNoColor;
using ooxml::VAlign;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Sets on a libxlsxwriter format what differs from a fresh Format, as vnplan's calls did.
void applyTo(lxw_format* l, const Format& f) {
  const Format fresh;
  if (f.fontName != fresh.fontName) format_set_font_name(l, f.fontName.c_str());
  if (f.fontSize != fresh.fontSize) format_set_font_size(l, f.fontSize);
  if (f.bold) format_set_bold(l);
  if (f.italic) format_set_italic(l);
  // libxlsxwriter's 0 is "no colour"; its black is LXW_COLOR_BLACK.
  if (f.fontColor != kNoColor) format_set_font_color(l, f.fontColor == 0 ? lxw_color_t{LXW_COLOR_BLACK} : f.fontColor);
  if (f.bgColor != kNoColor) format_set_bg_color(l, f.bgColor == 0 ? lxw_color_t{LXW_COLOR_BLACK} : f.bgColor);
  if (f.align == HAlign::Left) format_set_align(l, LXW_ALIGN_LEFT);
  if (f.align == HAlign::Center) format_set_align(l, LXW_ALIGN_CENTER);
  if (f.align == HAlign::Right) format_set_align(l, LXW_ALIGN_RIGHT);
  if (f.valign == VAlign::Top) format_set_align(l, LXW_ALIGN_VERTICAL_TOP);
  if (f.valign == VAlign::Center) format_set_align(l, LXW_ALIGN_VERTICAL_CENTER);
  if (f.valign == VAlign::Bottom) format_set_align(l, LXW_ALIGN_VERTICAL_BOTTOM);
  if (f.wrap) format_set_text_wrap(l);
  if (f.border == BorderStyle::Thin) format_set_border(l, LXW_BORDER_THIN);
  if (!f.numFormat.empty()) format_set_num_format(l, f.numFormat.c_str());
  if (!f.locked) format_set_unlocked(l);
}

// The value of attribute `name` in the tag starting at `tag` ("" if the tag has none).
std::string attrOf(const std::string& xml, std::size_t tag, const std::string& name) {
  const std::size_t end = xml.find('>', tag);
  const std::size_t at = xml.find(" " + name + "=\"", tag);
  if (at == std::string::npos || at > end) return "";
  const std::size_t from = at + name.size() + 3;
  return xml.substr(from, xml.find('"', from) - from);
}

// Every tag `<element ...` of the XML, keyed by attribute `keyAttr`, with attribute `valueAttr`.
std::multimap<std::string, std::string> tagsOf(const std::string& xml, const std::string& element,
                                               const std::string& keyAttr, const std::string& valueAttr) {
  std::multimap<std::string, std::string> out;
  const std::string open = "<" + element + " ";
  for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1))
    out.emplace(attrOf(xml, at, keyAttr), attrOf(xml, at, valueAttr));
  return out;
}

// One workbook made twice: by the model and by libxlsxwriter.
class Twin {
 public:
  Twin() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("vnplan-ox-styles-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".xlsx"))
                .string();
    lxw_ = workbook_new(path_.c_str());
    lxw_formats_[&model.defaultFormat()] = STAILQ_FIRST(lxw_->formats);
  }
  ~Twin() {
    if (lxw_) workbook_close(lxw_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }

  int sheet(const std::string& name) {
    sheets_.push_back({&model.addWorksheet(name), workbook_add_worksheet(lxw_, name.c_str())});
    return static_cast<int>(sheets_.size()) - 1;
  }
  const Format* format(const Format& props) {
    Format* f = model.addFormat();
    *f = props;
    lxw_format* l = workbook_add_format(lxw_);
    applyTo(l, props);
    lxw_formats_[f] = l;
    return f;
  }
  void changeDefault(const Format& props) {
    model.defaultFormat() = props;
    applyTo(STAILQ_FIRST(lxw_->formats), props);
  }

  void number(int s, int row, int col, const Format* f) {
    sheets_[s].model->writeNumber(row, col, 1, f);
    worksheet_write_number(sheets_[s].lxw, row, col, 1, l(f));
  }
  void text(int s, int row, int col, const std::string& t, const Format* f) {
    sheets_[s].model->writeString(row, col, t, f);
    worksheet_write_string(sheets_[s].lxw, row, col, t.c_str(), l(f));
  }
  void blank(int s, int row, int col, const Format* f) {
    sheets_[s].model->writeBlank(row, col, f);
    worksheet_write_blank(sheets_[s].lxw, row, col, l(f));
  }
  void merge(int s, int r1, int c1, int r2, int c2, const std::string& t, const Format* f) {
    sheets_[s].model->mergeRange(r1, c1, r2, c2, t, f);
    worksheet_merge_range(sheets_[s].lxw, r1, c1, r2, c2, t.c_str(), l(f));
  }
  void row(int s, int r, double height, const Format* f) {
    sheets_[s].model->setRow(r, height, f);
    worksheet_set_row(sheets_[s].lxw, r, height, l(f));
  }
  void column(int s, int first, int last, double width, const Format* f) {
    sheets_[s].model->setColumn(first, last, width, f);
    worksheet_set_column(sheets_[s].lxw, first, last, width, l(f));
  }
  void conditional(int s, int r1, int c1, int r2, int c2, const std::string& value, const Format* f) {
    sheets_[s].model->conditionalFormat(r1, c1, r2, c2, value, f);
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    std::string v = value;
    cf.value_string = v.data();
    cf.format = l(f);
    ASSERT_EQ(worksheet_conditional_format_range(sheets_[s].lxw, r1, c1, r2, c2, &cf), LXW_NO_ERROR);
  }
  void note(int s, int r, int c, const std::string& t) {
    sheets_[s].model->writeComment(r, c, t);
    worksheet_write_comment(sheets_[s].lxw, r, c, t.c_str());
  }

  // Writes libxlsxwriter's file and checks the model's styles against it: styles.xml, and the
  // style numbers of every cell, row, column and conditional format of every sheet.
  void expectSame() {
    ASSERT_EQ(workbook_close(lxw_), LXW_NO_ERROR);
    lxw_ = nullptr;
    const std::string bytes = readFile(path_);
    ZipContainer zip;
    ASSERT_EQ(zip.open(bytes, 1000), ZipOpenStatus::Ok);
    const auto part = [&](const std::string& name) {
      std::string out;
      const ZipEntry* e = zip.find(name);
      EXPECT_NE(e, nullptr) << name;
      if (e) {
        EXPECT_EQ(zip.readAll(*e, ZipCaps{}, out), ZipReadStatus::Ok) << name;
      }
      return out;
    };
    const ooxml::StyleSheet styles(model);
    EXPECT_EQ(styles.xml(), part("xl/styles.xml"));
    EXPECT_EQ(styles.xfIndex(nullptr), 0);

    for (std::size_t s = 0; s < sheets_.size(); ++s) {
      const ooxml::Worksheet& ws = *sheets_[s].model;
      const std::string xml = part("xl/worksheets/sheet" + std::to_string(s + 1) + ".xml");
      const auto cells = tagsOf(xml, "c", "r", "s");
      const auto rows = tagsOf(xml, "row", "r", "s");
      const auto cols = tagsOf(xml, "col", "min", "style");
      const auto style = [](int xf) { return xf == 0 ? std::string() : std::to_string(xf); };
      for (const auto& [r, row] : ws.rows()) {
        auto it = rows.find(std::to_string(r + 1));
        ASSERT_NE(it, rows.end()) << ws.name() << " row " << r + 1;
        EXPECT_EQ(style(styles.xfIndex(row.format)), it->second) << ws.name() << " row " << r + 1;
        for (const auto& [c, cell] : row.cells) {
          const std::string name = ooxml::cellName(r, c);
          auto ct = cells.find(name);
          ASSERT_NE(ct, cells.end()) << ws.name() << " " << name;
          EXPECT_EQ(style(styles.xfIndex(cell.format)), ct->second) << ws.name() << " " << name;
        }
      }
      std::map<int, const Format*> colsByFirst;  // libxlsxwriter keeps the last range per first column
      for (const auto& c : ws.columns()) colsByFirst[c.first] = c.format;
      EXPECT_EQ(cols.size(), colsByFirst.size()) << ws.name();
      for (const auto& [first, f] : colsByFirst) {
        auto it = cols.find(std::to_string(first + 1));
        ASSERT_NE(it, cols.end()) << ws.name() << " column " << first + 1;
        EXPECT_EQ(style(styles.xfIndex(f)), it->second) << ws.name() << " column " << first + 1;
      }
      // dxfIds in the order the rules of each range appear.
      std::map<std::string, std::vector<std::string>> rules;
      std::string range;
      for (std::size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
        if (xml.compare(at, 22, "<conditionalFormatting") == 0) range = attrOf(xml, at, "sqref");
        if (xml.compare(at, 8, "<cfRule ") == 0) rules[range].push_back(attrOf(xml, at, "dxfId"));
      }
      std::map<std::string, std::vector<std::string>> expected;
      for (const auto& cf : ws.conditionalFormats())
        expected[ooxml::rangeName(cf.range.firstRow, cf.range.firstCol, cf.range.lastRow, cf.range.lastCol)]
            .push_back(std::to_string(styles.dxfIndex(cf.format)));
      EXPECT_EQ(expected, rules) << ws.name();
    }
  }

  ooxml::Workbook model;

 private:
  lxw_format* l(const Format* f) { return f ? lxw_formats_.at(f) : nullptr; }

  struct SheetPair {
    ooxml::Worksheet* model;
    lxw_worksheet* lxw;
  };
  std::string path_;
  lxw_workbook* lxw_ = nullptr;
  std::vector<SheetPair> sheets_;
  std::map<const Format*, lxw_format*> lxw_formats_;
};

// ------------------------------------------------------------- vnplan's formats (formats.cpp)
constexpr const char* kFont = "Times New Roman";

Format base(bool border) {
  Format f;
  f.fontName = kFont;
  f.fontSize = 12;
  f.wrap = true;
  f.valign = VAlign::Center;
  if (border) f.border = BorderStyle::Thin;
  return f;
}

struct VnplanFormats {
  const Format *label, *title, *link, *header, *machineHeader, *groupNumber, *groupTitle, *metaKey;
  Twin* twin;
  std::map<std::tuple<bool, bool, std::string>, const Format*> body_;

  explicit VnplanFormats(Twin& t) : twin(&t) {
    Format normal;
    normal.fontName = kFont;
    normal.fontSize = 12;
    t.changeDefault(normal);
    Format f = base(false);
    f.bold = true;
    f.align = HAlign::Center;
    label = t.format(f);
    f.fontSize = 13;
    title = t.format(f);
    f = base(false);
    f.italic = true;
    f.align = HAlign::Center;
    link = t.format(f);
    f = base(true);
    f.bold = true;
    f.align = HAlign::Center;
    header = t.format(f);
    f.bgColor = 0xE7E6E6;
    machineHeader = t.format(f);
    f.bgColor = kNoColor;
    groupNumber = t.format(f);  // equal to header
    f.align = HAlign::Left;
    groupTitle = t.format(f);
    Format k;
    k.fontName = kFont;
    k.fontSize = 12;
    k.bold = true;
    metaKey = t.format(k);
  }
  const Format* body(bool center, bool bold, const std::string& numFormat = "") {
    const Format*& f = body_[{center, bold, numFormat}];
    if (!f) {
      Format b = base(true);
      b.align = center ? HAlign::Center : HAlign::Left;
      b.bold = bold;
      b.numFormat = numFormat;
      f = twin->format(b);
    }
    return f;
  }
};

TEST(OoxmlStyles, EmptyWorkbookHasOnlyTheDefaults) {
  Twin t;
  t.sheet("Sheet1");
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_NE(s.xml().find("<cellXfs count=\"1\">"), std::string::npos);
  EXPECT_NE(s.xml().find("<dxfs count=\"0\"/>"), std::string::npos);
}

// A report workbook: the appendix formats, number formats that look built-in ("0", "#,##0")
// but are custom in libxlsxwriter, status colours as conditional formats (one of them twice on
// a range), unused formats (groupNumber, a body format never written), and the metadata sheet.
TEST(OoxmlStyles, ReportWorkbookAsVnplanWritesIt) {
  Twin t;
  const int sum = t.sheet("Tổng hợp");
  const int tasks = t.sheet("Nhiệm vụ");
  const int meta = t.sheet("_meta");
  VnplanFormats fmt(t);
  t.merge(sum, 0, 0, 0, 5, "BÁO CÁO", fmt.title);
  t.merge(sum, 1, 0, 1, 5, "Kỳ 2026-H1", fmt.label);
  t.text(sum, 2, 0, "xem trang", fmt.link);
  const char* numFormats[] = {"0", "0.0%", "dd/mm/yyyy", "#,##0", "#,##0\"%\"", "#,##0.0\"%\"", "#,##0.0"};
  for (int c = 0; c < 6; ++c) t.text(sum, 3, c, "Cột", fmt.header);
  t.text(sum, 3, 6, "Mã", fmt.machineHeader);
  fmt.body(false, false, "0.000");  // made, never used
  for (int r = 4; r < 30; ++r) {
    t.text(sum, r, 0, "Nhóm", fmt.body(false, r % 5 == 0));
    t.number(sum, r, 1, fmt.body(true, r % 5 == 0, "0"));
    t.number(sum, r, 2, fmt.body(true, r % 5 == 0, "0.0%"));
    t.number(sum, r, 3, fmt.body(true, false, numFormats[r % 7]));
    t.text(sum, r, 4, "x", fmt.body(true, false));
  }
  t.row(sum, 40, 30, nullptr);
  t.column(sum, 0, 0, 30, nullptr);
  t.text(tasks, 0, 0, "Nhiệm vụ", fmt.groupTitle);
  for (int r = 1; r < 20; ++r) t.text(tasks, r, 4, r % 2 ? "Quá hạn" : "Hoàn thành", fmt.body(true, false));
  Format red, green;
  red.bgColor = 0xFFC7CE;
  red.fontColor = 0x9C0006;
  green.bgColor = 0xC6EFCE;
  green.fontColor = 0x006100;
  const Format* redF = t.format(red);
  const Format* greenF = t.format(green);
  t.conditional(tasks, 1, 4, 19, 4, "\"Quá hạn\"", redF);
  t.conditional(tasks, 1, 4, 19, 4, "\"Hoàn thành đúng hạn\"", greenF);
  t.conditional(tasks, 1, 4, 19, 4, "\"Hoàn thành muộn\"", greenF);
  t.text(meta, 0, 0, "schema", fmt.metaKey);
  t.number(meta, 0, 1, nullptr);
  t.expectSame();

  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.xfIndex(fmt.title), 1);  // first met in the sheets, though made after label
  EXPECT_EQ(s.xfIndex(fmt.label), 2);
  EXPECT_EQ(s.dxfIndex(redF), 0);
  EXPECT_EQ(s.dxfIndex(greenF), 1);
  EXPECT_NE(s.xml().find("<numFmt numFmtId=\"164\" formatCode=\"0\"/>"), std::string::npos);
  EXPECT_NE(s.xml().find("formatCode=\"#,##0&quot;%&quot;\""), std::string::npos);
}

// A collection form: unlocked fill cells (applyProtection, <protection locked="0"/>), fills,
// vertical top, and notes (which add libxlsxwriter's Tahoma 8 font).
TEST(OoxmlStyles, CollectionFormWithUnlockedCellsAndNotes) {
  Twin t;
  const int guide = t.sheet("Hướng dẫn");
  const int form = t.sheet("Nhiệm vụ");
  VnplanFormats fmt(t);
  const auto unlocked = [&](bool center, const char* numFormat, std::uint32_t bg) {
    Format x = base(true);
    x.locked = false;
    if (center) x.align = HAlign::Center;
    if (numFormat) x.numFormat = numFormat;
    x.bgColor = bg;
    return t.format(x);
  };
  const Format* text = unlocked(false, nullptr, 0xFFF9E5);
  const Format* textCenter = unlocked(true, nullptr, 0xFFF9E5);
  const Format* date = unlocked(true, "dd/mm/yyyy", 0xFFF9E5);
  const Format* number = unlocked(true, "#,##0.##", 0xFFF9E5);
  const Format* problem = unlocked(false, nullptr, 0xF4B6B6);
  Format pl = base(true);
  pl.bgColor = 0xF4B6B6;
  const Format* problemLocked = t.format(pl);
  Format gf = base(true);
  gf.bold = true;
  gf.bgColor = 0xE7E6E6;
  const Format* groupFill = t.format(gf);
  Format gt = base(false);
  gt.bold = true;
  gt.fontSize = 13;
  gt.align = HAlign::Center;
  const Format* guideTitle = t.format(gt);
  Format gx = base(false);
  gx.valign = VAlign::Top;
  const Format* guideText = t.format(gx);
  t.text(guide, 0, 0, "HƯỚNG DẪN", guideTitle);
  t.text(guide, 1, 0, "Điền vào ô vàng.", guideText);
  t.merge(form, 0, 0, 0, 6, "BIỂU MẪU", fmt.title);
  t.text(form, 2, 0, "STT", fmt.header);
  t.text(form, 2, 1, "Mã", fmt.machineHeader);
  t.text(form, 3, 0, "I", fmt.groupNumber);
  t.text(form, 3, 1, "Nhóm", fmt.groupTitle);
  t.blank(form, 3, 2, groupFill);
  t.blank(form, 4, 4, problemLocked);
  t.text(form, 4, 5, "sai", problem);
  t.number(form, 5, 3, date);
  t.blank(form, 5, 4, text);
  t.blank(form, 5, 5, textCenter);
  t.number(form, 5, 6, number);
  t.note(form, 4, 5, "Giá trị không hợp lệ");
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.xfIndex(fmt.groupNumber), s.xfIndex(fmt.header));  // equal formats share an xf
  EXPECT_NE(s.xml().find("<protection locked=\"0\"/>"), std::string::npos);
  EXPECT_NE(s.xml().find("<name val=\"Tahoma\"/>"), std::string::npos);
}

// xf numbers follow the sheets' XML (columns, then each row's format before its cells), not the
// order of the calls; formats used only in overwritten cells get none.
TEST(OoxmlStyles, XfOrderIsTheOrderOfTheSheetsXml) {
  Twin t;
  const int a = t.sheet("A");
  const int b = t.sheet("B");
  std::vector<const Format*> f;
  for (const char* code : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}) {
    Format x;
    x.numFormat = code;
    f.push_back(t.format(x));
  }
  t.number(b, 0, 0, f[0]);
  t.number(a, 1, 1, f[1]);
  t.number(a, 0, 3, f[2]);
  t.row(a, 1, 20, f[3]);
  t.column(a, 4, 4, 12, f[4]);
  t.column(a, 2, 6, 12, f[5]);
  t.column(a, 4, 4, 14, f[6]);  // replaces the first range of column 4
  t.number(a, 0, 1, f[7]);
  t.number(a, 0, 1, f[8]);  // overwrites f[7]
  t.row(b, 3, 18, f[9]);
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.xfIndex(f[5]), 1);
  EXPECT_EQ(s.xfIndex(f[6]), 2);
  EXPECT_EQ(s.xfIndex(f[8]), 3);
  EXPECT_EQ(s.xfIndex(f[2]), 4);
  EXPECT_EQ(s.xfIndex(f[3]), 5);
  EXPECT_EQ(s.xfIndex(f[1]), 6);
  EXPECT_EQ(s.xfIndex(f[0]), 7);
  EXPECT_EQ(s.xfIndex(f[9]), 8);
  EXPECT_THROW(s.xfIndex(f[7]), std::logic_error);
  EXPECT_THROW(s.xfIndex(f[4]), std::logic_error);
}

// Columns 16 apart (which share a slot of the walk's per-column memory), formats changing down
// a column, and a format first met far down a sheet.
TEST(OoxmlStyles, FormatsChangingDownColumns) {
  Twin t;
  const int s0 = t.sheet("S");
  std::vector<const Format*> f;
  for (int i = 0; i < 6; ++i) {
    Format x;
    x.numFormat = std::string(static_cast<std::size_t>(i + 1), '0');
    f.push_back(t.format(x));
  }
  for (int r = 0; r < 40; ++r) {
    t.number(s0, r, 0, f[static_cast<std::size_t>(r % 2)]);
    t.number(s0, r, 16, f[static_cast<std::size_t>(2 + r % 2)]);
    t.number(s0, r, 32, r < 30 ? f[0] : f[4]);
  }
  t.number(s0, 39, 17, f[5]);
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.xfIndex(f[0]), 1);
  EXPECT_EQ(s.xfIndex(f[2]), 2);
  EXPECT_EQ(s.xfIndex(f[1]), 3);
  EXPECT_EQ(s.xfIndex(f[3]), 4);
  EXPECT_EQ(s.xfIndex(f[4]), 5);
  EXPECT_EQ(s.xfIndex(f[5]), 6);
}

// The default format keeps the identity it had when the workbook was made: after its font is
// changed, a format equal to a fresh Format still gets xf 0, and one equal to the changed
// default an xf of its own (sharing its font).
TEST(OoxmlStyles, ChangedDefaultFormat) {
  Twin t;
  const int s0 = t.sheet("S");
  Format normal;
  normal.fontName = kFont;
  normal.fontSize = 12;
  t.changeDefault(normal);
  const Format* likeNew = t.format(normal);
  const Format* fresh = t.format(Format{});
  Format bold;
  bold.bold = true;
  const Format* boldCalibri = t.format(bold);
  t.number(s0, 0, 0, likeNew);
  t.number(s0, 0, 1, fresh);
  t.number(s0, 0, 2, boldCalibri);
  t.number(s0, 0, 3, &t.model.defaultFormat());
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.xfIndex(fresh), 0);
  EXPECT_EQ(s.xfIndex(&t.model.defaultFormat()), 0);
  EXPECT_EQ(s.xfIndex(likeNew), 1);
  EXPECT_EQ(s.xfIndex(boldCalibri), 2);
}

// Fonts (sizes with decimals, colours, Calibri's scheme, bold italic, Vietnamese and escaped
// names), fills (black is FF000000), alignments (right; bottom applied but not written),
// number formats with characters to escape, equal formats sharing one xf.
TEST(OoxmlStyles, FontsFillsAlignmentsAndNumberFormats) {
  Twin t;
  const int s0 = t.sheet("S");
  std::vector<Format> props(16);
  props[0].fontSize = 11.5;
  props[1].fontSize = 8.25;
  props[1].fontColor = 0x9C0006;
  props[2].fontName = "Arial";
  props[2].bold = props[2].italic = true;
  props[3].fontColor = 0;  // black
  props[4].bgColor = 0;
  props[5].fontColor = 0xFF0000;
  props[5].bgColor = 0x00FF00;
  props[6].align = HAlign::Right;
  props[6].valign = VAlign::Bottom;
  props[7].valign = VAlign::Bottom;
  props[8].locked = false;
  props[9].numFormat = "#,##0\"%\"<&>'";
  props[10].numFormat = "General";
  props[11].fontName = "Tahoma & \"Đậm\"";
  props[12].wrap = true;
  props[13].border = BorderStyle::Thin;
  props[13].bgColor = 0xFFF9E5;
  props[14] = props[13];  // equal: shares an xf
  props[15].bgColor = 0xFFF9E5;
  props[15].fontSize = 12;
  std::vector<const Format*> f;
  for (const Format& p : props) f.push_back(t.format(p));
  for (int i = 0; i < static_cast<int>(f.size()); ++i) t.number(s0, i / 4, i % 4, f[static_cast<std::size_t>(i)]);
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.xfIndex(f[13]), s.xfIndex(f[14]));
  EXPECT_NE(s.xml().find("<sz val=\"8.25\"/><color rgb=\"FF9C0006\"/>"), std::string::npos);
  EXPECT_NE(s.xml().find("<fgColor rgb=\"FF000000\"/>"), std::string::npos);
}

// dxfs: numbered in the order conditional formats are added, equal ones shared; font weight,
// slant and colour, number format (numbered after the cells' ones, not listed in <numFmts>),
// fill, border; an empty one. The format that made a dxf, when a cell uses it too, gets an xf
// of its own, not shared with an equal cell format; a later equal format given the same dxf
// does not (libxlsxwriter marks only the first with its dxf).
TEST(OoxmlStyles, DifferentialStyles) {
  Twin t;
  const int a = t.sheet("A");
  const int b = t.sheet("B");
  Format red;
  red.bgColor = 0xFFC7CE;
  red.fontColor = 0x9C0006;
  const Format* redF = t.format(red);
  const Format* red2 = t.format(red);
  const Format* redCell = t.format(red);
  Format rich;
  rich.bold = rich.italic = true;
  rich.fontName = "Arial";
  rich.fontSize = 14;
  rich.fontColor = 0x123456;
  rich.numFormat = "0.00";
  rich.bgColor = 0xFFF9E5;
  rich.border = BorderStyle::Thin;
  rich.align = HAlign::Center;
  rich.locked = false;
  const Format* richF = t.format(rich);
  Format only;
  only.numFormat = "0.000";
  const Format* onlyF = t.format(only);
  Format sized;
  sized.fontSize = 14;
  const Format* sizedF = t.format(sized);
  Format cellNum;
  cellNum.numFormat = "0.00";
  const Format* cellNumF = t.format(cellNum);
  t.conditional(b, 0, 0, 9, 0, "\"x\"", richF);
  t.conditional(a, 0, 3, 9, 3, "\"y\"", redF);
  t.conditional(a, 0, 1, 9, 1, "\"z\"", red2);
  t.conditional(a, 0, 2, 9, 2, "1", onlyF);
  t.conditional(a, 0, 5, 9, 5, "2", sizedF);
  t.number(a, 0, 0, redCell);
  t.number(a, 0, 1, redF);
  t.number(a, 0, 2, red2);
  t.number(a, 0, 4, cellNumF);
  t.expectSame();
  const ooxml::StyleSheet s(t.model);
  EXPECT_EQ(s.dxfIndex(richF), 0);
  EXPECT_EQ(s.dxfIndex(redF), 1);
  EXPECT_EQ(s.dxfIndex(red2), 1);
  EXPECT_EQ(s.dxfIndex(onlyF), 2);
  EXPECT_EQ(s.xfIndex(redCell), 1);
  EXPECT_EQ(s.xfIndex(redF), 2);
  EXPECT_EQ(s.xfIndex(red2), 1);  // only the format that made the dxf is marked with it
  EXPECT_NE(s.xml().find("<dxf></dxf>"), std::string::npos);
  EXPECT_THROW(s.dxfIndex(redCell), std::logic_error);
}

}  // namespace
}  // namespace vnplan
