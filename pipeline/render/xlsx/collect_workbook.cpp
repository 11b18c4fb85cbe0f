#include "render/xlsx/collect_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>

#include "compute/document_refs.hpp"
#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/meta_sheet.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/text_metrics.hpp"
#include "render/xlsx/workbook_file.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan {

namespace {

using namespace xlsx;

constexpr double kInch = 25.4;
constexpr const char* kProblemSheet = "Lỗi cần sửa";

// Formats of the collection sheets beyond the appendix ones: unlocked fill cells (text and
// dates), a locked grey cell where nothing is to be filled, and a marked problem cell.
struct FillFormats {
  lxw_format* text;
  lxw_format* textCenter;
  lxw_format* date;
  lxw_format* number;
  lxw_format* problem;
  lxw_format* problemDate;
  lxw_format* problemLocked;
  lxw_format* groupFill;
  lxw_format* guideTitle;
  lxw_format* guideText;
  lxw_format* guideBold;
};

lxw_format* baseFormat(lxw_workbook* wb, bool border) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, kFontName);
  format_set_font_size(f, kBodySize);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

FillFormats makeFillFormats(lxw_workbook* wb) {
  FillFormats f{};
  auto unlocked = [&](bool center, const char* numFormat, unsigned bg) {
    lxw_format* x = baseFormat(wb, true);
    format_set_unlocked(x);
    if (center) format_set_align(x, LXW_ALIGN_CENTER);
    if (numFormat) format_set_num_format(x, numFormat);
    format_set_bg_color(x, bg);
    return x;
  };
  constexpr unsigned kFillBg = 0xFFF9E5;     // pale yellow: "write here"
  constexpr unsigned kProblemBg = 0xF4B6B6;  // pale red: "fix this"
  f.text = unlocked(false, nullptr, kFillBg);
  f.textCenter = unlocked(true, nullptr, kFillBg);
  f.date = unlocked(true, "dd/mm/yyyy", kFillBg);
  f.number = unlocked(true, "#,##0.##", kFillBg);
  f.problem = unlocked(false, nullptr, kProblemBg);
  f.problemDate = unlocked(true, "dd/mm/yyyy", kProblemBg);
  f.problemLocked = baseFormat(wb, true);
  format_set_bg_color(f.problemLocked, kProblemBg);
  f.groupFill = baseFormat(wb, true);
  format_set_bold(f.groupFill);
  format_set_bg_color(f.groupFill, 0xE7E6E6);
  f.guideTitle = baseFormat(wb, false);
  format_set_bold(f.guideTitle);
  format_set_font_size(f.guideTitle, kTitleSize);
  format_set_align(f.guideTitle, LXW_ALIGN_CENTER);
  f.guideText = baseFormat(wb, false);
  format_set_align(f.guideText, LXW_ALIGN_VERTICAL_TOP);
  f.guideBold = baseFormat(wb, false);
  format_set_bold(f.guideBold);
  return f;
}

void printSetup(lxw_worksheet* ws, int lastRow, int lastCol, int repeatRow) {
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
  worksheet_center_horizontally(ws);
  if (repeatRow >= 0) check(worksheet_repeat_rows(ws, repeatRow, repeatRow), "print titles");
  check(worksheet_print_area(ws, 0, 0, std::max(lastRow, 0), std::max(lastCol, 0)), "print area");
  lxw_header_footer_options hf{};
  hf.margin = 7 / kInch;
  check(worksheet_set_footer_opt(ws, "&C&\"Times New Roman,Regular\"&11&P/&N", &hf), "page footer");
}

// Protection: locked cells cannot change; columns and rows may still be resized.
void protect(lxw_worksheet* ws) {
  lxw_protection p{};
  p.format_columns = 1;
  p.format_rows = 1;
  worksheet_protect(ws, nullptr, &p);
}

// The input message of a fill column: Excel limits the title to 32 and the text to 255
// characters.
void setPrompt(lxw_data_validation& dv, const FormColumn& c) {
  dv.show_input = LXW_VALIDATION_ON;
  dv.input_title = const_cast<char*>(c.promptTitle.c_str());
  dv.input_message = const_cast<char*>(c.prompt.c_str());
}

