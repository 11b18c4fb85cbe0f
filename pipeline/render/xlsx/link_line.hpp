#pragma once
// The line under an appendix title that ties it to its plan, and the plan's reference, as the
// workbook prints them: the same builder as the PDF's (compute/document_refs, driven by the
// family template), with plain spaces for the blanks of a draft.
//   state: "(Ban hành kèm theo Kế hoạch số      /KH-UBND ngày      /3/2025 của UBND huyện Bình Giang)"
//   party: "(Kèm theo Kế hoạch số 31-KH/ĐU, ngày 27 tháng 10 năm 2025 của BTV Đảng ủy xã Định Hóa)"
#include <string>

#include "compute/document_refs.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan::xlsx {

// "25/KH-UBND" (state) or "31-KH/ĐU" (party), blanks for a missing number, "05" below 10.
std::string documentNumberSymbol(const Document& doc, const DocTemplate& rules);

// `link` is the appendix's wording ("Ban hành kèm theo"), `linkOf` its issuer
// (empty: the plan's issuer short name).
std::string appendixLinkLine(const Document& doc, const DocTemplate& rules, const std::string& link,
                             const std::string& linkOf, LinkDateForm form = LinkDateForm::Family);

// The template the workbook writer was given; throws when none was.
const DocTemplate& requireRules(const DocTemplate* rules);

}  // namespace vnplan::xlsx
