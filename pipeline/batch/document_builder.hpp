#pragma once
// Runs the stages for one document: spec -> layout -> paint. Every call owns its own
// libharu document, so any number of threads may build documents at once.
#include <cstdint>
#include <optional>
#include <string>

#include "layout/document_spec.hpp"
#include "model/diagnostic.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"
#include "render/pdf/font_files.hpp"

namespace vnplan {

// VNPLAN_TEMPLATES, else the default template directory (load/install_dirs.hpp).
std::string templatePath(Family family);
std::optional<DocTemplate> loadFamilyTemplate(Family family, Diagnostics& diags);

std::string renderSpecPdf(const DocumentSpec& spec, const DocTemplate& tmpl, const FontSet& fonts, std::int64_t epoch);
std::string renderPlanPdf(const Plan& plan, const DocTemplate& tmpl, const FontSet& fonts, std::int64_t epoch);

}  // namespace vnplan
