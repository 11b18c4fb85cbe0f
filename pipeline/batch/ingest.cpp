#include "batch/ingest.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "batch/atomic_file.hpp"
#include "batch/collection_files.hpp"
#include "compute/submission_check.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "load/progress_writer.hpp"
#include "load/unit_loader.hpp"
#include "load/xlsx_reader.hpp"
#include "render/xlsx/collect_workbook.hpp"
#include "render/xlsx/content_hash.hpp"
#include "store/ledger.hpp"

namespace vnplan {

namespace fs = std::filesystem;

namespace {

std::string nowIso(const std::string& today) {
  if (!today.empty()) {
    CalendarDate d;
    if (parseDate(today, d) == DateParse::Ok) return formatDateIso(d) + "T00:00:00Z";
  }
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

GridBook toGrid(const XlsxWorkbook& wb) {
  GridBook g;
  g.date1904 = wb.date1904;
  for (const auto& s : wb.sheets) {
    GridSheet gs;
    gs.name = s.name;
    gs.hidden = s.hidden;
    for (const auto& c : s.cells) {
      GridCell gc;
      gc.kind = c.kind == XlsxCell::Kind::Number    ? GridCell::Kind::Number
                : c.kind == XlsxCell::Kind::Boolean ? GridCell::Kind::Boolean
                : c.kind == XlsxCell::Kind::Error   ? GridCell::Kind::Error
                                                    : GridCell::Kind::Text;
      gc.text = c.text;
      gc.number = c.number;
      gc.formula = c.formula;
      gc.dateFormat = c.dateFormat;
      gs.cells[{static_cast<int>(c.row) - 1, static_cast<int>(c.col) - 1}] = std::move(gc);
    }
    g.sheets.push_back(std::move(gs));
  }
  return g;
}

// Progress files to write for one accepted submission: path -> new content.
struct PlannedWrite {
  std::string path;
  std::string text;
};

// Overlays the submitted entries on `base` (entries of other tasks and indicators, and the
// prose parts, stay as they were).
void overlay(ProgressReport& base, const ProgressReport& sub) {
  for (const auto& t : sub.tasks) {
    bool found = false;
    for (auto& b : base.tasks)
      if (b.number == t.number) {
        b = t;
        found = true;
      }
    if (!found) base.tasks.push_back(t);
  }
  for (const auto& i : sub.indicators) {
    bool found = false;
    for (auto& b : base.indicators)
      if (b.number == i.number) {
        b = i;
        found = true;
      }
    if (!found) base.indicators.push_back(i);
  }
}

// Writes every planned file to a private staging folder, checks each reads back as a valid
// progress file, and only then renames them into place (each rename is atomic).
// The data a file replaces is kept as history/<period>-<time received>.yaml beside it.
bool commitWrites(const std::vector<PlannedWrite>& writes, const Plan& plan, Diagnostics& d, const std::string& stamp) {
  std::vector<std::pair<fs::path, fs::path>> staged;
  bool ok = true;
  for (const auto& w : writes) {
    fs::path target(w.path);
    fs::create_directories(target.parent_path());
    fs::path stage = target.parent_path() / (".ingest-" + std::to_string(::getpid()));
    fs::create_directories(stage);
    fs::path tmp = stage / target.filename();
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << w.text;
      if (!out.flush()) ok = false;
    }
    staged.push_back({tmp, target});
    if (ok && !loadProgress(tmp.string(), plan, d)) ok = false;
  }
  if (ok)
    for (const auto& [tmp, target] : staged) {
      if (fs::exists(target)) {
        const fs::path history = target.parent_path() / "history";
        fs::create_directories(history);
        fs::copy_file(target, history / (target.stem().string() + "-" + stamp + ".yaml"),
                      fs::copy_options::overwrite_existing);
      }
      fs::rename(tmp, target);
    }
  for (const auto& [tmp, target] : staged) {
    std::error_code ec;
    fs::remove(tmp, ec);
    fs::remove(tmp.parent_path(), ec);
  }
  return ok;
}

}  // namespace

std::string readSubmissionBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  const std::size_t cap = static_cast<std::size_t>(XlsxLimits{}.maxFileBytes) + 1;
  std::string bytes;
  char buf[1 << 16];
  while (bytes.size() < cap) {
    in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, cap - bytes.size())));
    const std::streamsize n = in.gcount();
    if (n <= 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
  }
  return bytes;
}

std::string ledgerPath(const std::string& planDir) {
  return (fs::path(planDir) / "submissions" / "ledger.sqlite").string();
}

