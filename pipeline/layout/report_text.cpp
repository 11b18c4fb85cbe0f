#include "layout/report_text.hpp"

#include <kainjow/mustache.hpp>

#include <regex>
#include <sstream>

#include "layout/mustache_guard.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::mustache;

std::string n(int v) { return formatVietnameseNumber(v, 0); }

data taskData(const TaskFigures& f) {
  data d;
  d.set("total", n(f.total));
  d.set("done", n(f.done));
  d.set("done_pct", formatPercent(f.donePercent));
  d.set("done_on_time", n(f.doneOnTime));
  d.set("done_late", n(f.doneLate));
  d.set("in_progress", n(f.inProgress));
  d.set("not_started", n(f.notStarted));
  d.set("overdue", n(f.overdue));
  d.set("overdue_pct", formatPercent(f.overduePercent));
  d.set("recurring", n(f.recurring));
  d.set("waiting", n(f.waiting));
  d.set("stopped", n(f.stopped));
  d.set("not_reported", n(f.notReported));
  d.set("has_overdue", f.overdue > 0 ? data::type::bool_true : data::type::bool_false);
  d.set("has_late", f.doneLate > 0 ? data::type::bool_true : data::type::bool_false);
  d.set("has_not_reported", f.notReported > 0 ? data::type::bool_true : data::type::bool_false);
  return d;
}

data paragraphs(const std::vector<std::string>& ps) {
  data l{data::type::list};
  for (const auto& p : ps) {
    data e;
    e.set("text", p);
    l << e;
  }
  return l;
}

}  // namespace

std::optional<std::string> renderReportText(const std::string& templateText, const std::string& templatePath,
                                            const ReportTextInput& in, Diagnostics& diags) {
  if (!checkReportTemplate(templateText, templatePath, diags)) return std::nullopt;
  mustache tmpl{templateText};
  if (!tmpl.is_valid()) {
    // kainjow reports "… at <byte offset>"; turn it into line:column.
    std::string msg = tmpl.error_message();
    std::smatch m;
    int line = 0, col = 0;
    if (std::regex_search(msg, m, std::regex(R"(at (\d+)$)"))) {
      std::tie(line, col) = lineColumnOf(templateText, static_cast<size_t>(std::stoul(m[1])));
      msg = m.prefix().str();
      while (!msg.empty() && msg.back() == ' ') msg.pop_back();
    }
    diags.add({Severity::Error, templatePath, line, col, MsgId::SyntaxError, {"Mustache: " + msg}});
    return std::nullopt;
  }
  // Plain text output: nothing is HTML-escaped.
  tmpl.set_custom_escape([](const std::string& s) { return s; });

  const Plan& plan = *in.plan;
  const ProgressReport& rep = *in.report;
  const ReportFigures& f = *in.figures;
  data d;
  d.set("plan_reference", in.planReference);
  d.set("plan_title", plan.document.title);
  d.set("issuer", plan.document.issuer.shortName);
  d.set("period", rep.period.label(Lang::Vi));
  d.set("year", std::to_string(rep.period.year));
  d.set("data_from", formatDateVi(f.range.first));
  d.set("data_to", formatDateVi(f.range.last));
  d.set("as_of", formatDateVi(f.asOf));
  d.set("tasks", taskData(f.tasks));
  d.set("has_tasks", plan.tasks && f.tasks.total > 0 ? data::type::bool_true : data::type::bool_false);
  d.set("has_indicators", plan.indicators && f.indicators.total > 0 ? data::type::bool_true : data::type::bool_false);
  data groups{data::type::list};
  for (const auto& g : f.groups) {
    data gd = taskData(g.tasks);
    gd.set("number", g.number);
    gd.set("title", g.title);
    groups << gd;
  }
  d.set("groups", groups);
  data overdue{data::type::list};
  if (in.tasks)
    for (const auto& e : in.tasks->tasks) {
      if (e.status != TaskStatus::Overdue) continue;
      data od;
      od.set("number", e.task->number);
      od.set("name", e.task->name);
      std::string lead;
      for (const auto& l : e.task->lead) lead += (lead.empty() ? "" : ", ") + l.text;
      od.set("lead", lead);
      od.set("deadline", e.task->deadline.text);
      od.set("days_late", n(static_cast<int>(e.daysLate)));
      overdue << od;
    }
  d.set("overdue_tasks", overdue);
  data ind;
  ind.set("total", n(f.indicators.total));
  ind.set("met", n(f.indicators.met));
  ind.set("met_pct", formatPercent(f.indicators.metPercent));
  ind.set("not_met", n(f.indicators.notMet));
  ind.set("not_comparable", n(f.indicators.notComparable));
  ind.set("no_data", n(f.indicators.noData));
  d.set("indicators", ind);
  // Numbering and appendix names follow from which parts the plan has.
  const bool hasTasks = plan.tasks && f.tasks.total > 0;
  const bool hasInd = plan.indicators && f.indicators.total > 0;
  d.set("tasks_appendix", "Phụ lục I");
  d.set("indicators_appendix", hasTasks ? "Phụ lục II" : "Phụ lục I");
  d.set("indicators_number", hasTasks ? "2." : "1.");
  d.set("highlights_number", std::to_string(1 + int(hasTasks) + int(hasInd)) + ".");
  d.set("direction", paragraphs(rep.chiDao));
  d.set("highlights", paragraphs(rep.ketQuaNoiBat));
  d.set("shortcomings", paragraphs(rep.tonTai));
  d.set("next_steps", paragraphs(rep.phuongHuong));
  d.set("proposals", paragraphs(rep.deXuat));
  std::string out = tmpl.render(d);
  if (!tmpl.is_valid()) {
    diags.add({Severity::Error, templatePath, 0, 0, MsgId::SyntaxError, {"Mustache: " + tmpl.error_message()}});
    return std::nullopt;
  }
  return out;
}

