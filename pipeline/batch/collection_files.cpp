#include "batch/collection_files.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "compute/calendar.hpp"

namespace vnplan {

namespace fs = std::filesystem;

std::optional<CalendarDate> reportDue(const Plan& plan, const ReportPeriod& period) {
  std::optional<CalendarDate> best;
  for (const auto& entry : reportingCalendar(plan)) {
    if (entry.kind != period.kind) continue;
    CalendarDate d = dueDate(entry, period);
    if (!best || d < *best) best = d;
  }
  return best;
}

std::string collectFileName(const Plan& plan, const ReportPeriod& period, const FormUnit& unit) {
  const std::string who = unit.kind == FormKind::Plan ? "toan-ke-hoach" : unit.code;
  return plan.id + "-" + period.key() + "-" + who + ".xlsx";
}

std::string inboxDir(const std::string& planDir, const ReportPeriod& period) {
  return (fs::path(planDir) / "inbox" / period.key()).string();
}

std::vector<std::string> inboxFiles(const std::string& planDir, const ReportPeriod& period) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(inboxDir(planDir, period), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name[0] == '~' || name.size() < 5) continue;
    std::string ext = name.substr(name.size() - 5);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".xlsx" || !it->is_regular_file(ec)) continue;
    files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace vnplan
