#include "layout/report_text.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <memory>
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

// Text that came from a progress file or the plan enters the markup behind this mark
// (U+E000, private use), so parseReportMarkup() never reads it as markup: it cannot open a
// heading, an item or a note, nor insert the summary table. The mark is removed there.
const std::string kLiteral = "\xEE\x80\x80";

// Values are printed as text: line breaks become spaces (a value cannot start a markup line)
// and the value is marked literal.
std::string literalText(const std::string& s) {
  std::string out;
  out.reserve(s.size() + kLiteral.size());
  out = kLiteral;
  // Copied in runs between the bytes that change (a byte at a time, with a compare per
  // byte, cost more than the rest of the report's values).
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;
  while (p < end) {
    const char c = *p;
    if (c == '\n' || c == '\r' || c == '\t') {
      out.append(run, p);
      out += ' ';
      run = ++p;
    } else if (c == kLiteral[0] && end - p >= 3 && p[1] == kLiteral[1] && p[2] == kLiteral[2]) {
      out.append(run, p);
      p += 3;
      run = p;
    } else {
      ++p;
    }
  }
  out.append(run, end);
  return out;
}

// l << e, moving e in: basic_data::push_back() copies its value deeply (a group with all
// its figures and phrases). A bool placeholder copies nothing; the element then moves into
// it (the list's elements are our own, not const: list_value() only hands them out so).
void pushMoved(data& list, data&& e) {
  list << data{false};
  const_cast<data&>(list.list_value().back()) = std::move(e);
}

// d[name] = v, moving v in: basic_data::set() copies its value, a whole object or list
// deeply (the groups, each with its figures and phrases, were copied twice over).
void put(data& d, const std::string& name, data v) { d[name] = std::move(v); }

data flag(bool b) { return b ? data::type::bool_true : data::type::bool_false; }

// A list of phrases joined in the template as {{#parts}}{{text}}{{sep}}{{/parts}}: `sep` is
// ", " (or `joiner`) between phrases, `lastJoiner` before the last one, "" after it.
data phraseList(const std::vector<std::string>& phrases, const std::string& joiner, const std::string& lastJoiner) {
  data l{data::type::list};
  for (size_t i = 0; i < phrases.size(); ++i) {
    data e;
    put(e, "text", phrases[i]);
    put(e, "sep", i + 1 == phrases.size() ? "" : i + 2 == phrases.size() ? lastJoiner : joiner);
    put(e, "first", flag(i == 0));
    put(e, "last", flag(i + 1 == phrases.size()));
    pushMoved(l, std::move(e));
  }
  return l;
}

}  // namespace

std::vector<std::string> taskStatusPhrases(const TaskFigures& f) {
  std::vector<std::string> out;
  if (f.done > 0) {
    std::string p = "đã hoàn thành " + n(f.done) + " nhiệm vụ (" + formatPercent(f.donePercent) + "%)";
    if (f.doneOnTime > 0 && f.doneLate > 0)
      p += ", trong đó " + n(f.doneOnTime) + " nhiệm vụ hoàn thành đúng hạn và " + n(f.doneLate) +
           " nhiệm vụ hoàn thành chậm";
    else if (f.doneLate > 0)
      p += ", đều hoàn thành chậm so với thời hạn";
    else
      p += ", đều đúng hạn";
    out.push_back(p);
  }
  auto add = [&](int count, const std::string& what) {
    if (count > 0) out.push_back(n(count) + " nhiệm vụ " + what);
  };
  add(f.inProgress, "đang thực hiện");
  add(f.notStarted, "chưa thực hiện");
  if (f.overdue > 0) out.push_back(n(f.overdue) + " nhiệm vụ quá hạn (" + formatPercent(f.overduePercent) + "%)");
  add(f.recurring, "thực hiện thường xuyên, hằng năm");
  add(f.waiting, "chờ điều kiện triển khai");
  add(f.stopped, "dừng, điều chỉnh");
  add(f.notReported, "chưa có báo cáo");
  return out;
}

