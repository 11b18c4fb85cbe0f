#include <gtest/gtest.h>

#include "compute/report_figures.hpp"
#include "layout/report_text.hpp"
#include "test_support.hpp"

using namespace vnplan;

TEST(ReportMarkup, HeadingsItemsNotesParagraphsAndPlaceholders) {
  Table summary;
  summary.columns = {{"TT", 1, CellAlign::Center}};
  BarChart chart;
  chart.categories = {"I"};
  auto blocks = parseReportMarkup(
      "#1 I. CÔNG TÁC CHỈ ĐẠO\nMột đoạn\nvăn nối dòng.\n\nĐoạn hai.\n- Ý một\n> (Chi tiết tại Phụ lục I)\n"
      "[[summary-table]]\n#2 1. Kết quả\n[[status-chart]]\n",
      summary, chart);
  ASSERT_EQ(blocks.size(), 8u);
  EXPECT_EQ(blocks[0].kind, SpecBlockKind::Heading);
  EXPECT_EQ(blocks[0].level, 1);
  EXPECT_EQ(blocks[0].number, "I.");
  EXPECT_EQ(blocks[0].text, "CÔNG TÁC CHỈ ĐẠO");
  EXPECT_EQ(blocks[1].kind, SpecBlockKind::Paragraph);
  EXPECT_EQ(blocks[1].text, "Một đoạn văn nối dòng.");
  EXPECT_EQ(blocks[2].text, "Đoạn hai.");
  EXPECT_EQ(blocks[3].kind, SpecBlockKind::Item);
  EXPECT_EQ(blocks[3].text, "Ý một");
  EXPECT_EQ(blocks[4].kind, SpecBlockKind::Note);
  EXPECT_EQ(blocks[5].kind, SpecBlockKind::Table);
  EXPECT_EQ(blocks[5].table.columns.size(), 1u);
  EXPECT_EQ(blocks[6].level, 2);
  EXPECT_EQ(blocks[7].kind, SpecBlockKind::Chart);
  EXPECT_EQ(blocks[7].chart.categories.size(), 1u);
}

TEST(ReportText, TemplateErrorIsLocated) {
  Plan plan;
  ProgressReport rep;
  ReportFigures f;
  Diagnostics d;
  ReportTextInput in{&plan, &rep, &f, nullptr, "Kế hoạch số 1/KH-UBND"};
  auto out = renderReportText("dòng một\ndòng hai {{#nhom}}\n", "templates/x.mustache", in, d);
  EXPECT_FALSE(out);
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].file, "templates/x.mustache");
  EXPECT_EQ(d.items[0].line, 2);
  EXPECT_EQ(d.items[0].column, 10);
}

TEST(ReportText, FiguresAreFilledVietnameseStyle) {
  Plan plan;
  plan.document.issuer.shortName = "UBND xã Mẫu";
  plan.tasks = Appendix<Task>{};
  ProgressReport rep;
  rep.period = ReportPeriod{2026, ReportKind::HalfYear, 0};
  ReportFigures f;
  f.tasks.total = 1234;
  f.tasks.done = 427;
  f.tasks.donePercent = 100.0 * 427 / 1234;
  Diagnostics d;
  ReportTextInput in{&plan, &rep, &f, nullptr, "Kế hoạch số 1/KH-UBND"};
  auto out = renderReportText("{{#has_tasks}}{{tasks.total}} nhiệm vụ, đã hoàn thành {{tasks.done}} ({{tasks.done_pct}}%) "
                              "{{period}} của {{issuer}}{{/has_tasks}}",
                              "t.mustache", in, d);
  ASSERT_TRUE(out);
  // Values are marked literal in the markup; the paragraph reads as plain text.
  auto blocks = parseReportMarkup(*out, Table{}, BarChart{});
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "1.234 nhiệm vụ, đã hoàn thành 427 (34,6%) 6 tháng đầu năm 2026 của UBND xã Mẫu");
}

