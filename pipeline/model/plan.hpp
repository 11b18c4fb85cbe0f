#pragma once
// The plan model: plain data, no I/O. Everything a Kế hoạch contains.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/deadline.hpp"

namespace vnplan {

// Where a value came from, so later stages can point at the input.
struct SourceRef {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Family { State, Party };

struct Issuer {
  std::string parent;             // cơ quan chủ quản line, may be empty
  std::vector<std::string> name;  // issuing body, one entry per printed line
  std::string symbol;             // UBND, ĐU
  std::string shortName;          // "UBND huyện Định Hóa"
};

// A date any part of which may still be blank in a draft (0 = blank).
struct PartialDate {
  int day = 0, month = 0, year = 0;
  bool complete() const { return day && month && year; }
};

struct LayoutOptions {
  std::optional<double> fontSize;
  std::optional<double> lineSpacing;
  std::optional<double> marginTop, marginBottom, marginLeft, marginRight;  // mm
};

struct Document {
  Family family = Family::State;
  std::string type = "KH";
  Issuer issuer;
  std::string number;  // empty while a draft
  PartialDate date;
  std::string place;
  std::string title;
};

enum class BlockKind { Paragraph, Item, Note };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  std::string number;  // a numbered paragraph ("1.1."): body text that starts with its number
  std::string text;  // may contain [^key] footnote marks
  SourceRef at;
};

struct Section {
  std::string number;  // "I.", "1.", "1.1.", "a)" as written
  std::string title;
  std::string style;   // optional override: bold, bold_italic, italic, regular
  // Content in order: blocks and subsections interleave.
  // One entry of the content: either a block or a subsection (section holds 0 or 1
  // element; std::vector is the standard container allowed for an incomplete type).
  struct Child {
    Block block;
    std::vector<Section> section;
    bool isSection() const { return !section.empty(); }
  };
  std::vector<Child> content;
  SourceRef at;
};

struct Agency {
  std::string code;
  std::string name;
  std::string shortName;
};

// A lead/partner entry: an agency code from the directory or collective text.
struct AgencyRef {
  std::string code;  // non-empty when it names a directory agency
  std::string text;  // the text to print (the agency's name for a code)
};

struct Column {
  std::string key;     // number, name, unit, target, target:2030, lead, partners, product, deadline, note
  std::string header;  // as printed
  double width = 1;    // relative
  std::string group;   // spanning header shared by adjacent columns of the same group
};

struct Indicator {
  std::string number;  // as printed; unique within its group
  std::string key;     // unique in the appendix: see assignRowKeys
  std::string name;
  std::string unit;
  std::string target;                // single target, as written
  std::map<int, std::string> targets;  // milestone year -> target as written
  std::vector<AgencyRef> lead, partners;
  std::string note;
  SourceRef at;
};

struct Task {
  std::string number;  // as printed; unique within its group
  std::string key;     // unique in the appendix: see assignRowKeys
  std::string name;
  std::vector<AgencyRef> lead, partners;
  std::string product;
  Deadline deadline;
  std::string note;
  SourceRef at;
};

// The key of a row (see assignRowKeys); a row built without the loader is keyed by its number.
template <class Row>
const std::string& keyOf(const Row& r) {
  return r.key.empty() ? r.number : r.key;
}

template <class Row>
struct Group {
  std::string number;  // roman numeral as printed
  std::string title;
  std::vector<Row> items;
};

// The date in an appendix's link line: the family's form (state "03/10/2025", party
// "ngày 03 tháng 10 năm 2025"), or either form chosen by the appendix (`link_date`).
enum class LinkDateForm { Family, Short, Long };

template <class Row>
struct Appendix {
  std::string label;   // "PHỤ LỤC I"
  std::string title;   // "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ"
  std::string link = "Ban hành kèm theo";
  std::string linkOf;  // issuer named at the end of the link line; empty: the plan's short name
  LinkDateForm linkDate = LinkDateForm::Family;
  std::vector<Column> columns;
  std::vector<Group<Row>> groups;
  bool numbersRestart = false;  // some row number occurs in more than one group
  size_t rowCount() const {
    size_t n = 0;
    for (const auto& g : groups) n += g.items.size();
    return n;
  }
  const Row* findByKey(const std::string& key) const {
    for (const auto& g : groups)
      for (const auto& r : g.items)
        if (keyOf(r) == key) return &r;
    return nullptr;
  }
};

// "Kế hoạch" for KH, "Báo cáo" for BC, …; the code itself when unknown. The one table of
// document type names.
std::string documentTypeName(const std::string& typeCode);

// The part of a group number used in row keys: "II." -> "II"; an unnumbered group is
// named by its position (1-based).
std::string groupKeyPart(const std::string& groupNumber, size_t groupIndex);
// "II" + "1." -> "II.1"
std::string qualifiedRowKey(const std::string& groupKey, const std::string& rowNumber);

// The one place row keys are made. When every row number of the appendix is unique the
// key is the number itself ("10", "6.1"), so plans numbered straight through keep their
// keys; when numbers restart in each group every key is qualified by its group ("II.1").
template <class Row>
void assignRowKeys(Appendix<Row>& ap) {
  std::map<std::string, int> uses;
  for (const auto& g : ap.groups)
    for (const auto& r : g.items) ++uses[r.number];
  ap.numbersRestart = false;
  for (const auto& [n, count] : uses)
    if (count > 1) ap.numbersRestart = true;
  for (size_t gi = 0; gi < ap.groups.size(); ++gi) {
    auto& g = ap.groups[gi];
    for (auto& r : g.items)
      r.key = ap.numbersRestart ? qualifiedRowKey(groupKeyPart(g.number, gi), r.number) : r.number;
  }
}

struct Signature {
  std::vector<std::string> authority;  // TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH
  std::string name;
  bool signedOff = false;  // false: draft, prints "DỰ THẢO"
};

enum class ReportKind { Quarter, HalfYear, NineMonth, Annual };

struct ReportDue {
  ReportKind kind = ReportKind::HalfYear;
  int day = 10, month = 6;  // due before this day each year
};

struct Plan {
  std::string id;  // directory name
  Document document;
  LayoutOptions layout;
  std::vector<std::string> preamble;
  std::vector<Section> body;
  std::map<std::string, std::string> footnotes;
  std::vector<std::string> closing;
  std::vector<std::string> recipients;
  Signature signature;
  std::vector<Agency> agencies;
  std::optional<Appendix<Indicator>> indicators;
  std::optional<Appendix<Task>> tasks;
  std::vector<ReportDue> reporting;  // empty: the default calendar

  const Agency* findAgency(const std::string& code) const {
    for (const auto& a : agencies)
      if (a.code == code) return &a;
    return nullptr;
  }
};

}  // namespace vnplan
