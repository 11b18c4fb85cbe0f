#pragma once
#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace vnplan {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitReportDue = 3;
inline constexpr int kExitBusy = 4;  // run: another run holds the lock on OUT_DIR

// Issue #11: `sign`, `--sign` on build and report, `verify`.
struct SignCliOptions {
  bool requested = false;      // build/report --sign
  std::string certPath;        // --cert FILE.p12
  std::string passwordFile;    // --password-file F (first line); else $VNPLAN_CERT_PASSWORD; else empty
  std::string reason;          // --reason TEXT
  std::string signatureImage;  // --signature-image SIG.png
  std::string sealImage;       // --seal SEAL.png
  double sealMm = 36;          // --seal-size MM
  std::string signingTime = "now";  // --signing-time now|document (SOURCE_DATE_EPOCH wins)
  std::string caFile;          // verify --ca FILE
  bool json = false;           // verify --json
};

struct CliOptions {
  Lang lang = Lang::Vi;
  std::string outDir = "outputs";
  std::string period;
  std::string today;
  int jobs = 0;  // 0: hardware concurrency
  int withinDays = 30;  // due: how far ahead a deadline counts as coming
  unsigned shardIndex = 0, shardCount = 1;  // run: --shard I/N
  unsigned long long seed = 1;              // synth: --seed S
  std::string unitsFile;  // collect, consolidate: --units FILE; synth: --units N
  bool outGiven = false;  // -o was given (sign: the output file)
  SignCliOptions signing;
  std::string issuer;   // new: the issuing body, "UBND xã Tân Lập"
  std::string family = "state";  // new: state | party
};

void printDiagnostics(const Diagnostics& d, Lang lang);
int usageError(const std::string& what, Lang lang);

// One function per command, each in its own file.
int cmdValidate(const std::vector<std::string>& dirs, const CliOptions& o);
int cmdBuild(const std::vector<std::string>& dirs, const CliOptions& o);
int cmdDue(const std::vector<std::string>& args, const CliOptions& o);
int cmdReport(const std::vector<std::string>& args, const CliOptions& o);
int cmdRun(const std::vector<std::string>& args, const CliOptions& o);
int cmdSynth(const std::vector<std::string>& args, const CliOptions& o);
int cmdCollect(const std::vector<std::string>& args, const CliOptions& o);
int cmdIngest(const std::vector<std::string>& args, const CliOptions& o);
int cmdConsolidate(const std::vector<std::string>& args, const CliOptions& o);
int cmdSign(const std::vector<std::string>& args, const CliOptions& o);
int cmdVerify(const std::vector<std::string>& args, const CliOptions& o);
int cmdNew(const std::vector<std::string>& args, const CliOptions& o);

// Runs fn(i) for i in [0, n) on up to `jobs` threads (0: hardware concurrency). Each plan
// is independent, so one failing plan never stops the others.
void forEachParallel(size_t n, int jobs, const std::function<void(size_t)>& fn);

int runCommand(const std::string& command, const std::vector<std::string>& args, const CliOptions& opts);

}  // namespace vnplan
