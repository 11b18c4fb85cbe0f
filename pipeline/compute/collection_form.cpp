#include "compute/collection_form.hpp"

#include <set>

#include "compute/achievement.hpp"
#include "compute/appendix_cells.hpp"

namespace vnplan {

std::string taskKey(const Task& t) { return keyOf(t); }
std::string indicatorKey(const Indicator& i) { return keyOf(i); }

const char* formKindKey(FormKind k) {
  switch (k) {
    case FormKind::Plan: return "plan";
    case FormKind::Agency: return "agency";
    case FormKind::Unit: return "unit";
  }
  return "?";
}

std::vector<std::string> formStatusLabels() {
  return {"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Dừng/điều chỉnh"};
}

namespace {

bool ledBy(const std::vector<AgencyRef>& lead, const std::string& code) {
  for (const auto& a : lead)
    if (a.code == code) return true;
  return false;
}

FormColumn locked(std::string key, std::string header, double width, bool center = false) {
  FormColumn c;
  c.key = std::move(key);
  c.header = std::move(header);
  c.width = width;
  c.center = center;
  return c;
}

FormColumn fill(std::string key, std::string header, double width, FormInput input, std::string title,
                std::string prompt, bool center = false) {
  FormColumn c = locked(std::move(key), std::move(header), width, center);
  c.input = input;
  c.promptTitle = std::move(title);
  c.prompt = std::move(prompt);
  return c;
}

void escapeInto(std::string& out, const std::string& s) {
  for (char ch : s) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += ch;
    }
  }
}

}  // namespace

std::vector<const Agency*> leadAgencies(const Plan& plan) {
  std::vector<const Agency*> out;
  std::set<std::string> seen;
  auto note = [&](const std::vector<AgencyRef>& lead) {
    for (const auto& a : lead)
      if (!a.code.empty() && seen.insert(a.code).second)
        if (const Agency* ag = plan.findAgency(a.code)) out.push_back(ag);
  };
  if (plan.tasks)
    for (const auto& g : plan.tasks->groups)
      for (const auto& t : g.items) note(t.lead);
  if (plan.indicators)
    for (const auto& g : plan.indicators->groups)
      for (const auto& i : g.items) note(i.lead);
  return out;
}

// Appends a group's heading row (number and title in the first two columns) and its rows;
// a group with no row of this form is left out. Indicator groups without number and title
// get no heading.
static void appendGroupRows(FormTable& t, const std::string& number, const std::string& title, std::vector<FormRow>& items,
                     bool headingAlways) {
  if (items.empty()) return;
  if (headingAlways || !number.empty() || !title.empty()) {
    FormRow gr;
    gr.group = true;
    gr.key = number;
    gr.cells.assign(t.columns.size(), "");
    gr.cells[0] = number;
    gr.cells[1] = title;
    t.rows.push_back(std::move(gr));
  }
  for (auto& r : items) t.rows.push_back(std::move(r));
}

