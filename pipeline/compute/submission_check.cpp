#include "compute/submission_check.hpp"

#include <cmath>
#include <cstdio>

#include "load/xlsx_reader.hpp"
#include "model/text.hpp"

namespace vnplan {

DateParse parseFilledDate(const std::string& raw, CalendarDate& out) {
  std::string t = trim(raw);
  // d-m-yyyy and d.m.yyyy are read as d/m/yyyy; yyyy-mm-dd is left to parseDate.
  const bool iso = t.size() >= 5 && t[4] == '-';
  if (!iso)
    for (char& c : t)
      if (c == '-' || c == '.') c = '/';
  return parseDate(t, out);
}

namespace {

constexpr const char* kMeta = "_meta";

std::string cellRef(int row, int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

std::string numberText(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// The text a cell shows for comparison with a locked description.
std::string cellText(const GridCell* c) {
  if (!c) return "";
  std::string s = c->kind == GridCell::Kind::Number ? numberText(c->number) : c->text;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += s[i];
    }
  }
  return out;
}

bool blank(const GridCell* c) { return !c || (c->kind == GridCell::Kind::Text && trim(c->text).empty() && !c->formula); }

// A number as Vietnamese text: "85", "12,5", "1.250" (up to 4 decimals, trailing zeros dropped).
std::string vietnameseNumber(double v) {
  std::string s = formatVietnameseNumber(v, 4);
  if (s.find(',') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == ',') s.pop_back();
  }
  return s;
}

// A description quoted in a message: at most about 60 characters.
std::string shortened(const std::string& s) {
  std::size_t i = 0, chars = 0;
  while (i < s.size() && chars < 60) {
    nextCodePoint(s, i);
    ++chars;
  }
  return i < s.size() ? s.substr(0, i) + "…" : s;
}

class Checker {
 public:
  Checker(const GridBook& book, const std::string& file, const SubmissionContext& ctx, SubmissionCheck& out)
      : book_(book), file_(file), ctx_(ctx), out_(out) {}

  void run() {
    const GridSheet* meta = book_.sheet(kMeta);
    if (!meta) return fileError(MsgId::NotCollectionForm, {"không có trang _meta / no _meta sheet"});
    readMeta(*meta);
    auto get = [&](const std::string& k) -> std::string {
      auto it = meta_.find(k);
      return it == meta_.end() ? "" : it->second.first;
    };
    auto metaPlace = [&](const std::string& k) {
      auto it = meta_.find(k);
      return it == meta_.end() ? std::string(kMeta) : std::string(kMeta) + "!" + cellRef(it->second.second, 1);
    };
    SubmissionIdentity& id = out_.id;
    const std::string schema = get("schema.name");
    id.schemaVersion = get("schema.version");
    id.planId = get("plan.id");
    id.periodKey = get("collect.period");
    id.unitKind = get("collect.unit.kind");
    id.unitCode = get("collect.unit.code");
    id.unitName = get("collect.unit.name");
    id.templateHash = get("template.hash");
    if (schema != kCollectSchemaName)
      return error(metaPlace("schema.name"), MsgId::NotCollectionForm, {schema.empty() ? "?" : schema});
    const int major = std::atoi(id.schemaVersion.c_str());
    if (id.schemaVersion.empty() || major != kCollectSchemaMajor)
      return error(metaPlace("schema.version"), MsgId::SchemaVersion, {id.schemaVersion, kCollectSchemaVersion});
    if (id.planId != ctx_.plan->id) return error(metaPlace("plan.id"), MsgId::WrongPlan, {id.planId, ctx_.plan->id});
    out_.period = parseReportPeriod(id.periodKey);
    if (!out_.period) return error(metaPlace("collect.period"), MsgId::BadPeriod, {id.periodKey});
    if (ctx_.expectedPeriod && !(*ctx_.expectedPeriod == *out_.period))
      return error(metaPlace("collect.period"), MsgId::WrongPeriod, {id.periodKey, ctx_.expectedPeriod->key()});
    FormUnit unit;
    if (id.unitKind == "plan") {
      unit = {FormKind::Plan, "", ctx_.plan->document.issuer.shortName, "plan"};
    } else if (id.unitKind == "agency") {
      const Agency* a = ctx_.plan->findAgency(id.unitCode);
      if (!a) return error(metaPlace("collect.unit.code"), MsgId::WrongUnit, {id.unitCode});
      unit = {FormKind::Agency, a->code, a->name, "agency"};
    } else if (id.unitKind == "unit") {
      const Unit* u = ctx_.units ? ctx_.units->find(id.unitCode) : nullptr;
      if (!u || u->parent.empty()) return error(metaPlace("collect.unit.code"), MsgId::WrongUnit, {id.unitCode});
      unit = {FormKind::Unit, u->code, u->name, unitLevelKey(u->level)};
    } else {
      return error(metaPlace("collect.unit.kind"), MsgId::NotCollectionForm, {"collect.unit.kind = " + id.unitKind});
    }
    out_.form = buildCollectionForm(*ctx_.plan, *out_.period, unit);
    if (ctx_.sha256(out_.form->canonicalText()) != id.templateHash)
      return error(metaPlace("template.hash"), MsgId::TemplateChanged, {});
    out_.recognised = true;

    ProgressReport& rep = out_.data;
    rep.period = *out_.period;
    range_ = dataRange(rep.period);
    rep.asOf = range_.last;
    rep.file = file_;
    for (std::size_t t = 0; t < out_.form->tables.size(); ++t) readTable(out_.form->tables[t]);
  }

