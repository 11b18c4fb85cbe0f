#pragma once
// The line under an appendix title that ties it to its plan:
//   state: "(Ban hành kèm theo Kế hoạch số      /KH-UBND ngày      /3/2025 của UBND huyện Bình Giang)"
//   party: "(Kèm theo Kế hoạch số 31-KH/ĐU, ngày 27 tháng 10 năm 2025 của BTV Đảng ủy xã Định Hóa)"
// Blank number and date parts stay as blanks to be filled in by hand when the plan is
// numbered. A day below 10 and the months 1 and 2 get a leading zero (Nghị định 30/2020).
#include <string>

#include "model/plan.hpp"

namespace vnplan::xlsx {

// "Kế hoạch" for KH, "Báo cáo" for BC, …; the code itself when unknown.
std::string documentTypeName(const std::string& typeCode);

// "25/KH-UBND" (state) or "31-KH/ĐU" (party), with blanks for a missing number; a number
// below 10 gets a leading zero ("05/KH-UBND").
std::string documentNumberSymbol(const Document& doc);

// `link` is the appendix's wording ("Ban hành kèm theo"), `linkOf` its issuer
// (empty: the plan's issuer short name).
std::string appendixLinkLine(const Document& doc, const std::string& link, const std::string& linkOf);

}  // namespace vnplan::xlsx
