#include "compute/document_refs.hpp"

namespace vnplan {
namespace {

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

std::string pad2(int v) {
  // Inserted, not "0" + std::string: GCC 12 at -O3 warns falsely there (-Wrestrict, PR 105329).
  std::string s = std::to_string(v);
  if (v >= 0 && v < 10) s.insert(s.begin(), '0');
  return s;
}

std::string blankOf(const DocTemplate& t, Blanks b) {
  return b == Blanks::NoBreak ? replaceAll(t.blank, " ", "\u00A0") : t.blank;
}

// ND30: a day below 10 and the months 1 and 2 take a leading zero; numbers below 10 too.
std::string dayText(int d, const std::string& blank) { return d ? pad2(d) : blank; }
std::string monthText(int m, const std::string& blank) {
  return m ? (m <= 2 ? pad2(m) : std::to_string(m)) : blank;
}
std::string yearText(int y, const std::string& blank) { return y ? std::to_string(y) : blank; }

std::string numberText(const std::string& n, const std::string& blank) {
  if (n.empty()) return blank;
  if (n.find_first_not_of("0123456789") == std::string::npos && n.size() < 4 && std::stoi(n) < 10) return pad2(std::stoi(n));
  return n;
}

std::string fill(std::string s, const DocumentIdentity& d, const std::string& blank) {
  s = replaceAll(s, "{number}", numberText(d.number, blank));
  s = replaceAll(s, "{type}", d.typeCode);
  s = replaceAll(s, "{symbol}", d.issuer.symbol);
  s = replaceAll(s, "{place}", d.place);
  s = replaceAll(s, "{day}", dayText(d.date.day, blank));
  s = replaceAll(s, "{month}", monthText(d.date.month, blank));
  s = replaceAll(s, "{year}", yearText(d.date.year, blank));
  return s;
}

}  // namespace

DocumentIdentity identityOf(const Document& d) {
  return {d.type, documentTypeName(d.type), d.issuer, d.number, d.date, d.place};
}

std::string formatNumberLine(const DocumentIdentity& d, const DocTemplate& t, Blanks b) {
  return fill(t.numberFormat, d, blankOf(t, b));
}

std::string formatReference(const DocumentIdentity& d, const DocTemplate& t, Blanks b) {
  // The number line without its "Số:" / "Số" lead.
  std::string f = t.numberFormat;
  size_t brace = f.find('{');
  return fill(f.substr(brace == std::string::npos ? 0 : brace), d, blankOf(t, b));
}

std::string formatDateLine(const DocumentIdentity& d, const DocTemplate& t, Blanks b) {
  return fill(t.dateFormat, d, blankOf(t, b));
}

std::string formatAppendixLink(const DocumentIdentity& d, const DocTemplate& t, const std::string& link,
                               const std::string& issuer, Blanks b, LinkDateForm form) {
  const std::string blank = blankOf(t, b);
  std::string s = t.appendixLinkFormat;
  std::string date = t.appendixDateFormat;
  if (form != LinkDateForm::Family) {
    // The chosen form carries its own "ngày", whether or not the template writes one.
    s = replaceAll(s, "ngày {date}", "{date}");
    date = form == LinkDateForm::Short ? "ngày {day}/{month}/{year}" : "ngày {day} tháng {month} năm {year}";
  }
  s = replaceAll(s, "{link} ", link.empty() ? "" : link + " ");
  s = replaceAll(s, "{link}", link);
  s = replaceAll(s, "{typeName}", d.typeName);
  s = replaceAll(s, "{ref}", formatReference(d, t, b));
  s = replaceAll(s, "{date}", fill(date, d, blank));
  s = replaceAll(s, "{issuer}", issuer);
  return s;
}

}  // namespace vnplan
