#pragma once
// Which template files a plan's report uses. An office adapts the wording without touching
// the shipped templates: file by file, the plan's own `templates/` folder comes first, then
// the folder named by VNPLAN_TEMPLATES, then the default folder.
#include <string>
#include <vector>

#include <optional>

#include "model/diagnostic.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

// The folders searched for `name`, in order of precedence (only existing files count).
std::vector<std::string> templateSearchDirs(const std::string& planDir, const std::string& defaultDir);
// The first existing PLAN_DIR/templates/name, $VNPLAN_TEMPLATES/name, defaultDir/name;
// defaultDir/name when none exists (the caller reports it as missing).
std::string resolveTemplateFile(const std::string& name, const std::string& planDir, const std::string& defaultDir);

// "report-half-year-state.mustache": the report text of a period kind and layout family.
std::string reportTemplateName(ReportKind kind, Family family);
// "state.yaml" / "party.yaml": the layout rules of a family.
std::string familyTemplateName(Family family);

// The folder of the shipped templates (where templatePath() finds the family rules).
std::string defaultTemplateDir(Family family);

// The layout rules and the report text a report of `kind` uses for a plan, each resolved as
// above. Problems (missing or invalid files) are added to `diags`; `text` is empty then.
struct ReportTemplates {
  std::optional<DocTemplate> layout;
  std::string layoutPath;
  std::string textPath, text;
  bool textRead = false;  // an empty text is read, and reported by the template check
  bool ok() const { return layout && textRead; }
};
ReportTemplates loadReportTemplates(const std::string& planDir, Family family, ReportKind kind, Diagnostics& diags);

}  // namespace vnplan