CollectionForm buildCollectionForm(const Plan& plan, const ReportPeriod& period, const FormUnit& unit) {
  CollectionForm form;
  form.plan = &plan;
  form.period = period;
  form.unit = unit;
  const bool agency = unit.kind == FormKind::Agency;
  const std::string dateHint = "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/03/" + std::to_string(period.year) + ".";

  if (plan.tasks && plan.tasks->rowCount() > 0) {
    FormTable t;
    t.id = "tasks";
    t.sheetName = kCollectSheetTasks;
    t.label = "BIỂU 01";
    t.title = "KẾT QUẢ THỰC HIỆN NHIỆM VỤ";
    t.columns = {
        locked("task.number", "TT", 6, true),
        locked("task.name", "Nhiệm vụ", 40),
        locked("task.lead", "Cơ quan chủ trì", 16, true),
        locked("task.deadline", "Thời hạn", 12, true),
        fill("task.status", "Tình trạng", 15, FormInput::Status, "Tình trạng",
             "Chọn trong danh sách: Hoàn thành, Đang thực hiện, Chưa thực hiện, Dừng/điều chỉnh.", true),
        fill("task.completed", "Ngày hoàn thành", 12, FormInput::Date, "Ngày hoàn thành",
             "Bắt buộc khi Hoàn thành nhiệm vụ có thời hạn. " + dateHint, true),
        fill("task.result", "Kết quả, sản phẩm", 26, FormInput::Text, "Kết quả",
             "Kết quả, sản phẩm đạt được (tùy chọn)."),
        fill("task.documents", "Văn bản (mỗi văn bản một dòng)", 22, FormInput::Text, "Văn bản",
             "Số, ký hiệu, ngày văn bản; mỗi văn bản một dòng (Alt+Enter)."),
        fill("task.difficulties", "Khó khăn, vướng mắc", 18, FormInput::Text, "Khó khăn",
             "Khó khăn, vướng mắc (tùy chọn)."),
        fill("task.reason", "Lý do dừng/điều chỉnh", 16, FormInput::Text, "Lý do",
             "Bắt buộc khi chọn Dừng/điều chỉnh."),
    };
    for (const auto& g : plan.tasks->groups) {
      std::vector<FormRow> items;
      for (const auto& task : g.items) {
        if (agency && !ledBy(task.lead, unit.code)) continue;
        FormRow r;
        r.key = taskKey(task);
        r.task = &task;
        r.cells = {task.number, task.name, agencyNames(task.lead), task.deadline.text, "", "", "", "", "", ""};
        items.push_back(std::move(r));
      }
      appendGroupRows(t, g.number, g.title, items, /*headingAlways=*/true);
    }
    if (!t.rows.empty()) form.tables.push_back(std::move(t));
  }

  if (plan.indicators && plan.indicators->rowCount() > 0) {
    FormTable t;
    t.id = "indicators";
    t.sheetName = kCollectSheetIndicators;
    t.label = "BIỂU 02";
    t.title = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU";
    t.columns = {
        locked("indicator.number", "TT", 6, true),
        locked("indicator.name", "Chỉ tiêu", 46),
        locked("indicator.unit", "Đơn vị tính", 10, true),
        locked("indicator.target", "Chỉ tiêu kế hoạch", 16, true),
        fill("indicator.value", "Kết quả đạt được", 16, FormInput::Value, "Kết quả",
             "Nhập số (dấu phẩy thập phân, ví dụ 85 hoặc 12,5) hoặc nhận xét (Đạt, Chưa đạt). Để trống nếu chưa "
             "có số liệu.",
             true),
        fill("indicator.as_of", "Ngày số liệu", 12, FormInput::Date, "Ngày số liệu",
             "Ngày của số liệu (tùy chọn). " + dateHint, true),
        fill("indicator.note", "Ghi chú", 30, FormInput::Text, "Ghi chú", "Ghi chú, giải trình (tùy chọn)."),
    };
    for (const auto& g : plan.indicators->groups) {
      std::vector<FormRow> items;
      for (const auto& ind : g.items) {
        if (agency && !ledBy(ind.lead, unit.code)) continue;
        FormRow r;
        r.key = indicatorKey(ind);
        r.indicator = &ind;
        const PeriodTarget target = targetForPeriod(ind, period);
        const TargetForm tf = parseTarget(target.text);
        r.numericValue = tf.kind == TargetForm::Kind::Number;
        r.percent = r.numericValue && (tf.percent || ind.unit == "%");
        r.cells = {ind.number, ind.name, ind.unit, target.text, "", "", ""};
        items.push_back(std::move(r));
      }
      appendGroupRows(t, g.number, g.title, items, /*headingAlways=*/false);
    }
    if (!t.rows.empty()) form.tables.push_back(std::move(t));
  }
  return form;
}

std::string CollectionForm::canonicalText() const {
  std::string out = std::string(kCollectSchemaName) + " " + std::to_string(kCollectSchemaMajor) + "\n";
  out += "plan:" + (plan ? plan->id : std::string()) + "\n";
  out += "unit.kind:" + std::string(formKindKey(unit.kind)) + "\n";
  if (unit.kind == FormKind::Agency) out += "agency:" + unit.code + "\n";
  for (const auto& t : tables) {
    out += "table:" + t.id + "\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i) out += (i ? "\t" : "") + t.columns[i].key;
    out += "\n";
    for (const auto& r : t.rows) {
      out += r.group ? "G" : "I";
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        out += '\t';
        if (t.columns[i].input == FormInput::Locked) escapeInto(out, r.cells[i]);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace vnplan
