#include "batch/document_builder.hpp"

#include <cstdlib>
#include <filesystem>

#include "layout/document_layout.hpp"
#include "layout/plan_spec.hpp"
#include "load/install_dirs.hpp"
#include "load/template_loader.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace vnplan {

std::string templatePath(Family family) {
  const std::string name = family == Family::Party ? "party.yaml" : "state.yaml";
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("VNPLAN_TEMPLATES")) dirs.push_back(env);
  dirs.push_back(defaultTemplateDir());
  for (const auto& d : dirs) {
    std::filesystem::path p = std::filesystem::path(d) / name;
    if (std::filesystem::is_regular_file(p)) return p.string();
  }
  // Not found: name the place an installation would hold it.
  return (std::filesystem::path(dirs.back()) / name).string();
}

std::optional<DocTemplate> loadFamilyTemplate(Family family, Diagnostics& diags) {
  return loadTemplate(templatePath(family), diags);
}

std::string renderSpecPdf(const DocumentSpec& spec, const DocTemplate& tmpl, const FontSet& fonts, std::int64_t epoch) {
  PdfWriter writer(fonts);
  LaidOutDocument doc = layoutDocument(spec, tmpl, writer.metrics());
  doc.info.epoch = epoch;
  return writer.finish(doc);
}

std::string renderPlanPdf(const Plan& plan, const DocTemplate& tmpl, const FontSet& fonts, std::int64_t epoch) {
  return renderSpecPdf(specFromPlan(plan, tmpl), tmpl, fonts, epoch);
}

}  // namespace vnplan
