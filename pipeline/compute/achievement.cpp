#include "compute/achievement.hpp"

#include <cmath>
#include <set>

#include "model/text.hpp"

namespace vnplan {

const char* directionSymbol(Direction d) {
  switch (d) {
    case Direction::AtLeast: return "≥";
    case Direction::Greater: return ">";
    case Direction::AtMost: return "≤";
    case Direction::Less: return "<";
  }
  return "≥";
}

const char* achievementKindKey(AchievementKind k) {
  switch (k) {
    case AchievementKind::Numeric: return "numeric";
    case AchievementKind::YesNo: return "yes-no";
    case AchievementKind::NotComparable: return "not-comparable";
    case AchievementKind::NoData: return "no-data";
    case AchievementKind::NoTarget: return "no-target";
  }
  return "no-data";
}

namespace {

// Lower case, NFC, single spaces (no-break spaces included), no trailing sentence punctuation.
std::string normalize(std::string_view text) {
  std::string spaced;
  spaced.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      spaced += ' ';
      ++i;
    } else {
      spaced += text[i];
    }
  }
  std::string s = foldForMatching(spaced);
  while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',')) s.pop_back();
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool isEmptyMark(const std::string& s) {
  return s.empty() || s == "-" || s == "–" || s == "—" || s == "…" || s == "...";
}

// A Vietnamese number: decimal comma, dots as thousands separators ("1.234,5"); a single dot
// not followed by exactly three digits is read as a decimal point ("0.8").
std::optional<double> readNumber(const std::string& raw) {
  std::string s = raw;
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  std::string plain;
  size_t commas = 0;
  for (char c : s) commas += c == ',';
  if (commas > 1) return std::nullopt;
  if (commas == 1) {
    for (char c : s) {
      if (c == '.') continue;
      plain += c == ',' ? '.' : c;
    }
  } else {
    size_t dots = 0;
    bool groupsOfThree = true;
    size_t lastDot = std::string::npos;
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == '.') {
        if (lastDot != std::string::npos && i - lastDot != 4) groupsOfThree = false;
        lastDot = i;
        ++dots;
      }
    if (dots > 0 && s.size() - lastDot != 4) groupsOfThree = false;
    if (dots == 0) {
      plain = s;
    } else if (groupsOfThree) {
      for (char c : s)
        if (c != '.') plain += c;
    } else if (dots == 1) {
      plain = s;
    } else {
      return std::nullopt;
    }
  }
  if (plain.empty() || plain.back() == '.') return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(plain, &used);
    if (used != plain.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

struct OpWord {
  const char* text;
  std::optional<Direction> dir;  // nullopt: neutral ("đạt", "bằng")
};

const std::vector<OpWord>& opWords() {
  static const std::vector<OpWord> ops = {
      {"≥", Direction::AtLeast},
      {">=", Direction::AtLeast},
      {"≤", Direction::AtMost},
      {"<=", Direction::AtMost},
      {">", Direction::Greater},
      {"<", Direction::Less},
      {"không thấp hơn", Direction::AtLeast},
      {"không dưới", Direction::AtLeast},
      {"tối thiểu", Direction::AtLeast},
      {"ít nhất", Direction::AtLeast},
      {"không vượt quá", Direction::AtMost},
      {"không quá", Direction::AtMost},
      {"tối đa", Direction::AtMost},
      {"trên", Direction::Greater},
      {"dưới", Direction::Less},
      {"ước đạt", std::nullopt},
      {"đạt", std::nullopt},
      {"bằng", std::nullopt},
      {"=", std::nullopt},
  };
  return ops;
}

// Reads an optional leading operator; returns the rest (left-trimmed).
std::string_view takeOp(std::string_view s, std::optional<Direction>& dir, bool& hadOp) {
  hadOp = false;
  dir.reset();
  for (const auto& op : opWords()) {
    std::string_view w(op.text);
    if (s.substr(0, w.size()) == w) {
      std::string_view rest = s.substr(w.size());
      // Word operators must be followed by a space or a digit ("trên 40", "đạt 85%").
      bool symbol = static_cast<unsigned char>(w[0]) < 0x80 || w == "≥" || w == "≤";
      if (!symbol && !rest.empty() && rest[0] != ' ' && !(rest[0] >= '0' && rest[0] <= '9')) continue;
      while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      dir = op.dir;
      hadOp = true;
      return rest;
    }
  }
  return s;
}

// A number at the start of s; pos receives the length consumed.
std::optional<double> leadingNumber(std::string_view s, size_t& pos) {
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) ++i;
  // Sentence punctuation after the number is not part of it ("5, 6" / "100%.").
  size_t end = i;
  while (end > 0 && (s[end - 1] == '.' || s[end - 1] == ',')) --end;
  pos = end;
  if (end == 0) return std::nullopt;
  return readNumber(std::string(s.substr(0, end)));
}

