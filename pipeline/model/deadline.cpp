#include "model/deadline.hpp"

#include <regex>

#include "model/text.hpp"

namespace vnplan {

bool isValidDate(int year, int month, int day) {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

int daysInMonth(int year, int month) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return d[month - 1] + (month == 2 && leap ? 1 : 0);
}

// Howard Hinnant's civil-calendar algorithms (public domain description, written here anew).
long daysFromCivil(const CalendarDate& c) {
  long y = c.year - (c.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (c.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + c.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate civilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<CalendarDate> Deadline::lastDay() const {
  if (kind != DeadlineKind::Exact && kind != DeadlineKind::Combined) return std::nullopt;
  if (impossible) return std::nullopt;
  switch (granularity) {
    case Granularity::Day: return CalendarDate{year, month, day};
    case Granularity::Month: return CalendarDate{year, month, daysInMonth(year, month)};
    case Granularity::Quarter: return CalendarDate{year, quarter * 3, daysInMonth(year, quarter * 3)};
    case Granularity::Year: return CalendarDate{year, 12, 31};
    case Granularity::None: break;
  }
  return std::nullopt;
}

const char* deadlineKindKey(DeadlineKind k) {
  switch (k) {
    case DeadlineKind::Exact: return "exact";
    case DeadlineKind::Recurring: return "recurring";
    case DeadlineKind::Conditional: return "conditional";
    case DeadlineKind::Combined: return "combined";
    case DeadlineKind::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

int romanValue(const std::string& r) {
  if (r == "i" || r == "1") return 1;
  if (r == "ii" || r == "2") return 2;
  if (r == "iii" || r == "3") return 3;
  if (r == "iv" || r == "4") return 4;
  return 0;
}

// Words that may precede a point in time without changing its meaning.
const std::string kLead = R"((?:(?:trước|trong|đến|hết|cuối|đầu|từ|vào|chậm nhất|hoàn thành)\s+)*)";

bool parseExact(const std::string& s, Deadline& d) {
  std::smatch m;
  static const std::regex day("^" + kLead + R"((?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})$)");
  static const std::regex month("^" + kLead + R"((?:tháng\s+)?(\d{1,2})\s*/\s*(?:năm\s+)?(\d{4})$)");
  static const std::regex monthWords("^" + kLead + R"(tháng\s+(\d{1,2})\s+năm\s+(\d{4})$)");
  static const std::regex quarter("^" + kLead + R"(quý\s+(i{1,3}|iv|[1-4])\s*(?:/|\s)\s*(?:năm\s+)?(\d{4})$)");
  static const std::regex year("^" + kLead + R"((?:năm\s+)?(\d{4})$)");
  static const std::regex range("^" + kLead + R"((?:giai đoạn\s+|năm\s+)?(\d{4})\s*[-–]\s*(\d{4})$)");
  if (std::regex_match(s, m, day)) {
    d.granularity = Granularity::Day;
    d.day = std::stoi(m[1]);
    d.month = std::stoi(m[2]);
    d.year = std::stoi(m[3]);
    d.impossible = !isValidDate(d.year, d.month, d.day);
    return true;
  }
  if (std::regex_match(s, m, month) || std::regex_match(s, m, monthWords)) {
    d.granularity = Granularity::Month;
    d.month = std::stoi(m[1]);
    d.year = std::stoi(m[2]);
    d.impossible = d.month < 1 || d.month > 12;
    return true;
  }
  if (std::regex_match(s, m, quarter)) {
    d.granularity = Granularity::Quarter;
    d.quarter = romanValue(m[1]);
    d.year = std::stoi(m[2]);
    return true;
  }
  if (std::regex_match(s, m, year)) {
    d.granularity = Granularity::Year;
    d.year = std::stoi(m[1]);
    return true;
  }
  if (std::regex_match(s, m, range)) {
    // A period "2025 - 2030" is due by the end of its last year.
    d.granularity = Granularity::Year;
    d.year = std::stoi(m[2]);
    return true;
  }
  return false;
}

bool parseRecurring(const std::string& s, Deadline& d) {
  static const std::regex monthly(R"((?:^|\s)tháng\s+(\d{1,2})\s+(?:hàng|hằng)\s+năm)");
  std::smatch m;
  if (std::regex_search(s, m, monthly)) {
    d.recurrence = Recurrence::Yearly;
    d.recurringMonth = std::stoi(m[1]);
    d.impossible = d.recurringMonth < 1 || d.recurringMonth > 12;
    return true;
  }
  static const char* yearly[] = {"hàng năm", "hằng năm", "định kỳ", "hàng quý", "hằng quý", "hàng tháng", "hằng tháng"};
  static const char* continuous[] = {"thường xuyên", "liên tục"};
  for (const char* w : continuous)
    if (s.find(w) != std::string::npos) {
      d.recurrence = Recurrence::Continuous;
      return true;
    }
  for (const char* w : yearly)
    if (s.find(w) != std::string::npos) {
      d.recurrence = Recurrence::Yearly;
      return true;
    }
  return false;
}

bool isConditional(const std::string& s) {
  // "sai khi" is a typing slip for "sau khi" that occurs in a real plan (seed 000).
  static const char* starts[] = {"sau khi", "sai khi", "khi ", "theo ", "thực hiện theo", "căn cứ", "tùy theo", "tuỳ theo", "ngay sau"};
  for (const char* w : starts)
    if (s.rfind(w, 0) == 0) return true;
  return false;
}

}  // namespace

Deadline parseDeadline(const std::string& text) {
  Deadline d;
  d.text = text;
  std::string s = foldForMatching(text);
  while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',')) s.pop_back();
  if (s.empty()) return d;

  if (parseExact(s, d)) {
    d.kind = DeadlineKind::Exact;
    return d;
  }
  // "5/2025 và thực hiện thường xuyên": a first step, then recurring.
  static const std::regex combo(R"(^(.+?)\s*(?:,|;|và|;\s*và|,\s*và|sau đó)\s+(.+)$)");
  std::smatch m;
  if (std::regex_match(s, m, combo)) {
    Deadline first;
    Deadline rest;
    if (parseExact(m[1].str(), first) && parseRecurring(m[2].str(), rest)) {
      d.kind = DeadlineKind::Combined;
      d.granularity = first.granularity;
      d.year = first.year;
      d.quarter = first.quarter;
      d.month = first.month;
      d.day = first.day;
      d.impossible = first.impossible || rest.impossible;
      d.recurrence = rest.recurrence;
      d.recurringMonth = rest.recurringMonth;
      return d;
    }
  }
  if (isConditional(s)) {
    d.kind = DeadlineKind::Conditional;
    d.condition = text;
    return d;
  }
  if (parseRecurring(s, d)) {
    d.kind = DeadlineKind::Recurring;
    return d;
  }
  return d;
}

}  // namespace vnplan
