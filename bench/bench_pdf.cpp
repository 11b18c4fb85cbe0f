// PDF build of a plan in memory: seed 001 (target ≤ 10 ms on one core) and a synthetic
// 500-task plan. Run: make bench (or build/bench/vnplan_bench --benchmark_filter=Pdf).
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include <stdexcept>

#include "cli/document_builder.hpp"
#include "layout/document_layout.hpp"
#include "layout/plan_spec.hpp"
#include "load/plan_loader.hpp"
#include "render/pdf/pdf_writer.hpp"

using namespace vnplan;
using vnplan::bench::loadSeed;

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

DocTemplate stateTemplate() {
  Diagnostics d;
  auto t = loadFamilyTemplate(Family::State, d);
  if (!t) throw std::runtime_error("template");
  return *t;
}

void BM_PdfSeed001(benchmark::State& state) {
  Plan plan = loadSeed("binh-giang");
  DocTemplate t = stateTemplate();
  FontSet fonts = findFonts(defaultFontDirs());
  size_t bytes = 0;
  for (auto _ : state) {
    std::string pdf = renderPlanPdf(plan, t, fonts, 0);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PdfSeed001)->Unit(benchmark::kMillisecond);

void BM_PdfSynthetic500(benchmark::State& state) {
  Plan plan = syntheticPlan(500);
  DocTemplate t = stateTemplate();
  FontSet fonts = findFonts(defaultFontDirs());
  for (auto _ : state) {
    std::string pdf = renderPlanPdf(plan, t, fonts, 0);
    benchmark::DoNotOptimize(pdf.data());
  }
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

void BM_LoadFontsOnly(benchmark::State& state) {
  FontSet fonts = findFonts(defaultFontDirs());
  for (auto _ : state) {
    PdfWriter w(fonts);
    benchmark::DoNotOptimize(&w);
  }
}
BENCHMARK(BM_LoadFontsOnly)->Unit(benchmark::kMillisecond);

}  // namespace

