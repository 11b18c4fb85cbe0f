#include "render/xlsx/link_line.hpp"

namespace vnplan::xlsx {

namespace {

const char* const kBlank = "     ";  // a part to be written in by hand

std::string twoDigitsIf(int v, bool pad) { return (pad && v < 10 ? "0" : "") + std::to_string(v); }
std::string dayText(int d) { return d ? twoDigitsIf(d, true) : kBlank; }
std::string monthText(int m) { return m ? twoDigitsIf(m, m <= 2) : kBlank; }
std::string yearText(int y) { return y ? std::to_string(y) : kBlank; }

}  // namespace

std::string documentTypeName(const std::string& typeCode) {
  if (typeCode == "KH") return "Kế hoạch";
  if (typeCode == "BC") return "Báo cáo";
  if (typeCode == "CTr") return "Chương trình";
  if (typeCode == "QĐ") return "Quyết định";
  if (typeCode == "TB") return "Thông báo";
  if (typeCode == "TTr") return "Tờ trình";
  return typeCode;
}

std::string documentNumberSymbol(const Document& doc) {
  std::string number = doc.number.empty() ? kBlank : doc.number;
  // Numbers below 10 are written with a leading zero ("05/KH-UBND"), as in the PDF.
  if (number.size() == 1 && number[0] >= '1' && number[0] <= '9') number = "0" + number;
  if (doc.family == Family::Party) return number + "-" + doc.type + "/" + doc.issuer.symbol;
  return number + "/" + doc.type + "-" + doc.issuer.symbol;
}

std::string appendixLinkLine(const Document& doc, const std::string& link, const std::string& linkOf) {
  const std::string of = linkOf.empty() ? doc.issuer.shortName : linkOf;
  std::string s = "(" + (link.empty() ? "" : link + " ") + documentTypeName(doc.type) + " số " + documentNumberSymbol(doc);
  const PartialDate& d = doc.date;
  if (doc.family == Family::Party)
    s += ", ngày " + dayText(d.day) + " tháng " + monthText(d.month) + " năm " + yearText(d.year);
  else
    s += " ngày " + dayText(d.day) + "/" + monthText(d.month) + "/" + yearText(d.year);
  if (!of.empty()) s += " của " + of;
  return s + ")";
}

}  // namespace vnplan::xlsx
