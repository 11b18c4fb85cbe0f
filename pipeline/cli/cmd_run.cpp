// `vnplan run ROOT --period P [--jobs N] [--shard I/N] [--today D] [-o OUT_DIR]`: every plan under
// ROOT, with the submissions waiting in its inbox and its consolidation (docs/scaling.md).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "batch/run.hpp"
#include "cli/commands.hpp"

namespace vnplan {

int cmdRun(const std::vector<std::string>& args, const CliOptions& o) {
  const bool en = o.lang == Lang::En;
  if (args.size() != 1) return usageError(en ? "run needs one ROOT folder" : "run cần đúng một thư mục ROOT", o.lang);
  auto period = parseReportPeriod(o.period);
  if (!period)
    return usageError((en ? "run needs --period 2026-H1, 2026, 2026-Q1…Q4 or 2026-9M, not: "
                          : "run cần --period dạng 2026-H1, 2026, 2026-Q1…Q4 hoặc 2026-9M, không phải: ") +
                          o.period,
                      o.lang);
  std::error_code ec;
  if (!std::filesystem::is_directory(args[0], ec)) {
    std::cerr << "vnplan: " << (en ? "error: not a folder: " : "lỗi: không phải thư mục: ") << args[0] << "\n";
    return kExitInvalid;
  }
  if (!o.today.empty()) {
    CalendarDate d;
    if (parseDate(o.today, d) != DateParse::Ok)
      return usageError((en ? "--today must be a date: " : "--today phải là ngày: ") + o.today, o.lang);
  }
  RunOptions ro;
  ro.today = o.today;
  ro.root = args[0];
  ro.period = *period;
  ro.outDir = o.outDir;
  ro.jobs = o.jobs;
  ro.shardIndex = o.shardIndex;
  ro.shardCount = o.shardCount;
  ro.lang = o.lang;
  ro.progressBar = ::isatty(STDERR_FILENO) != 0;
  RunSummary s;
  if (!runPlans(ro, s, std::cerr)) return s.lockBusy ? kExitBusy : kExitInvalid;

  for (const auto& f : s.failures) std::cerr << f.messages;
  const SubmissionCounts& sub = s.submissions;
  const ConsolidationCounts& con = s.consolidations;
  // The collection line only where a plan has an inbox or a units.yaml.
  const bool collected = sub.ingested + sub.skipped + con.built + con.unchanged + con.failed > 0;
  if (en) {
    std::cout << "vnplan run " << ro.period.key() << ": " << s.plans << " plans — " << s.built << " built, " << s.unchanged
              << " unchanged, " << s.failed << " failed; " << s.filesWritten << " files written in "
              << static_cast<long>(s.seconds * 1000) / 1000.0 << " s\n";
    if (collected)
      std::cout << "collection: " << sub.ingested << " submission(s) read — " << sub.accepted << " accepted, "
                << sub.rejected << " rejected, " << sub.skipped << " already in the ledger; consolidation: " << con.built
                << " built, " << con.unchanged << " unchanged, " << con.failed << " failed\n";
    if (!s.missingProgress.empty())
      std::cout << s.missingProgress.size() << " plan(s) without progress data for " << ro.period.key() << "\n";
    for (const auto& f : s.failures) std::cout << "failed: " << f.dir << "\n";
  } else {
    std::cout << "vnplan run " << ro.period.key() << ": " << s.plans << " kế hoạch — " << s.built << " đã dựng, "
              << s.unchanged << " không đổi, " << s.failed << " lỗi; đã ghi " << s.filesWritten << " tệp trong "
              << static_cast<long>(s.seconds * 1000) / 1000.0 << " giây\n";
    if (collected)
      std::cout << "thu thập: đã đọc " << sub.ingested << " tệp nộp — " << sub.accepted << " tiếp nhận, " << sub.rejected
                << " không tiếp nhận, " << sub.skipped << " đã có trong sổ; tổng hợp: " << con.built << " đã dựng, "
                << con.unchanged << " không đổi, " << con.failed << " lỗi\n";
    if (!s.missingProgress.empty())
      std::cout << s.missingProgress.size() << " kế hoạch chưa có số liệu kỳ " << ro.period.key() << "\n";
    for (const auto& f : s.failures) std::cout << "lỗi: " << f.dir << "\n";
  }
  std::cout << (en ? "summary: " : "tóm tắt: ") << summaryJsonPath(ro) << "\n";
  return s.failed ? kExitInvalid : kExitOk;
}

}  // namespace vnplan