bool startsWithPercent(std::string_view s, size_t& pos) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == '%') {
    pos = i + 1;
    return true;
  }
  return false;
}

// "[op] number [%]" at the start of s; rest receives what follows (left-trimmed). Fails when
// letters are glued to the number ("5G" is not the number 5).
bool readQuantity(std::string_view s, std::optional<Direction>& dir, bool& hadOp, double& value, bool& percent,
                  std::string_view& rest) {
  std::string_view t = takeOp(s, dir, hadOp);
  size_t n = 0;
  auto v = leadingNumber(t, n);
  if (!v) return false;
  t.remove_prefix(n);
  size_t p = 0;
  percent = startsWithPercent(t, p);
  if (percent) {
    t.remove_prefix(p);
  } else if (!t.empty() && t[0] != ' ' && t[0] != ',' && t[0] != ';' && t[0] != '(' && t[0] != '-') {
    return false;
  }
  while (!t.empty() && (t[0] == ' ' || t[0] == ',' || t[0] == ';')) t.remove_prefix(1);
  value = *v;
  rest = t;
  return true;
}

}  // namespace

TargetForm parseTarget(std::string_view text) {
  TargetForm t;
  const std::string s = normalize(text);
  if (isEmptyMark(s)) return t;
  std::optional<Direction> dir;
  bool hadOp = false;
  double v = 0;
  bool pct = false;
  std::string_view rest;
  // The number comes first: "≥ 40", "100%", "≥3% và tăng dần …".
  if (readQuantity(s, dir, hadOp, v, pct, rest)) {
    t.kind = TargetForm::Kind::Number;
    t.value = v;
    t.direction = dir.value_or(Direction::AtLeast);
    t.percent = pct;
    t.partial = !rest.empty();
    return t;
  }
  // A sentence ending in an operator and a number: "Tỷ lệ phủ sóng 5G đạt 62%".
  const std::string& body = s;
  for (const auto& op : opWords()) {
    std::string key = std::string(" ") + op.text;
    size_t at = body.rfind(key);
    if (at == std::string::npos || at == 0) continue;
    std::string_view tailPart(body);
    tailPart.remove_prefix(at + 1);
    if (readQuantity(tailPart, dir, hadOp, v, pct, rest) && hadOp && rest.empty()) {
      t.kind = TargetForm::Kind::Number;
      t.value = v;
      t.direction = dir.value_or(Direction::AtLeast);
      t.percent = pct;
      t.partial = true;
      return t;
    }
  }
  t.kind = TargetForm::Kind::Qualitative;
  return t;
}

namespace {

const std::set<std::string>& yesWords() {
  static const std::set<std::string> w = {
      "đạt",     "đã đạt",     "đạt yêu cầu", "có",         "đã có",         "hoàn thành", "đã hoàn thành", "đảm bảo",
      "bảo đảm", "đã đảm bảo", "đã bảo đảm",  "liên thông", "đã liên thông", "vượt",       "vượt chỉ tiêu", "x"};
  return w;
}

const std::set<std::string>& noWords() {
  static const std::set<std::string> w = {
      "chưa đạt",      "không đạt",    "chưa đạt yêu cầu", "không đạt yêu cầu", "không",
      "chưa có",       "không có",     "chưa hoàn thành",  "không hoàn thành",  "chưa đảm bảo",
      "không đảm bảo", "chưa bảo đảm", "không bảo đảm",    "chưa liên thông",   "không liên thông"};
  return w;
}

std::string firstClause(const std::string& s) {
  size_t cut = s.size();
  for (const char* sep : {":", ",", ";", "(", " - ", " – "}) {
    size_t p = s.find(sep);
    if (p != std::string::npos && p < cut) cut = p;
  }
  std::string c = s.substr(0, cut);
  while (!c.empty() && c.back() == ' ') c.pop_back();
  return c;
}

}  // namespace

