#include "layout/report_spec.hpp"

#include "compute/appendix_cells.hpp"
#include "layout/document_layout.hpp"
#include "layout/plan_spec.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

std::string n(int v) { return formatVietnameseNumber(v, 0); }

// Status colours: done green, in progress blue, not started grey, overdue red, recurring
// teal, waiting amber, stopped dark grey, not reported light grey.
const std::vector<unsigned> kStatusColors = {0x2E7D32, 0x1565C0, 0x9E9E9E, 0xC62828, 0x00897B, 0xF9A825, 0x424242, 0xE0E0E0};

}  // namespace

std::string planReference(const Plan& plan, const DocTemplate& tmpl) {
  // The appendix link line without its parentheses and wording: "Kế hoạch số … của …". The
  // plan's identity is what specFromPlan() would give its document (without building it,
  // appendix tables and all, for one line).
  std::string link = formatAppendixLink(identityOf(plan.document), tmpl, "", plan.document.issuer.shortName,
                                        Blanks::NoBreak);
  if (!link.empty() && link.front() == '(') link.erase(0, 1);
  if (!link.empty() && link.back() == ')') link.pop_back();
  return trim(link);
}

Table reportSummaryTable(const ReportFigures& f) {
  Table t;
  t.columns = {{"TT", 6, CellAlign::Center},           {"Nhóm nhiệm vụ", 34, CellAlign::Left},
               {"Tổng số", 8, CellAlign::Center},      {"Hoàn thành", 13, CellAlign::Center},
               {"Đang thực hiện", 10, CellAlign::Center}, {"Chưa thực hiện", 10, CellAlign::Center},
               {"Quá hạn", 8, CellAlign::Center},      {"Thường xuyên", 11, CellAlign::Center},
               {"Khác", 7, CellAlign::Center}};
  auto row = [&](const std::string& num, const std::string& title, const TaskFigures& x, bool bold) {
    TableRow r;
    r.bold = bold;
    r.cells = {num, title, n(x.total), n(x.done) + " (" + formatPercent(x.donePercent) + "%)", n(x.inProgress),
               n(x.notStarted + x.notReported), n(x.overdue), n(x.recurring), n(x.waiting + x.stopped)};
    t.rows.push_back(std::move(r));
  };
  // Group numbers without the heading dot ("II", not "II."): the report's own headings are the
  // only "II." of the document.
  for (const auto& g : f.groups) {
    std::string num = g.number;
    while (!num.empty() && num.back() == '.') num.pop_back();
    row(num, g.title, g.tasks, false);
  }
  row("", "Tổng cộng", f.tasks, true);
  t.fitColumnsToWords = true;
  return t;
}

BarChart reportStatusChart(const ReportFigures& f) {
  BarChart c;
  c.title = "Tình trạng thực hiện nhiệm vụ theo nhóm";
  c.series = {"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn", "Thường xuyên", "Chờ điều kiện", "Dừng/điều chỉnh",
              "Chưa báo cáo"};
  c.colors = kStatusColors;
  for (const auto& g : f.groups) {
    std::string cat = g.number;
    while (!cat.empty() && cat.back() == '.') cat.pop_back();
    c.categories.push_back(cat);
    const TaskFigures& x = g.tasks;
    c.values.push_back({double(x.done), double(x.inProgress), double(x.notStarted), double(x.overdue),
                        double(x.recurring), double(x.waiting), double(x.stopped), double(x.notReported)});
  }
  // The legend lists only the statuses that occur: drop the series that are zero everywhere.
  for (size_t s = c.series.size(); s-- > 0;) {
    bool occurs = false;
    for (const auto& v : c.values) occurs = occurs || v[s] > 0;
    if (occurs) continue;
    c.series.erase(c.series.begin() + static_cast<long>(s));
    c.colors.erase(c.colors.begin() + static_cast<long>(s));
    for (auto& v : c.values) v.erase(v.begin() + static_cast<long>(s));
  }
  return c;
}

