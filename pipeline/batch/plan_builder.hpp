#pragma once
// Builds the documents of one plan: the plan PDF and appendix workbook (`vnplan build`) and
// a period's report PDF and workbook (`vnplan report`). `vnplan run` calls the same
// functions, so its files are the same bytes as those of build and report.
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "batch/output_writer.hpp"
#include "model/diagnostic.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"

namespace vnplan {

struct BuildOptions {
  Lang lang = Lang::Vi;
  std::string outDir = "outputs";
  // Issue #11 (build/report --sign): signs the finished PDF, last, given its bytes and the
  // document's date; throws SignFailure. Empty: no signing. Drafts are refused.
  std::function<std::string(const std::string& pdf, std::int64_t documentTime)> signer = {};
};

// OUT_DIR/<id>/<id>.pdf and <id>-phu-luc.xlsx. Located messages go to `err`, the output
// folder to `out`; false when nothing could be built.
bool buildPlan(const std::string& dir, const BuildOptions& o, OutputWriter& writer, std::ostream& out, std::ostream& err);

// OUT_DIR/<id>/<id>-bao-cao-<period>.pdf and .xlsx from PLAN_DIR/progress/<period>.yaml.
bool buildReport(const std::string& dir, const ReportPeriod& period, const BuildOptions& o, OutputWriter& writer,
                 std::ostream& out, std::ostream& err);

// The same steps for a plan already loaded with its family's template (`vnplan run` loads
// each plan once for all four documents and each template once per run).
bool buildPlanDocuments(const Plan& plan, const DocTemplate& tmpl, const std::string& dir, const BuildOptions& o,
                        OutputWriter& writer, std::ostream& out, std::ostream& err);
struct ReportText {
  std::string path;  // templates/report-<kind>-<family>.mustache
  std::string text;  // empty: the file could not be read (reported as missing)
};
bool buildReportDocuments(const Plan& plan, const DocTemplate& tmpl, const ReportText& text, const std::string& dir,
                          const ReportPeriod& period, const BuildOptions& o, OutputWriter& writer, std::ostream& out,
                          std::ostream& err);

// templates/report-<kind>-<family>.mustache next to the family's layout template.
std::string reportTemplatePath(const ReportPeriod& p, Family family);

// File names (inside OUT_DIR/<id>/) of the outputs.
std::string planPdfName(const std::string& id);
std::string planXlsxName(const std::string& id);
std::string reportStem(const std::string& id, const ReportPeriod& period);

}  // namespace vnplan
