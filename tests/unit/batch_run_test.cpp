// Pieces of `vnplan run`: shards, input hashes, plan discovery, staged outputs; `vnplan synth`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "batch/input_hash.hpp"
#include "batch/output_writer.hpp"
#include "batch/run.hpp"
#include "batch/synth.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "test_support.hpp"

namespace vnplan {
namespace {

namespace fs = std::filesystem;
using testing_support::readAll;
using testing_support::TempDir;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

size_t filesIn(const fs::path& dir) {
  size_t n = 0;
  for (auto it = fs::directory_iterator(dir); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

TEST(Shard, StableHashIsFnv1a64) {
  EXPECT_EQ(stableHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(stableHash("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(Shard, PartsAreDisjointAndCoverEveryPlan) {
  for (unsigned n : {1u, 2u, 3u, 7u}) {
    std::vector<int> hits(500, 0);
    for (unsigned i = 0; i < n; ++i)
      for (int p = 0; p < 500; ++p)
        if (inShard("plan-" + std::to_string(p), i, n)) ++hits[static_cast<size_t>(p)];
    for (int h : hits) EXPECT_EQ(h, 1) << "n=" << n;
  }
  // Roughly even: no part of 7 gets less than half its share of 500.
  for (unsigned i = 0; i < 7; ++i) {
    int c = 0;
    for (int p = 0; p < 500; ++p) c += inShard("plan-" + std::to_string(p), i, 7);
    EXPECT_GT(c, 35);
  }
}

TEST(InputHash, LengthPrefixedPieces) {
  ContentHash a, b, c;
  a.add("ab");
  a.add("c");
  b.add("a");
  b.add("bc");
  c.add("ab");
  c.add("c");
  const std::string ha = a.hex();
  EXPECT_EQ(ha.size(), 64u);
  EXPECT_NE(ha, b.hex());
  EXPECT_EQ(ha, c.hex());
}

TEST(InputHash, FollowsIncludesRecursivelyAndSurvivesCycles) {
  TempDir t("vnplan-hash-");
  write(t.path / "plan.yaml", "indicators: !include indicators.yaml\ntasks: !include 'sub/tasks.yaml'\n# !include\n");
  write(t.path / "indicators.yaml", "groups: []\n");
  write(t.path / "sub/tasks.yaml", "groups: !include \"../plan.yaml\"\nmore: [!include x.yaml]\n");
  auto files = filesWithIncludes((t.path / "plan.yaml").string());
  std::set<std::string> got(files.begin(), files.end());
  std::set<std::string> want{(t.path / "plan.yaml").string(), (t.path / "indicators.yaml").string(),
                             (t.path / "sub/tasks.yaml").string(), (t.path / "sub/x.yaml").string()};
  EXPECT_EQ(got, want);
  // A missing include still counts: when it appears, the hash changes.
  ContentHash before;
  for (const auto& f : files) before.addFile(f);
  write(t.path / "sub/x.yaml", "1\n");
  ContentHash after;
  for (const auto& f : filesWithIncludes((t.path / "plan.yaml").string())) after.addFile(f);
  EXPECT_NE(before.hex(), after.hex());
}

TEST(FindPlans, NestedSortedNotInsidePlansNorHidden) {
  TempDir t("vnplan-find-");
  write(t.path / "b/02-x/plan.yaml", "");
  write(t.path / "a/01-y/plan.yaml", "");
  write(t.path / "a/01-y/inner/plan.yaml", "");  // inside a plan: not a plan of its own
  write(t.path / ".hidden/p/plan.yaml", "");
  write(t.path / "c/notes.txt", "");
  auto dirs = findPlanDirs(t.path.string());
  ASSERT_EQ(dirs.size(), 2u);
  EXPECT_EQ(dirs[0], (t.path / "a/01-y").string());
  EXPECT_EQ(dirs[1], (t.path / "b/02-x").string());
  EXPECT_EQ(planIdOf(dirs[0]), "01-y");
  EXPECT_EQ(planIdOf(dirs[1] + "/"), "02-x");
  EXPECT_EQ(findPlanDirs((t.path / "a/01-y").string()).size(), 1u);
}

TEST(StagedWriter, NothingVisibleUntilCommit) {
  TempDir t("vnplan-staged-");
  const fs::path out = t.path / "out";
  write(out / "a.pdf", "old");
  {
    StagedWriter w;
    w.writeBytes((out / "a.pdf").string(), "new pdf");
    w.writeWith((out / "b.xlsx").string(), [](const std::string& tmp) { std::ofstream(tmp, std::ios::binary) << "xlsx"; });
    EXPECT_EQ(readAll(out / "a.pdf"), "old");
    EXPECT_FALSE(fs::exists(out / "b.xlsx"));
    EXPECT_EQ(filesIn(out), 1u);
    w.commit();
  }
  EXPECT_EQ(readAll(out / "a.pdf"), "new pdf");
  EXPECT_EQ(readAll(out / "b.xlsx"), "xlsx");
  EXPECT_EQ(filesIn(out), 2u);
  {
    StagedWriter w;  // abandoned: leaves nothing behind
    w.writeBytes((out / "c.pdf").string(), "never");
  }
  EXPECT_FALSE(fs::exists(out / "c.pdf"));
  EXPECT_EQ(filesIn(out), 2u);
}

TEST(StagedWriter, StaleTemporariesOfDeadProcessesAreRemoved) {
  TempDir t("vnplan-stale-");
  write(t.path / ".a.pdf.tmp-999999999-0", "partial");          // no such process
  write(t.path / (".b.pdf.tmp-" + std::to_string(::getpid()) + "-0"), "ours");  // alive
  write(t.path / "c.pdf", "kept");
  removeStaleTemporaries(t.path.string());
  EXPECT_FALSE(fs::exists(t.path / ".a.pdf.tmp-999999999-0"));
  EXPECT_TRUE(fs::exists(t.path / (".b.pdf.tmp-" + std::to_string(::getpid()) + "-0")));
  EXPECT_TRUE(fs::exists(t.path / "c.pdf"));
}

TEST(Synth, PlansAndProgressLoadCleanly) {
  TempDir t("vnplan-synth-");
  SynthOptions o;
  o.units = 4;
  o.seed = 3;
  o.outDir = t.path.string();
  auto dirs = writeSynthCountry(o);
  ASSERT_EQ(dirs.size(), 4u);
  std::set<Family> families;
  for (const auto& d : dirs) {
    Diagnostics diags;
    auto plan = loadPlan(d, diags);
    ASSERT_TRUE(plan) << d;
    EXPECT_EQ(diags.items.size(), 0u) << d << ": " << (diags.items.empty() ? "" : formatDiagnostic(diags.items[0], Lang::En));
    families.insert(plan->document.family);
    EXPECT_EQ(plan->tasks->rowCount(), 50u);
    EXPECT_EQ(plan->indicators->rowCount(), 25u);
    Diagnostics pd;
    auto rep = loadProgress(progressFile(d, o.period), *plan, pd);
    EXPECT_TRUE(rep) << d;
    EXPECT_EQ(pd.items.size(), 0u) << d << ": " << (pd.items.empty() ? "" : formatDiagnostic(pd.items[0], Lang::En));
  }
  EXPECT_EQ(families.size(), 2u);
  // Deterministic: the same options give the same bytes.
  TempDir t2("vnplan-synth2-");
  o.outDir = t2.path.string();
  auto again = writeSynthCountry(o);
  ASSERT_EQ(again.size(), 4u);
  EXPECT_EQ(readAll(fs::path(dirs[2]) / "plan.yaml"), readAll(fs::path(again[2]) / "plan.yaml"));
  EXPECT_EQ(readAll(fs::path(dirs[2]) / "progress/2026-H1.yaml"), readAll(fs::path(again[2]) / "progress/2026-H1.yaml"));
}

}  // namespace
}  // namespace vnplan