std::vector<std::string> indicatorStatusPhrases(const IndicatorFigures& f) {
  std::vector<std::string> out;
  if (f.met > 0) out.push_back(n(f.met) + " chỉ tiêu đã đạt (" + formatPercent(f.metPercent) + "%)");
  if (f.notMet > 0) out.push_back(n(f.notMet) + " chỉ tiêu chưa đạt");
  if (f.notComparable > 0) out.push_back(n(f.notComparable) + " chỉ tiêu chưa so sánh được");
  if (f.noData > 0) out.push_back(n(f.noData) + " chỉ tiêu chưa có số liệu");
  return out;
}

std::string groupLabel(const std::string& number, const std::string& title) {
  std::string num = number;
  while (!num.empty() && (num.back() == '.' || num.back() == ' ')) num.pop_back();
  if (num.empty()) return title;
  return "Nhóm " + num + (title.empty() ? "" : ": " + title);
}

namespace {

data taskData(const TaskFigures& f) {
  data d;
  put(d, "total", n(f.total));
  put(d, "done", n(f.done));
  put(d, "done_pct", formatPercent(f.donePercent));
  put(d, "done_on_time", n(f.doneOnTime));
  put(d, "done_late", n(f.doneLate));
  put(d, "in_progress", n(f.inProgress));
  put(d, "not_started", n(f.notStarted));
  put(d, "overdue", n(f.overdue));
  put(d, "overdue_pct", formatPercent(f.overduePercent));
  put(d, "recurring", n(f.recurring));
  put(d, "waiting", n(f.waiting));
  put(d, "stopped", n(f.stopped));
  put(d, "not_reported", n(f.notReported));
  put(d, "has_done", flag(f.done > 0));
  put(d, "has_overdue", flag(f.overdue > 0));
  put(d, "has_late", flag(f.doneLate > 0));
  put(d, "has_not_reported", flag(f.notReported > 0));
  // The non-zero categories only, as phrases: "{{#status_parts}}{{text}}{{sep}}{{/status_parts}}".
  put(d, "status_parts", phraseList(taskStatusPhrases(f), "; ", "; "));
  return d;
}

// A list of paragraphs; `sample` gives an empty list one element so that the names a
// template uses inside the list's section can be checked.
data paragraphs(const std::vector<std::string>& ps, bool sample) {
  data l{data::type::list};
  for (const auto& p : ps) {
    data e;
    put(e, "text", literalText(p));
    pushMoved(l, std::move(e));
  }
  if (ps.empty() && sample) {
    data e;
    put(e, "text", "");
    pushMoved(l, std::move(e));
  }
  return l;
}

data sampleOr(data list, bool sample, const data& element) {
  if (sample && list.is_empty_list()) list << element;
  return list;
}

data reportData(const ReportTextInput& in, bool sample) {
  const Plan& plan = *in.plan;
  const ProgressReport& rep = *in.report;
  const ReportFigures& f = *in.figures;
  data d;
  put(d, "plan_reference", literalText(in.planReference));
  // The same without "của <issuer>", for sentences that name the issuer themselves.
  std::string shortRef = in.planReference;
  const std::string ofIssuer = " của " + plan.document.issuer.shortName;
  if (shortRef.size() > ofIssuer.size() && shortRef.compare(shortRef.size() - ofIssuer.size(), ofIssuer.size(), ofIssuer) == 0)
    shortRef.erase(shortRef.size() - ofIssuer.size());
  put(d, "plan_reference_short", literalText(shortRef));
  put(d, "plan_title", literalText(plan.document.title));
  put(d, "issuer", literalText(plan.document.issuer.shortName));
  put(d, "period", rep.period.label(Lang::Vi));
  put(d, "year", std::to_string(rep.period.year));
  put(d, "data_from", formatDateVi(f.range.first));
  put(d, "data_to", formatDateVi(f.range.last));
  put(d, "as_of", formatDateVi(f.asOf));
  put(d, "as_of_given", flag(rep.asOfGiven));
  data tasks = taskData(f.tasks);
  if (sample) {
    data parts = phraseList({"x"}, "", "");
    put(tasks, "status_parts", std::move(parts));
  }
  put(d, "tasks", std::move(tasks));
  const bool hasTasks = plan.tasks && f.tasks.total > 0;
  const bool hasInd = plan.indicators && f.indicators.total > 0;
  put(d, "has_tasks", flag(hasTasks));
  put(d, "has_indicators", flag(hasInd));
  data groups{data::type::list};
  for (const auto& g : f.groups) {
    data gd = taskData(g.tasks);
    put(gd, "number", literalText(g.number));
    put(gd, "title", literalText(g.title));
    put(gd, "label", literalText(groupLabel(g.number, g.title)));
    pushMoved(groups, std::move(gd));
  }
  if (sample && f.groups.empty()) {
    data gd = taskData(TaskFigures{});
    put(gd, "number", "");
    put(gd, "title", "");
    put(gd, "label", "");
    put(gd, "status_parts", phraseList({"x"}, "", ""));
    pushMoved(groups, std::move(gd));
  }
  put(d, "groups", std::move(groups));
  data overdue{data::type::list};
  auto overdueEntry = [&](const std::string& number, const std::string& name, const std::string& lead,
                          const std::string& deadline, const std::string& daysLate) {
    data od;
    put(od, "number", literalText(number));
    put(od, "name", literalText(name));
    put(od, "lead", literalText(lead));
    put(od, "deadline", literalText(deadline));
    put(od, "days_late", daysLate);
    return od;
  };
  if (in.tasks)
    for (const auto& e : in.tasks->tasks) {
      if (e.status != TaskStatus::Overdue) continue;
      std::string lead;
      for (const auto& l : e.task->lead) lead += (lead.empty() ? "" : ", ") + l.text;
      pushMoved(overdue, overdueEntry(keyOf(*e.task), e.task->name, lead, e.task->deadline.text,
                                       n(static_cast<int>(e.daysLate))));
    }
  put(d, "overdue_tasks", sampleOr(std::move(overdue), sample, overdueEntry("", "", "", "", "")));
  data ind;
  put(ind, "total", n(f.indicators.total));
  put(ind, "met", n(f.indicators.met));
  put(ind, "met_pct", formatPercent(f.indicators.metPercent));
  put(ind, "not_met", n(f.indicators.notMet));
  put(ind, "not_comparable", n(f.indicators.notComparable));
  put(ind, "no_data", n(f.indicators.noData));
  put(ind, "status_parts", sample ? phraseList({"x"}, "", "") : phraseList(indicatorStatusPhrases(f.indicators), ", ", " và "));
  put(d, "indicators", std::move(ind));
  // Numbering and appendix names follow from which parts the plan has.
  put(d, "tasks_appendix", "Phụ lục I");
  put(d, "indicators_appendix", hasTasks ? "Phụ lục II" : "Phụ lục I");
  put(d, "indicators_number", hasTasks ? "2." : "1.");
  put(d, "highlights_number", std::to_string(1 + int(hasTasks) + int(hasInd)) + ".");
  put(d, "direction", paragraphs(rep.chiDao, sample));
  put(d, "highlights", paragraphs(rep.ketQuaNoiBat, sample));
  put(d, "shortcomings", paragraphs(rep.tonTai, sample));
  put(d, "next_steps", paragraphs(rep.phuongHuong, sample));
  put(d, "proposals", paragraphs(rep.deXuat, sample));
  put(d, "has_direction", flag(!rep.chiDao.empty()));
  put(d, "has_highlights", flag(!rep.ketQuaNoiBat.empty()));
  put(d, "has_shortcomings", flag(!rep.tonTai.empty()));
  put(d, "has_next_steps", flag(!rep.phuongHuong.empty()));
  put(d, "has_proposals", flag(!rep.deXuat.empty()));
  return d;
}

// Finds the value a tag names the way Mustache does: the innermost context that has the
// first part of the name, then down the dotted parts.
const data* lookup(const std::vector<const data*>& stack, const std::string& name) {
  if (name == ".") return stack.back();
  std::vector<std::string> parts;
  for (size_t b = 0;;) {
    size_t e = name.find('.', b);
    parts.push_back(name.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const data* v = (*it)->get(parts[0]);
    if (!v) continue;
    for (size_t i = 1; v && i < parts.size(); ++i) v = v->get(parts[i]);
    return v;
  }
  return nullptr;
}

// Every tag of the template must name a value the report gives (a misspelt name would
// otherwise print nothing); partials and delimiter changes are not supported.
bool checkTemplateNames(const std::string& text, const std::string& path, const data& schema, Diagnostics& diags) {
  bool ok = true;
  constexpr int kNamedTags = 20;
  int reported = 0;
  std::vector<const data*> stack{&schema};
  size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    const size_t tagStart = pos;
    const bool triple = text.compare(pos, 3, "{{{") == 0;
    const std::string close = triple ? "}}}" : "}}";
    const size_t open = pos + (triple ? 3 : 2);
    const size_t end = text.find(close, open);
    if (end == std::string::npos) break;  // the Mustache parser reports it
    std::string body = trim(text.substr(open, end - open));
    pos = end + close.size();
    char kind = body.empty() ? ' ' : body[0];
    if (kind == '!') continue;
    auto report = [&](MsgId id, const std::string& arg) {
      ok = false;
      // A hostile template of thousands of bad tags: the first are named, the rest counted
      // (each place is counted from the template's start).
      if (++reported > kNamedTags) return;
      auto [line, col] = lineColumnOf(text, tagStart);
      diags.add({Severity::Error, path, line, col, id, {arg}});
    };
    if (kind == '>' || kind == '=' || kind == '<') {
      report(MsgId::TemplateUnsupported, "{{" + body + "}}");
      continue;
    }
    std::string name = body;
    if (kind == '#' || kind == '^' || kind == '/' || kind == '&') name = trim(body.substr(1));
    if (kind == '/') {
      if (stack.size() > 1) stack.pop_back();
      continue;
    }
    const data* v = lookup(stack, name);
    if (!v) report(MsgId::TemplateUnknownValue, name);
    if (kind == '#' || kind == '^') {
      // Inside a list's section the names are those of its elements.
      static const data kNothing;
      const data* inner = &kNothing;
      if (v && kind == '#' && v->is_non_empty_list()) inner = &v->list_value().front();
      else if (v && v->is_object()) inner = v;
      stack.push_back(inner);
    }
  }
  if (reported > kNamedTags)
    diags.add({Severity::Error, path, 0, 0, MsgId::MoreOfTheSame, {std::to_string(reported - kNamedTags)}});
  return ok;
}

}  // namespace

