#include "batch/run.hpp"

#include "batch/template_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "batch/collection_files.hpp"
#include "batch/consolidate.hpp"
#include "batch/document_builder.hpp"
#include "batch/ingest.hpp"
#include "batch/input_hash.hpp"
#include "batch/output_writer.hpp"
#include "batch/plan_builder.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "load/unit_loader.hpp"
#include "render/pdf/font_files.hpp"
#include "render/xlsx/content_hash.hpp"
#include "store/ledger.hpp"

#ifndef VNPLAN_VERSION
#define VNPLAN_VERSION "0.0.0"
#endif

namespace vnplan {

namespace fs = std::filesystem;

namespace {

// OUT_DIR/<id>/.vnplan-run-state: one line per group of outputs, "<key> <input hash>".
// It is written after the outputs it describes, so an interrupted run rebuilds, never skips.
constexpr const char* kStateFile = ".vnplan-run-state";
constexpr const char* kLockFile = ".vnplan-run.lock";

std::map<std::string, std::string> readState(const fs::path& file) {
  std::map<std::string, std::string> state;
  std::ifstream in(file);
  std::string key, hash;
  while (in >> key >> hash) state[key] = hash;
  return state;
}

std::string stateText(const std::map<std::string, std::string>& state) {
  std::string text;
  for (const auto& [k, v] : state) text += k + " " + v + "\n";
  return text;
}

bool allExist(const std::vector<fs::path>& files) {
  std::error_code ec;
  for (const auto& f : files)
    if (!fs::is_regular_file(f, ec)) return false;
  return true;
}

// What every output depends on besides its plan: vnplan's version, SOURCE_DATE_EPOCH, the
// template folders (layout rules and report texts of both families) and the four fonts.
std::string toolchainHash() {
  ContentHash h;
  h.add(VNPLAN_VERSION);
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  h.add(sde ? std::string("SDE=") + sde : "SDE unset");
  std::vector<std::string> files;
  std::vector<fs::path> templateDirs;
  for (Family f : {Family::State, Family::Party}) templateDirs.push_back(fs::path(templatePath(f)).parent_path());
  if (const char* env = std::getenv("VNPLAN_TEMPLATES"); env && *env) templateDirs.push_back(env);
  for (Family f : {Family::State, Family::Party}) files.push_back(templatePath(f));
  for (const fs::path& dir : templateDirs) {
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  try {
    for (const auto& p : findFonts(defaultFontDirs()).paths) files.push_back(p);
  } catch (const std::exception& e) {
    h.add(e.what());  // no fonts: every build fails and says so; the hash only has to differ
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  for (const auto& f : files) h.addFile(f);
  return h.hex();
}

enum class Outcome { Built, Unchanged, Failed };

// What every plan of a family shares, read once per run.
struct FamilyInputs {
  std::optional<DocTemplate> tmpl;
  std::string templateMessages;  // why tmpl is missing
  ReportText reportText;
};

struct RunContext {
  std::string toolchain;
  FamilyInputs state, party;
  const FamilyInputs& of(Family f) const { return f == Family::Party ? party : state; }
};

FamilyInputs loadFamilyInputs(Family family, const ReportPeriod& period, Lang lang) {
  FamilyInputs fi;
  Diagnostics d;
  fi.tmpl = loadFamilyTemplate(family, d);
  for (const auto& x : d.items) fi.templateMessages += formatDiagnostic(x, lang) + "\n";
  // VNPLAN_TEMPLATES applies to every plan; a plan's own templates/ folder is read per plan.
  fi.reportText.path = resolveTemplateFile(reportTemplateName(period.kind, family), "", defaultTemplateDir(family));
  std::ifstream in(fi.reportText.path, std::ios::binary);
  if (in) {
    std::stringstream ss;
    ss << in.rdbuf();
    fi.reportText.text = ss.str();
  }
  return fi;
}

struct PlanResult {
  Outcome outcome = Outcome::Unchanged;
  size_t filesWritten = 0;
  bool missingProgress = false;
  std::string messages;
};

// The plan's files (plan.yaml and what it includes) and everything every output depends on.
std::string planInputsHash(const std::string& dir, const std::string& toolchain) {
  ContentHash planHash;
  planHash.add(toolchain);
  for (const auto& f : filesWithIncludes((fs::path(dir) / "plan.yaml").string())) planHash.addFile(f);
  return planHash.hex();
}

void writeState(const fs::path& file, const std::map<std::string, std::string>& state) {
  StagedWriter w;
  w.writeBytes(file.string(), stateText(state));
  w.commit();
}

PlanResult runOnePlan(const std::string& dir, const std::string& id, const RunOptions& o, const RunContext& ctx) {
  PlanResult r;
  const fs::path base = fs::path(o.outDir) / id;
  const fs::path stateFile = base / kStateFile;
  auto state = readState(stateFile);
  const auto before = state;
  removeStaleTemporaries(base.string());
  const BuildOptions bo{o.lang, o.outDir};
  std::ostringstream out, err;
  bool ok = true;

  const std::string planKey = planInputsHash(dir, ctx.toolchain);
  const std::string planStateKey = "plan";
  // The plan is read once, and only when something has to be built from it.
  std::optional<Plan> plan;
  const FamilyInputs* family = nullptr;
  auto load = [&]() -> bool {
    if (plan) return true;
    Diagnostics d;
    plan = loadPlan(dir, d);
    for (const auto& x : d.items) err << formatDiagnostic(x, o.lang) << "\n";
    if (!plan) return false;
    family = &ctx.of(plan->document.family);
    if (!family->tmpl) {
      err << family->templateMessages;
      plan.reset();
      return false;
    }
    return true;
  };
  if (state[planStateKey] != planKey || !allExist({base / planPdfName(id), base / planXlsxName(id)})) {
    StagedWriter w;
    if (load() && buildPlanDocuments(*plan, *family->tmpl, dir, bo, w, out, err)) {
      w.commit();
      state[planStateKey] = planKey;
      r.filesWritten += 2;
    } else {
      ok = false;
    }
  }

  const std::string progress = progressFile(dir, o.period);
  std::error_code ec;
  if (ok && !fs::exists(progress, ec)) {
    r.missingProgress = true;
  } else if (ok) {
    ContentHash reportHash;
    reportHash.add(planKey);
    for (const auto& f : filesWithIncludes(progress)) reportHash.addFile(f);
    // A plan's own templates/ folder overrides the shipped report texts (file by file).
    std::vector<std::string> own;
    for (fs::directory_iterator it(fs::path(dir) / "templates", ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) own.push_back(it->path().string());
    std::sort(own.begin(), own.end());
    for (const auto& f : own) reportHash.addFile(f);
    const bool ownTemplates = !own.empty();
    const std::string reportKey = reportHash.hex();
    const std::string reportStateKey = "report:" + o.period.key();
    const std::string stem = reportStem(id, o.period);
    if (state[reportStateKey] != reportKey || !allExist({base / (stem + ".pdf"), base / (stem + ".xlsx")})) {
      StagedWriter w;
      bool ready = load();
      const DocTemplate* layout = ready ? &*family->tmpl : nullptr;
      ReportText text = ready ? family->reportText : ReportText{};
      ReportTemplates own;
      if (ready && ownTemplates) {
        Diagnostics td;
        own = loadReportTemplates(dir, plan->document.family, o.period.kind, td);
        for (const auto& x : td.items) err << formatDiagnostic(x, o.lang) << "\n";
        ready = own.layout.has_value();
        if (ready) {
          layout = &*own.layout;
          text = ReportText{own.textPath, own.text};
        }
      }
      if (ready && buildReportDocuments(*plan, *layout, text, dir, o.period, bo, w, out, err)) {
        w.commit();
        state[reportStateKey] = reportKey;
        r.filesWritten += 2;
      } else {
        ok = false;
      }
    }
  }

  // Drop the empty entries operator[] made, then record what was built.
  for (auto it = state.begin(); it != state.end();) it = it->second.empty() ? state.erase(it) : std::next(it);
  if (state != before) writeState(stateFile, state);
  r.messages = err.str();
  r.outcome = !ok ? Outcome::Failed : r.filesWritten > 0 ? Outcome::Built : Outcome::Unchanged;
  return r;
}

// Runs fn(i) for i in [0, n) on the run's worker threads.
void forEachIndex(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  size_t workers = jobs > 0 ? static_cast<size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::max<size_t>(1, std::min(workers, n));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

// What the collection phases did for one plan.
struct CollectResult {
  SubmissionCounts submissions;
  bool failed = false;
  std::string out;       // lines of accepted files (for the log)
  std::string messages;  // located problems
};

// Ingests the files of PLAN_DIR/inbox/<P>/ whose SHA-256 the ledger does not yet hold for this
// plan and period. The inbox files are only read.
CollectResult ingestInbox(const std::string& dir, const std::string& id, const RunOptions& o) {
  CollectResult r;
  const auto files = inboxFiles(dir, o.period);
  if (files.empty()) return r;
  std::set<std::string> known;
  const std::string ledger = ledgerPath(dir);
  std::error_code ec;
  if (fs::exists(ledger, ec))
    for (const auto& rec : openSqliteLedger(ledger)->forPeriod(id, o.period.key())) known.insert(rec.contentHash);
  std::vector<std::string> pending;
  for (const auto& f : files) {
    // The same bytes twice in the inbox are read once.
    if (known.insert(xlsx::sha256Hex(readSubmissionBytes(f))).second)
      pending.push_back(f);
    else
      ++r.submissions.skipped;
  }
  if (pending.empty()) return r;
  IngestOptions io;
  io.expected = o.period;
  io.today = o.today;
  io.outDir = o.outDir;
  io.lang = o.lang;
  io.recordUnderExpected = true;
  std::ostringstream out, err;
  const IngestResult ir = ingestFiles(dir, pending, io, out, err);
  r.out = out.str();
  r.messages = err.str();
  if (!ir.loaded) {
    r.failed = true;
    return r;
  }
  r.submissions.ingested = static_cast<size_t>(ir.accepted + ir.unchanged + ir.rejected);
  r.submissions.accepted = static_cast<size_t>(ir.accepted + ir.unchanged);
  r.submissions.rejected = static_cast<size_t>(ir.rejected);
  r.failed = ir.rejected > 0;
  return r;
}

// Consolidates a plan with a units.yaml into OUT_DIR/<id>/<id>-tong-hop-<P>.pdf and .xlsx
// unless the hash of its inputs is the one recorded when they were last built.
Outcome consolidateIfChanged(const std::string& dir, const std::string& id, const RunOptions& o, const RunContext& ctx,
                             size_t& filesWritten, std::string& messages) {
  const fs::path base = fs::path(o.outDir) / id;
  const fs::path stateFile = base / kStateFile;
  auto state = readState(stateFile);
  ContentHash h;
  h.add(planInputsHash(dir, ctx.toolchain));
  const ConsolidationInputs in = consolidationInputs(dir, id, o.period, "");
  for (const auto& f : in.files) h.addFile(f);
  h.add(in.ledgerRecords);
  const std::string key = h.hex();
  const std::string stateKey = "consolidation:" + o.period.key();
  const std::string stem = consolidationStem(id, o.period);
  if (state[stateKey] == key && allExist({base / (stem + ".pdf"), base / (stem + ".xlsx")})) return Outcome::Unchanged;
  removeStaleTemporaries(base.string());
  StagedWriter w;
  std::ostringstream err;
  const ConsolidateResult r = consolidatePlan(dir, o.period, ConsolidateOptions{"", o.outDir, o.lang}, w, err);
  messages = err.str();
  if (!r.ok) return Outcome::Failed;
  w.commit();
  filesWritten += 2;
  state[stateKey] = key;
  for (auto it = state.begin(); it != state.end();) it = it->second.empty() ? state.erase(it) : std::next(it);
  writeState(stateFile, state);
  return Outcome::Built;
}

// Appends the lines of `more` that `messages` does not hold yet (a plan that does not load
// says so once, not once per phase).
void appendNewLines(std::string& messages, const std::string& more) {
  if (messages.empty()) {
    messages = more;
    return;
  }
  std::istringstream lines(more);
  std::string line;
  while (std::getline(lines, line))
    if (messages.find(line + "\n") == std::string::npos) messages += line + "\n";
}

std::string formatDuration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Shows how far the run is: one redrawn line on a terminal, a line per plan otherwise.
class ProgressDisplay {
 public:
  ProgressDisplay(const RunOptions& o, size_t total, std::ostream& log)
      : o_(o), total_(total), log_(log), start_(std::chrono::steady_clock::now()) {}

  void planDone(const std::string& id, const PlanResult& r) {
    std::lock_guard<std::mutex> lock(m_);
    ++done_;
    if (r.outcome == Outcome::Failed) ++failed_;
    const bool en = o_.lang == Lang::En;
    if (!o_.progressBar) {
      const char* what = r.outcome == Outcome::Failed  ? (en ? "FAILED" : "LỖI")
                         : r.outcome == Outcome::Built ? (en ? "built" : "đã dựng")
                                                       : (en ? "unchanged" : "không đổi");
      log_ << "[" << done_ << "/" << total_ << "] " << id << ": " << what;
      if (r.missingProgress) log_ << (en ? " (no progress data for " : " (chưa có số liệu kỳ ") << o_.period.key() << ")";
      log_ << "\n";
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (done_ < total_ && now - lastDraw_ < std::chrono::milliseconds(200)) return;
    lastDraw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double left = done_ ? elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_) : 0;
    constexpr int width = 30;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(width, '.');
    log_ << "\r[" << bar << "] " << done_ << "/" << total_ << (en ? ", failed " : ", lỗi ") << failed_
         << (en ? ", time left " : ", còn ") << formatDuration(left) << "   " << (done_ == total_ ? "\n" : "")
         << std::flush;
  }

 private:
  const RunOptions& o_;
  size_t total_;
  std::ostream& log_;
  std::mutex m_;
  size_t done_ = 0, failed_ = 0;
  std::chrono::steady_clock::time_point start_, lastDraw_{};
};

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Holds an exclusive flock on OUT_DIR/.vnplan-run.lock for the life of the object.
class DirLock {
 public:
  explicit DirLock(const fs::path& file) {
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
      busy_ = true;
    }
  }
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool held() const { return fd_ >= 0; }
  bool busy() const { return busy_; }

 private:
  int fd_ = -1;
  bool busy_ = false;
};

}  // namespace

std::vector<std::string> findPlanDirs(const std::string& root) {
  std::vector<std::string> dirs;
  std::error_code ec;
  if (fs::is_regular_file(fs::path(root) / "plan.yaml", ec)) return {fs::path(root).lexically_normal().string()};
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (fs::is_regular_file(it->path() / "plan.yaml", ec)) {
      dirs.push_back(it->path().lexically_normal().string());
      it.disable_recursion_pending();
    }
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

bool inShard(const std::string& planId, unsigned index, unsigned count) {
  return count <= 1 || stableHash(planId) % count == index;
}

std::string planIdOf(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  return p.filename().empty() ? p.parent_path().filename().string() : p.filename().string();
}

std::string summaryJsonPath(const RunOptions& o) {
  std::string name = "vnplan-run-" + o.period.key();
  if (o.shardCount > 1) name += "-shard-" + std::to_string(o.shardIndex) + "-of-" + std::to_string(o.shardCount);
  return (fs::path(o.outDir) / (name + ".json")).string();
}

std::string summaryJson(const RunOptions& o, const RunSummary& s) {
  std::ostringstream j;
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3f", s.seconds);
  j << "{\n  \"vnplan\": " << jsonString(VNPLAN_VERSION) << ",\n  \"root\": " << jsonString(o.root)
    << ",\n  \"period\": " << jsonString(o.period.key()) << ",\n  \"shard\": {\"index\": " << o.shardIndex
    << ", \"count\": " << o.shardCount << "},\n  \"plans\": " << s.plans << ",\n  \"built\": " << s.built
    << ",\n  \"unchanged\": " << s.unchanged << ",\n  \"failed\": " << s.failed
    << ",\n  \"files_written\": " << s.filesWritten << ",\n  \"submissions\": {\"ingested\": " << s.submissions.ingested
    << ", \"accepted\": " << s.submissions.accepted << ", \"rejected\": " << s.submissions.rejected
    << ", \"skipped\": " << s.submissions.skipped << "},\n  \"consolidations\": {\"built\": " << s.consolidations.built
    << ", \"unchanged\": " << s.consolidations.unchanged << ", \"failed\": " << s.consolidations.failed
    << "},\n  \"seconds\": " << secs << ",\n  \"failures\": [";
  for (size_t i = 0; i < s.failures.size(); ++i) {
    const auto& f = s.failures[i];
    j << (i ? "," : "") << "\n    {\"plan\": " << jsonString(f.id) << ", \"dir\": " << jsonString(f.dir) << ", \"messages\": [";
    std::istringstream lines(f.messages);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      j << (first ? "" : ", ") << jsonString(line);
      first = false;
    }
    j << "]}";
  }
  j << (s.failures.empty() ? "" : "\n  ") << "],\n  \"missing_progress\": [";
  for (size_t i = 0; i < s.missingProgress.size(); ++i) j << (i ? ", " : "") << jsonString(s.missingProgress[i]);
  j << "]\n}\n";
  return j.str();
}

bool runPlans(const RunOptions& o, RunSummary& s, std::ostream& log) {
  const bool en = o.lang == Lang::En;
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::create_directories(o.outDir, ec);
  DirLock lock(fs::path(o.outDir) / kLockFile);
  if (!lock.held()) {
    s.lockBusy = lock.busy();
    log << "vnplan: " << (en ? "error: " : "lỗi: ") << o.outDir
        << (lock.busy() ? (en ? ": another vnplan run is writing to this folder\n"
                              : ": một lượt vnplan run khác đang ghi vào thư mục này\n")
                        : (en ? ": cannot create the lock file (not writable?)\n"
                              : ": không tạo được tệp khóa (không có quyền ghi?)\n"));
    return false;
  }
  removeStaleTemporaries(o.outDir);

  std::vector<std::pair<std::string, std::string>> plans;  // (dir, id) of this shard
  std::map<std::string, std::string> firstDirOfId;
  for (const auto& dir : findPlanDirs(o.root)) {
    const std::string id = planIdOf(dir);
    if (!inShard(id, o.shardIndex, o.shardCount)) continue;
    auto [it, fresh] = firstDirOfId.emplace(id, dir);
    if (!fresh) {
      s.failures.push_back({id, dir,
                            dir + (en ? ": error: same plan id (folder name) as " : ": lỗi: trùng mã kế hoạch (tên thư mục) với ") +
                                it->second + "\n"});
      continue;
    }
    plans.emplace_back(dir, id);
  }
  s.plans = plans.size() + s.failures.size();
  s.failed = s.failures.size();
  std::mutex m;
  // What went wrong with each plan, over the three phases: one entry per plan in the summary.
  std::vector<std::string> messages(plans.size());
  std::vector<char> failed(plans.size(), 0);

  // 1. Collection: the submissions waiting in each plan's inbox are ingested before anything
  // is hashed, so the progress files they change are this run's report inputs.
  std::vector<CollectResult> ingested(plans.size());
  forEachIndex(plans.size(), o.jobs, [&](size_t i) {
    const auto& [dir, id] = plans[i];
    try {
      ingested[i] = ingestInbox(dir, id, o);
    } catch (const std::exception& e) {
      ingested[i].failed = true;
      ingested[i].messages += dir + (en ? ": error: " : ": lỗi: ") + e.what() + "\n";
    }
  });
  for (size_t i = 0; i < plans.size(); ++i) {
    const CollectResult& c = ingested[i];
    log << c.out;
    s.submissions.ingested += c.submissions.ingested;
    s.submissions.accepted += c.submissions.accepted;
    s.submissions.rejected += c.submissions.rejected;
    s.submissions.skipped += c.submissions.skipped;
    messages[i] += c.messages;
    failed[i] = c.failed;
  }
  ingested.clear();

  // 2. The plans and reports (their outcome is the plan's; a consolidation built below makes
  // an unchanged plan built).
  RunContext ctx;
  ctx.toolchain = toolchainHash();
  ctx.state = loadFamilyInputs(Family::State, o.period, o.lang);
  ctx.party = loadFamilyInputs(Family::Party, o.period, o.lang);
  ProgressDisplay progress(o, plans.size(), log);
  std::vector<Outcome> outcomes(plans.size(), Outcome::Unchanged);
  forEachIndex(plans.size(), o.jobs, [&](size_t i) {
    const auto& [dir, id] = plans[i];
    PlanResult r;
    try {
      r = runOnePlan(dir, id, o, ctx);
    } catch (const std::exception& e) {
      r.outcome = Outcome::Failed;
      r.messages += dir + (en ? ": error: " : ": lỗi: ") + e.what() + "\n";
    }
    {
      std::lock_guard<std::mutex> g(m);
      s.filesWritten += r.filesWritten;
      if (r.missingProgress) s.missingProgress.push_back(id);
      outcomes[i] = r.outcome;
      appendNewLines(messages[i], r.messages);
      if (r.outcome == Outcome::Failed) failed[i] = 1;
    }
    progress.planDone(id, r);
  });

  // 3. Consolidation of every plan with a units.yaml (beside the plan or one folder up, as
  // `vnplan consolidate` finds it), from the progress data the ingest above has merged.
  std::vector<size_t> withUnits;
  for (size_t i = 0; i < plans.size(); ++i)
    if (!findUnitsFile(plans[i].first, "").empty()) withUnits.push_back(i);
  forEachIndex(withUnits.size(), o.jobs, [&](size_t k) {
    const size_t i = withUnits[k];
    const auto& [dir, id] = plans[i];
    size_t written = 0;
    std::string more;
    Outcome c;
    try {
      c = consolidateIfChanged(dir, id, o, ctx, written, more);
    } catch (const std::exception& e) {
      c = Outcome::Failed;
      more += dir + (en ? ": error: " : ": lỗi: ") + e.what() + "\n";
    }
    std::lock_guard<std::mutex> g(m);
    s.filesWritten += written;
    appendNewLines(messages[i], more);
    switch (c) {
      case Outcome::Built:
        ++s.consolidations.built;
        outcomes[i] = Outcome::Built;  // the plan has an output built
        break;
      case Outcome::Unchanged: ++s.consolidations.unchanged; break;
      case Outcome::Failed:
        ++s.consolidations.failed;
        failed[i] = 1;
        break;
    }
    if (!o.progressBar && c != Outcome::Unchanged)
      log << id << ": " << (en ? "consolidation " : "tổng hợp ")
          << (c == Outcome::Built ? (en ? "built" : "đã dựng") : (en ? "FAILED" : "LỖI")) << "\n";
  });

  for (size_t i = 0; i < plans.size(); ++i) {
    if (failed[i]) {
      ++s.failed;
      s.failures.push_back({plans[i].second, plans[i].first, messages[i]});
    } else if (outcomes[i] == Outcome::Built) {
      ++s.built;
    } else {
      ++s.unchanged;
    }
  }

  std::sort(s.failures.begin(), s.failures.end(), [](const auto& a, const auto& b) { return a.dir < b.dir; });
  std::sort(s.missingProgress.begin(), s.missingProgress.end());
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  StagedWriter w;
  w.writeBytes(summaryJsonPath(o), summaryJson(o, s));
  w.commit();
  return true;
}

}  // namespace vnplan
