#include "batch/template_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch/document_builder.hpp"
#include "load/safe_file.hpp"
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
  // Bounded, regular files only (a FIFO or /dev/zero named as a template must not hang).
  SafeRead read = readInputFile(t.textPath);
  switch (read.status) {
    case SafeReadStatus::Ok:
      t.text = std::move(read.bytes);
      t.textRead = true;
      break;
    case SafeReadStatus::NotRegular: diags.add({Severity::Error, t.textPath, 0, 0, MsgId::NotRegularFile, {t.textPath}}); break;
    case SafeReadStatus::TooLarge:
      diags.add({Severity::Error, t.textPath, 0, 0, MsgId::FileTooLarge, {t.textPath, "8 MiB"}});
      break;
    default: diags.add({Severity::Error, t.textPath, 0, 0, MsgId::FileNotFound, {t.textPath}}); break;
  }
  return t;
}

}  // namespace vnplan
