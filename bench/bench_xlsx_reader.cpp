// The XLSX reader (issue 9) on a filled collection workbook, written once with libxlsxwriter
// outside the timed loop: a task sheet (descriptions locked, status/date/number/note
// unlocked and filled), an indicator sheet, instructions and a hidden _meta sheet.
// Rows: 300 tasks (a district plan) and 5,000 (a stress size).
// Run: build/bench/vnplan_bench --benchmark_filter=XlsxReader
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "load/xlsx_reader.hpp"

using namespace vnplan;

namespace {

std::string writeCollectionWorkbook(int tasks) {
  const std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
  const std::string path =
      (dir / ("vnplan-bench-reader-" + std::to_string(::getpid()) + "-" + std::to_string(tasks) + ".xlsx")).string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_format* unlocked = workbook_add_format(wb);
  format_set_unlocked(unlocked);
  lxw_format* date = workbook_add_format(wb);
  format_set_unlocked(date);
  format_set_num_format(date, "dd/mm/yyyy");
  const char* statuses[] = {"Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Hoàn thành quá hạn"};

  lxw_worksheet* ws = workbook_add_worksheet(wb, "Nhiệm vụ");
  const char* head[] = {"TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái", "Ngày hoàn thành", "Tỷ lệ (%)", "Ghi chú"};
  for (int c = 0; c < 8; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c], nullptr);
  for (int r = 1; r <= tasks; ++r) {
    const std::string n = std::to_string(r);
    worksheet_write_string(ws, r, 0, n.c_str(), nullptr);
    worksheet_write_string(ws, r, 1,
                           ("Triển khai nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số số " + n).c_str(),
                           nullptr);
    worksheet_write_string(ws, r, 2, "Phòng Văn hóa, Khoa học và Thông tin", nullptr);
    worksheet_write_string(ws, r, 3, "Quý II/năm 2026", nullptr);
    worksheet_write_string(ws, r, 4, statuses[r % 4], unlocked);
    lxw_datetime dt = {2026, 1 + r % 12, 1 + r % 28, 0, 0, 0};
    worksheet_write_datetime(ws, r, 5, &dt, date);
    worksheet_write_number(ws, r, 6, r % 101, unlocked);
    worksheet_write_string(ws, r, 7, ("Đã báo cáo UBND huyện, văn bản số " + n + "/BC-VHKHTT").c_str(), unlocked);
  }
  worksheet_protect(ws, nullptr, nullptr);
  lxw_worksheet* ind = workbook_add_worksheet(wb, "Chỉ tiêu");
  for (int r = 0; r < tasks / 3; ++r) {
    worksheet_write_string(ind, r, 0, ("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình, chỉ tiêu " + std::to_string(r)).c_str(), nullptr);
    worksheet_write_number(ind, r, 1, 80, nullptr);
    worksheet_write_number(ind, r, 2, 50 + r % 50, unlocked);
  }
  lxw_worksheet* guide = workbook_add_worksheet(wb, "Hướng dẫn");
  for (int r = 0; r < 20; ++r) worksheet_write_string(guide, r, 0, "Nhập trạng thái từ danh sách; ngày theo dạng dd/mm/yyyy.", nullptr);
  lxw_worksheet* meta = workbook_add_worksheet(wb, "_meta");
  worksheet_write_string(meta, 0, 0, "schema_version", nullptr);
  worksheet_write_number(meta, 0, 1, 1, nullptr);
  worksheet_hide(meta);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path);
  return path;
}

void BM_XlsxReaderCollectionWorkbook(benchmark::State& state) {
  const std::string path = writeCollectionWorkbook(static_cast<int>(state.range(0)));
  size_t cells = 0;
  for (auto _ : state) {
    Diagnostics d;
    auto wb = readXlsxFile(path, d);
    if (!wb) {
      state.SkipWithError("reader refused the workbook");
      break;
    }
    cells = 0;
    for (const auto& s : wb->sheets) cells += s.cells.size();
    benchmark::DoNotOptimize(wb);
  }
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(path));
  state.counters["cells/s"] = benchmark::Counter(static_cast<double>(cells) * state.iterations(), benchmark::Counter::kIsRate);
  std::filesystem::remove(path);
}
BENCHMARK(BM_XlsxReaderCollectionWorkbook)->Arg(300)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace
