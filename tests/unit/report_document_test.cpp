// The report as a document of its own: the `report:` section of a progress file, its
// defaults from the plan, the signed status, and the default date of the figures.
#include <gtest/gtest.h>

#include <fstream>

#include "compute/calendar.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "test_support.hpp"

using namespace vnplan;
using vnplan::testing_support::TempDir;

namespace {

const Plan& testPlan() {
  static const Plan plan = [] {
    Diagnostics d;
    auto p = loadPlan(std::string(VNPLAN_TEST_DATA) + "/progress/plan", d);
    if (!p) throw std::runtime_error("test plan does not load");
    return *p;
  }();
  return plan;
}

std::optional<ProgressReport> loadText(const TempDir& dir, const std::string& text, Diagnostics& d) {
  const auto path = dir.path / "2026-H1.yaml";
  std::ofstream(path) << text;
  return loadProgress(path.string(), testPlan(), d);
}

}  // namespace

TEST(ReportDocument, WithoutASectionItIsADraftWithThePlansDetails) {
  TempDir dir("vnplan-reportdoc");
  Diagnostics d;
  auto rep = loadText(dir, "period: 2026-H1\n", d);
  ASSERT_TRUE(rep);
  EXPECT_FALSE(rep->signedOff());
  EXPECT_TRUE(rep->document.number.empty());
  EXPECT_FALSE(rep->document.date.complete());
  EXPECT_EQ(rep->document.place, testPlan().document.place);
  EXPECT_EQ(rep->document.recipients, testPlan().recipients);
  EXPECT_EQ(rep->document.signature.name, testPlan().signature.name);
  EXPECT_EQ(rep->document.signature.authority, testPlan().signature.authority);
  EXPECT_FALSE(rep->asOfGiven);
}

TEST(ReportDocument, SignedSectionOverridesThePlan) {
  TempDir dir("vnplan-reportdoc");
  Diagnostics d;
  auto rep = loadText(dir,
                      "period: 2026-H1\nas_of: 05/06/2026\nreport:\n  number: \"45\"\n  date: 08/06/2026\n"
                      "  place: Chợ Chu\n  recipients: [UBND huyện;, \"Lưu: VT.\"]\n"
                      "  signature: {authority: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH], name: Trần Văn B, status: signed}\n",
                      d);
  ASSERT_TRUE(rep) << (d.items.empty() ? "" : formatDiagnostic(d.items[0], Lang::En));
  EXPECT_TRUE(rep->signedOff());
  EXPECT_EQ(rep->document.number, "45");
  EXPECT_TRUE(rep->document.date.complete());
  EXPECT_EQ(rep->document.date.day, 8);
  EXPECT_EQ(rep->document.place, "Chợ Chu");
  EXPECT_EQ(rep->document.recipients, (std::vector<std::string>{"UBND huyện;", "Lưu: VT."}));
  EXPECT_EQ(rep->document.signature.name, "Trần Văn B");
  EXPECT_EQ(rep->document.signature.authority.size(), 2u);
}

TEST(ReportDocument, SignedWithoutNumberOrFullDateIsALocatedError) {
  TempDir dir("vnplan-reportdoc");
  Diagnostics d;
  EXPECT_FALSE(loadText(dir, "period: 2026-H1\nreport:\n  date: 06/2026\n  signature: {status: signed}\n", d));
  int signedErrors = 0;
  for (const auto& x : d.items)
    if (x.id == MsgId::SignedWithoutNumber) {
      ++signedErrors;
      EXPECT_GT(x.line, 0);
    }
  EXPECT_EQ(signedErrors, 2);
  // A draft may keep the blanks.
  Diagnostics d2;
  auto draft = loadText(dir, "period: 2026-H1\nreport:\n  date: 06/2026\n  signature: {status: draft}\n", d2);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->document.date.month, 6);
  EXPECT_EQ(draft->document.date.day, 0);
}

TEST(ReportDocument, FiguresDefaultToTheCutOffButNeverOnOrAfterTheDeadline) {
  Plan plan = testPlan();
  ProgressReport rep;
  rep.period = ReportPeriod{2026, ReportKind::HalfYear, 0};
  // The default calendar: the 6-month report is due 10/6, its ND09 cut-off is 14/6.
  EXPECT_EQ(defaultAsOf(plan, rep), (CalendarDate{2026, 6, 9}));
  // A plan whose report is due after the cut-off: the cut-off itself.
  plan.reporting = {ReportDue{ReportKind::HalfYear, 20, 6}};
  EXPECT_EQ(defaultAsOf(plan, rep), (CalendarDate{2026, 6, 14}));
  // Never after the report's own date.
  rep.document.date = PartialDate{5, 6, 2026};
  EXPECT_EQ(defaultAsOf(plan, rep), (CalendarDate{2026, 6, 5}));
  // A period the calendar does not ask for: the cut-off.
  ProgressReport q;
  q.period = ReportPeriod{2026, ReportKind::Quarter, 3};
  EXPECT_EQ(defaultAsOf(plan, q), dataRange(q.period).last);
}
