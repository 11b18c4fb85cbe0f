#include "load/plan_loader.hpp"

#include <filesystem>
#include <map>

#include "load/yaml_reader.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

// Only ASCII digits (what `\d` of a regex in the classic locale takes).
bool allDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "d/m" or "dd/mm": what the regex ^(\d{1,2})/(\d{1,2})$ took.
bool dayMonth(const std::string& s, int& day, int& month) {
  const size_t slash = s.find('/');
  if (slash == std::string::npos) return false;
  const std::string_view d = std::string_view(s).substr(0, slash), m = std::string_view(s).substr(slash + 1);
  if (d.empty() || d.size() > 2 || m.empty() || m.size() > 2 || !allDigits(d) || !allDigits(m)) return false;
  day = std::stoi(std::string(d));
  month = std::stoi(std::string(m));
  return true;
}

bool isAgencyCode(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

class PlanLoader {
 public:
  PlanLoader(Diagnostics& d) : diags_(d), r_(d) {}

  std::optional<Plan> load(const std::string& dir) {
    std::filesystem::path p(dir);
    Plan plan;
    // The id names the outputs: take it from the directory's real name, so that "." or
    // "inputs/x/.." give the directory's name rather than "." or "..".
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(p, ec).lexically_normal();
    if (!abs.has_filename()) abs = abs.parent_path();
    plan.id = abs.filename().string();
    r_.confineIncludesTo(dir);
    auto root = r_.loadFile((p / "plan.yaml").string());
    if (!root) return std::nullopt;
    if (!r_.checkMap(*root, "plan.yaml", {"document", "layout", "preamble", "body", "footnotes", "closing",
                                           "recipients", "signature", "agencies", "indicators", "tasks", "reporting"}))
      return std::nullopt;

    if (auto a = r_.member(*root, "agencies")) readAgencies(*a, plan);
    if (auto d = r_.member(*root, "document", true)) readDocument(*d, plan.document);
    if (auto l = r_.member(*root, "layout")) readLayout(*l, plan.layout);
    if (auto v = r_.member(*root, "preamble")) plan.preamble = paragraphs(*v, "preamble");
    if (auto v = r_.member(*root, "body", true))
      r_.forEach(*v, "body", [&](const Located& s) { plan.body.push_back(readSection(s)); });
    if (auto v = r_.member(*root, "footnotes")) readFootnotes(*v, plan);
    if (auto v = r_.member(*root, "closing")) plan.closing = paragraphs(*v, "closing");
    std::vector<SourceRef> recipientsAt;
    if (auto v = r_.member(*root, "recipients"))
      for (auto& [t, at] : r_.textList(*v, "recipients")) {
        plan.recipients.push_back(t);
        recipientsAt.push_back(at);
      }
    if (auto v = r_.member(*root, "signature", true)) readSignature(*v, plan.signature);
    if (auto v = r_.member(*root, "indicators")) plan.indicators = readIndicators(*v, plan);
    if (auto v = r_.member(*root, "tasks")) plan.tasks = readTasks(*v, plan);
    if (auto v = r_.member(*root, "reporting")) readReporting(*v, plan);
    checkFootnotes(plan);
    checkRecipients(plan, recipientsAt);
    checkSigned(plan);
    if (diags_.hasErrors()) return std::nullopt;
    return plan;
  }

 private:
  Diagnostics& diags_;
  YamlReader r_;
  std::vector<std::pair<std::string, SourceRef>> footnoteUses_;
  std::map<std::string, SourceRef> footnoteDefs_;

  std::vector<std::string> paragraphs(const Located& v, const std::string& key) {
    std::vector<std::string> out;
    for (auto& [t, at] : r_.textList(v, key)) {
      noteFootnoteMarks(t, at);
      out.push_back(t);
    }
    return out;
  }

  void noteFootnoteMarks(const std::string& text, const SourceRef& at) {
    // "[^name]": a name of anything but "]" and white space. Found by hand, not by
    // std::regex: every paragraph passes here, and the regex cost a tenth of a plan's load.
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    for (size_t at0 = text.find("[^"); at0 != std::string::npos; at0 = text.find("[^", at0 + 1)) {
      size_t end = at0 + 2;
      while (end < text.size() && text[end] != ']' && !isSpace(text[end])) ++end;
      if (end < text.size() && text[end] == ']' && end > at0 + 2) {
        footnoteUses_.emplace_back(text.substr(at0 + 2, end - at0 - 2), at);
        at0 = end;  // the next mark starts after this one, as the regex search went on
      }
    }
  }

  // Checks a clerk is glad to hear about (issue #12), each at its place.
  SourceRef statusAt_, documentAt_;

  void checkSigned(const Plan& plan) {
    if (!plan.signature.signedOff) return;
    std::vector<std::string> missing;
    if (trim(plan.document.number).empty()) missing.push_back("số văn bản (document.number)");
    if (!plan.document.date.complete()) missing.push_back("ngày tháng năm đầy đủ (document.date)");
    for (const auto& m : missing) r_.error(statusAt_, MsgId::SignedPlanIncomplete, {m});
  }

  // Nơi nhận ends with "Lưu: …"; in the state form each entry but the last ends with ";"
  // and the last with "." — added where missing, and said.
  void checkRecipients(Plan& plan, const std::vector<SourceRef>& at) {
    auto& r = plan.recipients;
    if (r.empty() || at.size() != r.size()) return;
    if (trim(r.back()).rfind("Lưu", 0) != 0) r_.warning(at.back(), MsgId::RecipientsWithoutLuu, {r.back()});
    if (plan.document.family != Family::State) return;
    for (size_t i = 0; i < r.size(); ++i) {
      std::string t = trim(r[i]);
      if (t.empty()) continue;
      const char last = t.back();
      const bool isLast = i + 1 == r.size();
      if (last == ';' || last == '.' || last == ',' || last == ':' || (isLast && last == ')')) continue;
      r[i] = t + (isLast ? "." : ";");
      r_.warning(at[i], MsgId::RecipientPunctuation, {r[i]});
    }
  }

  // Words that open an entry of its own in a list of agencies ("các đơn vị liên quan",
  // "và các phòng ban liên quan", "kết hợp với các DN"): such an entry is not the tail of a
  // name split by a comma, however it is written.
  static bool opensOwnEntry(const std::string& t) {
    static const char* const kOpeners[] = {"các ", "và ", "cùng ", "với ", "kết hợp ", "phối hợp ", "những ",
                                           "tất cả ", "mọi ", "toàn thể ", "hoặc ", "chủ trì ", "theo "};
    // Already small-lettered when it matters (the check below is for a small first letter).
    for (const char* w : kOpeners)
      if (t.rfind(w, 0) == 0) return true;
    return false;
  }

  // An unquoted entry of a [flow list] that starts with a small letter and is no agency
  // code is most likely the tail of the entry before it, split off by a comma.
  void checkSplitEntries(const Located& v, const std::vector<std::pair<std::string, SourceRef>>& entries) {
    if (!v.node.IsSequence() || v.node.Style() != yaml::Style::Flow || v.node.size() != entries.size()) return;
    for (size_t i = 1; i < entries.size(); ++i) {
      if (v.node[i].Tag() != "?") continue;  // quoted: written as one entry on purpose
      const std::string& t = entries[i].first;
      if (t.empty() || isAgencyCode(t) || opensOwnEntry(t)) continue;
      size_t len = 1;
      const unsigned char c = static_cast<unsigned char>(t[0]);
      if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
      const std::string first = t.substr(0, len);
      if (toUpper(first) != first)
        r_.warning(entries[i].second, MsgId::FlowListEntrySplit, {t, entries[i - 1].first});
    }
  }

  void readAgencies(const Located& v, Plan& plan) {
    std::map<std::string, SourceRef> seen;
    r_.forEach(v, "agencies", [&](const Located& a) {
      if (!r_.checkMap(a, "agencies[]", {"code", "name", "short"})) return;
      Agency ag;
      ag.code = r_.textOr(a, "code", true);
      ag.name = r_.textOr(a, "name", true);
      ag.shortName = r_.textOr(a, "short");
      if (!ag.code.empty() && !isAgencyCode(ag.code))
        r_.error(*r_.member(a, "code"), MsgId::BadValue, {"code", ag.code, "A-Z 0-9 _ -"});
      if (!ag.code.empty() && seen.count(ag.code)) {
        const auto& f = seen[ag.code];
        r_.error(*r_.member(a, "code"), MsgId::DuplicateNumber,
                 {"agency", ag.code, f.file + ":" + std::to_string(f.line)});
      }
      seen[ag.code] = a.at();
      plan.agencies.push_back(ag);
    });
  }

  PartialDate readDate(const Located& v) {
    PartialDate d;
    if (!r_.checkMap(v, "date", {"day", "month", "year"})) return d;
    if (auto x = r_.member(v, "day")) d.day = r_.integer(*x, "day").value_or(0);
    if (auto x = r_.member(v, "month")) d.month = r_.integer(*x, "month").value_or(0);
    if (auto x = r_.member(v, "year")) d.year = r_.integer(*x, "year").value_or(0);
    std::string shown = (d.day ? std::to_string(d.day) : "..") + "/" + (d.month ? std::to_string(d.month) : "..") + "/" +
                        (d.year ? std::to_string(d.year) : "....");
    bool bad = (d.month && (d.month < 1 || d.month > 12)) || (d.day && (d.day < 1 || d.day > 31)) ||
               (d.year && (d.year < 1900 || d.year > 9999)) ||
               (d.day && d.month && d.year && !isValidDate(d.year, d.month, d.day)) ||
               (d.day && d.month && !d.year && d.day > daysInMonth(2024, d.month));
    if (bad) r_.error(v, MsgId::ImpossibleDate, {shown});
    return d;
  }

  void readDocument(const Located& v, Document& doc) {
    if (!r_.checkMap(v, "document", {"family", "type", "issuer", "number", "date", "place", "title"})) return;
    std::string fam = r_.textOr(v, "family", true);
    if (fam == "party")
      doc.family = Family::Party;
    else if (fam == "state")
      doc.family = Family::State;
    else if (!fam.empty())
      r_.error(*r_.member(v, "family"), MsgId::BadValue, {"family", fam, "state, party"});
    doc.type = r_.textOr(v, "type", true);
    static const std::set<std::string> types = {"KH", "BC", "CTr", "QĐ", "TB", "TTr", "HD"};
    if (!doc.type.empty() && !types.count(doc.type))
      r_.error(*r_.member(v, "type"), MsgId::BadValue, {"type", doc.type, "KH, BC, CTr, QĐ, TB, TTr, HD"});
    if (auto is = r_.member(v, "issuer", true)) {
      if (r_.checkMap(*is, "issuer", {"parent", "name", "symbol", "short_name"})) {
        doc.issuer.parent = r_.textOr(*is, "parent");
        if (auto n = r_.member(*is, "name", true))
          for (auto& [t, at] : r_.textList(*n, "name")) doc.issuer.name.push_back(t);
        doc.issuer.symbol = r_.textOr(*is, "symbol", true);
        doc.issuer.shortName = r_.textOr(*is, "short_name", true);
      }
    }
    if (auto n = r_.member(v, "number")) {
      doc.number = r_.text(*n, "number").value_or("");
    }
    documentAt_ = v.at();
    if (auto d = r_.member(v, "date")) doc.date = readDate(*d);
    doc.place = r_.textOr(v, "place", true);
    doc.title = r_.textOr(v, "title", true);
    // "Kế hoạch thực hiện …" under "KẾ HOẠCH" prints the type twice.
    const std::string typeName = documentTypeName(doc.type);
    const std::string folded = foldForMatching(doc.title), foldedType = foldForMatching(typeName);
    if (!doc.title.empty() && !foldedType.empty() && folded.rfind(foldedType + " ", 0) == 0)
      r_.warning(*r_.member(v, "title"), MsgId::TitleRepeatsType, {typeName});
  }

  void readLayout(const Located& v, LayoutOptions& lo) {
    if (!r_.checkMap(v, "layout", {"font_size", "line_spacing", "margins_mm"})) return;
    auto range = [&](const std::string& key, const Located& n, double lo_, double hi, const std::string& allowed) {
      auto x = r_.number(n, key);
      if (x && (*x < lo_ || *x > hi)) {
        r_.error(n, MsgId::BadValue, {key, n.node.Scalar(), allowed});
        return std::optional<double>();
      }
      return x;
    };
    if (auto x = r_.member(v, "font_size")) lo.fontSize = range("font_size", *x, 13, 15, "13 … 15");
    if (auto x = r_.member(v, "line_spacing")) lo.lineSpacing = range("line_spacing", *x, 1.0, 1.5, "1.0 … 1.5");
    if (auto m = r_.member(v, "margins_mm")) {
      if (r_.checkMap(*m, "margins_mm", {"top", "bottom", "left", "right"})) {
        if (auto x = r_.member(*m, "top")) lo.marginTop = range("top", *x, 20, 25, "20 … 25");
        if (auto x = r_.member(*m, "bottom")) lo.marginBottom = range("bottom", *x, 20, 25, "20 … 25");
        if (auto x = r_.member(*m, "left")) lo.marginLeft = range("left", *x, 30, 35, "30 … 35");
        if (auto x = r_.member(*m, "right")) lo.marginRight = range("right", *x, 15, 20, "15 … 20");
      }
    }
  }

  Section readSection(const Located& v) {
    Section s;
    s.at = v.at();
    if (!r_.checkMap(v, "body[]", {"number", "title", "style", "content"})) return s;
    s.number = r_.textOr(v, "number");
    s.title = r_.textOr(v, "title", true);
    s.style = r_.textOr(v, "style");
    static const std::set<std::string> styles = {"", "bold", "bold_italic", "italic", "regular"};
    if (!styles.count(s.style))
      r_.error(*r_.member(v, "style"), MsgId::BadValue, {"style", s.style, "bold, bold_italic, italic, regular"});
    if (auto c = r_.member(v, "content")) {
      r_.forEach(*c, "content", [&](const Located& e) {
        Section::Child child;
        if (e.node.IsMap() && (e.node["p"] || e.node["item"] || e.node["note"])) {
          if (!r_.checkMap(e, "content[]", {"p", "item", "note", "number"})) return;
          // A numbered paragraph: {number: "1.1.", p: …} (body text, not a heading).
          const bool numbered = e.node["number"] && e.node["p"] && e.node.size() == 2;
          if (e.node.size() != 1 && !numbered) {
            r_.error(e, MsgId::BadValue, {"content[]", "…", "p | item | note | number + p"});
            return;
          }
          std::string key;
          Located val{yaml::Node(), e.file};
          for (auto it = e.node.begin(); it != e.node.end(); ++it)
            if (it->first.Scalar() != "number") {
              key = it->first.Scalar();
              val = Located{it->second, e.file};
            }
          if (numbered) child.block.number = r_.textOr(e, "number", true);
          child.block.kind = key == "p" ? BlockKind::Paragraph : key == "item" ? BlockKind::Item : BlockKind::Note;
          child.block.text = r_.text(val, key).value_or("");
          child.block.at = val.at();
          noteFootnoteMarks(child.block.text, child.block.at);
        } else {
          child.section.push_back(readSection(e));
        }
        s.content.push_back(std::move(child));
      });
    }
    return s;
  }

  void readFootnotes(const Located& v, Plan& plan) {
    if (!v.node.IsMap()) {
      r_.error(v, MsgId::WrongType, {"footnotes", "một bảng khóa: giá trị / a mapping"});
      return;
    }
    std::set<std::string> keys;
    for (auto it = v.node.begin(); it != v.node.end(); ++it) {
      std::string k = it->first.Scalar();
      Located val{it->second, v.file};
      if (!keys.insert(k).second) r_.error(Located{it->first, v.file}, MsgId::DuplicateKey, {k});
      plan.footnotes[k] = r_.text(val, "footnotes." + k).value_or("");
      footnoteDefs_[k] = Located{it->first, v.file}.at();
    }
  }

  void checkFootnotes(const Plan&) {
    std::set<std::string> used;
    for (auto& [k, at] : footnoteUses_) {
      used.insert(k);
      if (!footnoteDefs_.count(k)) r_.error(at, MsgId::UnknownFootnote, {k});
    }
    for (auto& [k, at] : footnoteDefs_)
      if (!used.count(k)) r_.warning(at, MsgId::UnusedFootnote, {k});
  }

  void readSignature(const Located& v, Signature& sig) {
    if (!r_.checkMap(v, "signature", {"authority", "name", "status"})) return;
    if (auto a = r_.member(v, "authority", true))
      for (auto& [t, at] : r_.textList(*a, "authority")) sig.authority.push_back(t);
    sig.name = r_.textOr(v, "name", true);
    std::string st = r_.textOr(v, "status", true);
    if (auto s = r_.member(v, "status")) statusAt_ = s->at();
    if (st == "signed")
      sig.signedOff = true;
    else if (st == "draft")
      sig.signedOff = false;
    else if (!st.empty())
      r_.error(*r_.member(v, "status"), MsgId::BadValue, {"status", st, "draft, signed"});
  }

  std::vector<AgencyRef> agencyRefs(const Located& v, const std::string& key, const Plan& plan) {
    std::vector<AgencyRef> out;
    auto entries = r_.textList(v, key);
    checkSplitEntries(v, entries);
    for (auto& [t, at] : entries) {
      AgencyRef a;
      if (isAgencyCode(t)) {
        a.code = t;
        if (const Agency* ag = plan.findAgency(t))
          a.text = ag->name;
        else
          r_.error(at, MsgId::UnknownAgency, {t});
      } else {
        a.text = t;
      }
      out.push_back(a);
    }
    return out;
  }

  template <class Row>
  void readAppendixHead(const Located& v, Appendix<Row>& ap, const std::set<std::string>& columnKeys) {
    ap.label = r_.textOr(v, "label", true);
    ap.title = r_.textOr(v, "title", true);
    if (auto l = r_.member(v, "link")) ap.link = r_.text(*l, "link").value_or(ap.link);
    ap.linkOf = r_.textOr(v, "link_of");
    if (auto ld = r_.member(v, "link_date")) {
      std::string form = r_.text(*ld, "link_date").value_or("");
      if (form == "short")
        ap.linkDate = LinkDateForm::Short;
      else if (form == "long")
        ap.linkDate = LinkDateForm::Long;
      else
        r_.error(*ld, MsgId::BadValue, {"link_date", form, "short, long"});
    }
    if (auto c = r_.member(v, "columns", true)) {
      r_.forEach(*c, "columns", [&](const Located& col) {
        if (!r_.checkMap(col, "columns[]", {"key", "header", "width", "group"})) return;
        Column k;
        k.key = r_.textOr(col, "key", true);
        k.header = r_.textOr(col, "header", true);
        k.group = r_.textOr(col, "group");
        if (auto w = r_.member(col, "width")) {
          k.width = r_.number(*w, "width").value_or(1);
          if (k.width <= 0 || k.width > 1000) r_.error(*w, MsgId::BadValue, {"width", w->node.Scalar(), "0 < width ≤ 1000"});
        }
        bool milestone = k.key.rfind("target:", 0) == 0 && columnKeys.count("target") && k.key.size() == 11 &&
                         allDigits(std::string_view(k.key).substr(7));
        if (!k.key.empty() && !columnKeys.count(k.key) && !milestone) {
          std::string allowed;
          for (auto& a : columnKeys) allowed += (allowed.empty() ? "" : ", ") + a;
          if (columnKeys.count("target")) allowed += ", target:YYYY";
          r_.error(*r_.member(col, "key"), MsgId::BadValue, {"key", k.key, allowed});
        }
        ap.columns.push_back(k);
      });
    }
  }

  template <class Row, class ReadRow>
  void readGroups(const Located& v, Appendix<Row>& ap, const std::string& what, ReadRow readRow) {
    std::vector<SourceRef> groupAt;
    if (auto g = r_.member(v, "groups", true)) {
      r_.forEach(*g, "groups", [&](const Located& gv) {
        if (!r_.checkMap(gv, "groups[]", {"number", "title", "items"})) return;
        Group<Row> grp;
        grp.number = r_.textOr(gv, "number");
        grp.title = r_.textOr(gv, "title", true);
        // Row numbers need only be unique within their group (many plans restart at 1).
        std::map<std::string, SourceRef> numbers;
        if (auto items = r_.member(gv, "items", true)) {
          r_.forEach(*items, "items", [&](const Located& iv) {
            Row row = readRow(iv);
            if (!row.number.empty()) {
              auto it = numbers.find(row.number);
              if (it != numbers.end())
                r_.error(*r_.member(iv, "number"), MsgId::DuplicateNumber,
                         {what, row.number, it->second.file + ":" + std::to_string(it->second.line)});
              else
                numbers[row.number] = row.at;
            }
            grp.items.push_back(std::move(row));
          });
        }
        groupAt.push_back(gv.at());
        ap.groups.push_back(std::move(grp));
      });
    }
    assignRowKeys(ap);
    if (!ap.numbersRestart) return;
    // Restarted numbers are told apart by their group, so group numbers must differ.
    std::map<std::string, SourceRef> groups;
    for (size_t i = 0; i < ap.groups.size(); ++i) {
      std::string k = groupKeyPart(ap.groups[i].number, i);
      auto [it, fresh] = groups.emplace(k, groupAt[i]);
      if (!fresh)
        r_.error(groupAt[i], MsgId::DuplicateNumber,
                 {"group", ap.groups[i].number, it->second.file + ":" + std::to_string(it->second.line)});
    }
  }

  Appendix<Indicator> readIndicators(const Located& v, const Plan& plan) {
    Appendix<Indicator> ap;
    if (!r_.checkMap(v, "indicators", {"label", "title", "link", "link_of", "link_date", "columns", "groups"})) return ap;
    readAppendixHead(v, ap, {"number", "name", "unit", "target", "lead", "partners", "note"});
    readGroups(v, ap, "indicator", [&](const Located& iv) {
      Indicator ind;
      ind.at = iv.at();
      if (!r_.checkMap(iv, "indicators.items[]",
                       {"number", "name", "unit", "target", "targets", "lead", "partners", "note"}))
        return ind;
      ind.number = r_.textOr(iv, "number", true);
      ind.name = r_.textOr(iv, "name", true);
      ind.unit = r_.textOr(iv, "unit");
      ind.target = r_.textOr(iv, "target");
      if (auto t = r_.member(iv, "targets")) {
        if (t->node.IsMap()) {
          for (auto it = t->node.begin(); it != t->node.end(); ++it) {
            Located k{it->first, t->file};
            auto year = r_.integer(k, "targets");
            if (!year) continue;
            if (ind.targets.count(*year)) r_.error(k, MsgId::DuplicateKey, {std::to_string(*year)});
            ind.targets[*year] = r_.text(Located{it->second, t->file}, "targets").value_or("");
          }
        } else {
          r_.error(*t, MsgId::WrongType, {"targets", "năm: chỉ tiêu / year: target"});
        }
      }
      if (auto x = r_.member(iv, "lead")) ind.lead = agencyRefs(*x, "lead", plan);
      if (auto x = r_.member(iv, "partners")) ind.partners = agencyRefs(*x, "partners", plan);
      ind.note = r_.textOr(iv, "note");
      return ind;
    });
    return ap;
  }

  Appendix<Task> readTasks(const Located& v, const Plan& plan) {
    Appendix<Task> ap;
    if (!r_.checkMap(v, "tasks", {"label", "title", "link", "link_of", "link_date", "columns", "groups"})) return ap;
    readAppendixHead(v, ap, {"number", "name", "lead", "partners", "product", "deadline", "note"});
    readGroups(v, ap, "task", [&](const Located& tv) {
      Task t;
      t.at = tv.at();
      if (!r_.checkMap(tv, "tasks.items[]", {"number", "name", "lead", "partners", "product", "deadline", "note"}))
        return t;
      t.number = r_.textOr(tv, "number", true);
      t.name = r_.textOr(tv, "name", true);
      if (auto x = r_.member(tv, "lead")) t.lead = agencyRefs(*x, "lead", plan);
      if (auto x = r_.member(tv, "partners")) t.partners = agencyRefs(*x, "partners", plan);
      t.product = r_.textOr(tv, "product");
      t.note = r_.textOr(tv, "note");
      if (auto d = r_.member(tv, "deadline")) {
        std::string text = r_.text(*d, "deadline").value_or("");
        t.deadline = parseDeadline(text);
        if (t.deadline.impossible)
          r_.error(*d, MsgId::ImpossibleDate, {text});
        else if (t.deadline.kind == DeadlineKind::Unknown && !text.empty())
          r_.warning(*d, MsgId::UnknownDeadline, {text});
        else if (t.deadline.year && plan.document.date.year && t.deadline.year < plan.document.date.year)
          r_.warning(*d, MsgId::DeadlineBeforePlanYear, {text, std::to_string(plan.document.date.year)});
      }
      return t;
    });
    return ap;
  }

  void readReporting(const Located& v, Plan& plan) {
    r_.forEach(v, "reporting", [&](const Located& e) {
      if (!r_.checkMap(e, "reporting[]", {"kind", "due"})) return;
      ReportDue rd;
      std::string kind = r_.textOr(e, "kind", true);
      if (kind == "quarter")
        rd.kind = ReportKind::Quarter;
      else if (kind == "half-year")
        rd.kind = ReportKind::HalfYear;
      else if (kind == "nine-month")
        rd.kind = ReportKind::NineMonth;
      else if (kind == "annual")
        rd.kind = ReportKind::Annual;
      else if (!kind.empty()) {
        r_.error(*r_.member(e, "kind"), MsgId::BadValue, {"kind", kind, "quarter, half-year, nine-month, annual"});
        return;
      }
      std::string due = r_.textOr(e, "due", true);
      int day = 0, month = 0;
      if (dayMonth(due, day, month) && isValidDate(2023, month, day)) {
        rd.day = day;
        rd.month = month;
        plan.reporting.push_back(rd);
      } else if (!due.empty()) {
        r_.error(*r_.member(e, "due"), MsgId::ImpossibleDate, {due});
      }
    });
  }
};

}  // namespace

std::optional<Plan> loadPlan(const std::string& planDir, Diagnostics& diags) {
  PlanLoader loader(diags);
  return loader.load(planDir);
}

}  // namespace vnplan
