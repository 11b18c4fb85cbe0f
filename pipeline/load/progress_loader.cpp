#include "load/progress_loader.hpp"

#include <filesystem>
#include <map>

#include "load/safe_file.hpp"
#include "load/yaml_reader.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

const char* const kStatusAllowed = "hoàn thành, đang thực hiện, chưa thực hiện, dừng/điều chỉnh";

class ProgressLoader {
 public:
  ProgressLoader(const Plan& plan, Diagnostics& d) : plan_(plan), diags_(d), r_(d) {}

  std::optional<ProgressReport> load(const std::string& file) {
    ProgressReport rep;
    rep.file = file;
    const std::string stem = std::filesystem::path(file).stem().string();
    const auto fromName = parseReportPeriod(stem);
    if (!fromName) r_.error(SourceRef{file, 0, 0}, MsgId::BadPeriod, {stem + ".yaml"});

    // PLAN_DIR/progress/<period>.yaml may include files of its plan's directory only.
    const std::filesystem::path progressDir = std::filesystem::path(file).parent_path();
    const std::string planDir = ((progressDir.empty() ? std::filesystem::path(".") : progressDir) / "..").string();
    r_.confineIncludesTo(planDir);
    // The progress file itself too: a symlink in progress/ must not lead out of the plan.
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && !isInsideDirectory(file, planDir)) {
      r_.error(SourceRef{file, 0, 0}, MsgId::IncludeOutsidePlan, {file});
      return std::nullopt;
    }
    auto root = r_.loadFile(file);
    if (!root) return std::nullopt;
    if (!r_.checkMap(*root, "progress",
                     {"period", "as_of", "report", "direction", "highlights", "shortcomings", "next_steps", "proposals", "tasks",
                      "indicators"}))
      return std::nullopt;

    bool periodKnown = false;
    if (auto p = r_.member(*root, "period", true)) {
      std::string text = r_.text(*p, "period").value_or("");
      if (auto per = parseReportPeriod(text)) {
        rep.period = *per;
        periodKnown = true;
        if (fromName && !(*fromName == *per)) r_.error(*p, MsgId::BadPeriod, {text + " ≠ " + stem + ".yaml"});
      } else if (!text.empty() || p->node.IsScalar()) {
        r_.error(*p, MsgId::BadPeriod, {text});
      }
    }
    const DataRange range = periodKnown ? dataRange(rep.period) : DataRange{};
    rep.asOf = range.last;
    if (auto a = r_.member(*root, "as_of")) {
      if (auto d = date(*a, "as_of")) {
        if (periodKnown && !range.contains(*d))
          r_.error(*a, MsgId::BadValue,
                   {"as_of", formatDateVi(*d), formatDateVi(range.first) + " … " + formatDateVi(range.last)});
        rep.asOf = *d;
        rep.asOfGiven = true;
      }
    }
    readReportDocument(*root, rep);

    if (auto v = r_.member(*root, "direction")) rep.chiDao = paragraphs(*v, "direction");
    if (auto v = r_.member(*root, "highlights")) rep.ketQuaNoiBat = paragraphs(*v, "highlights");
    if (auto v = r_.member(*root, "shortcomings")) rep.tonTai = paragraphs(*v, "shortcomings");
    if (auto v = r_.member(*root, "next_steps")) rep.phuongHuong = paragraphs(*v, "next_steps");
    if (auto v = r_.member(*root, "proposals")) rep.deXuat = paragraphs(*v, "proposals");
    if (auto v = r_.member(*root, "tasks")) readTasks(*v, rep, periodKnown);
    if (auto v = r_.member(*root, "indicators")) readIndicators(*v, rep, periodKnown ? &range : nullptr);

