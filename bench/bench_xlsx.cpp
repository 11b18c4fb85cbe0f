// Appendix workbook (XLSX) of a plan, written to /dev/shm (or /tmp): seed 001
// (inputs/binh-giang; target ≤ 5 ms on one core) and a synthetic 5,000-task plan built
// in code. Each also reports its floor: zlib level 6 over the workbook's own XML (its parts
// inflated, outside the timed loop), as `floor_ms` and `x_floor` = CPU time per workbook /
// floor CPU time. Run: build/bench/vnplan_bench --benchmark_filter=Xlsx
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include "../tests/unit/test_support.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "load/plan_loader.hpp"
#include "load/zip_container.hpp"
#include "render/xlsx/appendix_workbook.hpp"

using namespace vnplan;
using vnplan::bench::floorMs;
using vnplan::bench::loadSeed;
using vnplan::bench::threadCpuMs;

namespace {

// Every part of the package at `path`, inflated and concatenated.
std::string uncompressedParts(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ZipContainer zip;
  if (zip.open(bytes, 1000) != ZipOpenStatus::Ok) throw std::runtime_error("not a zip: " + path);
  std::string all, part;
  for (const ZipEntry& e : zip.entries()) {
    if (zip.readAll(e, ZipCaps{}, part) != ZipReadStatus::Ok) throw std::runtime_error("bad part " + e.name);
    all += part;
  }
  return all;
}

std::string outPath(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
  return (dir / ("vnplan-bench-" + std::to_string(::getpid()) + "-" + name)).string();
}


// 50 groups of 100 tasks with realistic Vietnamese text, agencies and deadlines, plus a
// 200-row indicator appendix with numeric and text targets.
Plan syntheticPlan(int tasks) {
  Plan p;
  p.id = "synthetic";
  p.document.issuer = {"UBND TỈNH MẪU", {"ỦY BAN NHÂN DÂN", "HUYỆN MẪU"}, "UBND", "UBND huyện Mẫu"};
  p.document.date = {0, 3, 2025};
  p.document.title = "Kế hoạch thử tốc độ";
  const char* codes[] = {"VHTT", "NV", "TCKH", "KTHT", "VP", "TP", "GDĐT", "YT"};
  for (const char* c : codes) p.agencies.push_back({c, std::string("Phòng ") + c + " huyện Mẫu", ""});
  auto ref = [&](int i) { return AgencyRef{p.agencies[i % 8].code, p.agencies[i % 8].name}; };
  const char* deadlines[] = {"3/2025", "Quý II/năm 2025", "Năm 2026", "Hằng năm", "Thường xuyên",
                             "Sau khi tỉnh triển khai", "5/2025 và thực hiện thường xuyên", "31/12/2025"};

  Appendix<Task> ap;
  ap.label = "PHỤ LỤC II";
  ap.title = "DANH MỤC CÁC NHIỆM VỤ";
  ap.columns = {{"number", "TT", 5, ""},         {"name", "Tên nhiệm vụ", 40, ""},  {"lead", "Cơ quan chủ trì", 15, ""},
                {"partners", "Cơ quan phối hợp", 18, ""}, {"product", "Kết quả", 13, ""}, {"deadline", "Thời gian hoàn thành", 10, ""}};
  const int groups = 50;
  int n = 0;
  for (int g = 0; g < groups; ++g) {
    Group<Task> grp;
    grp.number = std::to_string(g + 1);
    grp.title = "Nhóm nhiệm vụ về chuyển đổi số, khoa học, công nghệ và đổi mới sáng tạo số " + grp.number;
    for (int i = 0; i < tasks / groups; ++i, ++n) {
      Task t;
      t.number = std::to_string(n + 1);
      t.name = "Triển khai thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
               "trên địa bàn huyện, giai đoạn 2025 - 2030, nội dung số " + t.number;
      t.lead = {ref(n)};
      t.partners = {ref(n + 3), ref(n + 5), AgencyRef{"", "UBND các xã, thị trấn"}};
      t.product = n % 2 ? "Kế hoạch" : "Báo cáo kết quả";
      t.deadline = parseDeadline(deadlines[n % 8]);
      grp.items.push_back(std::move(t));
    }
    ap.groups.push_back(std::move(grp));
  }
  p.tasks = std::move(ap);

  Appendix<Indicator> ind;
  ind.label = "PHỤ LỤC I";
  ind.title = "CHỈ TIÊU";
  ind.columns = {{"number", "TT", 5, ""}, {"name", "Chỉ tiêu", 36, ""}, {"unit", "Đơn vị", 10, ""}, {"target", "Kết quả", 14, ""},
                 {"lead", "Cơ quan chủ trì", 18, ""}};
  const char* targets[] = {"100%", "95%", "≥ 80%", "Đạt", "12,5%", "1.000", "≥ 0,8", "Liên thông"};
  Group<Indicator> ig{"I", "Đến năm 2030", {}};
  for (int i = 0; i < 200; ++i) {
    Indicator x;
    x.number = std::to_string(i + 1);
    x.name = "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình số " + x.number;
    x.unit = "%";
    x.target = targets[i % 8];
    x.lead = {ref(i)};
    ig.items.push_back(std::move(x));
  }
  ind.groups.push_back(std::move(ig));
  p.indicators = std::move(ind);
  return p;
}

void run(benchmark::State& state, const Plan& plan, const std::string& name) {
  const std::string path = outPath(name);
  double cpu = 0;
  std::int64_t n = 0;
  for (auto _ : state) {
    const double t0 = threadCpuMs();
    writeAppendixWorkbook(plan, path, XlsxOptions{1740787200, &testing_support::rulesFor(Family::State)});
    cpu += threadCpuMs() - t0;
    ++n;
  }
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(path));
  const std::string raw = uncompressedParts(path);
  const double floor = floorMs(raw);
  state.counters["raw_bytes"] = static_cast<double>(raw.size());
  state.counters["floor_ms"] = floor;
  state.counters["x_floor"] = n ? cpu / static_cast<double>(n) / floor : 0;
  std::size_t rows = 0;
  if (plan.indicators) rows += plan.indicators->rowCount() + plan.indicators->groups.size();
  if (plan.tasks) rows += plan.tasks->rowCount() + plan.tasks->groups.size();
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  std::filesystem::remove(path);
}

void BM_XlsxSeed001(benchmark::State& state) {
  const Plan plan = loadSeed("binh-giang");
  run(state, plan, "seed001.xlsx");
}
BENCHMARK(BM_XlsxSeed001)->Unit(benchmark::kMillisecond);

void BM_XlsxSynthetic5000(benchmark::State& state) {
  const Plan plan = syntheticPlan(5000);
  run(state, plan, "synthetic5000.xlsx");
}
BENCHMARK(BM_XlsxSynthetic5000)->Unit(benchmark::kMillisecond);

}  // namespace
