// Every shipped report template, for every period kind and family, rendered with a small and
// a large plan: no zero-count phrase, no issuer named twice in one paragraph, no task group
// written like a level-1 heading, no sentence left hanging, and the task figures add up.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "compute/achievement.hpp"
#include "compute/report_figures.hpp"
#include "compute/task_status.hpp"
#include "layout/report_spec.hpp"
#include "layout/report_text.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "test_support.hpp"

using namespace vnplan;
using vnplan::testing_support::readAll;
using vnplan::testing_support::rulesFor;

namespace {

struct Case {
  std::string name;
  Plan plan;
  ProgressReport report;
};

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

std::vector<Case> cases(const ReportPeriod& period) {
  std::vector<Case> out;
  auto load = [&](const std::string& name, const std::string& dir, const std::string& progressKey) {
    Diagnostics d;
    auto plan = loadPlan(dir, d);
    EXPECT_TRUE(plan) << dir;
    if (!plan) return;
    ProgressReport rep;
    if (!progressKey.empty()) {
      auto r = loadProgress(progressFile(dir, *parseReportPeriod(progressKey)), *plan, d);
      EXPECT_TRUE(r) << dir;
      if (r) rep = *r;
    }
    rep.period = period;
    rep.asOf = dataRange(period).last;
    out.push_back({name, *plan, rep});
  };
  // Small: 5 tasks in 2 groups, 3 indicators, no progress entry and no prose at all.
  load("small", std::string(VNPLAN_TEST_DATA) + "/progress/plan", "");
  // Large: the seed plans with their sample progress data (52 tasks; a party plan without tasks).
  load("dinh-hoa", std::string(VNPLAN_INPUTS) + "/dinh-hoa", "2026-H1");
  load("binh-giang", std::string(VNPLAN_INPUTS) + "/binh-giang", "2025");
  load("dang-uy-dinh-hoa", std::string(VNPLAN_INPUTS) + "/dang-uy-dinh-hoa", "2025");
  return out;
}

}  // namespace

TEST(ReportTemplates, EveryTemplateReadsLikeAClerkWroteIt) {
  const std::vector<ReportPeriod> periods = {{2026, ReportKind::Quarter, 3},
                                             {2026, ReportKind::HalfYear, 0},
                                             {2026, ReportKind::NineMonth, 0},
                                             {2026, ReportKind::Annual, 0}};
  int rendered = 0;
  for (const auto& period : periods) {
    for (Family family : {Family::State, Family::Party}) {
      const std::string file = std::string(VNPLAN_SOURCE_DIR) + "/templates/report-" + reportKindKey(period.kind) + "-" +
                               (family == Family::Party ? "party" : "state") + ".mustache";
      const std::string text = readAll(file);
      ASSERT_FALSE(text.empty()) << file;
      for (auto& c : cases(period)) {
        SCOPED_TRACE(file + " / " + c.name);
        TaskStatusSummary tasks = computeTaskStatus(c.plan, c.report);
        IndicatorSummary indicators = computeAchievements(c.plan, c.report);
        ReportFigures figures = reportFigures(tasks, indicators);
        ReportTextInput in{&c.plan, &c.report, &figures, &tasks, planReference(c.plan, rulesFor(family))};
        Diagnostics d;
        auto markup = renderReportText(text, file, in, d);
        ASSERT_TRUE(markup) << (d.items.empty() ? "" : formatDiagnostic(d.items[0], Lang::En));
        auto blocks = parseReportMarkup(*markup, reportSummaryTable(figures), reportStatusChart(figures));
        ++rendered;
        const std::string issuer = c.plan.document.issuer.shortName;
        static const std::regex zero(R"((^|[^0-9.,])0 (nhiệm vụ|chỉ tiêu))");
        static const std::regex romanHeading(R"(^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\. )");
        std::string all;
        for (size_t i = 0; i < blocks.size(); ++i) {
          const SpecBlock& b = blocks[i];
          all += b.text + "\n";
          EXPECT_FALSE(std::regex_search(b.text, zero)) << b.text;
          EXPECT_LE(count(b.text, issuer), 1u) << "issuer named twice: " << b.text;
          EXPECT_LE(count(b.text, c.report.period.label(Lang::Vi)), 1u) << "period named twice: " << b.text;
          if (b.kind == SpecBlockKind::Paragraph || b.kind == SpecBlockKind::Item) {
            EXPECT_FALSE(std::regex_search(b.text, romanHeading)) << "reads like a heading: " << b.text;
            EXPECT_FALSE(b.text.empty());
            // A sentence announcing something ("… như sau:") is followed by it.
            if (!b.text.empty() && b.text.back() == ':') {
              EXPECT_TRUE(i + 1 < blocks.size() && blocks[i + 1].kind != SpecBlockKind::Heading &&
                          blocks[i + 1].kind != SpecBlockKind::Paragraph)
                  << "nothing follows: " << b.text;
            }
          }
          if (b.kind == SpecBlockKind::Heading && b.level == 2) {
            EXPECT_TRUE(i + 1 < blocks.size() && blocks[i + 1].kind != SpecBlockKind::Heading) << "empty: " << b.text;
          }
          EXPECT_EQ(b.text.find("{{"), std::string::npos);
        }
        // The task sentence: the stated counts add up to the total.
        std::smatch m;
        static const std::regex sentence(R"(Kế hoạch đề ra ([0-9.]+) nhiệm vụ\. Đến ngày [0-9/]+: ([^\n]*?)\.\n)");
        if (figures.tasks.total > 0) {
          ASSERT_TRUE(std::regex_search(all, m, sentence)) << all;
          int sum = 0;
          const std::string parts = m[2].str();
          static const std::regex part(R"((?:^|; )(?:đã hoàn thành )?([0-9.]+) nhiệm vụ)");
          for (auto it = std::sregex_iterator(parts.begin(), parts.end(), part); it != std::sregex_iterator(); ++it)
            sum += std::stoi(std::regex_replace((*it)[1].str(), std::regex("\\."), ""));
          EXPECT_EQ(sum, figures.tasks.total) << parts;
        } else {
          EXPECT_EQ(all.find("Kế hoạch đề ra"), std::string::npos);
        }
      }
    }
  }
  EXPECT_EQ(rendered, 4 * 2 * 4);
}
