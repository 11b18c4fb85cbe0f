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
                     {"period", "as_of", "direction", "highlights", "shortcomings", "next_steps", "proposals", "tasks",
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
      }
    }

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

  const Task* findTask(const std::string& number) const {
    if (!plan_.tasks) return nullptr;
    for (const auto& g : plan_.tasks->groups)
      for (const auto& t : g.items)
        if (t.number == number) return &t;
    return nullptr;
  }

  const Indicator* findIndicator(const std::string& number) const {
    if (!plan_.indicators) return nullptr;
    for (const auto& g : plan_.indicators->groups)
      for (const auto& i : g.items)
        if (i.number == number) return &i;
    return nullptr;
  }

  // Reads the `number` of an entry; reports unknown and duplicate numbers.
  template <class Find>
  std::string entryNumber(const Located& e, const std::string& what, MsgId unknown, Find find,
                          std::map<std::string, SourceRef>& seen) {
    auto n = r_.member(e, "number", true);
    if (!n) return {};
    std::string number = r_.text(*n, "number").value_or("");
    if (number.empty()) return {};
    if (!find(number)) r_.error(*n, unknown, {number});
    auto it = seen.find(number);
    if (it != seen.end())
      r_.error(*n, MsgId::DuplicateNumber, {what, number, it->second.file + ":" + std::to_string(it->second.line)});
    else
      seen[number] = e.at();
    return number;
  }

  void readTasks(const Located& v, ProgressReport& rep, bool periodKnown) {
    std::map<std::string, SourceRef> seen;
    r_.forEach(v, "tasks", [&](const Located& e) {
      if (!r_.checkMap(e, "tasks[]",
                       {"number", "status", "completed", "result", "documents", "difficulties", "reason"}))
        return;
      TaskProgress tp;
      tp.at = e.at();
      tp.number = entryNumber(
          e, "task", MsgId::UnknownTask, [&](const std::string& n) { return findTask(n) != nullptr; }, seen);
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
      if (!r_.checkMap(e, "indicators[]", {"number", "value", "as_of", "note"})) return;
      IndicatorProgress ip;
      ip.at = e.at();
      ip.number = entryNumber(
          e, "indicator", MsgId::UnknownIndicator, [&](const std::string& n) { return findIndicator(n) != nullptr; },
          seen);
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
