// `vnplan due [ROOT] [--today dd/mm/yyyy] [-o OUT_DIR]`: the reports of every plan under ROOT whose
// deadline is coming (within --within days, default 30) or past, the days left, and for each
// whether it has no data yet (chưa có số liệu), has data (đã có số liệu; missing entries listed)
// or has been made (đã lập báo cáo: OUT_DIR/<id>/<id>-bao-cao-<P>.pdf newer than its inputs).
// A past report whose data is complete is no longer counted as due.
// Exit: 0 nothing due or all due reports have data; 3 a due report has no progress file;
// 1 a plan or a due progress file has errors (reported; the other plans still listed; wins over
// 3); 2 usage.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "compute/calendar.hpp"
#include "compute/task_status.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"

namespace vnplan {
namespace {

std::optional<CalendarDate> parseToday(const std::string& s) {
  // Like every other date: dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd.
  CalendarDate d;
  if (parseDate(s, d) != DateParse::Ok) return std::nullopt;
  return d;
}

// The report's PDF in the output folder when it is newer than everything it was made from
// (the plan's YAML files, its templates/ folder and the progress file): "đã lập báo cáo".
std::optional<std::filesystem::path> builtReport(const std::string& outDir, const std::string& planId,
                                                 const std::string& planDir, const std::string& progress,
                                                 const ReportPeriod& period) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path pdf = fs::path(outDir) / planId / (planId + "-bao-cao-" + period.key() + ".pdf");
  const auto built = fs::last_write_time(pdf, ec);
  if (ec) return std::nullopt;
  auto newer = [&](const fs::path& p) {
    std::error_code e;
    const auto t = fs::last_write_time(p, e);
    return !e && t > built;
  };
  if (newer(progress)) return std::nullopt;
  for (const char* sub : {"", "templates"}) {
    const fs::path dir = fs::path(planDir) / sub;
    if (!fs::is_directory(dir, ec)) continue;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && newer(it->path())) return std::nullopt;
  }
  return pdf;
}

CalendarDate systemToday() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now);
  return civilFromDays(static_cast<long>(days.time_since_epoch().count()));
}

std::string daysText(long n, Lang lang) {
  if (lang == Lang::En) {
    if (n == 0) return "due today";
    if (n > 0) return std::to_string(n) + (n == 1 ? " day left" : " days left");
    return "deadline passed " + std::to_string(-n) + (n == -1 ? " day ago" : " days ago");
  }
  if (n == 0) return "đến hạn hôm nay";
  if (n > 0) return "còn " + std::to_string(n) + " ngày";
  return "đã qua hạn " + std::to_string(-n) + " ngày";
}

std::string capitalizeFirst(const std::string& s) {
  // Period labels start with an ASCII letter or "q" / "n" / digits: upper-case an ASCII first letter.
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    return std::string(1, static_cast<char>(s[0] - 'a' + 'A')) + s.substr(1);
  return s;
}

}  // namespace