 private:
  const GridBook& book_;
  const std::string& file_;
  const SubmissionContext& ctx_;
  SubmissionCheck& out_;
  std::map<std::string, std::pair<std::string, int>> meta_;  // key -> (value, row)
  DataRange range_;

  void readMeta(const GridSheet& meta) {
    for (int row = 1; row <= meta.lastRow(); ++row) {
      const GridCell* k = meta.at(row, 0);
      if (!k || k->kind != GridCell::Kind::Text) continue;
      meta_.emplace(k->text, std::make_pair(cellText(meta.at(row, 1)), row));
    }
  }

  void fileError(MsgId id, std::vector<std::string> args) { error("", id, std::move(args)); }

  void error(const std::string& place, MsgId id, std::vector<std::string> args, const std::string& table = "",
             int row = -1, int col = -1) {
    const std::string where = place.empty() ? file_ : file_ + "!" + place;
    out_.problems.push_back({table, row, col, place.empty() ? file_ : place, messageText(id, args, Lang::Vi)});
    out_.diags.add({Severity::Error, where, 0, 0, id, std::move(args)});
  }

  // Whether sheet row `j` holds form row `i` (its number and name).
  bool same(const FormTable& t, const GridSheet& s, std::size_t i, int j) const {
    return cellText(s.at(j, 0)) == t.rows[i].cells[0] && cellText(s.at(j, 1)) == t.rows[i].cells[1];
  }

  bool rowBlank(const FormTable& t, const GridSheet& s, int j) const {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      if (!blank(s.at(j, static_cast<int>(c)))) return false;
    return true;
  }

  void readTable(const FormTable& t) {
    const GridSheet* s = book_.sheet(t.sheetName);
    if (!s) return error("", MsgId::SheetMissing, {t.sheetName});
    if (s->hidden) error(t.sheetName, MsgId::SheetHidden, {t.sheetName}, t.id);
    const std::size_t n = t.rows.size();
    int last = kFormFirstRow + static_cast<int>(n) - 1;
    for (int r = s->lastRow(); r > last; --r)
      if (!rowBlank(t, *s, r)) {
        last = r;
        break;
      }
    std::size_t i = 0;
    int j = kFormFirstRow;
    while (i < n || j <= last) {
      const std::string place = t.sheetName + "!" + cellRef(j, 0);
      if (i == n) {
        if (!rowBlank(t, *s, j)) error(place, MsgId::RowAdded, {cellText(s->at(j, 0)) + " " + cellText(s->at(j, 1))}, t.id);
        ++j;
      } else if (j > last) {
        error(place, MsgId::RowDeleted, {t.rows[i].cells[0]}, t.id);
        ++i;
      } else if (same(t, *s, i, j)) {
        readRow(t, *s, i++, j++);
      } else if (i + 1 < n && same(t, *s, i + 1, j)) {
        error(place, MsgId::RowDeleted, {t.rows[i].cells[0]}, t.id);
        ++i;
      } else if (j + 1 <= last && same(t, *s, i, j + 1)) {
        error(place, MsgId::RowAdded, {cellText(s->at(j, 0)) + " " + cellText(s->at(j, 1))}, t.id);
        ++j;
      } else {
        readRow(t, *s, i++, j++);
      }
    }
  }

  // One cell's place and a recorder for problems in it.
  struct At {
    std::string place;
    int row, col;
  };

