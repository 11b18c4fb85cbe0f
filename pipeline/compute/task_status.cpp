#include "compute/task_status.hpp"

#include <map>

#include "model/text.hpp"

namespace vnplan {

const char* taskStatusKey(TaskStatus s) {
  switch (s) {
    case TaskStatus::DoneOnTime: return "done-on-time";
    case TaskStatus::DoneLate: return "done-late";
    case TaskStatus::InProgress: return "in-progress";
    case TaskStatus::NotStarted: return "not-started";
    case TaskStatus::Overdue: return "overdue";
    case TaskStatus::Recurring: return "recurring";
    case TaskStatus::WaitingCondition: return "waiting-condition";
    case TaskStatus::Stopped: return "stopped";
    case TaskStatus::NotReported: return "not-reported";
  }
  return "not-reported";
}

std::string taskStatusLabel(TaskStatus s, Lang lang) {
  const bool en = lang == Lang::En;
  switch (s) {
    case TaskStatus::DoneOnTime: return en ? "Done on time" : "Hoàn thành đúng hạn";
    case TaskStatus::DoneLate: return en ? "Done late" : "Hoàn thành chậm";
    case TaskStatus::InProgress: return en ? "In progress" : "Đang thực hiện";
    case TaskStatus::NotStarted: return en ? "Not started" : "Chưa thực hiện";
    case TaskStatus::Overdue: return en ? "Overdue" : "Quá hạn";
    case TaskStatus::Recurring: return en ? "Recurring" : "Thường xuyên, hằng năm";
    case TaskStatus::WaitingCondition: return en ? "Waiting on a condition" : "Chờ điều kiện";
    case TaskStatus::Stopped: return en ? "Stopped / adjusted" : "Dừng/điều chỉnh";
    case TaskStatus::NotReported: return en ? "Not reported" : "Chưa báo cáo";
  }
  return "";
}

namespace {

long dayDiff(const CalendarDate& a, const CalendarDate& b) { return daysFromCivil(a) - daysFromCivil(b); }

// Done (at or before `at`) vs the deadline; the rest by the reported state.
void evaluateDated(TaskEvaluation& e, const TaskProgress* p, const CalendarDate& at) {
  const bool doneByAt = p && p->state == TaskState::Done && (!p->completed || *p->completed <= at);
  if (doneByAt) {
    if (e.deadline && p->completed && *e.deadline < *p->completed) {
      e.status = TaskStatus::DoneLate;
      e.daysLate = dayDiff(*p->completed, *e.deadline);
    } else {
      e.status = TaskStatus::DoneOnTime;
    }
    return;
  }
  if (e.deadline && *e.deadline < at) {
    e.status = TaskStatus::Overdue;
    e.daysLate = dayDiff(at, *e.deadline);
    return;
  }
  if (!p) {
    e.status = TaskStatus::NotReported;
    return;
  }
  // Done after the reference date: still in progress at that date.
  e.status = p->state == TaskState::NotStarted ? TaskStatus::NotStarted : TaskStatus::InProgress;
}

}  // namespace

TaskEvaluation evaluateTask(const Task& task, const TaskProgress* p, const DataRange& range, const CalendarDate& at) {
  TaskEvaluation e;
  e.task = &task;
  e.progress = p;
  e.deadline = task.deadline.lastDay();
  if (p && p->state == TaskState::Stopped) {
    e.status = TaskStatus::Stopped;
    return e;
  }
  switch (task.deadline.kind) {
    case DeadlineKind::Recurring: e.status = TaskStatus::Recurring; return e;
    case DeadlineKind::Conditional:
      if (p && p->state == TaskState::Done && (!p->completed || *p->completed <= at))
        e.status = TaskStatus::DoneOnTime;
      else if (p && (p->state == TaskState::InProgress || p->state == TaskState::Done))
        e.status = TaskStatus::InProgress;
      else
        e.status = TaskStatus::WaitingCondition;
      return e;
    case DeadlineKind::Combined:
      if (p && p->completed && *p->completed <= at && *p->completed < range.first) {
        e.status = TaskStatus::Recurring;
        return e;
      }
      if (p && p->completed && *p->completed <= at) {
        // The first step was completed in this period, whatever the recurring part's state.
        TaskProgress done = *p;
        done.state = TaskState::Done;
        evaluateDated(e, &done, at);
        return e;
      }
      evaluateDated(e, p, at);
      return e;
    case DeadlineKind::Exact:
    case DeadlineKind::Unknown: evaluateDated(e, p, at); return e;
  }
  return e;
}

void StatusCounts::add(const TaskEvaluation& e) {
  ++byStatus[static_cast<size_t>(e.status)];
  ++total;
  if (e.reported()) ++reported;
  if (e.reported() && e.status == TaskStatus::Recurring) {
    ++recurringReported;
    if (e.progress->state == TaskState::Done) ++recurringDone;
  }
}

namespace {

// Free-text leads that differ only in case, spacing or a final full stop are one lead.
std::string leadKey(const AgencyRef& a) {
  if (!a.code.empty()) return "code:" + a.code;
  std::string t = foldForMatching(a.text);
  while (!t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == ',')) t.pop_back();
  return "text:" + t;
}

}  // namespace

TaskStatusSummary computeTaskStatus(const Plan& plan, const ProgressReport& report) {
  TaskStatusSummary s;
  s.period = report.period;
  s.range = dataRange(report.period);
  s.at = report.asOf;
  if (!plan.tasks) return s;
  std::map<std::string, size_t> agencyIndex;
  auto agencyFor = [&](const std::string& key, const std::string& code, const std::string& name) -> AgencyStatus& {
    auto it = agencyIndex.find(key);
    if (it != agencyIndex.end()) return s.agencies[it->second];
    agencyIndex[key] = s.agencies.size();
    s.agencies.push_back(AgencyStatus{code, name, {}});
    return s.agencies.back();
  };
  for (size_t g = 0; g < plan.tasks->groups.size(); ++g) {
    const auto& grp = plan.tasks->groups[g];
    GroupStatus gs{g, grp.number, grp.title, {}};
    for (const auto& task : grp.items) {
      TaskEvaluation e = evaluateTask(task, report.findTask(keyOf(task)), s.range, s.at);
      e.group = g;
      gs.counts.add(e);
      s.total.add(e);
      if (task.lead.empty()) agencyFor("none", "", "").counts.add(e);
      for (const auto& lead : task.lead) agencyFor(leadKey(lead), lead.code, lead.text).counts.add(e);
      s.tasks.push_back(e);
    }
    s.groups.push_back(std::move(gs));
  }
  return s;
}

std::vector<std::pair<std::string, int>> unitsWithoutData(const Plan& plan, const ProgressReport& report) {
  std::vector<std::pair<std::string, int>> out;
  if (!plan.tasks) return out;
  std::map<std::string, size_t> index;
  for (const auto& grp : plan.tasks->groups)
    for (const auto& task : grp.items) {
      if (report.findTask(keyOf(task))) continue;
      for (const auto& lead : task.lead) {
        auto [it, fresh] = index.emplace(leadKey(lead), out.size());
        if (fresh) out.emplace_back(lead.text, 0);
        ++out[it->second].second;
      }
    }
  return out;
}

}  // namespace vnplan
