// xl/worksheets/sheetN.xml of vnplan's own XLSX writer against libxlsxwriter 1.1.4's: every
// test makes the same calls through both (a Twin), writes libxlsxwriter's workbook to a
// temporary file, reads its sheet parts back and expects the same bytes. The style numbers
// come from formatsInSheetOrder() (every test format differs from the others, so that each
// has its own style record in libxlsxwriter too): that checks the order libxlsxwriter
// numbers formats in as well.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "load/zip_container.hpp"
#include "render/ooxml/sheet_xml.hpp"
#include "render/ooxml/workbook.hpp"
#include "test_support.hpp"

namespace vnplan::ooxml {
namespace {

using testing_support::TempDir;

// Style numbers as libxlsxwriter gives them to formats that all differ: in the order its
// worksheet writer meets them; differential styles in the order conditional formats were added.
class TestStyles final : public SheetStyles {
 public:
  explicit TestStyles(const Workbook& wb) {
    const auto order = formatsInSheetOrder(wb);
    for (std::size_t i = 0; i < order.size(); ++i) xf_[order[i]] = static_cast<int>(i) + 1;
    const auto& dxf = wb.conditionalFormatsInOrder();
    for (std::size_t i = 0; i < dxf.size(); ++i) dxf_[dxf[i]] = static_cast<int>(i);
  }
  int xfIndex(const Format* f) const override {
    const auto it = xf_.find(f);
    return it == xf_.end() ? 0 : it->second;
  }
  int dxfIndex(const Format* f) const override { return dxf_.at(f); }

 private:
  std::map<const Format*, int> xf_, dxf_;
};

struct TwinFormat {
  lxw_format* lx;
  Format* own;
};

// One workbook made twice: by libxlsxwriter and by the model.
class Twin {
 public:
  struct Sheet {
    Twin* twin;
    lxw_worksheet* lx;
    Worksheet* own;