ValueForm parseValue(std::string_view text) {
  ValueForm v;
  const std::string s = normalize(text);
  if (isEmptyMark(s)) return v;
  const std::string clause = firstClause(s);
  if (yesWords().count(clause) || noWords().count(clause)) {
    v.kind = ValueForm::Kind::Verdict;
    v.verdict = yesWords().count(clause) > 0;
    return v;
  }
  std::string_view sv(s);
  std::optional<Direction> dir;
  bool hadOp = false;
  std::string_view t = takeOp(sv, dir, hadOp);
  // Rank words: "thứ 3", "xếp thứ 3/9", "hạng 2", "đứng thứ 4".
  bool rank = false;
  for (const char* w : {"xếp thứ ", "xếp hạng ", "đứng thứ ", "thứ hạng ", "thứ ", "hạng "}) {
    std::string_view ws(w);
    if (t.substr(0, ws.size()) == ws) {
      t.remove_prefix(ws.size());
      rank = true;
      break;
    }
  }
  size_t n = 0;
  auto num = leadingNumber(t, n);
  if (!num) {
    v.kind = ValueForm::Kind::Text;
    return v;
  }
  t.remove_prefix(n);
  size_t p = 0;
  v.percent = startsWithPercent(t, p);
  if (v.percent) t.remove_prefix(p);
  while (!t.empty() && t[0] == ' ') t.remove_prefix(1);
  if (rank && !t.empty() && t[0] == '/') {
    t.remove_prefix(1);
    while (!t.empty() && t[0] == ' ') t.remove_prefix(1);
    size_t k = 0;
    while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k;
    if (k == 0) {
      v.kind = ValueForm::Kind::Text;
      return v;
    }
    t.remove_prefix(k);
    while (!t.empty() && t[0] == ' ') t.remove_prefix(1);
  }
  // A note in parentheses may follow: "85% (ước đạt)".
  if (!t.empty() && !(t.front() == '(' && t.back() == ')')) {
    v.kind = ValueForm::Kind::Text;
    return v;
  }
  v.kind = ValueForm::Kind::Number;
  v.value = *num;
  v.bound = dir;  // neutral words ("đạt 85%") leave it unset: an exact figure
  return v;
}

namespace {

bool satisfies(double value, Direction d, double target) {
  const double eps = 1e-9 * std::max(1.0, std::fabs(target));
  switch (d) {
    case Direction::AtLeast: return value >= target - eps;
    case Direction::Greater: return value > target + eps;
    case Direction::AtMost: return value <= target + eps;
    case Direction::Less: return value < target - eps;
  }
  return false;
}

bool upward(Direction d) { return d == Direction::AtLeast || d == Direction::Greater; }

}  // namespace