namespace {

std::string joined(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

}  // namespace

TEST(ReportText, ZeroCountCategoriesAreLeftOutAndTheRestAddsUp) {
  TaskFigures f;
  f.total = 10;
  f.done = f.doneOnTime = 6;
  f.donePercent = 60;
  f.overdue = 4;
  f.overduePercent = 40;
  auto parts = taskStatusPhrases(f);
  const std::string s = joined(parts, "; ");
  EXPECT_EQ(s, "đã hoàn thành 6 nhiệm vụ (60%), đều đúng hạn; 4 nhiệm vụ quá hạn (40%)");
  EXPECT_EQ(s.find(" 0 nhiệm vụ"), std::string::npos);
  // Every category, then all in one: the counts stated add up to the total.
  TaskFigures all;
  all.doneOnTime = 1, all.doneLate = 2, all.done = 3, all.inProgress = 4, all.notStarted = 5, all.overdue = 6;
  all.recurring = 7, all.waiting = 8, all.stopped = 9, all.notReported = 10;
  all.total = 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10;
  auto every = taskStatusPhrases(all);
  ASSERT_EQ(every.size(), 8u);
  int sum = 0;
  for (const auto& p : every) {
    // The first number of each phrase is its count ("đã hoàn thành 3 …", "4 nhiệm vụ …").
    size_t i = p.find_first_of("0123456789");
    sum += std::stoi(p.substr(i));
  }
  EXPECT_EQ(sum, all.total);
  EXPECT_NE(every[0].find("trong đó 1 nhiệm vụ hoàn thành đúng hạn và 2 nhiệm vụ hoàn thành chậm"), std::string::npos);
  EXPECT_TRUE(taskStatusPhrases(TaskFigures{}).empty());

  IndicatorFigures ind{5, 5, 0, 0, 0, 100};
  EXPECT_EQ(joined(indicatorStatusPhrases(ind), ", "), "5 chỉ tiêu đã đạt (100%)");
}

TEST(ReportText, ProgressTextIsPrintedAsTextNeverAsMarkup) {
  Plan plan;
  plan.document.issuer.shortName = "UBND xã Mẫu";
  ProgressReport rep;
  rep.period = ReportPeriod{2026, ReportKind::HalfYear, 0};
  rep.chiDao = {"#1 VI. CHƯƠNG MỚI", "[[summary-table]]", "- không phải ý\n#2 1. dòng mới", "> ghi chú"};
  ReportFigures f;
  Diagnostics d;
  ReportTextInput in{&plan, &rep, &f, nullptr, "Kế hoạch số 1/KH-UBND"};
  auto out = renderReportText("#1 I. CHỈ ĐẠO\n{{#direction}}\n{{text}}\n\n{{/direction}}\n{{#direction}}\n- {{text}}\n{{/direction}}\n",
                              "t.mustache", in, d);
  ASSERT_TRUE(out);
  Table summary;
  summary.columns = {{"TT", 1, CellAlign::Center}};
  auto blocks = parseReportMarkup(*out, summary, BarChart{});
  ASSERT_EQ(blocks.size(), 9u);
  EXPECT_EQ(blocks[0].kind, SpecBlockKind::Heading);  // the template's own heading
  for (size_t i = 1; i < blocks.size(); ++i) {
    EXPECT_NE(blocks[i].kind, SpecBlockKind::Heading) << i;
    EXPECT_NE(blocks[i].kind, SpecBlockKind::Table) << i;
    EXPECT_NE(blocks[i].kind, SpecBlockKind::Note) << i;
    EXPECT_EQ(blocks[i].text.find("\xEE\x80\x80"), std::string::npos) << i;
  }
  EXPECT_EQ(blocks[1].kind, SpecBlockKind::Paragraph);
  EXPECT_EQ(blocks[1].text, "#1 VI. CHƯƠNG MỚI");
  EXPECT_EQ(blocks[2].text, "[[summary-table]]");
  EXPECT_EQ(blocks[3].text, "- không phải ý #2 1. dòng mới");  // a line break is a space
  EXPECT_EQ(blocks[5].kind, SpecBlockKind::Item);
  EXPECT_EQ(blocks[5].text, "#1 VI. CHƯƠNG MỚI");
}

TEST(ReportText, UnknownValueIsALocatedError) {
  Plan plan;
  ProgressReport rep;
  ReportFigures f;
  Diagnostics d;
  ReportTextInput in{&plan, &rep, &f, nullptr, "Kế hoạch số 1/KH-UBND"};
  EXPECT_FALSE(renderReportText("dòng một\nKết quả: {{tasks.don}} nhiệm vụ\n", "templates/x.mustache", in, d));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].id, MsgId::TemplateUnknownValue);
  EXPECT_EQ(d.items[0].line, 2);
  EXPECT_EQ(d.items[0].column, 10);
  EXPECT_EQ(d.items[0].args[0], "tasks.don");
  // Names inside a list's section are those of its elements, even when the list is empty.
  Diagnostics d2;
  EXPECT_TRUE(renderReportText("{{#groups}}{{label}} {{done}}{{/groups}}{{#overdue_tasks}}{{days_late}}{{/overdue_tasks}}"
                               "{{#proposals}}{{text}}{{/proposals}}",
                               "t", in, d2));
  EXPECT_TRUE(d2.items.empty());
  Diagnostics d3;
  EXPECT_FALSE(renderReportText("{{#proposals}}\n{{txt}}\n{{/proposals}}", "t", in, d3));
  ASSERT_EQ(d3.items.size(), 1u);
  EXPECT_EQ(d3.items[0].line, 2);
  Diagnostics d4;
  EXPECT_FALSE(renderReportText("{{> partial}}", "t", in, d4));
  ASSERT_EQ(d4.items.size(), 1u);
  EXPECT_EQ(d4.items[0].id, MsgId::TemplateUnsupported);
}

