#include "render/xlsx/collect_workbook.hpp"

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
  ooxml::Format* text;
  ooxml::Format* textCenter;
  ooxml::Format* date;
  ooxml::Format* number;
  ooxml::Format* problem;
  ooxml::Format* problemDate;
  ooxml::Format* problemLocked;
  ooxml::Format* groupFill;
  ooxml::Format* guideTitle;
  ooxml::Format* guideText;
  ooxml::Format* guideBold;
};

ooxml::Format* baseFormat(ooxml::Workbook& wb, bool border) {
  ooxml::Format* f = wb.addFormat();
  f->fontName = kFontName;
  f->fontSize = kBodySize;
  f->wrap = true;
  f->valign = ooxml::VAlign::Center;
  if (border) f->border = ooxml::BorderStyle::Thin;
  return f;
}

FillFormats makeFillFormats(ooxml::Workbook& wb) {
  FillFormats f{};
  auto unlocked = [&](bool center, const char* numFormat, unsigned bg) {
    ooxml::Format* x = baseFormat(wb, true);
    x->locked = false;
    if (center) x->align = ooxml::HAlign::Center;
    if (numFormat) x->numFormat = numFormat;
    x->bgColor = bg;
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
  f.problemLocked->bgColor = kProblemBg;
  f.groupFill = baseFormat(wb, true);
  f.groupFill->bold = true;
  f.groupFill->bgColor = 0xE7E6E6;
  f.guideTitle = baseFormat(wb, false);
  f.guideTitle->bold = true;
  f.guideTitle->fontSize = kTitleSize;
  f.guideTitle->align = ooxml::HAlign::Center;
  f.guideText = baseFormat(wb, false);
  f.guideText->valign = ooxml::VAlign::Top;
  f.guideBold = baseFormat(wb, false);
  f.guideBold->bold = true;
  return f;
}

void printSetup(ooxml::Worksheet& ws, int lastRow, int lastCol, int repeatRow) {
  ws.setPaper(9);  // A4
  ws.setLandscape();
  ws.fitToPages(1, 0);
  ws.setMargins(15 / kInch, 15 / kInch, 15 / kInch, 15 / kInch);
  ws.centerHorizontally();
  if (repeatRow >= 0) ws.repeatRows(repeatRow, repeatRow);
  ws.printArea(0, 0, std::max(lastRow, 0), std::max(lastCol, 0));
  ws.setFooter("&C&\"Times New Roman,Regular\"&11&P/&N", 7 / kInch);
}

// Protection: locked cells cannot change; columns and rows may still be resized.
void protect(ooxml::Worksheet& ws) { ws.protect(ooxml::Protection{/*formatColumns=*/true, /*formatRows=*/true}); }

// The input message of a fill column: Excel limits the title to 32 and the text to 255
// characters.
void setPrompt(ooxml::DataValidation& dv, const FormColumn& c) {
  dv.showInput = true;
  dv.inputTitle = c.promptTitle;
  dv.inputMessage = c.prompt;
}

class CollectWriter {
 public:
  CollectWriter(const CollectWorkbookInput& in, ooxml::Workbook& wb) : in_(in), form_(*in.form), wb_(wb), fmt_(wb),
                                                                     fill_(makeFillFormats(wb)) {}

  ooxml::Worksheet& addSheet(const std::string& name) { return wb_.addWorksheet(checkedText(name, "sheet name", 31)); }

  std::string unitLine() const {
    const FormUnit& u = form_.unit;
    std::string who = u.kind == FormKind::Plan ? form_.plan->document.issuer.shortName
                                               : u.name + (u.code.empty() ? "" : " (mã " + u.code + ")");
    return "Đơn vị báo cáo: " + who + " — Kỳ báo cáo: " + form_.period.label(Lang::Vi);
  }

  void writeGuide(ooxml::Worksheet& ws) {
    ws.setColumn(0, 0, 110);
    std::vector<std::pair<std::string, ooxml::Format*>> lines;
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
      ws.writeString(row, 0, checkedText(text, CellRef{kCollectSheetGuide, row, 0}), f);
      const FontMetrics m{f == fill_.guideTitle ? kTitleSize : kBodySize, f != fill_.guideText};
      ws.setRow(row, rowHeightPoints(wrappedLines(text, 108, m), m));
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

  void writeFillCell(ooxml::Worksheet& ws, const FormTable& t, int r, int c, int sheetRow) {
    const FormColumn& col = t.columns[c];
    const FilledCell* v = value(t.id, r, c);
    const FormProblem* p = problem(t.id, r, c);
    const bool isDate = col.input == FormInput::Date;
    ooxml::Format* f = p ? (isDate ? fill_.problemDate : fill_.problem)
                      : isDate ? fill_.date
                               : col.center ? fill_.textCenter
                                            : fill_.text;
    const CellRef at{t.sheetName, sheetRow, c};
    if (v && v->date) {
      ws.writeDate(sheetRow, c, ooxml::Date{v->date->year, v->date->month, v->date->day},
                   p ? fill_.problemDate : fill_.date);
    } else if (v && v->number) {
      ws.writeNumber(sheetRow, c, *v->number, p ? fill_.problem : fill_.number);
    } else if (v && !v->text.empty()) {
      ws.writeString(sheetRow, c, checkedText(v->text, at), f);
    } else {
      ws.writeBlank(sheetRow, c, f);
    }
    if (p) ws.writeComment(sheetRow, c, checkedText(p->message, at), ooxml::CommentOptions{300, 90});
  }

  void writeValidations(ooxml::Worksheet& ws, const FormTable& t) {
    const int first = kFormFirstRow, last = kFormFirstRow + static_cast<int>(t.rows.size()) - 1;
    if (last < first) return;
    const std::vector<std::string> labels = formStatusLabels();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const FormColumn& col = t.columns[c];
      if (col.input == FormInput::Locked) continue;
      ooxml::DataValidation dv;
      setPrompt(dv, col);
      const int ci = static_cast<int>(c);
      switch (col.input) {
        case FormInput::Status:
          dv.type = ooxml::DataValidation::Type::List;
          dv.list = labels;
          dv.errorTitle = "Tình trạng không hợp lệ";
          dv.errorMessage = "Chọn một tình trạng trong danh sách.";
          break;
        case FormInput::Date:
          dv.type = ooxml::DataValidation::Type::Date;
          dv.criteria = ooxml::DataValidation::Criteria::Between;
          dv.minimum = ooxml::Date{2000, 1, 1};
          dv.maximum = ooxml::Date{2100, 12, 31};
          dv.errorTitle = "Ngày không hợp lệ";
          dv.errorMessage = "Nhập ngày dạng dd/mm/yyyy.";
          break;
        case FormInput::Value: {
          // Numbers only where the target is a number; a warning, since a bound ("≥ 30") or a
          // remark may still be right.
          dv.type = ooxml::DataValidation::Type::Any;
          ws.dataValidation(first, ci, last, ci, dv);
          for (std::size_t r = 0; r < t.rows.size(); ++r) {
            if (!t.rows[r].numericValue) continue;
            ooxml::DataValidation nv;
            setPrompt(nv, col);
            nv.type = ooxml::DataValidation::Type::Decimal;
            nv.criteria = ooxml::DataValidation::Criteria::GreaterThanOrEqual;
            nv.value = 0;
            nv.errorType = ooxml::DataValidation::ErrorType::Warning;
            nv.errorTitle = "Cần nhập số";
            nv.errorMessage = t.rows[r].percent ? "Chỉ tiêu tính bằng %: nhập số, ví dụ 85 hoặc 12,5 (không ghi dấu %)."
                                                : "Chỉ tiêu này cần một số, ví dụ 85 hoặc 12,5.";
            const int row = first + static_cast<int>(r);
            ws.dataValidation(row, ci, row, ci, std::move(nv));
          }
          continue;
        }
        case FormInput::Text:
          dv.type = ooxml::DataValidation::Type::Length;
          dv.criteria = ooxml::DataValidation::Criteria::LessThanOrEqual;
          dv.value = 4000;
          dv.errorTitle = "Nội dung quá dài";
          dv.errorMessage = "Tối đa 4000 ký tự trong một ô.";
          break;
        case FormInput::Locked: break;
      }
      ws.dataValidation(first, ci, last, ci, std::move(dv));
    }
  }

  void writeTable(ooxml::Worksheet& ws, const FormTable& t) {
    const int ncols = static_cast<int>(t.columns.size());
    double totalWidth = 0;
    for (int c = 0; c < ncols; ++c) {
      ws.setColumn(c, c, t.columns[c].width);
      totalWidth += t.columns[c].width;
    }
    auto heading = [&](int row, const std::string& text, ooxml::Format* f, FontMetrics m) {
      ws.mergeRange(row, 0, row, ncols - 1, checkedText(text, CellRef{t.sheetName, row, 0}), f);
      ws.setRow(row, rowHeightPoints(wrappedLines(text, totalWidth, m), m));
    };
    heading(0, t.label, fmt_.label, FontMetrics{kBodySize, true});
    heading(1, t.title, fmt_.title, FontMetrics{kTitleSize, true});
    heading(2, unitLine(), fmt_.link, FontMetrics{kBodySize, false, true});
    ws.setRow(3, 8);
    int headerLines = 1;
    for (int c = 0; c < ncols; ++c) {
      const FormColumn& col = t.columns[c];
      ws.writeString(kFormHeaderRow, c, checkedText(col.header, CellRef{t.sheetName, kFormHeaderRow, c}),
                     col.input == FormInput::Locked ? fmt_.header : fmt_.machineHeader);
      headerLines = std::max(headerLines, wrappedLines(col.header, col.width, FontMetrics{kBodySize, true}));
    }
    ws.setRow(kFormHeaderRow, rowHeightPoints(headerLines, FontMetrics{kBodySize, true}));

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const FormRow& fr = t.rows[r];
      const int row = kFormFirstRow + static_cast<int>(r);
      int lines = 1;
      const FontMetrics m{kBodySize, fr.group};
      for (int c = 0; c < ncols; ++c) {
        const FormColumn& col = t.columns[c];
        const CellRef at{t.sheetName, row, c};
        if (fr.group) {
          ooxml::Format* f = col.input == FormInput::Locked ? (c == 0 ? fmt_.groupNumber : fmt_.groupTitle) : fill_.groupFill;
          if (fr.cells[c].empty())
            ws.writeBlank(row, c, f);
          else
            ws.writeString(row, c, checkedText(fr.cells[c], at), f);
          // The title may run over the locked description columns.
          if (c == 1) lines = std::max(lines, wrappedLines(fr.cells[c], t.columns[1].width + t.columns[2].width +
                                                                           t.columns[3].width, m));
          continue;
        }
        if (col.input == FormInput::Locked) {
          // A changed description is shown as it should be, marked, with a note.
          const FormProblem* p = problem(t.id, static_cast<int>(r), c);
          ws.writeString(row, c, checkedText(fr.cells[c], at),
                         p ? fill_.problemLocked : fmt_.body(col.center ? Align::Center : Align::Left));
          if (p) ws.writeComment(row, c, checkedText(p->message, at), ooxml::CommentOptions{300, 90});
          lines = std::max(lines, wrappedLines(fr.cells[c], col.width, m));
        } else {
          writeFillCell(ws, t, static_cast<int>(r), c, row);
          if (const FilledCell* v = value(t.id, static_cast<int>(r), c))
            lines = std::max(lines, wrappedLines(v->text, col.width, m));
        }
      }
      ws.setRow(row, rowHeightPoints(std::max(lines, 2), m));
      if (fr.group && ncols > 4) {
        // Group title across the locked description columns (B:D), for reading only.
        const std::string& title = fr.cells[1];
        int lastLocked = 1;
        while (lastLocked + 1 < ncols && t.columns[lastLocked + 1].input == FormInput::Locked) ++lastLocked;
        if (lastLocked > 1)
          ws.mergeRange(row, 1, row, lastLocked, checkedText(title, CellRef{t.sheetName, row, 1}), fmt_.groupTitle);
      }
    }
    writeValidations(ws, t);
    const int last = kFormFirstRow + static_cast<int>(t.rows.size()) - 1;
    ws.freezePanes(kFormFirstRow, 0);
    printSetup(ws, std::max(last, kFormHeaderRow), ncols - 1, kFormHeaderRow);
    protect(ws);
  }

  void writeProblems(ooxml::Worksheet& ws) {
    ws.setColumn(0, 0, 6);
    ws.setColumn(1, 1, 22);
    ws.setColumn(2, 2, 90);
    ws.mergeRange(0, 0, 0, 2, "CÁC LỖI CẦN SỬA TRƯỚC KHI GỬI LẠI", fmt_.title);
    const std::string sub = "Tệp đã gửi: " + in_.submittedFile + ". Các ô có lỗi được tô đỏ và có ghi chú.";
    ws.mergeRange(1, 0, 1, 2, checkedText(sub, "problems"), fmt_.link);
    const char* headers[] = {"TT", "Vị trí", "Nội dung lỗi"};
    for (int c = 0; c < 3; ++c) ws.writeString(3, c, headers[c], fmt_.header);
    int row = 4;
    for (std::size_t i = 0; i < in_.problems.size(); ++i, ++row) {
      const FormProblem& p = in_.problems[i];
      ws.writeNumber(row, 0, static_cast<double>(i + 1), fmt_.body(Align::Center));
      ws.writeString(row, 1, checkedText(p.place, "problems"), fmt_.body(Align::Left));
      ws.writeString(row, 2, checkedText(p.message, "problems"), fmt_.body(Align::Left));
      ws.setRow(row, rowHeightPoints(wrappedLines(p.message, 88, FontMetrics{}), FontMetrics{}));
    }
    printSetup(ws, row - 1, 2, 3);
  }

  void writeMeta(ooxml::Worksheet& ws) {
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
        ws.writeString(row++, 8, c.input == FormInput::Locked ? "locked" : "fill");
    protect(ws);
  }

 private:
  const CollectWorkbookInput& in_;
  const CollectionForm& form_;
  ooxml::Workbook& wb_;
  Formats fmt_;
  FillFormats fill_;
};

}  // namespace