namespace {

// A report template as checked and parsed, kept per thread: a run renders the same few
// templates for thousands of units, and parsing one and checking its names (against a
// sample of the report's values, built for that alone) cost half of rendering it.
struct CheckedTemplate {
  std::string text;
  std::unique_ptr<mustache> tmpl;
  // The names check passed for these values of the one input-dependent part of the sample
  // (whether the first task group has no task phrases: its list then has no element to
  // check names against); bit 0: it has phrases, bit 1: it has none.
  unsigned namesChecked = 0;
};

std::vector<CheckedTemplate>& checkedTemplates() {
  thread_local std::vector<CheckedTemplate> cache;
  return cache;
}

// Which of CheckedTemplate::namesChecked's bits the names check of `in` depends on.
unsigned sampleKind(const ReportTextInput& in) {
  const auto& groups = in.figures->groups;
  return !groups.empty() && taskStatusPhrases(groups.front().tasks).empty() ? 2u : 1u;
}

}  // namespace

std::optional<std::string> renderReportText(const std::string& templateText, const std::string& templatePath,
                                            const ReportTextInput& in, Diagnostics& diags) {
  auto& cache = checkedTemplates();
  const unsigned kind = sampleKind(in);
  auto hit = std::find_if(cache.begin(), cache.end(), [&](const CheckedTemplate& c) { return c.text == templateText; });
  if (hit == cache.end() || !(hit->namesChecked & kind)) {
    if (!checkReportTemplate(templateText, templatePath, diags)) return std::nullopt;
    auto tmpl = std::make_unique<mustache>(templateText);
    if (!tmpl->is_valid()) {
      // kainjow reports "… at <byte offset>"; turn it into line:column.
      std::string msg = tmpl->error_message();
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
    if (!checkTemplateNames(templateText, templatePath, reportData(in, true), diags)) return std::nullopt;
    // Plain text output: nothing is HTML-escaped (the values are marked literal instead).
    tmpl->set_custom_escape([](const std::string& s) { return s; });
    if (hit == cache.end()) {
      if (cache.size() >= 16) cache.clear();  // a run uses a handful; bound a long-lived thread's
      cache.push_back(CheckedTemplate{templateText, std::move(tmpl), 0});
      hit = cache.end() - 1;
    }
    hit->namesChecked |= kind;
  }
  mustache& tmpl = *hit->tmpl;
  std::string out = tmpl.render(reportData(in, false));
  if (!tmpl.is_valid()) {
    diags.add({Severity::Error, templatePath, 0, 0, MsgId::SyntaxError, {"Mustache: " + tmpl.error_message()}});
    cache.erase(hit);  // its error stays with it: parse it afresh next time
    return std::nullopt;
  }
  return out;
}

std::vector<SpecBlock> parseReportMarkup(const std::string& markup, const Table& summary, const BarChart& chart) {
  std::vector<SpecBlock> out;
  std::string para;
  auto plain = [](std::string t) {
    for (size_t p; (p = t.find(kLiteral)) != std::string::npos;) t.erase(p, kLiteral.size());
    return trim(t);
  };
  auto flush = [&] {
    std::string t = plain(para);
    if (!t.empty()) {
      SpecBlock b;
      b.kind = SpecBlockKind::Paragraph;
      b.text = t;
      out.push_back(std::move(b));
    }
    para.clear();
  };
  std::istringstream in(markup);
  std::string line;
  while (std::getline(in, line)) {
    std::string t = trim(line);
    if (plain(t).empty()) {
      flush();
      continue;
    }
    SpecBlock b;
    if (t.rfind(kLiteral, 0) == 0) {
      // A line that starts with text from the input is text, whatever it looks like.
      para += (para.empty() ? "" : " ") + t;
    } else if (t.size() > 2 && t[0] == '#' && t[1] >= '1' && t[1] <= '4' && t[2] == ' ') {
      flush();
      b.kind = SpecBlockKind::Heading;
      b.level = t[1] - '0';
      std::string rest = plain(t.substr(3));
      size_t sp = rest.find(' ');
      std::string first = rest.substr(0, sp);
      if (sp != std::string::npos && !first.empty() && (first.back() == '.' || first.back() == ')')) {
        b.number = first;
        b.text = trim(rest.substr(sp + 1));
      } else {
        b.text = rest;
      }
      out.push_back(std::move(b));
    } else if (t.rfind("- ", 0) == 0) {
      flush();
      b.kind = SpecBlockKind::Item;
      b.text = plain(t.substr(2));
      out.push_back(std::move(b));
    } else if (t.rfind("> ", 0) == 0) {
      flush();
      b.kind = SpecBlockKind::Note;
      b.text = plain(t.substr(2));
      out.push_back(std::move(b));
    } else if (t == "[[summary-table]]") {
      flush();
      b.kind = SpecBlockKind::Table;
      b.table = summary;
      out.push_back(std::move(b));
    } else if (t == "[[status-chart]]") {
      flush();
      b.kind = SpecBlockKind::Chart;
      b.chart = chart;
      out.push_back(std::move(b));
    } else {
      para += (para.empty() ? "" : " ") + t;
    }
  }
  flush();
  return out;
}

}  // namespace vnplan
