#include "batch/template_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch/document_builder.hpp"
#include "load/template_loader.hpp"

namespace vnplan {

std::vector<std::string> templateSearchDirs(const std::string& planDir, const std::string& defaultDir) {
  std::vector<std::string> dirs;
  if (!planDir.empty()) dirs.push_back((std::filesystem::path(planDir) / "templates").string());
  if (const char* env = std::getenv("VNPLAN_TEMPLATES"); env && *env) dirs.push_back(env);
  dirs.push_back(defaultDir);
  return dirs;
}

std::string resolveTemplateFile(const std::string& name, const std::string& planDir, const std::string& defaultDir) {
  std::error_code ec;
  for (const auto& d : templateSearchDirs(planDir, defaultDir)) {
    std::filesystem::path p = std::filesystem::path(d) / name;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return (std::filesystem::path(defaultDir) / name).string();
}

std::string reportTemplateName(ReportKind kind, Family family) {
  return std::string("report-") + reportKindKey(kind) + "-" + (family == Family::Party ? "party" : "state") + ".mustache";
}

std::string familyTemplateName(Family family) { return family == Family::Party ? "party.yaml" : "state.yaml"; }

std::string defaultTemplateDir(Family family) {
  return std::filesystem::path(templatePath(family)).parent_path().string();
}

ReportTemplates loadReportTemplates(const std::string& planDir, Family family, ReportKind kind, Diagnostics& diags) {
  ReportTemplates t;
  const std::string dir = defaultTemplateDir(family);
  t.layoutPath = resolveTemplateFile(familyTemplateName(family), planDir, dir);
  t.layout = loadTemplate(t.layoutPath, diags);
  t.textPath = resolveTemplateFile(reportTemplateName(kind, family), planDir, dir);
  std::ifstream in(t.textPath, std::ios::binary);
  if (!in) {
    diags.add({Severity::Error, t.textPath, 0, 0, MsgId::FileNotFound, {t.textPath}});
    return t;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  t.text = ss.str();
  if (t.text.empty()) diags.add({Severity::Error, t.textPath, 0, 0, MsgId::MissingField, {"text"}});
  return t;
}

}  // namespace vnplan