    void string(int r, int c, const std::string& s, const TwinFormat* f = nullptr) {
      ASSERT_EQ(worksheet_write_string(lx, r, c, s.c_str(), f ? f->lx : nullptr), LXW_NO_ERROR);
      own->writeString(r, c, s, f ? f->own : nullptr);
    }
    void number(int r, int c, double v, const TwinFormat* f = nullptr) {
      ASSERT_EQ(worksheet_write_number(lx, r, c, v, f ? f->lx : nullptr), LXW_NO_ERROR);
      own->writeNumber(r, c, v, f ? f->own : nullptr);
    }
    void blank(int r, int c, const TwinFormat* f) {
      ASSERT_EQ(worksheet_write_blank(lx, r, c, f ? f->lx : nullptr), LXW_NO_ERROR);
      own->writeBlank(r, c, f ? f->own : nullptr);
    }
    void date(int r, int c, Date d, const TwinFormat* f) {
      lxw_datetime dt{d.year, d.month, d.day, 0, 0, 0};
      ASSERT_EQ(worksheet_write_datetime(lx, r, c, &dt, f ? f->lx : nullptr), LXW_NO_ERROR);
      own->writeDate(r, c, d, f ? f->own : nullptr);
    }
    void formula(int r, int c, const std::string& fx, double cached, const TwinFormat* f = nullptr) {
      ASSERT_EQ(worksheet_write_formula_num(lx, r, c, fx.c_str(), f ? f->lx : nullptr, cached), LXW_NO_ERROR);
      own->writeFormula(r, c, fx, f ? f->own : nullptr, cached);
    }
    void formula(int r, int c, const std::string& fx, const std::string& cached, const TwinFormat* f = nullptr) {
      ASSERT_EQ(worksheet_write_formula_str(lx, r, c, fx.c_str(), f ? f->lx : nullptr, cached.c_str()), LXW_NO_ERROR);
      own->writeFormula(r, c, fx, f ? f->own : nullptr, std::string_view(cached));
    }
    void merge(int r1, int c1, int r2, int c2, const std::string& s, const TwinFormat* f) {
      ASSERT_EQ(worksheet_merge_range(lx, r1, c1, r2, c2, s.c_str(), f ? f->lx : nullptr), LXW_NO_ERROR);
      own->mergeRange(r1, c1, r2, c2, s, f ? f->own : nullptr);
    }
    void comment(int r, int c, const std::string& s) {
      lxw_comment_options o{};
      o.width = 300;
      o.height = 90;
      ASSERT_EQ(worksheet_write_comment_opt(lx, r, c, s.c_str(), &o), LXW_NO_ERROR);
      own->writeComment(r, c, s, CommentOptions{300, 90});
    }
    void row(int r, double height, const TwinFormat* f = nullptr, bool hidden = false) {
      lxw_row_col_options o{};
      o.hidden = hidden;
      ASSERT_EQ(worksheet_set_row_opt(lx, r, height, f ? f->lx : nullptr, &o), LXW_NO_ERROR);
      own->setRow(r, height, f ? f->own : nullptr, hidden);
    }
    void column(int first, int last, double width, const TwinFormat* f = nullptr, bool hidden = false) {
      lxw_row_col_options o{};
      o.hidden = hidden;
      ASSERT_EQ(worksheet_set_column_opt(lx, first, last, width, f ? f->lx : nullptr, &o), LXW_NO_ERROR);
      own->setColumn(first, last, width, f ? f->own : nullptr, hidden);
    }
    void freeze(int r, int c) {
      worksheet_freeze_panes(lx, r, c);
      own->freezePanes(r, c);
    }
    void autofilter(int r1, int c1, int r2, int c2) {
      ASSERT_EQ(worksheet_autofilter(lx, r1, c1, r2, c2), LXW_NO_ERROR);
      own->autofilter(r1, c1, r2, c2);
    }
    void validation(int r1, int c1, int r2, int c2, const DataValidation& v) {
      lxw_data_validation d{};
      std::vector<const char*> list;
      using T = DataValidation::Type;
      using C = DataValidation::Criteria;
      switch (v.type) {
        case T::Any: d.validate = LXW_VALIDATION_TYPE_ANY; break;
        case T::List:
          d.validate = LXW_VALIDATION_TYPE_LIST;
          for (const auto& s : v.list) list.push_back(s.c_str());
          list.push_back(nullptr);
          d.value_list = const_cast<char**>(list.data());
          break;
        case T::ListFormula:
          // libxlsxwriter 1.1.4 leaks its copy of a LIST_FORMULA validation's formula (LeakSanitizer
          // fails the test); a CUSTOM_FORMULA one is stored the same way without the leak, so it is
          // added as that and made a list below, as vnplan's own code did while it used libxlsxwriter.
          d.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
          d.value_formula = const_cast<char*>(v.formula.c_str());
          break;
        case T::Custom:
          d.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
          d.value_formula = const_cast<char*>(v.formula.c_str());
          break;
        case T::Date:
          d.validate = LXW_VALIDATION_TYPE_DATE;
          d.minimum_datetime = {v.minimum.year, v.minimum.month, v.minimum.day, 0, 0, 0};
          d.maximum_datetime = {v.maximum.year, v.maximum.month, v.maximum.day, 0, 0, 0};
          d.value_datetime = v.criteria == C::LessThanOrEqual ? d.maximum_datetime : d.minimum_datetime;
          break;
        case T::Decimal:
          d.validate = LXW_VALIDATION_TYPE_DECIMAL;
          d.value_number = v.value;
          break;
        case T::Length:
          d.validate = LXW_VALIDATION_TYPE_LENGTH;
          d.value_number = v.value;
          break;
      }
      switch (v.criteria) {
        case C::None: break;
        case C::Between: d.criteria = LXW_VALIDATION_CRITERIA_BETWEEN; break;
        case C::GreaterThanOrEqual: d.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO; break;
        case C::LessThanOrEqual: d.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO; break;
      }
      switch (v.errorType) {
        case DataValidation::ErrorType::Stop: d.error_type = LXW_VALIDATION_ERROR_TYPE_STOP; break;
        case DataValidation::ErrorType::Warning: d.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING; break;
        case DataValidation::ErrorType::Information: d.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION; break;
      }
      d.show_input = v.showInput ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF;
      auto text = [](const std::string& s) { return s.empty() ? nullptr : const_cast<char*>(s.c_str()); };
      d.input_title = text(v.inputTitle);
      d.input_message = text(v.inputMessage);
      d.error_title = text(v.errorTitle);
      d.error_message = text(v.errorMessage);
      ASSERT_EQ(worksheet_data_validation_range(lx, r1, c1, r2, c2, &d), LXW_NO_ERROR);
      if (v.type == T::ListFormula) {
        lxw_data_val_obj* last = nullptr;
        lxw_data_val_obj* dv;
        STAILQ_FOREACH(dv, lx->data_validations, list_pointers) last = dv;
        ASSERT_NE(last, nullptr);
        last->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      }
      own->dataValidation(r1, c1, r2, c2, v);
    }
    void conditional(int r1, int c1, int r2, int c2, const std::string& value, const TwinFormat& f) {
      lxw_conditional_format cf{};
      cf.type = LXW_CONDITIONAL_TYPE_CELL;
      cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      cf.value_string = const_cast<char*>(value.c_str());
      cf.format = f.lx;
      ASSERT_EQ(worksheet_conditional_format_range(lx, r1, c1, r2, c2, &cf), LXW_NO_ERROR);
      own->conditionalFormat(r1, c1, r2, c2, value, f.own);
    }
    void protect(bool formatColumns, bool formatRows) {
      lxw_protection p{};
      p.format_columns = formatColumns;
      p.format_rows = formatRows;
      worksheet_protect(lx, nullptr, &p);
      own->protect(Protection{formatColumns, formatRows});
    }
    void hide() {
      worksheet_hide(lx);
      own->hide();
    }
    // vnplan's print setup of a table sheet (sheet_writer.cpp).
    void printLikeVnplan(int headerRow, int lastRow, int lastCol) {
      worksheet_set_paper(lx, 9);
      worksheet_set_landscape(lx);
      worksheet_fit_to_pages(lx, 1, 0);
      const double m = 15 / 25.4;
      worksheet_set_margins(lx, m, m, m, m);
      worksheet_center_horizontally(lx);
      worksheet_repeat_rows(lx, headerRow, headerRow);
      worksheet_print_area(lx, 0, 0, lastRow, lastCol);
      lxw_header_footer_options hf{};
      hf.margin = 7 / 25.4;
      worksheet_set_footer_opt(lx, "&C&\"Times New Roman,Regular\"&11&P/&N", &hf);
      own->setPaper(9);
      own->setLandscape();
      own->fitToPages(1, 0);
      own->setMargins(m, m, m, m);
      own->centerHorizontally();
      own->repeatRows(headerRow, headerRow);
      own->printArea(0, 0, lastRow, lastCol);
      own->setFooter("&C&\"Times New Roman,Regular\"&11&P/&N", 7 / 25.4);
    }
    void rowBreaks(const std::vector<int>& rows) {
      std::vector<lxw_row_t> b(rows.begin(), rows.end());
      b.push_back(0);
      ASSERT_EQ(worksheet_set_h_pagebreaks(lx, b.data()), LXW_NO_ERROR);
      own->setRowBreaks(rows);
    }
  };

