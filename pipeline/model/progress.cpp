#include "model/progress.hpp"

#include <cstdio>

#include "model/text.hpp"

namespace vnplan {
namespace {

// Digits only, 1..n characters; returns -1 otherwise.
int digitsValue(std::string_view s, size_t minLen, size_t maxLen) {
  if (s.size() < minLen || s.size() > maxLen) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

const char* roman(int q) {
  static const char* r[] = {"", "I", "II", "III", "IV"};
  return q >= 1 && q <= 4 ? r[q] : "";
}

}  // namespace

std::string ReportPeriod::key() const {
  std::string y = std::to_string(year);
  switch (kind) {
    case ReportKind::Quarter: return y + "-Q" + std::to_string(quarter);
    case ReportKind::HalfYear: return y + "-H1";
    case ReportKind::NineMonth: return y + "-9M";
    case ReportKind::Annual: return y;
  }
  return y;
}

std::string ReportPeriod::label(Lang lang) const {
  std::string y = std::to_string(year);
  if (lang == Lang::En) {
    switch (kind) {
      case ReportKind::Quarter: {
        // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict, GCC PR 105329)
        // on "literal" + std::string.
        std::string s = "Q";
        s += std::to_string(quarter);
        s += ' ';
        s += y;
        return s;
      }
      case ReportKind::HalfYear: return "first half of " + y;
      case ReportKind::NineMonth: return "first nine months of " + y;
      case ReportKind::Annual: return "year " + y;
    }
    return y;
  }
  switch (kind) {
    case ReportKind::Quarter: return std::string("quý ") + roman(quarter) + " năm " + y;
    case ReportKind::HalfYear: return "6 tháng đầu năm " + y;
    case ReportKind::NineMonth: return "9 tháng đầu năm " + y;
    case ReportKind::Annual: return "năm " + y;
  }
  return y;
}

std::optional<ReportPeriod> parseReportPeriod(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  int year = digitsValue(text.substr(0, 4), 4, 4);
  if (year < 1900) return std::nullopt;
  ReportPeriod p;
  p.year = year;
  std::string_view rest = text.substr(4);
  if (rest.empty()) {
    p.kind = ReportKind::Annual;
    return p;
  }
  if (rest == "-H1") {
    p.kind = ReportKind::HalfYear;
    return p;
  }
  if (rest == "-9M") {
    p.kind = ReportKind::NineMonth;
    return p;
  }
  if (rest.size() == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4') {
    p.kind = ReportKind::Quarter;
    p.quarter = rest[2] - '0';
    return p;
  }
  return std::nullopt;
}

DataRange dataRange(const ReportPeriod& p) {
  DataRange r;
  r.first = CalendarDate{p.year - 1, 12, 15};
  switch (p.kind) {
    case ReportKind::Quarter: {
      int firstMonth = 3 * p.quarter - 2;  // 1, 4, 7, 10
      r.first = firstMonth == 1 ? CalendarDate{p.year - 1, 12, 15} : CalendarDate{p.year, firstMonth - 1, 15};
      r.last = CalendarDate{p.year, 3 * p.quarter, 14};
      break;
    }
    case ReportKind::HalfYear: r.last = CalendarDate{p.year, 6, 14}; break;
    case ReportKind::NineMonth: r.last = CalendarDate{p.year, 9, 14}; break;
    case ReportKind::Annual: r.last = CalendarDate{p.year, 12, 14}; break;
  }
  return r;
}

const char* reportKindKey(ReportKind k) {
  switch (k) {
    case ReportKind::Quarter: return "quarter";
    case ReportKind::HalfYear: return "half-year";
    case ReportKind::NineMonth: return "nine-month";
    case ReportKind::Annual: return "annual";
  }
  return "annual";
}

DateParse parseDate(std::string_view text, CalendarDate& out) {
  std::string s = trim(text);
  std::string_view v(s);
  int d = -1, m = -1, y = -1;
  size_t dash1 = v.find('-');
  size_t slash1 = v.find('/');
  if (dash1 == 4 && slash1 == std::string_view::npos) {
    // yyyy-mm-dd
    size_t dash2 = v.find('-', 5);
    if (dash2 == std::string_view::npos) return DateParse::NotADate;
    y = digitsValue(v.substr(0, 4), 4, 4);
    m = digitsValue(v.substr(5, dash2 - 5), 1, 2);
    d = digitsValue(v.substr(dash2 + 1), 1, 2);
  } else if (slash1 != std::string_view::npos && dash1 == std::string_view::npos) {
    // d/m/yyyy
    size_t slash2 = v.find('/', slash1 + 1);
    if (slash2 == std::string_view::npos) return DateParse::NotADate;
    d = digitsValue(v.substr(0, slash1), 1, 2);
    m = digitsValue(v.substr(slash1 + 1, slash2 - slash1 - 1), 1, 2);
    y = digitsValue(v.substr(slash2 + 1), 4, 4);
  } else {
    return DateParse::NotADate;
  }
  if (d < 0 || m < 0 || y < 0) return DateParse::NotADate;
  if (!isValidDate(y, m, d)) return DateParse::Impossible;
  out = CalendarDate{y, m, d};
  return DateParse::Ok;
}

std::string formatDateVi(const CalendarDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::string formatDateIso(const CalendarDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<TaskState> parseTaskState(std::string_view text) {
  std::string s = foldForMatching(text);
  // "dừng / điều chỉnh", "dừng, điều chỉnh" → "dừng/điều chỉnh"
  std::string compact;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && ((i > 0 && (s[i - 1] == '/' || s[i - 1] == ',')) || (i + 1 < s.size() && s[i + 1] == '/')))
      continue;
    compact += s[i] == ',' ? '/' : s[i];
  }
  if (compact == "hoàn thành" || compact == "đã hoàn thành" || compact == "done") return TaskState::Done;
  if (compact == "đang thực hiện" || compact == "in-progress") return TaskState::InProgress;
  if (compact == "chưa thực hiện" || compact == "not-started") return TaskState::NotStarted;
  if (compact == "dừng/điều chỉnh" || compact == "dừng" || compact == "điều chỉnh" || compact == "dừng thực hiện" ||
      compact == "stopped")
    return TaskState::Stopped;
  return std::nullopt;
}

const char* taskStateKey(TaskState s) {
  switch (s) {
    case TaskState::Done: return "done";
    case TaskState::InProgress: return "in-progress";
    case TaskState::NotStarted: return "not-started";
    case TaskState::Stopped: return "stopped";
  }
  return "not-started";
}

std::string taskStateLabel(TaskState s, Lang lang) {
  bool en = lang == Lang::En;
  switch (s) {
    case TaskState::Done: return en ? "Done" : "Hoàn thành";
    case TaskState::InProgress: return en ? "In progress" : "Đang thực hiện";
    case TaskState::NotStarted: return en ? "Not started" : "Chưa thực hiện";
    case TaskState::Stopped: return en ? "Stopped / adjusted" : "Dừng/điều chỉnh";
  }
  return "";
}

}  // namespace vnplan
