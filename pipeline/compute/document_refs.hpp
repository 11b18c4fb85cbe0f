#pragma once
// How a document names itself and others: the number line ("Số: 25/KH-UBND"), the
// place-and-date line, the reference "25/KH-UBND", and the link line under an appendix
// title ("(Ban hành kèm theo Kế hoạch số 25/KH-UBND ngày 24/01/2025 của …)"). One builder,
// driven by the family template's formats, for the PDF and the workbooks alike. Blank
// number and date parts of a draft stay as the template's blank.
#include <string>

#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan {

struct DocumentIdentity {
  std::string typeCode;  // KH, BC
  std::string typeName;  // "Kế hoạch" (sentence case)
  Issuer issuer;
  std::string number;
  PartialDate date;
  std::string place;
};

DocumentIdentity identityOf(const Document& d);
// documentTypeName (model/plan.hpp): "Kế hoạch" for KH, …

// Spaces for the workbook; no-break spaces in the PDF, so line breaking keeps the gap.
enum class Blanks { Spaces, NoBreak };

std::string formatNumberLine(const DocumentIdentity& d, const DocTemplate& t, Blanks b);  // "Số: 05/KH-UBND"
std::string formatReference(const DocumentIdentity& d, const DocTemplate& t, Blanks b);   // "05/KH-UBND"
std::string formatDateLine(const DocumentIdentity& d, const DocTemplate& t, Blanks b);    // "Định Hóa, ngày 04 tháng 02 năm 2025"
// `form` chooses the date's form: the template's, "ngày 03/10/2025" or "ngày 03 tháng 10 năm 2025".
std::string formatAppendixLink(const DocumentIdentity& d, const DocTemplate& t, const std::string& link,
                               const std::string& issuer, Blanks b, LinkDateForm form = LinkDateForm::Family);

}  // namespace vnplan