  Twin() : dir_("ooxml_sheet"), path_((dir_.path / "lx.xlsx").string()), lx_(workbook_new(path_.c_str())) {}
  ~Twin() {
    if (lx_) workbook_close(lx_);
  }

  Sheet sheet(const std::string& name) {
    return Sheet{this, workbook_add_worksheet(lx_, name.c_str()), &own_.addWorksheet(name)};
  }
  // A format of its own: a distinct font colour (and whatever `setup` adds to both).
  const TwinFormat* format(bool bold = false, bool unlocked = false) {
    const std::uint32_t colour = 0x102030 + 0x010101 * static_cast<std::uint32_t>(formats_.size());
    TwinFormat f{workbook_add_format(lx_), own_.addFormat()};
    format_set_font_color(f.lx, colour);
    f.own->fontColor = colour;
    if (bold) {
      format_set_bold(f.lx);
      f.own->bold = true;
    }
    if (unlocked) {
      format_set_unlocked(f.lx);
      f.own->locked = false;
    }
    formats_.push_back(std::make_unique<TwinFormat>(f));
    return formats_.back().get();
  }
  // A chart on `s` in libxlsxwriter (the model's sheet only needs the drawing's rId).
  void chartOn(Sheet& s, int row, int col) {
    lxw_chart* c = workbook_add_chart(lx_, LXW_CHART_COLUMN_STACKED);
    chart_add_series(c, nullptr, ("='" + s.own->name() + "'!$B$1:$B$3").c_str());
    ASSERT_EQ(worksheet_insert_chart(s.lx, row, col, c), LXW_NO_ERROR);
  }

  const Workbook& own() const { return own_; }

  // libxlsxwriter's sheetN.xml (1-based), after closing its workbook.
  std::string theirs(int n) {
    if (lx_) {
      EXPECT_EQ(workbook_close(lx_), LXW_NO_ERROR);
      lx_ = nullptr;
      bytes_ = testing_support::readAll(path_);
      EXPECT_EQ(zip_.open(bytes_, 1000), ZipOpenStatus::Ok);
    }
    const ZipEntry* e = zip_.find("xl/worksheets/sheet" + std::to_string(n) + ".xml");
    if (!e) return "(no part)";
    std::string out;
    EXPECT_EQ(zip_.readAll(*e, ZipCaps{}, out), ZipReadStatus::Ok);
    return out;
  }
  std::string ours(int n, SheetRelIds rels = {}) {
    const TestStyles styles(own_);
    return worksheetXml(own_, *own_.worksheets().at(static_cast<std::size_t>(n - 1)), styles, rels);
  }

