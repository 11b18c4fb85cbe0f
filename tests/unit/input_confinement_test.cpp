// Issue 13: a plan reads only its own regular files of bounded size; every number is
// finite and in range; control characters and unbounded Mustache nesting are refused,
// each with the place where the problem is written.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "layout/report_text.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "load/safe_file.hpp"
#include "load/template_loader.hpp"
#include "test_support.hpp"

using namespace vnplan;
using vnplan::testing_support::readAll;
using vnplan::testing_support::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kMinimal = std::string(VNPLAN_TEST_DATA) + "/plans/minimal";
const std::string kClosing = "closing:\n  - Trên đây là Kế hoạch./.\n";

// A copy of the minimal plan in `dir` with `from` replaced by `to` in plan.yaml.
fs::path planWith(const fs::path& dir, const std::string& from, const std::string& to) {
  fs::path plan = dir / "plan";
  fs::create_directories(plan);
  fs::copy(kMinimal, plan, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string text = readAll(plan / "plan.yaml");
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  std::ofstream(plan / "plan.yaml", std::ios::binary | std::ios::trunc) << text;
  return plan;
}

int lineOf(const fs::path& file, const std::string& needle) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos) return n;
  return -1;
}

// The only error of `d`, which must be `id` at plan.yaml's line holding `needle`.
void expectOneErrorAt(const Diagnostics& d, MsgId id, const fs::path& file, const std::string& needle) {
  ASSERT_TRUE(d.hasErrors());
  bool found = false;
  for (const auto& x : d.items)
    if (x.id == id) {
      found = true;
      EXPECT_EQ(fs::path(x.file).filename(), file.filename()) << formatDiagnostic(x, Lang::En);
      EXPECT_EQ(x.line, lineOf(file, needle)) << formatDiagnostic(x, Lang::En);
      EXPECT_GT(x.column, 0);
    }
  EXPECT_TRUE(found) << (d.items.empty() ? "" : formatDiagnostic(d.items[0], Lang::En));
}

}  // namespace

TEST(IncludeConfinement, AbsolutePathOutsideThePlanIsRefused) {
  TempDir t("vnplan-conf-");
  fs::path plan = planWith(t.path, kClosing, "closing: !include /etc/passwd\n");
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  expectOneErrorAt(d, MsgId::IncludeOutsidePlan, plan / "plan.yaml", "!include /etc/passwd");
}

TEST(IncludeConfinement, DotDotPathOutsideThePlanIsRefused) {
  TempDir t("vnplan-conf-");
  const std::string up = "../../../../../../../../../../etc/passwd";
  fs::path plan = planWith(t.path, kClosing, "closing: !include " + up + "\n");
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  expectOneErrorAt(d, MsgId::IncludeOutsidePlan, plan / "plan.yaml", up);
}

TEST(IncludeConfinement, SymlinkLeadingOutsideIsRefusedAndInsideAccepted) {
  TempDir t("vnplan-conf-");
  fs::path plan = planWith(t.path, kClosing, "closing: !include link.yaml\n");
  fs::create_symlink("/etc/passwd", plan / "link.yaml");
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  expectOneErrorAt(d, MsgId::IncludeOutsidePlan, plan / "plan.yaml", "!include link.yaml");

  // A symlink that stays inside the plan's directory is fine.
  fs::remove(plan / "link.yaml");
  std::ofstream(plan / "closing.yaml") << "[Trên đây là Kế hoạch./.]\n";
  fs::create_symlink("closing.yaml", plan / "link.yaml");
  Diagnostics ok;
  EXPECT_TRUE(loadPlan(plan.string(), ok));
}

TEST(IncludeConfinement, DeviceIsRefusedWithoutReadingIt) {
  TempDir t("vnplan-conf-");
  fs::path plan = planWith(t.path, kClosing, "closing: !include zero.yaml\n");
  fs::create_symlink("/dev/zero", plan / "zero.yaml");
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  expectOneErrorAt(d, MsgId::IncludeOutsidePlan, plan / "plan.yaml", "!include zero.yaml");
  // Unconfined (the file a user names), a device is still not a regular file.
  EXPECT_EQ(readInputFile("/dev/zero").status, SafeReadStatus::NotRegular);
}

