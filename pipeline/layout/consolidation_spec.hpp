#pragma once
// The consolidated progress report (`vnplan consolidate`) as a document in the plan's family
// layout (Nghị định 30/2020 for state bodies): the reporting-rate table per level, the totals
// per parent unit, task counts by status, the combined indicators and the list of units that
// are missing or whose files were rejected.
#include "compute/consolidation.hpp"
#include "layout/document_spec.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan {

// "85,0%"
std::string percentText(double percent);
// The combined value of an indicator as text ("77,5%", "1.250"); empty when not combined.
std::string indicatorTotalText(const IndicatorTotal& t);

DocumentSpec specFromConsolidation(const Plan& plan, const Consolidation& c, const DocTemplate& tmpl);

}  // namespace vnplan