std::vector<SpecBlock> parseReportMarkup(const std::string& markup, const Table& summary, const BarChart& chart) {
  std::vector<SpecBlock> out;
  std::string para;
  auto flush = [&] {
    std::string t = trim(para);
    if (!t.empty()) {
      SpecBlock b;
      b.kind = SpecBlockKind::Paragraph;
      b.text = t;
      out.push_back(b);
    }
    para.clear();
  };
  std::istringstream in(markup);
  std::string line;
  while (std::getline(in, line)) {
    std::string t = trim(line);
    if (t.empty()) {
      flush();
      continue;
    }
    SpecBlock b;
    if (t.size() > 2 && t[0] == '#' && t[1] >= '1' && t[1] <= '4' && t[2] == ' ') {
      flush();
      b.kind = SpecBlockKind::Heading;
      b.level = t[1] - '0';
      std::string rest = trim(t.substr(3));
      size_t sp = rest.find(' ');
      std::string first = rest.substr(0, sp);
      if (sp != std::string::npos && !first.empty() && (first.back() == '.' || first.back() == ')')) {
        b.number = first;
        b.text = trim(rest.substr(sp + 1));
      } else {
        b.text = rest;
      }
      out.push_back(b);
    } else if (t.rfind("- ", 0) == 0) {
      flush();
      b.kind = SpecBlockKind::Item;
      b.text = trim(t.substr(2));
      out.push_back(b);
    } else if (t.rfind("> ", 0) == 0) {
      flush();
      b.kind = SpecBlockKind::Note;
      b.text = trim(t.substr(2));
      out.push_back(b);
    } else if (t == "[[summary-table]]") {
      flush();
      b.kind = SpecBlockKind::Table;
      b.table = summary;
      out.push_back(b);
    } else if (t == "[[status-chart]]") {
      flush();
      b.kind = SpecBlockKind::Chart;
      b.chart = chart;
      out.push_back(b);
    } else {
      para += (para.empty() ? "" : " ") + t;
    }
  }
  flush();
  return out;
}

}  // namespace vnplan