int cmdDue(const std::vector<std::string>& args, const CliOptions& o) {
  const Lang lang = o.lang;
  const bool en = lang == Lang::En;
  if (args.size() > 1)
    return usageError(en ? "due takes at most one ROOT directory" : "due chỉ nhận một thư mục ROOT", lang);
  const std::string root = args.empty() ? "inputs" : args[0];
  CalendarDate today;
  if (!o.today.empty()) {
    auto t = parseToday(o.today);
    if (!t)
      return usageError((en ? "--today must be a date dd/mm/yyyy or YYYY-MM-DD: "
                            : "--today phải là ngày dd/mm/yyyy hoặc YYYY-MM-DD: ") +
                            o.today,
                        lang);
    today = *t;
  } else {
    today = systemToday();
  }

  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    Diagnostics d;
    d.add({Severity::Error, root, 0, 0, MsgId::FileNotFound, {root}});
    printDiagnostics(d, lang);
    return kExitInvalid;
  }
  std::vector<std::string> dirs;
  for (std::filesystem::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && std::filesystem::exists(it->path() / "plan.yaml", ec))
      dirs.push_back(it->path().string());
  std::sort(dirs.begin(), dirs.end());

  bool invalid = false;
  bool missing = false;
  std::vector<Plan> plans;
  std::map<std::string, std::string> dirOf;
  for (const auto& dir : dirs) {
    Diagnostics d;
    auto plan = loadPlan(dir, d);
    // Warnings about a plan's wording are for validate and build; a scheduler running due
    // needs to hear only what stops the plan from being read.
    if (!plan) printDiagnostics(d, lang);
    if (!plan) {
      invalid = true;
      std::cerr << dir << ": " << d.errorCount() << (en ? " error(s); plan skipped\n" : " lỗi; bỏ qua kế hoạch này\n");
      continue;
    }
    dirOf[plan->id] = dir;
    plans.push_back(std::move(*plan));
  }
  ProgressAvailability available;
  for (const auto& p : plans) available[p.id] = availableProgress(dirOf[p.id]);

  const auto due = dueReports(plans, available, today, o.withinDays);
  // Dates: dd/mm/yyyy in Vietnamese, ISO in English (unambiguous).
  auto date = [&](const CalendarDate& d) { return en ? formatDateIso(d) : formatDateVi(d); };
  std::cout << (en ? "Reports due as of " : "Báo cáo đến hạn tính đến ngày ") << date(today)
            << (en ? " (deadlines within " : " (hạn trong ") << o.withinDays
            << (en ? " days or past)\n" : " ngày tới hoặc đã qua)\n");
  if (due.empty()) std::cout << (en ? "  none\n" : "  không có\n");
  size_t ready = 0, reported = 0, stillDue = 0;
  for (const auto& r : due) {
    const Plan& plan = *std::find_if(plans.begin(), plans.end(), [&](const Plan& p) { return p.id == r.planId; });
    const std::string file = progressFile(dirOf[r.planId], r.period);
    std::cout << "  " << r.planId << ": " << (en ? "report " : "báo cáo ") << r.period.label(lang) << " ("
              << r.period.key() << ") — " << (en ? "due " : "hạn ") << date(r.due) << ", " << daysText(r.daysLeft, lang)
              << "\n"
              << "    " << (en ? "data period " : "số liệu từ ") << date(r.data.first) << (en ? " to " : " đến ")
              << date(r.data.last) << "\n";
    if (!r.hasData) {
      missing = true;
      ++stillDue;
      std::cout << "    " << (en ? "MISSING progress data: " : "CHƯA CÓ số liệu: ") << file << "\n";
      continue;
    }
    Diagnostics d;
    auto report = loadProgress(file, plan, d);
    printDiagnostics(d, lang);
    if (!report) {
      invalid = true;
      missing = true;
      ++stillDue;
      std::cout << "    " << (en ? "INVALID progress data (" : "số liệu CÓ LỖI (") << d.errorCount()
                << (en ? " errors): " : " lỗi): ") << file << "\n";
      continue;
    }
    if (auto pdf = builtReport(o.outDir, r.planId, dirOf[r.planId], file, r.period)) {
      // Made after its last input changed: nothing left to do for this report.
      ++reported;
      std::cout << "    " << (en ? "REPORT MADE: " : "ĐÃ LẬP BÁO CÁO: ") << pdf->string() << "\n";
      continue;
    }
    ++ready;
    std::cout << "    " << (en ? "progress data: " : "đã có số liệu: ") << file << "\n";
    size_t tasks = plan.tasks ? plan.tasks->rowCount() : 0;
    size_t inds = plan.indicators ? plan.indicators->rowCount() : 0;
    size_t tasksWithout = 0, indsWithout = 0;
    if (plan.tasks)
      for (const auto& g : plan.tasks->groups)
        for (const auto& t : g.items) tasksWithout += report->findTask(keyOf(t)) == nullptr;
    if (plan.indicators)
      for (const auto& g : plan.indicators->groups)
        for (const auto& i : g.items) indsWithout += report->findIndicator(keyOf(i)) == nullptr;
    // A past report whose data is complete is no longer due (it only waits to be made);
    // one still coming, or with entries missing, is.
    if (r.daysLeft >= 0 || tasksWithout || indsWithout) ++stillDue;
    if (tasksWithout || indsWithout) {
      std::cout << "    " << (en ? "not yet reported: " : "chưa báo cáo: ");
      if (tasks) std::cout << tasksWithout << "/" << tasks << (en ? " tasks" : " nhiệm vụ");
      if (tasks && inds) std::cout << ", ";
      if (inds) std::cout << indsWithout << "/" << inds << (en ? " indicators" : " chỉ tiêu");
      std::cout << "\n";
      auto units = unitsWithoutData(plan, *report);
      if (!units.empty()) {
        std::cout << "    " << (en ? "units without data: " : "đơn vị chưa có số liệu: ");
        for (size_t i = 0; i < units.size(); ++i)
          std::cout << (i ? "; " : "") << units[i].first << " (" << units[i].second << ")";
        std::cout << "\n";
      }
    }
  }
  const size_t noData = due.size() - ready - reported;
  std::cout << capitalizeFirst(en ? "total: " : "tổng: ") << due.size() << (en ? " report(s): " : " báo cáo: ") << noData
            << (en ? " without data, " : " chưa có số liệu, ") << ready << (en ? " with data, " : " đã có số liệu, ")
            << reported << (en ? " made; " : " đã lập báo cáo; ") << stillDue << (en ? " still due\n" : " còn đến hạn\n");
  if (invalid) return kExitInvalid;
  return missing ? kExitReportDue : kExitOk;
}

}  // namespace vnplan
