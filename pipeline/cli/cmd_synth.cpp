// `vnplan synth --units N [--seed S] [--period P] -o DIR`: a synthetic country for scale tests.
#include <filesystem>
#include <iostream>

#include "batch/synth.hpp"
#include "cli/commands.hpp"

namespace vnplan {

int cmdSynth(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (!args.empty()) return usageError(en ? "synth takes no folder; use -o DIR" : "synth không nhận thư mục; dùng -o DIR", o.lang);
  if (o.units <= 0) return usageError(en ? "synth needs --units N" : "synth cần --units N", o.lang);
  SynthOptions so;
  so.units = o.units;
  so.seed = o.seed;
  so.outDir = o.outDir;
  if (!o.period.empty()) {
    auto p = parseReportPeriod(o.period);
    if (!p) return usageError((en ? "--period: not a period: " : "--period không hợp lệ: ") + o.period, o.lang);
    so.period = *p;
  }
  try {
    const auto dirs = writeSynthCountry(so);
    std::cout << (en ? "synth: " : "synth: ") << dirs.size() << (en ? " plans under " : " kế hoạch trong ") << so.outDir
              << " (" << (en ? "progress " : "số liệu kỳ ") << so.period.key() << ")\n";
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << (en ? "vnplan: error: cannot write: " : "vnplan: lỗi: không ghi được: ") << e.path1().string() << " ("
              << e.code().message() << ")\n";
    return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace vnplan
