#pragma once
#include "layout/document_spec.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan {

// The plan document: header, body, closing, and its appendices as tables.
DocumentSpec specFromPlan(const Plan& plan, const DocTemplate& tmpl);

// Text of one appendix cell by column key; lists print one entry per line.
std::string indicatorCell(const Indicator& ind, const std::string& key);
std::string taskCell(const Task& task, const std::string& key);
CellAlign columnAlign(const std::string& key);

}  // namespace vnplan
