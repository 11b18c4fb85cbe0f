#pragma once
// Checks a report template before kainjow::mustache sees it: the library parses and
// renders nested sections recursively, so 20,000 nested sections overflow the stack
// (SIGSEGV). An empty template or a control character is reported too, located.
#include <string>

#include "model/diagnostic.hpp"

namespace vnplan {

// Deepest section nesting a report template may use; the shipped ones use 2.
inline constexpr int kMaxMustacheNesting = 50;

// Adds located errors to `diags`; returns false when the template must not be rendered.
bool checkReportTemplate(const std::string& text, const std::string& path, Diagnostics& diags);

}  // namespace vnplan