class CollectWriter {
 public:
  CollectWriter(const CollectWorkbookInput& in, lxw_workbook* wb) : in_(in), form_(*in.form), wb_(wb), fmt_(wb),
                                                                     fill_(makeFillFormats(wb)) {}

  lxw_worksheet* addSheet(const std::string& name) {
    checkedText(name, "sheet name", 31);
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error("cannot add sheet '" + name + "'");
    return ws;
  }

  std::string unitLine() const {
    const FormUnit& u = form_.unit;
    std::string who = u.kind == FormKind::Plan ? form_.plan->document.issuer.shortName
                                               : u.name + (u.code.empty() ? "" : " (mã " + u.code + ")");
    return "Đơn vị báo cáo: " + who + " — Kỳ báo cáo: " + form_.period.label(Lang::Vi);
  }

  void writeGuide(lxw_worksheet* ws) {
    check(worksheet_set_column(ws, 0, 0, 110, nullptr), "guide");
    std::vector<std::pair<std::string, lxw_format*>> lines;
    const DataRange range = dataRange(form_.period);
    lines.push_back({"HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO", fill_.guideTitle});
    lines.push_back({form_.plan->document.title, fill_.guideBold});
    lines.push_back({unitLine(), fill_.guideBold});
    lines.push_back({"Số liệu tính từ ngày " + formatDateVi(range.first) + " đến ngày " + formatDateVi(range.last) +
                         (in_.hasDue ? "; gửi biểu mẫu trước ngày " + formatDateVi(in_.due) + "." : "."),
                     fill_.guideText});
    lines.push_back({"", fill_.guideText});
    const std::vector<std::string> steps = {
        "1. Chỉ điền vào các ô nền vàng. Các ô mô tả (số thứ tự, tên nhiệm vụ, chỉ tiêu, thời hạn) đã được khóa; "
        "không sửa, không thêm, không xóa dòng, không đổi tên hoặc xóa trang tính.",
        "2. Trang \"Nhiệm vụ\": chọn Tình trạng trong danh sách (Hoàn thành, Đang thực hiện, Chưa thực hiện, "
        "Dừng/điều chỉnh). Nhiệm vụ Hoàn thành có thời hạn cụ thể phải ghi Ngày hoàn thành; nhiệm vụ "
        "Dừng/điều chỉnh phải ghi Lý do.",
        "3. Ngày nhập dạng dd/mm/yyyy (ví dụ 15/03/" + std::to_string(form_.period.year) +
            "). Văn bản: mỗi văn bản một dòng (Alt+Enter trong ô).",
        "4. Trang \"Chỉ tiêu\": ghi Kết quả đạt được bằng số (dấu phẩy thập phân, ví dụ 85 hoặc 12,5; chỉ tiêu "
        "tính bằng % chỉ ghi số) hoặc nhận xét (Đạt, Chưa đạt). Để trống nếu chưa có số liệu.",
        "5. Không nhập công thức; chỉ nhập giá trị. Lưu tệp dạng Excel (.xlsx) và gửi lại nguyên tệp; tên tệp "
        "có thể đổi tùy ý, đơn vị được nhận diện theo nội dung tệp.",
        "6. Tệp có lỗi sẽ được trả lại kèm trang \"" + std::string(kProblemSheet) +
            "\" ghi rõ vị trí và nội dung lỗi; sửa và gửi lại. Lần gửi sau thay thế lần gửi trước.",
    };
    for (const auto& s : steps) lines.push_back({s, fill_.guideText});
    int row = 0;
    for (const auto& [text, f] : lines) {
      check(worksheet_write_string(ws, row, 0, checkedText(text, CellRef{kCollectSheetGuide, row, 0}), f), "guide");
      const FontMetrics m{f == fill_.guideTitle ? kTitleSize : kBodySize, f != fill_.guideText};
      check(worksheet_set_row(ws, row, rowHeightPoints(wrappedLines(text, 108, m), m), nullptr), "guide");
      ++row;
    }
    printSetup(ws, row - 1, 0, -1);
    protect(ws);
  }