TEST(IncludeConfinement, FifoIsRefusedAtOnce) {
  TempDir t("vnplan-conf-");
  fs::path plan = planWith(t.path, kClosing, "closing: !include fifo.yaml\n");
  ASSERT_EQ(::mkfifo((plan / "fifo.yaml").c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  expectOneErrorAt(d, MsgId::NotRegularFile, plan / "plan.yaml", "!include fifo.yaml");
}

TEST(IncludeConfinement, FileOverTheSizeCapIsRefused) {
  TempDir t("vnplan-conf-");
  fs::path plan = planWith(t.path, kClosing, "closing: !include big.yaml\n");
  {
    std::ofstream big(plan / "big.yaml");
    big << "[x]\n";
  }
  fs::resize_file(plan / "big.yaml", kMaxInputFileBytes + 1);
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  expectOneErrorAt(d, MsgId::FileTooLarge, plan / "plan.yaml", "!include big.yaml");
  for (const auto& x : d.items)
    if (x.id == MsgId::FileTooLarge) {
      EXPECT_NE(formatDiagnostic(x, Lang::Vi).find("8 MiB"), std::string::npos);
    }
}

TEST(IncludeConfinement, ProgressFileMayIncludeOnlyFromItsPlan) {
  TempDir t("vnplan-conf-");
  fs::copy(std::string(VNPLAN_TEST_DATA) + "/progress/plan", t.path / "p", fs::copy_options::recursive);
  Diagnostics pd;
  auto plan = loadPlan((t.path / "p").string(), pd);
  ASSERT_TRUE(plan);
  const fs::path file = t.path / "p" / "progress" / "2025.yaml";
  std::string text = readAll(file);
  // A file of the plan's own directory is fine …
  std::ofstream(t.path / "p" / "dx.yaml") << "[Kiến nghị chung.]\n";
  const std::string proposals = "proposals: [Kiến nghị.]";
  text.replace(text.find(proposals), proposals.size(), "proposals: !include ../dx.yaml");
  std::ofstream(file, std::ios::trunc) << text;
  Diagnostics ok;
  EXPECT_TRUE(loadProgress(file.string(), *plan, ok)) << (ok.items.empty() ? "" : formatDiagnostic(ok.items[0], Lang::En));
  // … one outside it is not.
  text.replace(text.find("../dx.yaml"), 10, "../../../../../../../../etc/passwd");
  std::ofstream(file, std::ios::trunc) << text;
  Diagnostics d;
  EXPECT_FALSE(loadProgress(file.string(), *plan, d));
  expectOneErrorAt(d, MsgId::IncludeOutsidePlan, file, "etc/passwd");
}

TEST(InputValues, NanAndInfinityAreRefusedWithTheirPlace) {
  TempDir t("vnplan-conf-");
  fs::path plan = planWith(t.path, "preamble:", "layout: {line_spacing: .nan, font_size: .inf}\npreamble:");
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  int notFinite = 0;
  for (const auto& x : d.items)
    if (x.id == MsgId::NotFinite) {
      ++notFinite;
      EXPECT_EQ(x.line, lineOf(plan / "plan.yaml", "line_spacing"));
    }
  EXPECT_EQ(notFinite, 2);
}

TEST(InputValues, NulInATextIsRefusedWithItsPlace) {
  TempDir t("vnplan-conf-");
  // An escaped NUL in a quoted scalar …
  fs::path plan = planWith(t.path, "  place: Mẫu\n", "  place: \"Định\\0Hóa\"\n");
  Diagnostics d;
  EXPECT_FALSE(loadPlan(plan.string(), d));
  expectOneErrorAt(d, MsgId::ControlCharacter, plan / "plan.yaml", "place:");
  EXPECT_NE(formatDiagnostic(d.items[0], Lang::En).find("U+0000"), std::string::npos);
  // … and a raw one in the file.
  TempDir t2("vnplan-conf2-");
  fs::path raw = planWith(t2.path, "  place: Mẫu\n", std::string("  place: Định") + '\0' + "Hóa\n");
  Diagnostics d2;
  EXPECT_FALSE(loadPlan(raw.string(), d2));
  expectOneErrorAt(d2, MsgId::ControlCharacter, raw / "plan.yaml", "place:");
  ASSERT_FALSE(d2.items.empty());
  EXPECT_EQ(d2.items[0].column, 14);  // the byte after "  place: Định"
}

namespace {

// templates/state.yaml with `from` replaced by `to`; returns the diagnostics of loading it.
Diagnostics loadTemplateWith(const fs::path& dir, const std::string& from, const std::string& to, fs::path& file) {
  std::string text = readAll(std::string(VNPLAN_SOURCE_DIR) + "/templates/state.yaml");
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  file = dir / "state.yaml";
  std::ofstream(file, std::ios::trunc) << text;
  Diagnostics d;
  EXPECT_FALSE(loadTemplate(file.string(), d));
  return d;
}

}  // namespace

TEST(TemplateValues, OutOfRangeValuesAreLocated) {
  struct Case {
    std::string from, to, line;
    MsgId id;
  };
  const std::vector<Case> cases = {
      {"  size: 14\n", "  size: 0\n", "  size: 0", MsgId::BadValue},
      {"  size: 14\n", "  size: -14\n", "  size: -14", MsgId::BadValue},
      {"  size: 14\n", "  size: 5000\n", "  size: 5000", MsgId::BadValue},
      {"  size: 14\n", "  size: .nan\n", "  size: .nan", MsgId::NotFinite},
      {"note: {size: 14,", "note: {size: 0,", "note: {size: 0", MsgId::BadValue},
      {"page: {width_mm: 210,", "page: {width_mm: 0,", "page:", MsgId::BadValue},
      {"margins_mm: {top: 20, bottom: 20, left: 30, right: 15}", "margins_mm: {top: 20, bottom: 20, left: 100, right: 90}",
       "margins_mm:", MsgId::NoTextWidth},
      {"appendix_margins_mm: {top: 20, bottom: 20,", "appendix_margins_mm: {top: 100, bottom: 90,",
       "appendix_margins_mm:", MsgId::NoTextWidth},
      {"  line_spacing: 1.0", "  line_spacing: .inf", "  line_spacing:", MsgId::NotFinite},
      {"blank: \"      \"", "blank: \"\\0\"", "blank:", MsgId::ControlCharacter},
  };
  for (const auto& c : cases) {
    TempDir t("vnplan-tpl-");
    fs::path file;
    Diagnostics d = loadTemplateWith(t.path, c.from, c.to, file);
    SCOPED_TRACE(c.to);
    expectOneErrorAt(d, c.id, file, c.line);
  }
}

TEST(ReportTemplateGuard, DeepNestingIsRefusedNotACrash) {
  Plan plan;
  plan.tasks = Appendix<Task>{};
  ProgressReport rep;
  ReportFigures f;
  f.tasks.total = 1;  // has_tasks is true: every level is rendered (recursion: SIGSEGV)
  ReportTextInput in{&plan, &rep, &f, nullptr, "Kế hoạch số 1/KH-UBND"};
  std::string deep = "Tiêu đề\n";
  for (int i = 0; i < 20000; ++i) deep += "{{#has_tasks}}";
  for (int i = 0; i < 20000; ++i) deep += "{{/has_tasks}}";
  Diagnostics d;
  EXPECT_FALSE(renderReportText(deep, "t.mustache", in, d));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].id, MsgId::MustacheTooDeep);
  EXPECT_EQ(d.items[0].line, 2);
  EXPECT_EQ(d.items[0].column, 1 + 14 * 50);  // the 51st opening tag

  // With other delimiters too.
  std::string other = "{{=<% %>=}}\n";
  for (int i = 0; i < 60; ++i) other += "<%^b%>";
  Diagnostics d2;
  EXPECT_FALSE(renderReportText(other, "t.mustache", in, d2));
  ASSERT_EQ(d2.items.size(), 1u);
  EXPECT_EQ(d2.items[0].id, MsgId::MustacheTooDeep);
}