    if (diags_.hasErrors()) return std::nullopt;
    return rep;
  }

 private:
  const Plan& plan_;
  Diagnostics& diags_;
  YamlReader r_;

  // The `report:` section: the report's own number, date, place, recipients and signer.
  // What it leaves out comes from the plan; the signer defaults to the plan's, as a draft.
  void readReportDocument(const Located& root, ProgressReport& rep) {
    ReportDocument& doc = rep.document;
    doc.place = plan_.document.place;
    doc.recipients = plan_.recipients;
    doc.signature = plan_.signature;
    doc.signature.signedOff = false;
    doc.at = SourceRef{rep.file, 0, 0};
    auto v = r_.member(root, "report");
    if (!v) return;
    doc.at = v->at();
    if (!r_.checkMap(*v, "report", {"number", "date", "place", "recipients", "signature"})) return;
    if (auto n = r_.member(*v, "number")) doc.number = trim(r_.text(*n, "number").value_or(""));
    std::optional<Located> dateNode = r_.member(*v, "date");
    if (dateNode) doc.date = reportDate(*dateNode);
    if (auto p = r_.member(*v, "place")) doc.place = r_.text(*p, "place").value_or(doc.place);
    if (auto rc = r_.member(*v, "recipients")) {
      doc.recipients.clear();
      for (auto& [t, at] : r_.textList(*rc, "recipients")) doc.recipients.push_back(t);
    }
    std::optional<Located> statusNode;
    if (auto sg = r_.member(*v, "signature")) {
      if (r_.checkMap(*sg, "report.signature", {"authority", "name", "status"})) {
        if (auto a = r_.member(*sg, "authority")) {
          doc.signature.authority.clear();
          for (auto& [t, at] : r_.textList(*a, "authority")) doc.signature.authority.push_back(t);
        }
        if (auto n = r_.member(*sg, "name")) doc.signature.name = r_.text(*n, "name").value_or(doc.signature.name);
        statusNode = r_.member(*sg, "status");
        if (statusNode) {
          std::string st = r_.text(*statusNode, "status").value_or("");
          if (st == "signed")
            doc.signature.signedOff = true;
          else if (st != "draft")
            r_.error(*statusNode, MsgId::BadValue, {"status", st, "draft, signed"});
        }
      }
    }
    // A signed report is sent as it is: it needs its number and its full date.
    if (doc.signature.signedOff) {
      if (doc.number.empty()) r_.error(*statusNode, MsgId::SignedWithoutNumber, {"number"});
      if (!doc.date.complete()) r_.error(dateNode ? *dateNode : *statusNode, MsgId::SignedWithoutNumber, {"date dd/mm/yyyy"});
    }
    // The figures cannot be dated after the report that states them.
    if (doc.date.complete() && rep.asOfGiven) {
      const CalendarDate issued{doc.date.year, doc.date.month, doc.date.day};
      if (issued < rep.asOf)
        r_.error(*dateNode, MsgId::BadValue, {"report.date", formatDateVi(issued), "≥ as_of " + formatDateVi(rep.asOf)});
    }
  }

  // The report's date: a full date, or while a draft only its month and year ("06/2026").
  PartialDate reportDate(const Located& v) {
    PartialDate out;
    auto t = r_.text(v, "date");
    if (!t || trim(*t).empty()) return out;
    const std::string text = trim(*t);
    CalendarDate d;
    switch (parseDate(text, d)) {
      case DateParse::Ok: return PartialDate{d.day, d.month, d.year};
      case DateParse::Impossible: r_.error(v, MsgId::ImpossibleDate, {text}); return out;
      case DateParse::NotADate: break;
    }
    // "mm/yyyy" (what the regex ^(\d{1,2})/(\d{4})$ took).
    const size_t slash = text.find('/');
    const bool digitsOnly = text.find_first_not_of("0123456789/") == std::string::npos;
    if (digitsOnly && slash != std::string::npos && slash >= 1 && slash <= 2 && text.size() == slash + 5 &&
        text.find('/', slash + 1) == std::string::npos) {
      int month = std::stoi(text.substr(0, slash)), year = std::stoi(text.substr(slash + 1));
      if (month >= 1 && month <= 12 && year >= 1900) return PartialDate{0, month, year};
      r_.error(v, MsgId::ImpossibleDate, {text});
      return out;
    }
    r_.error(v, MsgId::BadValue, {"date", text, "dd/mm/yyyy, mm/yyyy"});
    return out;
  }

  std::vector<std::string> paragraphs(const Located& v, const std::string& key) {
    std::vector<std::string> out;
    for (auto& [t, at] : r_.textList(v, key)) out.push_back(t);
    return out;
  }

  std::optional<CalendarDate> date(const Located& v, const std::string& key) {
    auto t = r_.text(v, key);
    if (!t) return std::nullopt;
    CalendarDate d;
    switch (parseDate(*t, d)) {
      case DateParse::Ok: return d;
      case DateParse::Impossible: r_.error(v, MsgId::ImpossibleDate, {*t}); break;
      case DateParse::NotADate: r_.error(v, MsgId::BadValue, {key, *t, "dd/mm/yyyy, yyyy-mm-dd"}); break;
    }
    return std::nullopt;
  }

  const Task* findTask(const std::string& key) const {
    return plan_.tasks ? plan_.tasks->findByKey(key) : nullptr;
  }

  // Turns what an entry wrote (`number`, and `group` when numbers restart in each group)
  // into the row key of the plan (model/plan.hpp assignRowKeys). Empty when unresolved.
  template <class Row>
  std::string resolveKey(const Appendix<Row>* ap, const std::string& group, const std::string& number,
                         std::vector<std::string>& candidates) const {
    if (!ap) return {};
    if (!group.empty()) {
      for (size_t gi = 0; gi < ap->groups.size(); ++gi) {
        const auto& g = ap->groups[gi];
        if (groupKeyPart(g.number, gi) != groupKeyPart(group, gi)) continue;
        for (const auto& r : g.items)
          if (r.number == number || qualifiedRowKey("", r.number) == qualifiedRowKey("", number)) return keyOf(r);
      }
      return {};
    }
    if (ap->findByKey(number)) return number;
    // A bare number of an appendix whose numbers restart: accepted when only one row has it.
    for (const auto& g : ap->groups)
      for (const auto& r : g.items)
        if (r.number == number) candidates.push_back(keyOf(r));
    return candidates.size() == 1 ? candidates[0] : std::string();
  }

  // Reads the `number` (and optional `group`) of an entry; reports unknown, ambiguous and
  // duplicate references. Returns the row key.
  template <class Row>
  std::string entryKey(const Located& e, const std::string& what, MsgId unknown, const Appendix<Row>* ap,
                       std::map<std::string, SourceRef>& seen) {
    auto n = r_.member(e, "number", true);
    if (!n) return {};
    std::string number = r_.text(*n, "number").value_or("");
    if (number.empty()) return {};
    std::string group = r_.textOr(e, "group");
    std::vector<std::string> candidates;
    std::string key = resolveKey(ap, group, number, candidates);
    if (key.empty()) {
      std::string shown = group.empty() ? number : qualifiedRowKey(groupKeyPart(group, 0), number);
      if (candidates.size() > 1) {
        std::string list;
        for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
        r_.error(*n, MsgId::AmbiguousRowNumber, {number, list, candidates[0]});
      } else {
        r_.error(*n, unknown, {shown});
      }
      return {};
    }
    auto it = seen.find(key);
    if (it != seen.end())
      r_.error(*n, MsgId::DuplicateNumber, {what, key, it->second.file + ":" + std::to_string(it->second.line)});
    else
      seen[key] = e.at();
    return key;
  }

  void readTasks(const Located& v, ProgressReport& rep, bool periodKnown) {
    std::map<std::string, SourceRef> seen;
    r_.forEach(v, "tasks", [&](const Located& e) {
      if (!r_.checkMap(e, "tasks[]",
                       {"number", "group", "status", "completed", "result", "documents", "difficulties", "reason"}))
        return;
      TaskProgress tp;
      tp.at = e.at();
      tp.number = entryKey(e, "task", MsgId::UnknownTask, plan_.tasks ? &*plan_.tasks : nullptr, seen);
      bool stateKnown = false;
      if (auto s = r_.member(e, "status", true)) {
        if (auto text = r_.text(*s, "status")) {
          if (auto st = parseTaskState(*text)) {
            tp.state = *st;
            stateKnown = true;
          } else {
            r_.error(*s, MsgId::BadValue, {"status", *text, kStatusAllowed});
          }
        }
      }
      std::optional<Located> completedNode = r_.member(e, "completed");
      if (completedNode) {
        tp.completed = date(*completedNode, "completed");
        if (tp.completed && periodKnown && rep.asOf < *tp.completed)
          r_.error(*completedNode, MsgId::BadValue,
                   {"completed", formatDateVi(*tp.completed), "≤ as_of " + formatDateVi(rep.asOf)});
      }
      tp.result = r_.textOr(e, "result");
      if (auto d = r_.member(e, "documents"))
        for (auto& [t, at] : r_.textList(*d, "documents")) tp.documents.push_back(t);
      tp.difficulties = r_.textOr(e, "difficulties");
      tp.reason = r_.textOr(e, "reason");
      if (stateKnown && tp.state == TaskState::Stopped && tp.reason.empty())
        r_.error(e, MsgId::MissingField, {"reason"});
      if (stateKnown && tp.state == TaskState::Done && !completedNode) {
        // A done task with a dated deadline needs its completion date (on time or late?).
        const Task* t = findTask(tp.number);
        if (t && (t->deadline.kind == DeadlineKind::Exact || t->deadline.kind == DeadlineKind::Combined))
          r_.error(e, MsgId::MissingField, {"completed"});
      }
      rep.tasks.push_back(std::move(tp));
    });
  }

  void readIndicators(const Located& v, ProgressReport& rep, const DataRange* range) {
    std::map<std::string, SourceRef> seen;
    r_.forEach(v, "indicators", [&](const Located& e) {
      if (!r_.checkMap(e, "indicators[]", {"number", "group", "value", "as_of", "note"})) return;
      IndicatorProgress ip;
      ip.at = e.at();
      ip.number = entryKey(e, "indicator", MsgId::UnknownIndicator,
                           plan_.indicators ? &*plan_.indicators : nullptr, seen);
      ip.value = trim(r_.textOr(e, "value"));
      if (auto a = r_.member(e, "as_of")) {
        ip.asOf = date(*a, "as_of");
        if (ip.asOf && range && range->last < *ip.asOf)
          r_.error(*a, MsgId::BadValue, {"as_of", formatDateVi(*ip.asOf), "≤ " + formatDateVi(range->last)});
      }
      ip.note = r_.textOr(e, "note");
      rep.indicators.push_back(std::move(ip));
    });
  }
};

}  // namespace

std::optional<ProgressReport> loadProgress(const std::string& file, const Plan& plan, Diagnostics& diags) {
  ProgressLoader loader(plan, diags);
  return loader.load(file);
}

std::string progressFile(const std::string& planDir, const ReportPeriod& period) {
  return (std::filesystem::path(planDir) / "progress" / (period.key() + ".yaml")).string();
}

std::set<std::string> availableProgress(const std::string& planDir) {
  std::set<std::string> out;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(planDir) / "progress";
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".yaml") continue;
    std::string stem = it->path().stem().string();
    if (parseReportPeriod(stem)) out.insert(stem);
  }
  return out;
}

}  // namespace vnplan