IngestResult ingestFiles(const std::string& dir, const std::vector<std::string>& files, const IngestOptions& o,
                         std::ostream& out, std::ostream& err) {
  const bool en = o.lang == Lang::En;
  IngestResult result;
  auto print = [&](const Diagnostics& d) {
    for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
  };
  Diagnostics d;
  auto plan = loadPlan(dir, d);
  std::optional<UnitDirectory> units;
  const std::string unitsPath = plan ? findUnitsFile(dir, o.unitsFile) : "";
  if (plan && !unitsPath.empty()) units = loadUnits(unitsPath, d);
  print(d);
  if (!plan || (!unitsPath.empty() && !units)) return result;

  const fs::path root(dir);
  std::unique_ptr<SubmissionLedger> ledger;
  try {
    fs::create_directories(root / "submissions");
    ledger = openSqliteLedger(ledgerPath(dir));
  } catch (const std::exception& e) {
    err << dir << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    return result;
  }
  result.loaded = true;

  for (const std::string& file : files) {
    const std::string label = fs::path(file).filename().string();
    const std::string bytes = readSubmissionBytes(file);
    SubmissionRecord rec;
    rec.planId = plan->id;
    rec.receivedAt = nowIso(o.today);
    rec.fileName = label;
    rec.contentHash = xlsx::sha256Hex(bytes);
    Diagnostics fd;
    SubmissionCheck check;
    if (bytes.empty() && !fs::exists(file)) {
      fd.add({Severity::Error, file, 0, 0, MsgId::FileNotFound, {file}});
    } else if (auto wb = readXlsxBytes(bytes, label, fd)) {
      SubmissionContext ctx{&*plan, units ? &*units : nullptr, o.expected,
                            [](const std::string& s) { return xlsx::sha256Hex(s); }};
      check = checkSubmission(toGrid(*wb), label, ctx);
      for (const auto& x : check.diags.items) fd.add(x);
    }
    rec.period = check.period ? check.period->key() : check.id.periodKey;
    if (o.recordUnderExpected && o.expected) rec.period = o.expected->key();
    rec.unitKind = check.recognised ? check.id.unitKind : "";
    rec.unitCode = check.recognised ? check.id.unitCode : "";
    const std::string unitDir = rec.unitKind == "plan" ? "_plan" : rec.unitCode;

    try {
      if (check.recognised && !fd.hasErrors()) {
        if (auto prev = ledger->findAccepted(rec.planId, rec.period, rec.unitKind, rec.unitCode, rec.contentHash)) {
          rec.accepted = true;
          rec.duplicate = true;
          rec.storedPath = prev->storedPath;
          ledger->record(rec);
          ++result.unchanged;
          out << file << ": " << (en ? "already ingested, nothing changed" : "đã tiếp nhận trước đó, không thay đổi")
              << "\n";
          continue;
        }
        // Keep the file as received (never the caller's copy, which is not touched).
        std::string stamp = rec.receivedAt;
        for (char& c : stamp)
          if (c == ':') c = '-';
        const fs::path stored = fs::path("submissions") / rec.period / unitDir /
                                (stamp + "-" + rec.contentHash.substr(0, 12) + ".xlsx");
        writeBytesAtomically((root / stored).string(), bytes);
        rec.storedPath = stored.string();

        std::vector<PlannedWrite> writes;
        const std::string header = " vnplan ingest: " + label + " (" + rec.receivedAt + ", sha256 " +
                                   rec.contentHash.substr(0, 16) + ")";
        ProgressReport unitData = check.data;
        if (rec.unitKind != "plan")
          writes.push_back({(root / "progress" / "units" / unitDir / (rec.period + ".yaml")).string(),
                            progressYaml(unitData, header)});
        if (rec.unitKind != "unit") {
          // The plan's own progress file: the submitted rows replace theirs, the rest stays.
          const std::string planFile = progressFile(dir, *check.period);
          ProgressReport base;
          base.period = *check.period;
          base.asOf = dataRange(base.period).last;
          if (fs::exists(planFile)) {
            Diagnostics pd;
            auto existing = loadProgress(planFile, *plan, pd);
            if (!existing) {
              for (const auto& x : pd.items) fd.add(x);
              throw std::runtime_error(en ? "the existing progress file has errors" : "tệp số liệu hiện có bị lỗi");
            }
            base = *existing;
          }
          overlay(base, check.data);
          writes.push_back({planFile, progressYaml(base, header)});
        }
        if (!commitWrites(writes, *plan, fd, stamp)) throw std::runtime_error(en ? "merged data invalid" : "dữ liệu gộp không hợp lệ");
        rec.accepted = true;
        ledger->record(rec);
        ++result.accepted;
        out << file << ": " << (en ? "accepted" : "đã tiếp nhận") << " (" << rec.unitKind
            << (rec.unitCode.empty() ? "" : " " + rec.unitCode) << ", " << rec.period << ", "
            << check.data.tasks.size() << (en ? " tasks, " : " nhiệm vụ, ") << check.data.indicators.size()
            << (en ? " indicators)" : " chỉ tiêu)") << "\n";
        continue;
      }
    } catch (const std::exception& e) {
      fd.add({Severity::Error, label, 0, 0, MsgId::UnreadableWorkbook, {e.what()}});
    }

    // Rejected: the reasons in the ledger and on stderr, and a feedback workbook when the
    // form is known.
    ++result.rejected;
    print(fd);
    for (const auto& x : fd.items)
      if (x.severity == Severity::Error) rec.reasons.push_back(formatDiagnostic(x, Lang::Vi));
    rec.accepted = false;
    try {
      if (check.recognised && check.form) {
        CollectWorkbookInput in;
        in.form = &*check.form;
        in.templateHash = check.id.templateHash;
        in.values = check.values;
        in.problems = check.problems;
        if (in.problems.empty())
          for (const auto& x : fd.items) in.problems.push_back({"", -1, -1, x.file, messageText(x.id, x.args, Lang::Vi)});
        in.submittedFile = label;
        if (auto due = reportDue(*plan, *check.period)) {
          in.due = *due;
          in.hasDue = true;
        }
        const std::string feedbackPeriod = check.period ? check.period->key() : rec.period;
        const fs::path fb = fs::path(o.outDir) / plan->id / ("phan-hoi-" + feedbackPeriod) /
                            (fs::path(label).stem().string() + "-phan-hoi.xlsx");
        writeAtomically(fb.string(), [&](const std::string& tmp) { writeCollectWorkbook(in, tmp); });
        err << file << ": " << (en ? "rejected; feedback: " : "không tiếp nhận; tệp phản hồi: ") << fb.string() << "\n";
      } else {
        err << file << ": " << (en ? "rejected" : "không tiếp nhận") << "\n";
      }
      ledger->record(rec);
    } catch (const std::exception& e) {
      err << file << ": " << (en ? "error: " : "lỗi: ") << e.what() << "\n";
    }
  }
  return result;
}

}  // namespace vnplan