TEST(ReportTemplateGuard, EmptyTemplateIsNamed) {
  Plan plan;
  ProgressReport rep;
  ReportFigures f;
  ReportTextInput in{&plan, &rep, &f, nullptr, ""};
  for (const std::string text : {"", " \n\n"}) {
    Diagnostics d;
    EXPECT_FALSE(renderReportText(text, "templates/r.mustache", in, d));
    ASSERT_EQ(d.items.size(), 1u);
    EXPECT_EQ(d.items[0].id, MsgId::EmptyTemplate);
    EXPECT_EQ(formatDiagnostic(d.items[0], Lang::Vi), "templates/r.mustache: lỗi: mẫu báo cáo rỗng");
  }
}

TEST(IncludeConfinement, ProgressFileSymlinkedOutOfThePlanIsRefused) {
  TempDir t("vnplan-conf-");
  fs::copy(std::string(VNPLAN_TEST_DATA) + "/progress/plan", t.path / "p", fs::copy_options::recursive);
  Diagnostics pd;
  auto plan = loadPlan((t.path / "p").string(), pd);
  ASSERT_TRUE(plan);
  fs::copy_file(t.path / "p" / "progress" / "2025.yaml", t.path / "elsewhere.yaml");
  fs::remove(t.path / "p" / "progress" / "2025.yaml");
  fs::create_symlink(t.path / "elsewhere.yaml", t.path / "p" / "progress" / "2025.yaml");
  Diagnostics d;
  EXPECT_FALSE(loadProgress((t.path / "p" / "progress" / "2025.yaml").string(), *plan, d));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].id, MsgId::IncludeOutsidePlan);
}