// A template of thousands of unknown names: the first 20 are named with their places, the rest
// counted in one message.
TEST(ReportText, ThousandsOfBadTagsAreNamedAFewAtATime) {
  Plan plan;
  ProgressReport rep;
  ReportFigures f;
  Diagnostics d;
  ReportTextInput in{&plan, &rep, &f, nullptr, "Kế hoạch số 1/KH-UBND"};
  std::string text = "Kết quả:\n";
  for (int i = 0; i < 5000; ++i) text += "{{khong_co_" + std::to_string(i) + "}} ";
  EXPECT_FALSE(renderReportText(text, "templates/x.mustache", in, d));
  EXPECT_EQ(testing_support::countOf(d, MsgId::TemplateUnknownValue), 20u);
  EXPECT_EQ(testing_support::moreOfTheSame(d), "4980");
  ASSERT_FALSE(d.items.empty());
  EXPECT_EQ(d.items[0].line, 2);
  EXPECT_EQ(d.items[0].column, 1);
  EXPECT_EQ(d.items[1].column, 16);  // "{{khong_co_0}} " is 15 characters
}

TEST(ReportText, TaskGroupsAreNamedAsGroupsNotHeadings) {
  EXPECT_EQ(groupLabel("I.", "Nâng cao nhận thức"), "Nhóm I: Nâng cao nhận thức");
  EXPECT_EQ(groupLabel("VIII", "Chuyển đổi số"), "Nhóm VIII: Chuyển đổi số");
  EXPECT_EQ(groupLabel("", "Khác"), "Khác");
}

TEST(ReportFigures, PercentFormatting) {
  EXPECT_EQ(formatPercent(34.5945), "34,6");
  EXPECT_EQ(formatPercent(100), "100");
  EXPECT_EQ(formatPercent(0), "0");
  EXPECT_EQ(formatPercent(15.38), "15,4");
}

TEST(ReportText, ATemplateRenderedAgainGivesTheSameTextAndTheSameChecks) {
  // Templates are parsed and checked once per thread; a second render must not skip a check
  // that depends on the input (the first group's phrase list: empty when it has no task).
  Plan plan;
  ProgressReport rep;
  ReportFigures withTasks;
  withTasks.groups.push_back({"I.", "Một", {}});
  withTasks.groups[0].tasks.total = withTasks.groups[0].tasks.inProgress = 2;
  ReportFigures noTasks;
  noTasks.groups.push_back({"I.", "Một", {}});
  ReportTextInput a{&plan, &rep, &withTasks, nullptr, "Kế hoạch số 1/KH-UBND"};
  ReportTextInput b{&plan, &rep, &noTasks, nullptr, "Kế hoạch số 1/KH-UBND"};
  const std::string text = "{{#groups}}{{label}}: {{#status_parts}}{{text}}{{sep}}{{/status_parts}}{{/groups}}\n";
  for (int pass = 0; pass < 2; ++pass) {
    Diagnostics d;
    auto out = renderReportText(text, "t", a, d);
    ASSERT_TRUE(out) << pass;
    EXPECT_NE(out->find("2 nhiệm vụ đang thực hiện"), std::string::npos) << *out;
    Diagnostics d2;
    EXPECT_FALSE(renderReportText(text, "t", b, d2)) << pass;  // no element to check {{text}} against
    ASSERT_EQ(d2.items.size(), 2u);  // {{text}} and {{sep}}
    EXPECT_EQ(d2.items[0].id, MsgId::TemplateUnknownValue);
  }
  // A bad template stays bad when asked again.
  for (int pass = 0; pass < 2; ++pass) {
    Diagnostics d;
    EXPECT_FALSE(renderReportText("{{tasks.don}}", "t", a, d));
    EXPECT_EQ(d.items.size(), 1u);
  }
}
