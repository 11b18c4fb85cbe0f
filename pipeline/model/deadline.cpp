#include "model/deadline.hpp"

#include <string_view>

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

// Deadlines are read by hand rather than by std::regex: every task of every plan passes here,
// and the regexes cost more than the rest of a plan's tasks together. Each matcher below
// accepts exactly what the regex named in its comment accepted (ECMAScript, classic locale:
// `\s` is one of " \t\n\v\f\r", `\d` one of 0-9); deadline_test.cpp holds those regexes and
// compares both on many texts.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool atEnd() const { return i_ == s_.size(); }
  size_t pos() const { return i_; }
  static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
  // `\s*`; how many were skipped.
  size_t spaces() {
    const size_t from = i_;
    while (i_ < s_.size() && isSpace(s_[i_])) ++i_;
    return i_ - from;
  }
  // `word\s+`, taken only whole.
  bool wordThenSpaces(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    size_t k = i_ + word.size();
    if (k >= s_.size() || !isSpace(s_[k])) return false;
    i_ = k;
    spaces();
    return true;
  }
  bool literal(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  // `(\d{lo,hi})` followed by no further digit (each use is followed by a non-digit or the end).
  bool digits(size_t lo, size_t hi, int& out) {
    size_t k = i_;
    while (k < s_.size() && s_[k] >= '0' && s_[k] <= '9') ++k;
    if (k - i_ < lo || k - i_ > hi) return false;
    out = 0;
    for (; i_ < k; ++i_) out = out * 10 + (s_[i_] - '0');
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// `(?:(?:trước|trong|đến|hết|cuối|đầu|từ|vào|chậm nhất|hoàn thành)\s+)*`: words that may
// precede a point in time without changing its meaning. Taken greedily: what follows them
// never starts with one of them, so the regex could not have backtracked into them.
void skipLeadWords(Cursor& c) {
  static const std::string_view kLead[] = {"trước", "trong", "đến", "hết", "cuối", "đầu", "từ", "vào", "chậm nhất", "hoàn thành"};
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : kLead)
      if (c.wordThenSpaces(w)) {
        again = true;
        break;
      }
  }
}

// `(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})$`
bool matchDay(Cursor c, int& day, int& month, int& year) {
  c.wordThenSpaces("ngày");
  if (!c.digits(1, 2, day)) return false;
  c.spaces();
  if (!c.literal('/')) return false;
  c.spaces();
  if (!c.digits(1, 2, month)) return false;
  c.spaces();
  if (!c.literal('/')) return false;
  c.spaces();
  return c.digits(4, 4, year) && c.atEnd();
}

// `(?:tháng\s+)?(\d{1,2})\s*/\s*(?:năm\s+)?(\d{4})$`
bool matchMonth(Cursor c, int& month, int& year) {
  c.wordThenSpaces("tháng");
  if (!c.digits(1, 2, month)) return false;
  c.spaces();
  if (!c.literal('/')) return false;
  c.spaces();
  c.wordThenSpaces("năm");
  return c.digits(4, 4, year) && c.atEnd();
}

// `tháng\s+(\d{1,2})\s+năm\s+(\d{4})$`
bool matchMonthWords(Cursor c, int& month, int& year) {
  if (!c.wordThenSpaces("tháng") || !c.digits(1, 2, month)) return false;
  if (c.spaces() == 0 || !c.wordThenSpaces("năm")) return false;
  return c.digits(4, 4, year) && c.atEnd();
}

// `quý\s+(i{1,3}|iv|[1-4])\s*(?:/|\s)\s*(?:năm\s+)?(\d{4})$`
bool matchQuarter(std::string_view s, Cursor c, std::string& numeral, int& year) {
  if (!c.wordThenSpaces("quý")) return false;
  const size_t from = c.pos();
  size_t k = from;
  while (k < s.size() && (s[k] == 'i' || s[k] == 'v' || (s[k] >= '1' && s[k] <= '4'))) ++k;
  numeral = std::string(s.substr(from, k - from));
  if (numeral != "i" && numeral != "ii" && numeral != "iii" && numeral != "iv" &&
      !(numeral.size() == 1 && numeral[0] >= '1' && numeral[0] <= '4'))
    return false;
  Cursor rest = c;
  for (size_t n = 0; n < numeral.size(); ++n) rest.literal(s[from + n]);
  // `\s*(?:/|\s)\s*`: a slash between optional spaces, or at least one space.
  const size_t before = rest.spaces();
  if (!rest.literal('/') && before == 0) return false;
  rest.spaces();
  rest.wordThenSpaces("năm");
  return rest.digits(4, 4, year) && rest.atEnd();
}

// `(?:năm\s+)?(\d{4})$`
bool matchYear(Cursor c, int& year) {
  c.wordThenSpaces("năm");
  return c.digits(4, 4, year) && c.atEnd();
}

// `(?:giai đoạn\s+|năm\s+)?(\d{4})\s*[-–]\s*(\d{4})$`. The class `[-–]` of a byte regex is
// one byte of '-', 0xE2, 0x80, 0x93 (the dash's UTF-8 bytes taken singly): kept as it was.
bool matchRange(std::string_view s, Cursor c, int& last) {
  if (!c.wordThenSpaces("giai đoạn")) c.wordThenSpaces("năm");
  int first = 0;
  if (!c.digits(4, 4, first)) return false;
  c.spaces();
  if (c.atEnd()) return false;
  const unsigned char dash = static_cast<unsigned char>(s[c.pos()]);
  if (dash != '-' && dash != 0xE2 && dash != 0x80 && dash != 0x93) return false;
  c.literal(static_cast<char>(dash));
  c.spaces();
  return c.digits(4, 4, last) && c.atEnd();
}