void writeCollectWorkbook(const CollectWorkbookInput& in, const std::string& path) {
  if (!in.form || !in.form->plan) throw std::runtime_error("collect workbook: missing form");
  const CollectionForm& form = *in.form;
  const Plan& plan = *form.plan;
  WorkbookFile file(path);
  ooxml::Workbook& wb = file.get();
  const std::string who = form.unit.kind == FormKind::Plan ? plan.document.issuer.shortName : form.unit.name;
  setWorkbookProperties(wb, {"Biểu mẫu báo cáo " + form.period.label(Lang::Vi) + ": " + plan.document.title,
                             "Thu thập số liệu " + who, plan.document.issuer.shortName, kCollectSchemaName,
                             kCollectSchemaVersion, plan.id, in.createdEpoch ? in.createdEpoch : 1});
  const std::string periodKey = form.period.key();
  wb.setCustomProperty("vnplan.period", periodKey);
  wb.setCustomProperty("vnplan.unit", checkedText(form.unit.code, "unit code", 255));
  CollectWriter w(in, wb);
  const bool feedback = !in.problems.empty();
  if (feedback) w.writeProblems(w.addSheet(kProblemSheet));
  w.writeGuide(w.addSheet(kCollectSheetGuide));
  for (const auto& t : form.tables) w.writeTable(w.addSheet(t.sheetName), t);
  w.writeMeta(w.addSheet(kMetaSheet));
  file.close();
}

}  // namespace vnplan