  void readRow(const FormTable& t, const GridSheet& s, std::size_t i, int j) {
    const FormRow& fr = t.rows[i];
    const int ri = static_cast<int>(i);
    auto at = [&](int c) { return t.sheetName + "!" + cellRef(j, c); };
    // Locked descriptions: unchanged (group rows: the number and the title).
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const int ci = static_cast<int>(c);
      if (t.columns[c].input != FormInput::Locked) continue;
      if (fr.group && c > 1) continue;  // merged into the title
      const std::string found = cellText(s.at(j, ci));
      if (found != fr.cells[c])
        error(at(ci), MsgId::LockedCellChanged, {shortened(fr.cells[c]), shortened(found)}, t.id, ri, ci);
    }
    if (fr.group) return;
    std::map<std::string, FilledCell> v;  // column key -> value
    bool any = false;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const FormColumn& col = t.columns[c];
      if (col.input == FormInput::Locked) continue;
      const int ci = static_cast<int>(c);
      const GridCell* cell = s.at(j, ci);
      if (blank(cell)) continue;
      FilledCell fc;
      if (cell->formula) {
        fc.text = cellText(cell);
        out_.values[{t.id, ri, ci}] = fc;
        error(at(ci), MsgId::FormulaCell, {fc.text}, t.id, ri, ci);
        continue;
      }
      any = true;
      switch (col.input) {
        case FormInput::Date: {
          CalendarDate d;
          if (cell->kind == GridCell::Kind::Number) {
            if (auto sd = xlsxSerialToDate(cell->number, book_.date1904)) {
              fc.date = *sd;
              fc.text = formatDateVi(*sd);
            } else {
              fc.number = cell->number;
              fc.text = numberText(cell->number);
              error(at(ci), MsgId::NotADate, {fc.text}, t.id, ri, ci);
            }
          } else {
            fc.text = trim(cell->text);
            switch (parseFilledDate(fc.text, d)) {
              case DateParse::Ok: fc.date = d; break;
              case DateParse::Impossible: error(at(ci), MsgId::ImpossibleDate, {fc.text}, t.id, ri, ci); break;
              case DateParse::NotADate: error(at(ci), MsgId::NotADate, {fc.text}, t.id, ri, ci); break;
            }
          }
          if (fc.date && range_.last < *fc.date)
            error(at(ci), MsgId::DateOutOfRange, {formatDateVi(*fc.date), "≤ " + formatDateVi(range_.last)}, t.id, ri, ci);
          break;
        }
        case FormInput::Value:
          if (cell->kind == GridCell::Kind::Number) {
            fc.number = cell->number;
            fc.text = vietnameseNumber(cell->number) + (fr.percent ? "%" : "");
          } else if (cell->kind == GridCell::Kind::Error) {
            fc.text = cell->text;
            error(at(ci), MsgId::BadValue, {col.header, cell->text, "số / number"}, t.id, ri, ci);
          } else {
            fc.text = trim(cell->text);
          }
          break;
        default:
          fc.text = cell->kind == GridCell::Kind::Number ? vietnameseNumber(cell->number) : trim(cellText(cell));
          if (cell->kind == GridCell::Kind::Error) error(at(ci), MsgId::BadValue, {col.header, cell->text, "văn bản / text"}, t.id, ri, ci);
          break;
      }
      v[col.key] = fc;
      out_.values[{t.id, ri, ci}] = fc;
    }
    if (t.id == "tasks")
      taskEntry(t, fr, ri, at, v, any);
    else
      indicatorEntry(fr, v, any);
  }

  template <class AtFn>
  void taskEntry(const FormTable& t, const FormRow& fr, int ri, AtFn at, std::map<std::string, FilledCell>& v, bool any) {
    if (!any) return;
    auto col = [&](const char* key) { return t.column(key); };
    TaskProgress tp;
    tp.number = fr.key;
    auto it = v.find("task.status");
    if (it == v.end()) {
      error(at(col("task.status")), MsgId::CellRequired, {"Tình trạng"}, t.id, ri, col("task.status"));
      return;
    }
    auto state = parseTaskState(it->second.text);
    if (!state) {
      error(at(col("task.status")), MsgId::UnknownStatus, {it->second.text}, t.id, ri, col("task.status"));
      return;
    }
    tp.state = *state;
    if (auto c = v.find("task.completed"); c != v.end()) tp.completed = c->second.date;
    tp.result = v["task.result"].text;
    for (const auto& line : splitLines(v["task.documents"].text)) tp.documents.push_back(line);
    tp.difficulties = v["task.difficulties"].text;
    tp.reason = v["task.reason"].text;
    if (tp.state == TaskState::Stopped && tp.reason.empty())
      error(at(col("task.reason")), MsgId::CellRequired, {"Lý do dừng/điều chỉnh"}, t.id, ri, col("task.reason"));
    const DeadlineKind k = fr.task->deadline.kind;
    if (tp.state == TaskState::Done && !v.count("task.completed") &&
        (k == DeadlineKind::Exact || k == DeadlineKind::Combined))
      error(at(col("task.completed")), MsgId::CellRequired, {"Ngày hoàn thành"}, t.id, ri, col("task.completed"));
    out_.data.tasks.push_back(std::move(tp));
  }

  void indicatorEntry(const FormRow& fr, std::map<std::string, FilledCell>& v, bool any) {
    if (!any) return;
    IndicatorProgress ip;
    ip.number = fr.key;
    ip.value = v["indicator.value"].text;
    ip.asOf = v["indicator.as_of"].date;
    ip.note = v["indicator.note"].text;
    out_.data.indicators.push_back(std::move(ip));
  }

  static std::vector<std::string> splitLines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      std::string line = trim(s.substr(start, end - start));
      if (!line.empty()) out.push_back(line);
      start = end + 1;
    }
    return out;
  }
};

}  // namespace

SubmissionCheck checkSubmission(const GridBook& book, const std::string& fileLabel, const SubmissionContext& ctx) {
  SubmissionCheck out;
  Checker(book, fileLabel, ctx, out).run();
  return out;
}

}  // namespace vnplan