DocumentSpec specFromReport(const ReportParts& p, const DocTemplate& tmpl, std::vector<SpecBlock> body) {
  const Plan& plan = *p.plan;
  const ProgressReport& rep = *p.report;
  DocumentSpec s;
  s.family = plan.document.family;
  s.typeCode = "BC";
  s.typeName = "BÁO CÁO";
  s.issuer = plan.document.issuer;
  // The report's own number, date, place, recipients and signer (the `report:` section of the
  // progress file, defaulted from the plan by the loader). A draft keeps its blanks: without a
  // date it shows the month and year of the figures.
  const ReportDocument& doc = rep.document;
  s.number = doc.number;
  s.date = doc.date;
  if (!s.date.year) s.date = {0, rep.asOf.month, rep.asOf.year};
  s.place = doc.place;
  // "Kết quả 6 tháng đầu năm 2026 thực hiện Kế hoạch số … của …": the period before the plan's
  // reference, so it never follows the plan's own date ("… năm 2025 năm 2025").
  s.title = "Kết quả " + rep.period.label(Lang::Vi) + " thực hiện " + planReference(plan, tmpl);
  s.layout = plan.layout;
  s.body = std::move(body);
  s.closing = {};
  s.recipients = doc.recipients;
  s.signature = doc.signature;  // signedOff: the report's own status; the DỰ THẢO mark follows it
  s.author = plan.document.issuer.shortName;
  s.subject = s.title;

  const std::string link = formatAppendixLink(s, tmpl, "Kèm theo", plan.document.issuer.shortName);
  int roman = 0;
  static const char* kRoman[] = {"I", "II", "III", "IV"};
  if (p.tasks && plan.tasks && !p.tasks->tasks.empty()) {
    Table t;
    t.columns = {{"TT", 4, CellAlign::Center},          {"Nhiệm vụ", 30, CellAlign::Left},
                 {"Cơ quan chủ trì", 14, CellAlign::Left}, {"Thời hạn", 9, CellAlign::Center},
                 {"Tình trạng", 11, CellAlign::Center},     {"Kết quả, văn bản", 22, CellAlign::Left},
                 {"Khó khăn, vướng mắc", 12, CellAlign::Left}};
    size_t group = static_cast<size_t>(-1);
    for (const auto& e : p.tasks->tasks) {
      if (e.group != group) {
        group = e.group;
        const auto& g = plan.tasks->groups[group];
        t.rows.push_back(TableRow{true, {g.number, g.title}, false});
      }
      const std::string lead = agencyNames(e.task->lead);
      std::string result, difficulties;
      if (e.progress) {
        result = e.progress->result;
        for (const auto& doc : e.progress->documents) result += (result.empty() ? "" : "\n") + doc;
        difficulties = e.progress->difficulties;
        if (!e.progress->reason.empty()) difficulties += (difficulties.empty() ? "" : "\n") + e.progress->reason;
      }
      std::string status = taskStatusLabel(e.status, Lang::Vi);
      if (e.progress && e.progress->completed) status += "\n(" + formatDateVi(*e.progress->completed) + ")";
      t.rows.push_back(TableRow{false, {e.task->number, e.task->name, lead, e.task->deadline.text, status, result, difficulties}, false});
    }
    t.fitColumnsToWords = true;
    s.appendices.push_back({"PHỤ LỤC " + std::string(kRoman[roman++]), "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ", link, std::move(t)});
  }
  if (p.indicators && plan.indicators && !p.indicators->indicators.empty()) {
    Table t;
    t.columns = {{"TT", 4, CellAlign::Center},          {"Chỉ tiêu", 32, CellAlign::Left},
                 {"Đơn vị tính", 8, CellAlign::Center}, {"Chỉ tiêu kế hoạch", 14, CellAlign::Center},
                 {"Kết quả đạt được", 12, CellAlign::Center}, {"Đánh giá", 12, CellAlign::Center},
                 {"Ghi chú", 14, CellAlign::Left}};
    size_t group = static_cast<size_t>(-1);
    for (const auto& e : p.indicators->indicators) {
      if (e.group != group) {
        group = e.group;
        const auto& g = plan.indicators->groups[group];
        t.rows.push_back(TableRow{true, {g.number, g.title}, false});
      }
      const Achievement& a = e.achievement;
      std::string target = a.target;
      if (a.milestoneYear) target += "\n(mốc " + std::to_string(a.milestoneYear) + ")";
      std::string verdict = achievementLabel(a, Lang::Vi);
      if (a.ratio) verdict += "\n(" + formatPercent(*a.ratio * 100) + "%)";
      std::string note = e.progress ? e.progress->note : "";
      t.rows.push_back(TableRow{false, {e.indicator->number, e.indicator->name, e.indicator->unit, target, a.value, verdict, note}, false});
    }
    t.fitColumnsToWords = true;
    s.appendices.push_back({"PHỤ LỤC " + std::string(kRoman[roman++]), "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", link, std::move(t)});
  }
  return s;
}

}  // namespace vnplan
