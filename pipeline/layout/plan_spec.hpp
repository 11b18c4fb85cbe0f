#pragma once
#include "layout/document_spec.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan {

// The plan document: header, body, closing, and its appendices as tables.
DocumentSpec specFromPlan(const Plan& plan, const DocTemplate& tmpl);

// Cell texts come from compute/appendix_cells (shared with the workbook).
CellAlign columnAlign(const std::string& key);

}  // namespace vnplan
