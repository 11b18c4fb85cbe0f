// libFuzzer target: the layout templates (templates/<family>.yaml through the template
// loader) and, for the same bytes, the report text templates (Mustache, with its guard).
#include <cstdint>

#include "compute/report_figures.hpp"
#include "fuzz_support.hpp"
#include "layout/report_text.hpp"
#include "load/template_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string file = vnplan::fuzz::writeInput("templates/state.yaml", data, size);
  vnplan::Diagnostics d;
  auto tmpl = vnplan::loadTemplate(file, d);

  static const vnplan::Plan plan = [] {
    vnplan::Plan p;
    p.document.issuer.shortName = "UBND xã Mẫu";
    p.tasks = vnplan::Appendix<vnplan::Task>{};
    return p;
  }();
  vnplan::ProgressReport rep;
  rep.period = vnplan::ReportPeriod{2026, vnplan::ReportKind::HalfYear, 0};
  rep.ketQuaNoiBat = {"Kết quả một.", "Kết quả hai."};
  vnplan::ReportFigures figures;
  figures.tasks.total = 3;
  figures.tasks.done = 1;
  vnplan::ReportTextInput in{&plan, &rep, &figures, nullptr, "Kế hoạch số 1/KH-UBND"};
  vnplan::Diagnostics md;
  auto text = vnplan::renderReportText(std::string(reinterpret_cast<const char*>(data), size), "r.mustache", in, md);
  return 0;
}