 private:
  TempDir dir_;
  std::string path_;
  lxw_workbook* lx_;
  Workbook own_;
  std::vector<std::unique_ptr<TwinFormat>> formats_;
  std::string bytes_;
  ZipContainer zip_;
};

// The appendix table as sheet_writer.cpp writes it: three merged heading rows, a thin
// spacer, a header row, group rows merged across the description columns, item rows; frozen
// header, autofilter, print setup. Long enough for several blocks of 16 rows with different
// used columns, the last columns only from row 40 on.
void appendixTable(Twin& t, Twin::Sheet& s, int ncols, int rows) {
  const TwinFormat* title = t.format(true);
  const TwinFormat* sub = t.format();
  const TwinFormat* header = t.format(true);
  const TwinFormat* group = t.format(true);
  const TwinFormat* body = t.format();
  const TwinFormat* dates = t.format();
  const double widths[] = {4, 36, 14.43, 8.43, 23, 10.71, 10.43, 7.71, 11.71, 13, 11.29, 5, 0.5, 255};
  for (int c = 0; c < ncols; ++c) s.column(c, c, widths[c % 14]);
  s.merge(0, 0, 0, 5, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", title);
  s.row(0, 18.75);
  s.merge(1, 0, 1, 5, "Phụ lục I: Danh mục nhiệm vụ <năm 2026> & \"kế hoạch\"", sub);
  s.row(1, 20);
  s.merge(2, 0, 2, 5, "(Kèm theo Kế hoạch số 12/KH-UBND)", sub);
  s.row(2, 18.75);
  s.row(3, 8);
  for (int c = 0; c < ncols; ++c) s.string(4, c, "Cột " + std::to_string(c + 1), header);
  s.row(4, 34.25);
  int r = 5;
  for (int i = 0; i < rows; ++i, ++r) {
    if (i % 9 == 0) {
      s.string(r, 0, std::to_string(i / 9 + 1), group);
      s.merge(r, 1, r, 5, "Nhóm " + std::to_string(i / 9 + 1), group);
      s.row(r, 18.75);
      continue;
    }
    s.string(r, 0, std::to_string(i), body);
    s.string(r, 1, "Nhiệm vụ số " + std::to_string(i) + " — triển khai", body);
    s.string(r, 2, i % 2 ? "UBND xã" : "Văn phòng", body);
    if (i % 4 == 0) s.date(r, 3, Date{2026, 1 + i % 12, 1 + i % 28}, dates);
    else s.blank(r, 3, body);
    s.number(r, 4, i * 1.5, body);
    for (int c = 5; c < ncols; ++c) {
      if (r < 40 && c >= ncols - 2) continue;  // the last columns used only further down
      if ((i + c) % 3 == 0) s.blank(r, c, body);
      else s.string(r, c, "k" + std::to_string((i * c) % 7), body);
    }
    s.row(r, i % 5 == 0 ? 50 : 34.25);
  }
  s.freeze(5, 0);
  s.autofilter(4, 0, r - 1, ncols - 1);
  s.printLikeVnplan(4, r - 1, ncols - 1);
}

TEST(OoxmlSheet, AppendixSheetsAsLibxlsxwriter) {
  Twin t;
  Twin::Sheet a = t.sheet("Phụ lục I");
  appendixTable(t, a, 11, 60);
  Twin::Sheet b = t.sheet("Phụ lục II");
  appendixTable(t, b, 14, 30);
  const std::string first = t.ours(1);
  EXPECT_EQ(first, t.theirs(1));
  EXPECT_EQ(t.ours(2), t.theirs(2));
  // What the reference workbooks hold, named here so a change shows what it broke.
  EXPECT_NE(first.find("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:K65\"/>"
                       "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"5\" "
                       "topLeftCell=\"A6\" activePane=\"bottomLeft\" state=\"frozen\"/><selection "
                       "pane=\"bottomLeft\"/></sheetView></sheetViews>"),
            std::string::npos);
  EXPECT_NE(first.find("<col min=\"1\" max=\"1\" width=\"4.7109375\" customWidth=\"1\"/>"
                       "<col min=\"2\" max=\"2\" width=\"36.7109375\" customWidth=\"1\"/>"),
            std::string::npos);
  EXPECT_NE(first.find("<col min=\"4\" max=\"4\" width=\"9.140625\"/>"), std::string::npos);
  EXPECT_NE(first.find("<row r=\"4\" ht=\"8\" customHeight=\"1\"/>"), std::string::npos);
  EXPECT_NE(first.find("<pageMargins left=\"0.5905511811023623\" right=\"0.5905511811023623\" top=\"0.5905511811023623\" "
                       "bottom=\"0.5905511811023623\" header=\"0.3\" footer=\"0.2755905511811024\"/><pageSetup "
                       "paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/><headerFooter><oddFooter>&amp;C&amp;"
                       "\"Times New Roman,Regular\"&amp;11&amp;P/&amp;N</oddFooter></headerFooter></worksheet>"),
            std::string::npos);
}

// The collection form (collect_workbook.cpp): a protected sheet with unlocked fill cells,
// validations of every kind it uses, notes on cells (the feedback form).
TEST(OoxmlSheet, CollectionFormAsLibxlsxwriter) {
  Twin t;
  Twin::Sheet intro = t.sheet("Hướng dẫn");
  intro.column(0, 0, 90);
  intro.string(0, 0, "Điền các cột màu vàng.", t.format(true));
  intro.protect(true, true);
  Twin::Sheet s = t.sheet("Nhiệm vụ");
  const TwinFormat* locked = t.format();
  const TwinFormat* fill = t.format(false, true);
  const TwinFormat* wrong = t.format(false, true);
  for (int c = 0; c < 10; ++c) s.column(c, c, 6.71 + c * 2);
  s.merge(0, 0, 0, 9, "BIỂU THU THẬP", locked);
  s.row(3, 8);
  for (int c = 0; c < 10; ++c) s.string(4, c, "H" + std::to_string(c), locked);
  for (int r = 5; r < 25; ++r) {
    for (int c = 0; c < 4; ++c) s.string(r, c, "m" + std::to_string(r * c), locked);
    for (int c = 4; c < 10; ++c) {
      if (r == 7 && c == 4) {
        s.string(r, c, "Xong rồi", wrong);
        s.comment(r, c, "tình trạng \"Xong rồi\" không hợp lệ");
      } else {
        s.blank(r, c, fill);
      }
    }
    s.row(r, 34.25);
  }
  s.comment(6, 1, "ô mô tả đã bị sửa");

  DataValidation status;
  status.type = DataValidation::Type::List;
  status.list = {"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Dừng/điều chỉnh"};
  status.inputTitle = "Tình trạng";
  status.inputMessage = "Chọn trong danh sách: Hoàn thành, Đang thực hiện.";
  status.errorTitle = "Tình trạng không hợp lệ";
  status.errorMessage = "Chọn một tình trạng trong danh sách.";
  s.validation(5, 4, 24, 4, status);
  DataValidation date;
  date.type = DataValidation::Type::Date;
  date.criteria = DataValidation::Criteria::Between;
  date.minimum = {2000, 1, 1};
  date.maximum = {2100, 12, 31};
  date.inputTitle = "Ngày hoàn thành";
  date.inputMessage = "Nhập ngày dạng dd/mm/yyyy,\nví dụ 15/03/2026.";
  date.errorTitle = "Ngày không hợp lệ";
  date.errorMessage = "Nhập ngày dạng dd/mm/yyyy.";
  s.validation(5, 5, 24, 5, date);
  DataValidation any;
  any.inputTitle = "Kết quả";
  any.inputMessage = "Nhập số (dấu phẩy thập phân, ví dụ 85 hoặc 12,5) hoặc nhận xét.";
  s.validation(5, 6, 24, 6, any);
  for (int r = 6; r < 9; ++r) {
    DataValidation number = any;
    number.type = DataValidation::Type::Decimal;
    number.criteria = DataValidation::Criteria::GreaterThanOrEqual;
    number.value = 0;
    number.errorType = DataValidation::ErrorType::Warning;
    number.errorTitle = "Cần nhập số";
    number.errorMessage = "Chỉ tiêu tính bằng %: nhập số, ví dụ 85 hoặc 12,5 (không ghi dấu %).";
    s.validation(r, 6, r, 6, number);
  }
  DataValidation text;
  text.type = DataValidation::Type::Length;
  text.criteria = DataValidation::Criteria::LessThanOrEqual;
  text.value = 4000;
  text.inputTitle = "Văn bản";
  text.inputMessage = "Số, ký hiệu, ngày văn bản; mỗi văn bản một dòng (Alt+Enter).";
  text.errorTitle = "Nội dung quá dài";
  text.errorMessage = "Tối đa 4000 ký tự trong một ô.";
  s.validation(5, 7, 24, 9, text);
  s.freeze(5, 0);
  s.printLikeVnplan(4, 24, 9);
  s.protect(true, true);

  EXPECT_EQ(t.ours(1), t.theirs(1));
  const std::string form = t.ours(2, SheetRelIds{"", "rId1"});
  EXPECT_EQ(form, t.theirs(2));
  EXPECT_NE(form.find("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"),
            std::string::npos);
  EXPECT_NE(form.find("<formula1>\"Hoàn thành,Đang thực hiện,Chưa thực hiện,Dừng/điều chỉnh\"</formula1>"),
            std::string::npos);
  EXPECT_NE(form.find("<formula1>36526</formula1><formula2>73415</formula2>"), std::string::npos);
  EXPECT_NE(form.find("prompt=\"Nhập ngày dạng dd/mm/yyyy,&#xA;ví dụ 15/03/2026.\""), std::string::npos);
  EXPECT_NE(form.find("<legacyDrawing r:id=\"rId1\"/></worksheet>"), std::string::npos);
}

// The report's sheets (report_sheets.cpp): a summary with a chart after a page break,
// hidden machine columns, status lists from a hidden sheet, status colours, formulas.
TEST(OoxmlSheet, ReportSheetsAsLibxlsxwriter) {
  Twin t;
  Twin::Sheet sum = t.sheet("Tổng hợp");
  const TwinFormat* h = t.format(true);
  const TwinFormat* n = t.format();
  const TwinFormat* pct = t.format();
  sum.column(0, 0, 5);
  sum.column(1, 1, 40);
  sum.column(2, 2, 11);
  sum.column(3, 3, 22.71, nullptr, true);
  sum.column(4, 14, 9);
  sum.merge(0, 0, 0, 14, "BÁO CÁO", h);
  sum.row(0, 18.75);
  for (int r = 5; r < 25; ++r) {
    sum.string(r, 1, "Chỉ số " + std::to_string(r), n);
    if (r % 3 == 0) sum.formula(r, 2, "=IFERROR(C6/C7,0)", 0.4285714285714286, pct);
    else sum.number(r, 2, r * 7, n);
    sum.string(r, 3, "tasks.k" + std::to_string(r));
  }
  sum.formula(25, 2, "IF(C6>0,\"Có\",\"\")", "Có", n);
  sum.formula(26, 2, "IF(C6>0,\"Có\",\"\")", "", n);
  sum.rowBreaks({38});
  t.chartOn(sum, 38, 1);
  sum.printLikeVnplan(4, 60, 14);

  Twin::Sheet tasks = t.sheet("Nhiệm vụ");
  const TwinFormat* body = t.format();
  const TwinFormat* red = t.format();
  const TwinFormat* green = t.format();
  for (int c = 0; c < 15; ++c) tasks.column(c, c, 4 + c * 2.3, nullptr, c >= 9);
  for (int r = 4; r < 67; ++r)
    for (int c = 0; c < 15; ++c) tasks.string(r, c, "t" + std::to_string((r * 31 + c) % 97), body);
  DataValidation v;
  v.type = DataValidation::Type::ListFormula;
  v.formula = "=_meta!$L$2:$L$10";
  v.errorTitle = "Tình trạng";
  v.errorMessage = "Chọn một tình trạng trong danh sách.";
  tasks.validation(6, 4, 13, 4, v);
  tasks.validation(15, 4, 17, 4, v);
  tasks.validation(66, 4, 66, 4, v);
  tasks.conditional(5, 4, 66, 4, "\"Quá hạn\"", *red);
  tasks.conditional(5, 4, 66, 4, "\"Hoàn thành đúng hạn\"", *green);
  tasks.conditional(1, 1, 1, 1, "\"a & <b>\"", *red);
  tasks.conditional(5, 4, 66, 4, "\"Hoàn thành chậm\"", *green);
  tasks.conditional(9, 1, 9, 1, "5", *green);
  tasks.freeze(5, 0);
  tasks.autofilter(4, 0, 66, 14);
  tasks.printLikeVnplan(4, 66, 8);

  Twin::Sheet meta = t.sheet("_meta");
  meta.column(0, 0, 26);
  meta.column(1, 1, 48);
  meta.column(3, 9, 16);
  for (int r = 0; r < 40; ++r) {
    meta.string(r, 0, "k" + std::to_string(r));
    if (r < 33) meta.string(r, 3, "v" + std::to_string(r));
    meta.number(r, 1, r * 1.25);
  }
  meta.hide();

  const std::string first = t.ours(1, SheetRelIds{"rId1", ""});
  EXPECT_EQ(first, t.theirs(1));
  EXPECT_NE(first.find("<rowBreaks count=\"1\" manualBreakCount=\"1\"><brk id=\"38\" max=\"16383\" man=\"1\"/></rowBreaks>"
                       "<drawing r:id=\"rId1\"/></worksheet>"),
            std::string::npos);
  const std::string second = t.ours(2);
  EXPECT_EQ(second, t.theirs(2));
  EXPECT_NE(second.find("<conditionalFormatting sqref=\"B10\"><cfRule type=\"cellIs\" dxfId=\"1\" priority=\"5\" "
                        "operator=\"equal\"><formula>5</formula></cfRule></conditionalFormatting>"
                        "<conditionalFormatting sqref=\"B2\">"),
            std::string::npos);
  EXPECT_EQ(t.ours(3), t.theirs(3));
}

// Edge cases, one sheet each.
TEST(OoxmlSheet, EdgeCasesAsLibxlsxwriter) {
  Twin t;
  const TwinFormat* f = t.format();
  const TwinFormat* g = t.format(true);
  const TwinFormat* k = t.format(false, true);
  std::vector<Twin::Sheet> s;
  auto next = [&](const std::string& name) -> Twin::Sheet& { return s.emplace_back(t.sheet(name)); };

  // A hidden first sheet is still the selected one; nothing written: "A1", <sheetData/>.
  next("empty").hide();
  // Rows with only heights; then a cell right of column A: column A stays in the range
  // since the first row height came before any cell.
  {
    auto& x = next("heights first");
    x.row(4, 20);
    x.row(7, 15);
    x.row(9, 0);
    x.number(12, 3, 1);
  }
  // The same the other way round: the cell first, the range starts at D.
  {
    auto& x = next("cell first");
    x.number(12, 3, 1);
    x.row(4, 20);
  }
  // Column ranges: formatted ones count in the used range; a hidden one of the default width;
  // a replaced first column; a reversed range; widths below 1 and the maximum.
  {
    auto& x = next("columns");
    x.column(2, 3, 12, f);
    x.column(2, 2, 14);
    x.column(5, 3, 9, g);
    x.column(10, 12, 9, g);
    x.column(11, 11, 3);
    x.column(14, 14, 8.43, nullptr, true);
    x.column(15, 15, 0);
    x.column(16, 16, 0.5);
    x.column(17, 18, 255, nullptr, true);
    x.column(19, 19, 8.43);
  }
  // Cells without a format take the row's, else the column's.
  {
    auto& x = next("fallback formats");
    x.column(1, 4, 10, f);
    x.column(3, 3, 10);
    x.number(0, 1, 1);
    x.number(0, 3, 2);
    x.row(1, 15, g);
    x.number(1, 1, 3);
    x.number(1, 2, 4, k);
    x.string(1, 5, "x");
    x.row(2, 30, g, true);
    x.row(3, 0, f);
  }
  // Notes outside cells: rows of their own, and the spans of their blocks.
  {
    auto& x = next("notes");
    x.number(2, 1, 5);
    x.comment(2, 1, "on a value");
    x.comment(2, 7, "right of it");
    x.comment(4, 0, "alone");
    x.row(4, 30);
    x.comment(20, 9, "next block");
    x.number(21, 2, 5);
    x.comment(22, 0, "before its value");
    x.number(22, 0, 7);
    x.comment(100, 3, "a block of its own");
  }
  // Numbers, texts, formulas, blanks, empty texts, escaping.
  {
    auto& x = next("values");
    const double values[] = {-0.0, 1e-7, 123456789, 0.1, 2.0 / 3, 1e15, 1e16, 1e20, -1e15, 0.1 + 0.2,
                             123456789012345678.0, -42, 3.5, 999999999999999.0, 1e300, -2.5e-300};
    for (int i = 0; i < 16; ++i) x.number(i / 4, i % 4, values[i]);
    x.string(5, 0, "a & b < c > d \"e\" 'f'", f);
    x.string(5, 1, "");        // no value: nothing
    x.string(5, 2, "", g);     // a blank with a format
    x.blank(5, 3, nullptr);    // nothing
    x.formula(6, 0, "=SUM(A1:A4)", 12.5, f);
    x.formula(6, 1, "IF(A1>\"x\",\"a&b\",\"\")", std::string("a<b&\""));
    x.date(6, 2, Date{2026, 3, 15}, g);
    x.merge(8, 1, 9, 3, "merged without format", nullptr);
    // Numbers of every size and sign, and fractional row heights, as printf's %.16G.
    std::mt19937_64 random(20261127);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int i = 0; i < 600; ++i) {
      double v = unit(random) * std::pow(10.0, static_cast<int>(random() % 60) - 30);
      if (i % 3 == 0) v = std::round(v * 1e4) / 1e4;
      x.number(12 + i / 8, i % 8, i % 2 ? -v : v);
      if (i % 8 == 0) x.row(12 + i / 8, 1 + unit(random) * 100);
    }
  }
  // Panes frozen at a column only, both, and at A1.
  next("freeze col").freeze(0, 2);
  next("freeze both").freeze(3, 2);
  next("freeze none").freeze(0, 0);
  // Validations: Any without any message is left out; information errors; no input message;
  // a list with characters to escape; a date bound; a custom formula.
  {
    auto& x = next("validations");
    DataValidation none;
    x.validation(0, 0, 0, 0, none);
    DataValidation onlyError;
    onlyError.errorTitle = "lỗi";
    x.validation(1, 0, 1, 0, onlyError);
    DataValidation info;
    info.type = DataValidation::Type::ListFormula;
    info.formula = "$A$1:$A$3";
    info.errorType = DataValidation::ErrorType::Information;
    info.showInput = false;
    info.inputTitle = "x<y";
    info.errorMessage = "e&f";
    x.validation(2, 0, 3, 1, info);
    DataValidation list;
    list.type = DataValidation::Type::List;
    list.list = {"a&b", "c\"d", "Đạt", "<x>"};
    x.validation(4, 0, 100, 3, list);
    DataValidation after;
    after.type = DataValidation::Type::Date;
    after.criteria = DataValidation::Criteria::GreaterThanOrEqual;
    after.minimum = {2026, 1, 1};
    x.validation(5, 5, 5, 5, after);
    DataValidation before = after;
    before.criteria = DataValidation::Criteria::LessThanOrEqual;
    before.maximum = {1900, 2, 27};
    x.validation(6, 5, 6, 5, before);
    DataValidation custom;
    custom.type = DataValidation::Type::Custom;
    custom.formula = "=AND(A1>2,A1<>\"\")";
    custom.inputMessage = "chỉ lời nhắn";
    x.validation(7, 5, 7, 5, custom);
    DataValidation decimal;
    decimal.type = DataValidation::Type::Decimal;
    decimal.criteria = DataValidation::Criteria::LessThanOrEqual;
    decimal.value = 0.1 + 0.2;
    x.validation(8, 5, 8, 5, decimal);
  }
  // Print setups: paper only, landscape only, a fit of 2 x 3, negative margins (kept at
  // the defaults), a footer of the default margin, breaks in the order given.
  {
    auto& x = next("paper");
    worksheet_set_paper(x.lx, 9);
    x.own->setPaper(9);
  }
  {
    auto& x = next("landscape");
    worksheet_set_landscape(x.lx);
    x.own->setLandscape();
  }
  {
    auto& x = next("fit");
    worksheet_fit_to_pages(x.lx, 2, 3);
    x.own->fitToPages(2, 3);
    worksheet_set_margins(x.lx, 0.1, -1, 1.0 / 3, -0.5);
    x.own->setMargins(0.1, -1, 1.0 / 3, -0.5);
    worksheet_set_footer(x.lx, "&CTrang &P <của> &N");
    x.own->setFooter("&CTrang &P <của> &N", 0.3);
    x.rowBreaks({40, 10, 10, 5});
  }
  {
    auto& x = next("fit one");
    worksheet_fit_to_pages(x.lx, 1, 1);
    x.own->fitToPages(1, 1);
    x.protect(false, true);
    x.autofilter(3, 1, 3, 1);
  }

  for (std::size_t i = 0; i < s.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    const SheetRelIds rels = s[i].own->comments().empty() ? SheetRelIds{} : SheetRelIds{"", "rId1"};
    EXPECT_EQ(t.ours(n, rels), t.theirs(n)) << s[i].own->name();
  }
  // The two orders give two used ranges.
  EXPECT_NE(t.ours(2).find("<dimension ref=\"A5:D13\"/>"), std::string::npos);
  EXPECT_NE(t.ours(3).find("<dimension ref=\"D5:D13\"/>"), std::string::npos);
}

// libxlsxwriter numbers style records in the order its sheet writer meets the formats (sheet
// by sheet, columns, then rows), not in the order of the calls.
TEST(OoxmlSheet, FormatsInSheetOrder) {
  Workbook wb;
  Worksheet& a = wb.addWorksheet("a");
  Worksheet& b = wb.addWorksheet("b");
  Format* f = wb.addFormat();
  Format* g = wb.addFormat();
  Format* h = wb.addFormat();
  Format* unused = wb.addFormat();
  Format* replaced = wb.addFormat();
  b.writeNumber(0, 0, 1, h);
  a.writeNumber(1, 1, 1, f);
  a.writeNumber(0, 0, 1, g);
  a.setColumn(5, 6, 10, replaced);
  a.setColumn(5, 5, 10, nullptr);
  a.setRow(3, 20, f);
  a.writeBlank(2, 0, &wb.defaultFormat());
  const auto order = formatsInSheetOrder(wb);
  EXPECT_EQ(order, (std::vector<const Format*>{g, f, h}));
  EXPECT_EQ(std::count(order.begin(), order.end(), unused), 0);
}

}  // namespace
}  // namespace vnplan::ooxml
