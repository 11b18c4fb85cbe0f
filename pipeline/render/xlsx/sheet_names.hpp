#pragma once
// Sheet names from appendix labels ("PHỤ LỤC I"), made legal for Excel: at most 31
// characters, none of []:*?/\, no apostrophe at either end, unique ignoring case, and
// never the reserved "_meta" or "History".
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::xlsx {

// `taken` holds the names already used; `fallback` is used when the label gives nothing.
std::string sheetNameFor(std::string_view label, std::string_view fallback, const std::vector<std::string>& taken);

}  // namespace vnplan::xlsx
