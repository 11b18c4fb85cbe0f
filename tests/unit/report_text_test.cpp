#include <gtest/gtest.h>

#include "compute/report_figures.hpp"
#include "layout/report_text.hpp"

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
  EXPECT_EQ(*out, "1.234 nhiệm vụ, đã hoàn thành 427 (34,6%) 6 tháng đầu năm 2026 của UBND xã Mẫu");
}

TEST(ReportFigures, PercentFormatting) {
  EXPECT_EQ(formatPercent(34.5945), "34,6");
  EXPECT_EQ(formatPercent(100), "100");
  EXPECT_EQ(formatPercent(0), "0");
  EXPECT_EQ(formatPercent(15.38), "15,4");
}
