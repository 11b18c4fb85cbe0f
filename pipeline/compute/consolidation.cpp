#include "compute/consolidation.hpp"

#include "compute/achievement.hpp"
#include "compute/collection_form.hpp"
#include "model/text.hpp"

namespace vnplan {

const char* reportingStateKey(ReportingState s) {
  switch (s) {
    case ReportingState::OnTime: return "on-time";
    case ReportingState::Late: return "late";
    case ReportingState::Missing: return "missing";
    case ReportingState::Rejected: return "rejected";
  }
  return "?";
}

std::string reportingStateLabel(ReportingState s, Lang lang) {
  const bool en = lang == Lang::En;
  switch (s) {
    case ReportingState::OnTime: return en ? "On time" : "Đúng hạn";
    case ReportingState::Late: return en ? "Late" : "Chậm";
    case ReportingState::Missing: return en ? "Missing" : "Chưa báo cáo";
    case ReportingState::Rejected: return en ? "Rejected" : "Bị từ chối";
  }
  return "?";
}

void RateCounts::add(const UnitResult& u) {
  ++expected;
  switch (u.state) {
    case ReportingState::OnTime: ++reported, ++onTime; break;
    case ReportingState::Late: ++reported, ++late; break;
    case ReportingState::Missing: ++missing; break;
    case ReportingState::Rejected: ++rejected; break;
  }
}

Aggregation autoAggregation(const Indicator& ind, const std::string& target) {
  const std::string unit = foldForMatching(ind.unit);
  const TargetForm tf = parseTarget(target);
  if (tf.kind != TargetForm::Kind::Number) return Aggregation::None;  // qualitative: count who met it
  if (ind.unit.find('%') != std::string::npos || tf.percent) return Aggregation::Average;
  for (const char* rank : {"thu", "hang", "xep"})
    if (unit.find(rank) != std::string::npos) return Aggregation::None;
  if (tf.kind == TargetForm::Kind::Number && tf.value < 1 && tf.value > 0) return Aggregation::Average;
  return Aggregation::Sum;
}

namespace {

void addCounts(StatusCounts& into, const StatusCounts& c) {
  for (std::size_t i = 0; i < kTaskStatusCount; ++i) into.byStatus[i] += c.byStatus[i];
  into.total += c.total;
  into.reported += c.reported;
  into.recurringReported += c.recurringReported;
  into.recurringDone += c.recurringDone;
}

GroupTotal total(const Plan& plan, const ReportPeriod& period, const UnitDirectory& dir,
                 const std::vector<const UnitResult*>& members, const Unit* parent) {
  GroupTotal g;
  g.parent = parent;
  for (const UnitResult* u : members) {
    g.rate.add(*u);
    if (u->reported()) addCounts(g.tasks, u->tasks);
  }
  if (!plan.indicators) return g;
  for (const auto& grp : plan.indicators->groups)
    for (const auto& ind : grp.items) {
      IndicatorTotal t;
      t.indicator = &ind;
      t.target = targetForPeriod(ind, period).text;
      auto rule = dir.aggregate.find(indicatorKey(ind));
      t.rule = rule != dir.aggregate.end() && rule->second != Aggregation::Auto ? rule->second
                                                                                : autoAggregation(ind, t.target);
      t.percent = ind.unit.find('%') != std::string::npos || parseTarget(t.target).percent;
      double sum = 0;
      for (const UnitResult* u : members) {
        if (!u->reported()) continue;
        auto v = u->values.find(indicatorKey(ind));
        if (v == u->values.end() || trim(v->second).empty()) continue;
        ++t.unitsWithValue;
        const ValueForm vf = parseValue(v->second);
        if (vf.kind == ValueForm::Kind::Number && !vf.bound) {
          ++t.unitsNumeric;
          sum += vf.value;
        }
        const Achievement a = compareAchievement(t.target, v->second);
        if (a.met && *a.met) ++t.unitsMet;
      }
      if (t.unitsNumeric > 0 && t.rule == Aggregation::Sum) t.value = sum;
      if (t.unitsNumeric > 0 && t.rule == Aggregation::Average) t.value = sum / t.unitsNumeric;
      g.indicators.push_back(std::move(t));
    }
  return g;
}

}  // namespace

Consolidation consolidate(const Plan& plan, const ReportPeriod& period, const UnitDirectory& units,
                          const std::map<std::string, UnitSubmission>& submissions,
                          const std::optional<CalendarDate>& due) {
  Consolidation c;
  c.period = period;
  c.due = due;
  for (const Unit* u : units.reporting()) {
    UnitResult r;
    r.unit = u;
    auto it = submissions.find(u->code);
    if (it != submissions.end() && it->second.data) {
      const UnitSubmission& s = it->second;
      r.received = s.firstAccepted;
      r.state = !due || !s.firstAccepted || *s.firstAccepted <= *due ? ReportingState::OnTime : ReportingState::Late;
      r.tasks = computeTaskStatus(plan, *s.data).total;
      for (const auto& i : s.data->indicators) r.values[i.number] = i.value;
    } else if (it != submissions.end() && !it->second.rejectedReasons.empty()) {
      r.state = ReportingState::Rejected;
      r.reasons = it->second.rejectedReasons;
    }
    c.units.push_back(std::move(r));
  }
  std::map<UnitLevel, RateCounts> byLevel;
  for (const auto& r : c.units) byLevel[r.unit->level].add(r);
  for (auto& [level, counts] : byLevel) c.levels.push_back({level, counts});

  std::vector<const UnitResult*> all;
  for (const auto& r : c.units) all.push_back(&r);
  c.overall = total(plan, period, units, all, nullptr);
  for (const auto& p : units.units) {
    std::vector<const UnitResult*> members;
    for (const auto& r : c.units)
      if (r.unit->parent == p.code) members.push_back(&r);
    if (!members.empty()) c.parents.push_back(total(plan, period, units, members, &p));
  }
  return c;
}

}  // namespace vnplan
