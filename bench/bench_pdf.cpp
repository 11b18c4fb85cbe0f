// PDF build of a plan in memory: seed 001 (binh-giang; target ≤ 8 ms on one core), the
// other seeds and a synthetic 500-task plan. Each PDF benchmark also reports its floor:
// zlib level 6 deflating the document's own uncompressed bytes (every stream decoded,
// by qpdf, outside the timed loop), as `floor_ms` and `x_floor` = CPU time per document /
// floor CPU time (both measured in the same run, so machine load mostly cancels out).
// Run: make bench (or build/bench/vnplan_bench --benchmark_filter=Pdf).
#include <benchmark/benchmark.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>
#include <time.h>
#include <zlib.h>

#include "bench_support.hpp"

#include <algorithm>
#include <stdexcept>

#include "batch/document_builder.hpp"
#include "layout/document_layout.hpp"
#include "layout/plan_spec.hpp"
#include "load/plan_loader.hpp"
#include "render/pdf/page_content.hpp"
#include "render/pdf/pdf_writer.hpp"

using namespace vnplan;
using vnplan::bench::floorMs;
using vnplan::bench::loadSeed;
using vnplan::bench::threadCpuMs;

namespace {


Plan syntheticPlan(int tasks) {
  Plan p = loadSeed("binh-giang");
  auto& ap = *p.tasks;
  Task proto = ap.groups[0].items[0];
  ap.groups.resize(10);
  int n = 0;
  for (auto& g : ap.groups) {
    g.items.clear();
    for (int i = 0; i < tasks / 10; ++i) {
      Task t = proto;
      t.number = std::to_string(++n);
      t.name = proto.name + " (" + std::to_string(n) + ")";
      g.items.push_back(t);
    }
  }
  return p;
}

// The document with every stream decoded and stored uncompressed.
std::string uncompressedPdf(const std::string& pdf) {
  QPDF q;
  q.processMemoryFile("bench.pdf", pdf.data(), pdf.size());
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setStreamDataMode(qpdf_s_uncompress);
  w.setDecodeLevel(qpdf_dl_generalized);
  w.write();
  auto buf = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

// Renders `plan` in the timed loop, then sets the size and floor counters.
void runPlanPdf(benchmark::State& state, const Plan& plan, const DocTemplate& t) {
  FontSet fonts = findFonts(defaultFontDirs());
  std::string pdf;
  double cpu = 0;
  int64_t n = 0;
  for (auto _ : state) {
    const double t0 = threadCpuMs();
    pdf = renderPlanPdf(plan, t, fonts, 0);
    cpu += threadCpuMs() - t0;
    ++n;
    benchmark::DoNotOptimize(pdf.data());
  }
  // After the timed loop: not counted in the benchmark's own time.
  const std::string raw = uncompressedPdf(pdf);
  const double floor = floorMs(raw);
  state.counters["pdf_bytes"] = static_cast<double>(pdf.size());
  state.counters["raw_bytes"] = static_cast<double>(raw.size());
  state.counters["floor_ms"] = floor;
  state.counters["x_floor"] = n ? cpu / static_cast<double>(n) / floor : 0;
}

DocTemplate stateTemplate() {
  Diagnostics d;
  auto t = loadFamilyTemplate(Family::State, d);
  if (!t) throw std::runtime_error("template");
  return *t;
}

void BM_PdfSeed001(benchmark::State& state) {
  runPlanPdf(state, loadSeed("binh-giang"), stateTemplate());
}
BENCHMARK(BM_PdfSeed001)->Unit(benchmark::kMillisecond);

void BM_PdfSeedDinhHoa(benchmark::State& state) {
  runPlanPdf(state, loadSeed("dinh-hoa"), stateTemplate());
}
BENCHMARK(BM_PdfSeedDinhHoa)->Unit(benchmark::kMillisecond);

void BM_PdfSeedDangUy(benchmark::State& state) {
  Diagnostics d;
  auto party = loadFamilyTemplate(Family::Party, d);
  if (!party) throw std::runtime_error("template");
  runPlanPdf(state, loadSeed("dang-uy-dinh-hoa"), *party);
}
BENCHMARK(BM_PdfSeedDangUy)->Unit(benchmark::kMillisecond);

void BM_PdfSynthetic500(benchmark::State& state) {
  runPlanPdf(state, syntheticPlan(500), stateTemplate());
}
BENCHMARK(BM_PdfSynthetic500)->Unit(benchmark::kMillisecond);

// The stages separately, to see where the time goes.
void BM_LayoutOnlySeed001(benchmark::State& state) {
  Plan plan = loadSeed("binh-giang");
  DocTemplate t = stateTemplate();
  FontSet fonts = findFonts(defaultFontDirs());
  PdfWriter w(fonts);
  DocumentSpec spec = specFromPlan(plan, t);
  for (auto _ : state) {
    LaidOutDocument doc = layoutDocument(spec, t, w.metrics());
    benchmark::DoNotOptimize(doc.pages.data());
  }
}
BENCHMARK(BM_LayoutOnlySeed001)->Unit(benchmark::kMillisecond);

// The content streams of every page of seed 001, without deflating them.
void BM_PageContentOnlySeed001(benchmark::State& state) {
  Plan plan = loadSeed("binh-giang");
  DocTemplate t = stateTemplate();
  FontSet fonts = findFonts(defaultFontDirs());
  PdfWriter w(fonts);
  const LaidOutDocument doc = layoutDocument(specFromPlan(plan, t), t, w.metrics());
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const PageFrame& page : doc.pages) {
      std::string content = pageContent(page, [](int face) { return face == 0 ? "F1" : "F2"; });
      bytes += content.size();
      benchmark::DoNotOptimize(content.data());
    }
  }
  state.counters["content_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PageContentOnlySeed001)->Unit(benchmark::kMillisecond);

void BM_LoadFontsOnly(benchmark::State& state) {
  FontSet fonts = findFonts(defaultFontDirs());
  for (auto _ : state) {
    PdfWriter w(fonts);
    benchmark::DoNotOptimize(&w);
  }
}
BENCHMARK(BM_LoadFontsOnly)->Unit(benchmark::kMillisecond);

}  // namespace