  const FilledCell* value(const std::string& table, int row, int col) const {
    auto it = in_.values.find({table, row, col});
    return it == in_.values.end() ? nullptr : &it->second;
  }

  const FormProblem* problem(const std::string& table, int row, int col) const {
    for (const auto& p : in_.problems)
      if (p.table == table && p.row == row && p.col == col) return &p;
    return nullptr;
  }

  void writeFillCell(lxw_worksheet* ws, const FormTable& t, int r, int c, int sheetRow) {
    const FormColumn& col = t.columns[c];
    const FilledCell* v = value(t.id, r, c);
    const FormProblem* p = problem(t.id, r, c);
    const bool isDate = col.input == FormInput::Date;
    lxw_format* f = p ? (isDate ? fill_.problemDate : fill_.problem)
                      : isDate ? fill_.date
                               : col.center ? fill_.textCenter
                                            : fill_.text;
    const CellRef at{t.sheetName, sheetRow, c};
    if (v && v->date) {
      lxw_datetime dt{v->date->year, v->date->month, v->date->day, 0, 0, 0.0};
      check(worksheet_write_datetime(ws, sheetRow, c, &dt, p ? fill_.problemDate : fill_.date), at);
    } else if (v && v->number) {
      check(worksheet_write_number(ws, sheetRow, c, *v->number, p ? fill_.problem : fill_.number), at);
    } else if (v && !v->text.empty()) {
      check(worksheet_write_string(ws, sheetRow, c, checkedText(v->text, at), f), at);
    } else {
      check(worksheet_write_blank(ws, sheetRow, c, f), at);
    }
    if (p) {
      lxw_comment_options o{};
      o.width = 300;
      o.height = 90;
      check(worksheet_write_comment_opt(ws, sheetRow, c, checkedText(p->message, at), &o), at);
    }
  }