Achievement compareAchievement(std::string_view target, std::string_view value) {
  Achievement a;
  a.target = std::string(target);
  a.value = std::string(value);
  const ValueForm v = parseValue(value);
  if (v.kind == ValueForm::Kind::Empty) {
    a.kind = AchievementKind::NoData;
    return a;
  }
  const TargetForm t = parseTarget(target);
  a.partial = t.partial;
  if (t.kind == TargetForm::Kind::None) {
    a.kind = AchievementKind::NotComparable;
    return a;
  }
  if (v.kind == ValueForm::Kind::Verdict) {
    a.kind = AchievementKind::YesNo;
    a.met = v.verdict;
    return a;
  }
  if (t.kind == TargetForm::Kind::Number && v.kind == ValueForm::Kind::Number) {
    a.direction = t.direction;
    if (!v.bound) {
      a.kind = AchievementKind::Numeric;
      a.targetNumber = t.value;
      a.valueNumber = v.value;
      a.targetPercent = t.percent;
      a.valuePercent = v.percent;
      a.met = satisfies(v.value, t.direction, t.value);
      if (upward(t.direction) && t.value > 0) a.ratio = v.value / t.value;
      return a;
    }
    // A bound value decides only when the whole bound lies on the target's side.
    const bool sameSide = upward(*v.bound) == upward(t.direction);
    if (sameSide && satisfies(v.value, t.direction, t.value) &&
        !(t.direction == Direction::Greater && *v.bound == Direction::AtLeast && v.value <= t.value) &&
        !(t.direction == Direction::Less && *v.bound == Direction::AtMost && v.value >= t.value)) {
      a.kind = AchievementKind::Numeric;
      a.targetNumber = t.value;
      a.valueNumber = v.value;
      a.targetPercent = t.percent;
      a.valuePercent = v.percent;
      a.met = true;
      return a;
    }
    a.kind = AchievementKind::NotComparable;
    return a;
  }
  if (t.kind == TargetForm::Kind::Qualitative && v.kind == ValueForm::Kind::Text &&
      normalize(target) == normalize(value)) {
    a.kind = AchievementKind::YesNo;
    a.met = true;
    return a;
  }
  a.kind = AchievementKind::NotComparable;
  return a;
}

std::string achievementLabel(const Achievement& a, Lang lang) {
  const bool en = lang == Lang::En;
  switch (a.kind) {
    case AchievementKind::Numeric:
    case AchievementKind::YesNo:
      if (a.met.value_or(false)) return en ? "Achieved" : "Đạt";
      return en ? "Not achieved" : "Chưa đạt";
    case AchievementKind::NotComparable: return en ? "Not comparable" : "Chưa so sánh được";
    case AchievementKind::NoData: return en ? "No data" : "Chưa có số liệu";
    case AchievementKind::NoTarget: return en ? "No target set" : "Không đặt chỉ tiêu";
  }
  return "";
}

PeriodTarget targetForPeriod(const Indicator& ind, const ReportPeriod& period) {
  if (ind.targets.empty()) return {ind.target, 0};
  auto it = ind.targets.lower_bound(period.year);
  if (it == ind.targets.end()) return {};
  return {it->second, it->first};
}

void AchievementCounts::add(const Achievement& a) {
  if (a.kind == AchievementKind::NoTarget) return;  // a heading row, not an indicator to assess
  ++total;
  switch (a.kind) {
    case AchievementKind::Numeric:
    case AchievementKind::YesNo: ++(a.met.value_or(false) ? met : notMet); break;
    case AchievementKind::NotComparable: ++notComparable; break;
    case AchievementKind::NoData: ++noData; break;
    case AchievementKind::NoTarget: break;
  }
}

IndicatorSummary computeAchievements(const Plan& plan, const ProgressReport& report) {
  IndicatorSummary s;
  s.period = report.period;
  if (!plan.indicators) return s;
  for (size_t g = 0; g < plan.indicators->groups.size(); ++g) {
    const auto& grp = plan.indicators->groups[g];
    IndicatorGroupSummary gs{g, grp.number, grp.title, {}};
    for (const auto& ind : grp.items) {
      IndicatorEvaluation e;
      e.indicator = &ind;
      e.group = g;
      e.progress = report.findIndicator(keyOf(ind));
      e.asOf = e.progress && e.progress->asOf ? *e.progress->asOf : report.asOf;
      PeriodTarget pt = targetForPeriod(ind, report.period);
      e.achievement = compareAchievement(pt.text, e.progress ? e.progress->value : std::string());
      e.achievement.milestoneYear = pt.milestoneYear;
      // A row with neither a target nor milestone targets heads its sub-indicators
      // ("6" over "6.1", "6.2"): it is listed but not assessed.
      if (ind.target.empty() && ind.targets.empty()) e.achievement.kind = AchievementKind::NoTarget;
      gs.counts.add(e.achievement);
      s.total.add(e.achievement);
      s.indicators.push_back(std::move(e));
    }
    s.groups.push_back(std::move(gs));
  }
  return s;
}

}  // namespace vnplan
