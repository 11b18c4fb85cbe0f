// libFuzzer target for the XLSX reader (issue 9): any bytes in, one clear error or a
// workbook out, never a crash, a hang or unbounded memory. Seeds: fuzz/corpus/xlsx_reader/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Smaller caps than the defaults keep each run short; the code paths are the same.
  vnplan::XlsxLimits lim;
  lim.maxEntryBytes = 8u << 20;
  lim.maxTotalBytes = 16u << 20;
  lim.maxCells = 200000;
  lim.maxSeconds = 5;
  vnplan::Diagnostics d;
  auto wb = vnplan::readXlsxBytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xlsx", d, lim);
  // The contract: a workbook exactly when no error was reported.
  if (wb.has_value() == d.hasErrors()) __builtin_trap();
  if (wb) {
    for (const auto& s : wb->sheets) {
      for (size_t i = 1; i < s.cells.size(); ++i) {
        const auto& a = s.cells[i - 1];
        const auto& b = s.cells[i];
        if (a.row > b.row || (a.row == b.row && a.col >= b.col)) __builtin_trap();  // sorted, unique
      }
      for (const auto& c : s.cells)
        if (s.at(c.row, c.col) != &c) __builtin_trap();
    }
  }
  return 0;
}