  void writeValidations(lxw_worksheet* ws, const FormTable& t) {
    const int first = kFormFirstRow, last = kFormFirstRow + static_cast<int>(t.rows.size()) - 1;
    if (last < first) return;
    const std::vector<std::string> labels = formStatusLabels();
    std::vector<const char*> list;
    for (const auto& l : labels) list.push_back(l.c_str());
    list.push_back(nullptr);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const FormColumn& col = t.columns[c];
      if (col.input == FormInput::Locked) continue;
      lxw_data_validation dv{};
      setPrompt(dv, col);
      const int ci = static_cast<int>(c);
      switch (col.input) {
        case FormInput::Status:
          dv.validate = LXW_VALIDATION_TYPE_LIST;
          dv.value_list = const_cast<char**>(list.data());
          dv.error_title = const_cast<char*>("Tình trạng không hợp lệ");
          dv.error_message = const_cast<char*>("Chọn một tình trạng trong danh sách.");
          break;
        case FormInput::Date:
          dv.validate = LXW_VALIDATION_TYPE_DATE;
          dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
          dv.minimum_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
          dv.maximum_datetime = lxw_datetime{2100, 12, 31, 0, 0, 0};
          dv.error_title = const_cast<char*>("Ngày không hợp lệ");
          dv.error_message = const_cast<char*>("Nhập ngày dạng dd/mm/yyyy.");
          break;
        case FormInput::Value: {
          // Numbers only where the target is a number; a warning, since a bound ("≥ 30") or a
          // remark may still be right.
          dv.validate = LXW_VALIDATION_TYPE_ANY;
          check(worksheet_data_validation_range(ws, first, ci, last, ci, &dv), "data validation");
          for (std::size_t r = 0; r < t.rows.size(); ++r) {
            if (!t.rows[r].numericValue) continue;
            lxw_data_validation nv{};
            setPrompt(nv, col);
            nv.validate = LXW_VALIDATION_TYPE_DECIMAL;
            nv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            nv.value_number = 0;
            nv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            nv.error_title = const_cast<char*>("Cần nhập số");
            nv.error_message = const_cast<char*>(
                t.rows[r].percent ? "Chỉ tiêu tính bằng %: nhập số, ví dụ 85 hoặc 12,5 (không ghi dấu %)."
                                  : "Chỉ tiêu này cần một số, ví dụ 85 hoặc 12,5.");
            const int row = first + static_cast<int>(r);
            check(worksheet_data_validation_cell(ws, row, ci, &nv), "data validation");
          }
          continue;
        }
        case FormInput::Text:
          dv.validate = LXW_VALIDATION_TYPE_LENGTH;
          dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
          dv.value_number = 4000;
          dv.error_title = const_cast<char*>("Nội dung quá dài");
          dv.error_message = const_cast<char*>("Tối đa 4000 ký tự trong một ô.");
          break;
        case FormInput::Locked: break;
      }
      check(worksheet_data_validation_range(ws, first, ci, last, ci, &dv), "data validation");
    }
  }

  void writeTable(lxw_worksheet* ws, const FormTable& t) {
    const int ncols = static_cast<int>(t.columns.size());
    double totalWidth = 0;
    for (int c = 0; c < ncols; ++c) {
      check(worksheet_set_column(ws, c, c, t.columns[c].width, nullptr), "column");
      totalWidth += t.columns[c].width;
    }
    auto heading = [&](int row, const std::string& text, lxw_format* f, FontMetrics m) {
      check(worksheet_merge_range(ws, row, 0, row, ncols - 1, checkedText(text, CellRef{t.sheetName, row, 0}), f),
            CellRef{t.sheetName, row, 0});
      check(worksheet_set_row(ws, row, rowHeightPoints(wrappedLines(text, totalWidth, m), m), nullptr), "row");
    };
    heading(0, t.label, fmt_.label, FontMetrics{kBodySize, true});
    heading(1, t.title, fmt_.title, FontMetrics{kTitleSize, true});
    heading(2, unitLine(), fmt_.link, FontMetrics{kBodySize, false, true});
    check(worksheet_set_row(ws, 3, 8, nullptr), "spacer");
    int headerLines = 1;
    for (int c = 0; c < ncols; ++c) {
      const FormColumn& col = t.columns[c];
      check(worksheet_write_string(ws, kFormHeaderRow, c, checkedText(col.header, CellRef{t.sheetName, kFormHeaderRow, c}),
                                   col.input == FormInput::Locked ? fmt_.header : fmt_.machineHeader),
            CellRef{t.sheetName, kFormHeaderRow, c});
      headerLines = std::max(headerLines, wrappedLines(col.header, col.width, FontMetrics{kBodySize, true}));
    }
    check(worksheet_set_row(ws, kFormHeaderRow, rowHeightPoints(headerLines, FontMetrics{kBodySize, true}), nullptr), "row");

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const FormRow& fr = t.rows[r];
      const int row = kFormFirstRow + static_cast<int>(r);
      int lines = 1;
      const FontMetrics m{kBodySize, fr.group};
      for (int c = 0; c < ncols; ++c) {
        const FormColumn& col = t.columns[c];
        const CellRef at{t.sheetName, row, c};
        if (fr.group) {
          lxw_format* f = col.input == FormInput::Locked ? (c == 0 ? fmt_.groupNumber : fmt_.groupTitle) : fill_.groupFill;
          if (fr.cells[c].empty())
            check(worksheet_write_blank(ws, row, c, f), at);
          else
            check(worksheet_write_string(ws, row, c, checkedText(fr.cells[c], at), f), at);
          // The title may run over the locked description columns.
          if (c == 1) lines = std::max(lines, wrappedLines(fr.cells[c], t.columns[1].width + t.columns[2].width +
                                                                           t.columns[3].width, m));
          continue;
        }
        if (col.input == FormInput::Locked) {
          // A changed description is shown as it should be, marked, with a note.
          const FormProblem* p = problem(t.id, static_cast<int>(r), c);
          check(worksheet_write_string(ws, row, c, checkedText(fr.cells[c], at),
                                       p ? fill_.problemLocked : fmt_.body(col.center ? Align::Center : Align::Left)),
                at);
          if (p) {
            lxw_comment_options o{};
            o.width = 300;
            o.height = 90;
            check(worksheet_write_comment_opt(ws, row, c, checkedText(p->message, at), &o), at);
          }
          lines = std::max(lines, wrappedLines(fr.cells[c], col.width, m));
        } else {
          writeFillCell(ws, t, static_cast<int>(r), c, row);
          if (const FilledCell* v = value(t.id, static_cast<int>(r), c))
            lines = std::max(lines, wrappedLines(v->text, col.width, m));
        }
      }
      check(worksheet_set_row(ws, row, rowHeightPoints(std::max(lines, 2), m), nullptr), "row");
      if (fr.group && ncols > 4) {
        // Group title across the locked description columns (B:D), for reading only.
        const std::string& title = fr.cells[1];
        int lastLocked = 1;
        while (lastLocked + 1 < ncols && t.columns[lastLocked + 1].input == FormInput::Locked) ++lastLocked;
        if (lastLocked > 1)
          check(worksheet_merge_range(ws, row, 1, row, lastLocked, checkedText(title, CellRef{t.sheetName, row, 1}),
                                      fmt_.groupTitle),
                CellRef{t.sheetName, row, 1});
      }
    }
    writeValidations(ws, t);
    const int last = kFormFirstRow + static_cast<int>(t.rows.size()) - 1;
    worksheet_freeze_panes(ws, kFormFirstRow, 0);
    printSetup(ws, std::max(last, kFormHeaderRow), ncols - 1, kFormHeaderRow);
    protect(ws);
  }

  void writeProblems(lxw_worksheet* ws) {
    check(worksheet_set_column(ws, 0, 0, 6, nullptr), "problems");
    check(worksheet_set_column(ws, 1, 1, 22, nullptr), "problems");
    check(worksheet_set_column(ws, 2, 2, 90, nullptr), "problems");
    const std::string title = "CÁC LỖI CẦN SỬA TRƯỚC KHI GỬI LẠI";
    check(worksheet_merge_range(ws, 0, 0, 0, 2, title.c_str(), fmt_.title), "problems");
    const std::string sub = "Tệp đã gửi: " + in_.submittedFile + ". Các ô có lỗi được tô đỏ và có ghi chú.";
    check(worksheet_merge_range(ws, 1, 0, 1, 2, checkedText(sub, "problems"), fmt_.link), "problems");
    const char* headers[] = {"TT", "Vị trí", "Nội dung lỗi"};
    for (int c = 0; c < 3; ++c) check(worksheet_write_string(ws, 3, c, headers[c], fmt_.header), "problems");
    int row = 4;
    for (std::size_t i = 0; i < in_.problems.size(); ++i, ++row) {
      const FormProblem& p = in_.problems[i];
      check(worksheet_write_number(ws, row, 0, static_cast<double>(i + 1), fmt_.body(Align::Center)), "problems");
      check(worksheet_write_string(ws, row, 1, checkedText(p.place, "problems"), fmt_.body(Align::Left)), "problems");
      check(worksheet_write_string(ws, row, 2, checkedText(p.message, "problems"), fmt_.body(Align::Left)), "problems");
      check(worksheet_set_row(ws, row, rowHeightPoints(wrappedLines(p.message, 88, FontMetrics{}), FontMetrics{}), nullptr),
            "problems");
    }
    printSetup(ws, row - 1, 2, 3);
  }

  void writeMeta(lxw_worksheet* ws) {
    // The appendix schema's `_meta` layout: entries in A:B, the column registry in D:J.
    std::vector<SheetTable> tables;
    for (const auto& t : form_.tables) {
      SheetTable st;
      st.id = t.id;
      st.prefix = t.id == "tasks" ? "task" : "indicator";
      st.sheetName = t.sheetName;
      st.label = t.label;
      st.title = t.title;
      for (const auto& c : t.columns) {
        xlsx::TableColumn col;
        col.key = c.key;
        col.header = c.header;
        col.machine = c.input != FormInput::Locked;
        col.type = c.input == FormInput::Date ? ValueType::Date
                   : c.input == FormInput::Value ? ValueType::TextOrNumber
                                                 : ValueType::Text;
        st.columns.push_back(col);
      }
      st.rows.resize(t.rows.size());
      for (const auto& r : t.rows) (r.group ? st.groups : st.items)++;
      tables.push_back(std::move(st));
    }
    std::vector<MetaEntry> base = metaEntries(*form_.plan, tables, in_.createdEpoch, in_.templateHash);
    std::vector<MetaEntry> e;
    const DataRange range = dataRange(form_.period);
    for (auto& m : base) {
      if (m.key == "schema.name") m.value = Cell::makeText(kCollectSchemaName);
      if (m.key == "schema.version") m.value = Cell::makeText(kCollectSchemaVersion);
      if (m.key == "content.hash.algorithm" || m.key == "content.hash") continue;
      const bool afterTitle = m.key == "document.title";
      e.push_back(std::move(m));
      if (!afterTitle) continue;
      auto text = [&](std::string k, std::string v) { e.push_back({std::move(k), Cell::makeText(std::move(v))}); };
      text("collect.period", form_.period.key());
      text("collect.period.label", form_.period.label(Lang::Vi));
      text("collect.data_from", formatDateIso(range.first));
      text("collect.data_to", formatDateIso(range.last));
      text("collect.due", in_.hasDue ? formatDateIso(in_.due) : "");
      text("collect.unit.kind", formKindKey(form_.unit.kind));
      text("collect.unit.code", form_.unit.code);
      text("collect.unit.name", form_.unit.name);
      text("collect.unit.level", form_.unit.level);
    }
    e.push_back({"template.hash.algorithm", Cell::makeText("sha256")});
    e.push_back({"template.hash", Cell::makeText(in_.templateHash)});
    writeMetaSheet(ws, fmt_, e, tables, /*hide=*/true);
    // Registry role: locked description or cell to fill.
    int row = 1;
    for (const auto& t : form_.tables)
      for (const auto& c : t.columns)
        check(worksheet_write_string(ws, row++, 8, c.input == FormInput::Locked ? "locked" : "fill", nullptr), "_meta");
    protect(ws);
  }

 private:
  const CollectWorkbookInput& in_;
  const CollectionForm& form_;
  lxw_workbook* wb_;
  Formats fmt_;
  FillFormats fill_;
};

}  // namespace

void writeCollectWorkbook(const CollectWorkbookInput& in, const std::string& path) {
  if (!in.form || !in.form->plan) throw std::runtime_error("collect workbook: missing form");
  const CollectionForm& form = *in.form;
  const Plan& plan = *form.plan;
  WorkbookFile file(path);
  lxw_workbook* wb = file.get();
  const std::string who = form.unit.kind == FormKind::Plan ? plan.document.issuer.shortName : form.unit.name;
  setWorkbookProperties(wb, {"Biểu mẫu báo cáo " + form.period.label(Lang::Vi) + ": " + plan.document.title,
                             "Thu thập số liệu " + who, plan.document.issuer.shortName, kCollectSchemaName,
                             kCollectSchemaVersion, plan.id, in.createdEpoch ? in.createdEpoch : 1});
  const std::string periodKey = form.period.key();
  check(workbook_set_custom_property_string(wb, "vnplan.period", periodKey.c_str()), "custom property");
  check(workbook_set_custom_property_string(wb, "vnplan.unit", checkedText(form.unit.code, "unit code", 255)),
        "custom property");
  CollectWriter w(in, wb);
  const bool feedback = !in.problems.empty();
  if (feedback) w.writeProblems(w.addSheet(kProblemSheet));
  w.writeGuide(w.addSheet(kCollectSheetGuide));
  for (const auto& t : form.tables) w.writeTable(w.addSheet(t.sheetName), t);
  w.writeMeta(w.addSheet(kMetaSheet));
  file.close();
}

}  // namespace vnplan