bool parseExact(std::string_view s, Deadline& d) {
  Cursor c(s);
  skipLeadWords(c);
  int a = 0, b = 0, y = 0;
  if (matchDay(c, a, b, y)) {
    d.granularity = Granularity::Day;
    d.day = a;
    d.month = b;
    d.year = y;
    d.impossible = !isValidDate(d.year, d.month, d.day);
    return true;
  }
  if (matchMonth(c, a, y) || matchMonthWords(c, a, y)) {
    d.granularity = Granularity::Month;
    d.month = a;
    d.year = y;
    d.impossible = d.month < 1 || d.month > 12;
    return true;
  }
  std::string numeral;
  if (matchQuarter(s, c, numeral, y)) {
    d.granularity = Granularity::Quarter;
    d.quarter = romanValue(numeral);
    d.year = y;
    return true;
  }
  if (matchYear(c, y)) {
    d.granularity = Granularity::Year;
    d.year = y;
    return true;
  }
  if (matchRange(s, c, y)) {
    // A period "2025 - 2030" is due by the end of its last year.
    d.granularity = Granularity::Year;
    d.year = y;
    return true;
  }
  return false;
}

bool parseRecurring(std::string_view s, Deadline& d) {
  // `(?:^|\s)tháng\s+(\d{1,2})\s+(?:hàng|hằng)\s+năm`, searched: the first "tháng" at the
  // start or after a space that the rest follows.
  constexpr std::string_view kMonth = "tháng", kYear = "năm";
  for (size_t at = s.find(kMonth); at != std::string_view::npos; at = s.find(kMonth, at + 1)) {
    if (at != 0 && !Cursor::isSpace(s[at - 1])) continue;
    Cursor c(s.substr(at));
    int month = 0;
    if (!c.wordThenSpaces(kMonth) || !c.digits(1, 2, month) || c.spaces() == 0) continue;
    if (!c.wordThenSpaces("hàng") && !c.wordThenSpaces("hằng")) continue;
    if (s.substr(at + c.pos()).substr(0, kYear.size()) != kYear) continue;
    d.recurrence = Recurrence::Yearly;
    d.recurringMonth = month;
    d.impossible = d.recurringMonth < 1 || d.recurringMonth > 12;
    return true;
  }
  static const char* yearly[] = {"hàng năm", "hằng năm", "định kỳ", "hàng quý", "hằng quý", "hàng tháng", "hằng tháng"};
  static const char* continuous[] = {"thường xuyên", "liên tục"};
  for (const char* w : continuous)
    if (s.find(w) != std::string_view::npos) {
      d.recurrence = Recurrence::Continuous;
      return true;
    }
  for (const char* w : yearly)
    if (s.find(w) != std::string_view::npos) {
      d.recurrence = Recurrence::Yearly;
      return true;
    }
  return false;
}

// `^(.+?)\s*(?:,|;|và|;\s*và|,\s*và|sau đó)\s+(.+)$`: a first step, a separator, the rest —
// the split the regex found first (the shortest first part, the first separator that fits).
// `s` is folded (foldForMatching), so it holds no line break that `.` would not match.
bool splitCombined(std::string_view s, std::string_view& first, std::string_view& rest) {
  static const std::string_view kSeparators[] = {",", ";", "và", ";*và", ",*và", "sau đó"};  // '*': `\s*`
  for (size_t p = 1; p < s.size(); ++p) {
    Cursor c(s);
    for (size_t k = 0; k < p; ++k) c.literal(s[k]);
    c.spaces();
    const size_t q = c.pos();
    for (std::string_view sep : kSeparators) {
      size_t r = q;
      bool fits = true;
      for (size_t k = 0; k < sep.size() && fits; ++k) {
        if (sep[k] == '*') {
          while (r < s.size() && Cursor::isSpace(s[r])) ++r;
        } else if (r < s.size() && s[r] == sep[k]) {
          ++r;
        } else {
          fits = false;
        }
      }
      if (!fits) continue;
      // `\s+(.+)$`: the spaces are greedy but leave the rest at least one character.
      size_t t = r;
      while (t < s.size() && Cursor::isSpace(s[t])) ++t;
      if (t == r) continue;
      if (t == s.size()) {
        if (t - r < 2) continue;
        --t;
      }
      first = s.substr(0, p);
      rest = s.substr(t);
      return true;
    }
  }
  return false;
}

bool isConditional(std::string_view s) {
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
  std::string_view first, rest;
  if (splitCombined(s, first, rest)) {
    Deadline firstStep;
    Deadline then;
    if (parseExact(first, firstStep) && parseRecurring(rest, then)) {
      d.kind = DeadlineKind::Combined;
      d.granularity = firstStep.granularity;
      d.year = firstStep.year;
      d.quarter = firstStep.quarter;
      d.month = firstStep.month;
      d.day = firstStep.day;
      d.impossible = firstStep.impossible || then.impossible;
      d.recurrence = then.recurrence;
      d.recurringMonth = then.recurringMonth;
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
