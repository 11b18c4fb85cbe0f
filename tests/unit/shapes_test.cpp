// Issue #12: shapes real plans use that the seeds do not show.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "layout/document_layout.hpp"
#include "layout/page_breaker.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_loader.hpp"
#include "model/plan.hpp"
#include "test_support.hpp"

using namespace vnplan;

namespace {

std::string shapesDir() { return std::string(VNPLAN_TEST_DATA) + "/plans/shapes"; }

std::string dump(const Diagnostics& d) {
  std::string all;
  for (const auto& x : d.items) all += formatDiagnostic(x, Lang::En) + "\n";
  return all;
}

const Plan& shapesPlan() {
  static const Plan plan = [] {
    Diagnostics d;
    auto p = loadPlan(shapesDir(), d);
    if (!p) throw std::runtime_error("shapes plan does not load:\n" + dump(d));
    return *p;
  }();
  return plan;
}

}  // namespace

TEST(RowKeys, QualifiedOnlyWhenNumbersRestart) {
  EXPECT_EQ(qualifiedRowKey(groupKeyPart("II.", 1), "1"), "II.1");
  EXPECT_EQ(qualifiedRowKey(groupKeyPart("", 2), "4."), "3.4");
  Appendix<Task> straight;
  straight.groups = {{"I", "a", {}}, {"II", "b", {}}};
  straight.groups[0].items.resize(2);
  straight.groups[0].items[0].number = "1";
  straight.groups[0].items[1].number = "2";
  straight.groups[1].items.resize(1);
  straight.groups[1].items[0].number = "3";
  assignRowKeys(straight);
  EXPECT_FALSE(straight.numbersRestart);
  EXPECT_EQ(straight.groups[1].items[0].key, "3");
  straight.groups[1].items[0].number = "1";
  assignRowKeys(straight);
  EXPECT_TRUE(straight.numbersRestart);
  EXPECT_EQ(straight.groups[0].items[0].key, "I.1");
  EXPECT_EQ(straight.groups[1].items[0].key, "II.1");
  EXPECT_EQ(straight.findByKey("II.1"), &straight.groups[1].items[0]);
}

TEST(RowKeys, PlanWithRestartingNumbersLoads) {
  const Plan& p = shapesPlan();
  ASSERT_TRUE(p.tasks);
  EXPECT_TRUE(p.tasks->numbersRestart);
  EXPECT_EQ(p.tasks->groups[1].items[0].number, "1");
  EXPECT_EQ(p.tasks->groups[1].items[0].key, "II.1");
  ASSERT_TRUE(p.indicators);
  EXPECT_EQ(p.indicators->groups[1].items[1].key, "II.2");
}

TEST(RowKeys, ProgressRefersByKeyOrByGroupAndNumber) {
  Diagnostics d;
  auto r = loadProgress(shapesDir() + "/progress/2026-H1.yaml", shapesPlan(), d);
  ASSERT_TRUE(r) << dump(d);
  ASSERT_EQ(r->tasks.size(), 3u);
  EXPECT_EQ(r->tasks[0].number, "I.1");
  EXPECT_EQ(r->tasks[1].number, "II.1");
  EXPECT_EQ(r->tasks[2].number, "II.2");
  ASSERT_NE(r->findTask("II.1"), nullptr);
  EXPECT_EQ(r->indicators[0].number, "II.1");
}

TEST(RowKeys, BareNumberInSeveralGroupsIsAmbiguous) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "vnplan-shapes-ambiguous";
  std::filesystem::create_directories(dir);
  const auto file = dir / "2026-H1.yaml";
  {
    std::ofstream out(file);
    out << "period: 2026-H1\ntasks:\n  - {number: \"1\", status: hoàn thành}\n  - {group: IV, number: \"1\", status: "
           "hoàn thành}\n";
  }
  Diagnostics d;
  auto r = loadProgress(file.string(), shapesPlan(), d);
  EXPECT_FALSE(r);
  bool ambiguous = false, unknown = false;
  for (const auto& x : d.items) {
    if (x.id == MsgId::AmbiguousRowNumber && x.line == 3) {
      ambiguous = true;
      EXPECT_EQ(x.args[1], "I.1, II.1");
    }
    if (x.id == MsgId::UnknownTask && x.line == 4 && x.args[0] == "IV.1") unknown = true;
  }
  EXPECT_TRUE(ambiguous) << dump(d);
  EXPECT_TRUE(unknown) << dump(d);
  std::filesystem::remove_all(dir);
}

TEST(RowKeys, DuplicateWithinAGroupIsStillAnError) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "vnplan-shapes-dup";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(shapesDir(), dir, std::filesystem::copy_options::recursive);
  {
    std::ofstream out(dir / "tasks.yaml", std::ios::app);
    out << "  - number: II.\n    title: Lặp số nhóm\n    items:\n      - {number: \"1\", name: A}\n"
           "      - {number: \"1\", name: B}\n";
  }
  Diagnostics d;
  EXPECT_FALSE(loadPlan(dir.string(), d));
  int dupRow = 0, dupGroup = 0;
  for (const auto& x : d.items)
    if (x.id == MsgId::DuplicateNumber) (x.args[0] == "group" ? dupGroup : dupRow)++;
  EXPECT_EQ(dupRow, 1) << dump(d);
  EXPECT_EQ(dupGroup, 1) << dump(d);
  std::filesystem::remove_all(dir);
}

// --- numbered paragraphs, column groups, link date ---------------------------------------

TEST(Shapes, NumberedParagraphIsABlockNotASection) {
  const Plan& p = shapesPlan();
  const Section& iii = p.body[2];
  ASSERT_GE(iii.content.size(), 3u);
  EXPECT_FALSE(iii.content[0].isSection());
  EXPECT_EQ(iii.content[0].block.kind, BlockKind::Paragraph);
  EXPECT_EQ(iii.content[0].block.number, "1.1.");
  EXPECT_EQ(iii.content[1].block.number, "1.2.");
  EXPECT_EQ(iii.content[1].block.text, "Rà soát, bổ sung trang thiết bị công nghệ thông tin cho bộ phận một cửa.");
}

TEST(Shapes, ColumnGroupsAndLinkDateAreRead) {
  const Plan& p = shapesPlan();
  ASSERT_TRUE(p.indicators);
  const auto& cols = p.indicators->columns;
  ASSERT_EQ(cols.size(), 7u);
  EXPECT_EQ(cols[2].group, "");
  EXPECT_EQ(cols[3].group, "Mục tiêu theo giai đoạn");
  EXPECT_EQ(cols[5].group, "Mục tiêu theo giai đoạn");
  EXPECT_EQ(p.indicators->linkDate, LinkDateForm::Long);
  EXPECT_EQ(p.tasks->linkDate, LinkDateForm::Short);
}

// --- slips and content checks ------------------------------------------------------------

namespace {

const char* kValidPlan = R"(document:
  family: state
  type: KH
  issuer:
    name: [ỦY BAN NHÂN DÂN, XÃ MẪU]
    symbol: UBND
    short_name: UBND xã Mẫu
  number: 5
  date: {day: 4, month: 2, year: 2025}
  place: Mẫu
  title: Thực hiện nhiệm vụ năm 2025
body:
  - number: I.
    title: MỤC ĐÍCH
    content:
      - p: Đoạn văn.
closing:
  - Trên đây là Kế hoạch./.
recipients:
  - UBND huyện;
  - Lưu: VT.
signature:
  authority: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]
  name: Nguyễn Văn A
  status: signed
agencies:
  - {code: VH, name: Công chức Văn hóa - Xã hội}
tasks:
  label: PHỤ LỤC
  title: NHIỆM VỤ
  columns:
    - {key: number, header: TT, width: 5}
    - {key: name, header: Tên, width: 40}
  groups:
    - number: I
      title: Nhóm
      items:
        - {number: "1", name: Việc một, lead: [VH], deadline: "3/2025"}
)";

struct LoadedText {
  std::optional<Plan> plan;
  Diagnostics diags;
};

LoadedText loadText(const std::string& yaml) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("vnplan-slip-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "plan.yaml", std::ios::binary);
    out << yaml;
  }
  LoadedText r;
  r.plan = loadPlan(dir.string(), r.diags);
  std::filesystem::remove_all(dir);
  return r;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  size_t p = s.find(from);
  if (p == std::string::npos) throw std::runtime_error("not in the plan: " + from);
  return s.replace(p, from.size(), to);
}

const Diagnostic* find(const Diagnostics& d, MsgId id) {
  for (const auto& x : d.items)
    if (x.id == id) return &x;
  return nullptr;
}

}  // namespace

TEST(Slips, ValidPlanHasNoMessagesAndKeepsUnquotedLuuAsText) {
  auto r = loadText(kValidPlan);
  ASSERT_TRUE(r.plan) << dump(r.diags);
  EXPECT_TRUE(r.diags.items.empty()) << dump(r.diags);
  EXPECT_EQ(r.plan->recipients.back(), "Lưu: VT.");
}

TEST(Slips, ColonInAValueSaysToQuote) {
  auto r = loadText(replaced(kValidPlan, "  place: Mẫu", "  place: Xã: Mẫu"));
  EXPECT_FALSE(r.plan);
  const Diagnostic* x = find(r.diags, MsgId::YamlColonInValue);
  ASSERT_NE(x, nullptr) << dump(r.diags);
  EXPECT_EQ(x->line, 10);
  EXPECT_NE(formatDiagnostic(*x, Lang::Vi).find("ngoặc kép"), std::string::npos);
}

TEST(Slips, TabInIndentationIsReportedAtTheTab) {
  auto r = loadText(replaced(kValidPlan, "  place: Mẫu", "\tplace: Mẫu"));
  EXPECT_FALSE(r.plan);
  const Diagnostic* x = find(r.diags, MsgId::YamlTabIndent);
  ASSERT_NE(x, nullptr) << dump(r.diags);
  EXPECT_EQ(x->line, 10);
  EXPECT_EQ(x->column, 1);
}

TEST(Slips, MissingColonIsReportedOnItsOwnLine) {
  auto r = loadText(replaced(kValidPlan, "  place: Mẫu", "  place Mẫu"));
  EXPECT_FALSE(r.plan);
  const Diagnostic* x = find(r.diags, MsgId::YamlMissingColon);
  ASSERT_NE(x, nullptr) << dump(r.diags);
  EXPECT_EQ(x->line, 10);
}

TEST(Slips, LibraryMessagesAreTranslated) {
  auto r = loadText(replaced(kValidPlan, "  name: Nguyễn Văn A", "  name: \"Nguyễn Văn A"));
  EXPECT_FALSE(r.plan);
  ASSERT_FALSE(r.diags.items.empty());
  for (const auto& x : r.diags.items) {
    std::string vi = formatDiagnostic(x, Lang::Vi);
    for (const char* english : {"end of", "illegal", "not found", "unknown", "map", "sequence"})
      EXPECT_EQ(vi.find(english), std::string::npos) << vi;
  }
}

TEST(Slips, CommaSplittingAFlowListEntryIsAWarning) {
  auto r = loadText(replaced(kValidPlan, "lead: [VH], deadline", "lead: [VH], partners: [Các cơ quan, đơn vị liên quan], deadline"));
  ASSERT_TRUE(r.plan) << dump(r.diags);
  const Diagnostic* x = find(r.diags, MsgId::FlowListEntrySplit);
  ASSERT_NE(x, nullptr) << dump(r.diags);
  EXPECT_EQ(x->severity, Severity::Warning);
  EXPECT_EQ(x->args[0], "đơn vị liên quan");
  EXPECT_EQ(x->args[1], "Các cơ quan");
}

TEST(Slips, AnEntryOpeningWithCacOrVaStandsAlone) {
  // As the seed plans write them: "các …", "và các …", "kết hợp với …" are entries of their own.
  auto r = loadText(replaced(kValidPlan, "lead: [VH], deadline",
                             "lead: [VH], partners: [VH, các đơn vị liên quan, và các phòng ban liên quan, kết hợp với các DN], deadline"));
  ASSERT_TRUE(r.plan) << dump(r.diags);
  EXPECT_EQ(find(r.diags, MsgId::FlowListEntrySplit), nullptr) << dump(r.diags);
}

TEST(Checks, SignedPlanNeedsNumberAndFullDate) {
  auto r = loadText(replaced(replaced(kValidPlan, "  number: 5\n", ""), "{day: 4, month: 2, year: 2025}", "{year: 2025}"));
  EXPECT_FALSE(r.plan);
  int n = 0;
  for (const auto& x : r.diags.items)
    if (x.id == MsgId::SignedPlanIncomplete) {
      ++n;
      EXPECT_EQ(x.line, 24);  // the status line (the number line removed)
    }
  EXPECT_EQ(n, 2) << dump(r.diags);
}

TEST(Checks, RecipientsEndWithLuuAndGetTheirPunctuation) {
  auto r = loadText(replaced(kValidPlan, "  - UBND huyện;\n  - Lưu: VT.", "  - UBND huyện\n  - Thường trực Đảng ủy"));
  ASSERT_TRUE(r.plan) << dump(r.diags);
  const Diagnostic* luu = find(r.diags, MsgId::RecipientsWithoutLuu);
  ASSERT_NE(luu, nullptr) << dump(r.diags);
  EXPECT_EQ(luu->line, 21);
  EXPECT_EQ(r.plan->recipients[0], "UBND huyện;");
  EXPECT_EQ(r.plan->recipients[1], "Thường trực Đảng ủy.");
  int punct = 0;
  for (const auto& x : r.diags.items) punct += x.id == MsgId::RecipientPunctuation;
  EXPECT_EQ(punct, 2);
}

TEST(Checks, DeadlineBeforeThePlanYearAndTitleRepeatingTheType) {
  auto r = loadText(replaced(replaced(kValidPlan, "deadline: \"3/2025\"", "deadline: \"3/2024\""),
                             "title: Thực hiện", "title: Kế hoạch thực hiện"));
  ASSERT_TRUE(r.plan) << dump(r.diags);
  const Diagnostic* dl = find(r.diags, MsgId::DeadlineBeforePlanYear);
  ASSERT_NE(dl, nullptr) << dump(r.diags);
  EXPECT_EQ(dl->line, 38);
  const Diagnostic* t = find(r.diags, MsgId::TitleRepeatsType);
  ASSERT_NE(t, nullptr) << dump(r.diags);
  EXPECT_EQ(t->line, 11);
  EXPECT_EQ(t->severity, Severity::Warning);
}

// --- page breaking -----------------------------------------------------------------------

namespace {

PageArea testArea() {
  PageArea a;
  a.contentWidth = 400;
  a.contentHeight = 700;
  return a;
}

FlowItem line(double h, bool keep = false, bool hold = false) {
  FlowItem it;
  it.height = h;
  it.keepWithNext = keep;
  it.holdNext = hold;
  it.content.runs.push_back(TextRun{0, 10, "x", FontFace::Regular, 12, 5, RunRole::Body});
  return it;
}

size_t runsOn(const PageFrame& p) { return p.runs.size(); }

}  // namespace

TEST(PageBreaking, LongKeepChainDoesNotEmptyThePage) {
  std::vector<FlowItem> items;
  for (int i = 0; i < 20; ++i) items.push_back(line(17.5));  // half a page of text
  for (int i = 0; i < 40; ++i) items.push_back(line(20, true));  // forty one-line headings, each kept with the next
  items.push_back(line(20));
  std::vector<PageFrame> pages;
  breakIntoPages(items, testArea(), pages);
  ASSERT_GE(pages.size(), 2u);
  // The first page holds the text and as many headings as fit: at least 75 % full.
  EXPECT_GE(runsOn(pages[0]) * 1.0, 20 + (700 * 0.75 - 350) / 20);
  size_t total = 0;
  for (const auto& p : pages) total += runsOn(p);
  EXPECT_EQ(total, items.size());
}

TEST(PageBreaking, HeadingLinesNeverSplitAndStayWithWhatFollows) {
  std::vector<FlowItem> items;
  for (int i = 0; i < 33; ++i) items.push_back(line(20));  // 660 of 700
  items.push_back(line(20, true, true));                   // a two-line heading
  items.push_back(line(20, true, false));
  items.push_back(line(20));
  items.push_back(line(20));
  std::vector<PageFrame> pages;
  breakIntoPages(items, testArea(), pages);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(runsOn(pages[0]), 33u);  // the heading moved whole, with the text after it
  EXPECT_EQ(runsOn(pages[1]), 4u);
}

TEST(PageBreaking, TableRowSplitsWhenTwoLinesFit) {
  Table t;
  t.columns = {{"TT", 1, CellAlign::Center}, {"Tên", 6, CellAlign::Left}};
  std::string longText;
  for (int i = 0; i < 120; ++i) longText += "chữ ";
  for (int r = 0; r < 3; ++r) t.rows.push_back(TableRow{false, {std::to_string(r + 1), longText}, false});
  const DocTemplate& rules = vnplan::testing_support::rulesFor(Family::State);
  FixedMetrics m(500);
  auto items = tableItems(t, rules, m, 400, 600, 1);
  ASSERT_EQ(items.size(), 4u);  // header + 3 rows
  ASSERT_TRUE(items[1].split);
  FlowItem head, tail;
  EXPECT_FALSE(items[1].split(items[1].height * 0.02, head, tail));  // under two lines: no split
  ASSERT_TRUE(items[1].split(items[1].height / 2, head, tail));
  EXPECT_LE(head.height, items[1].height / 2 + 1e-6);
  EXPECT_NEAR(head.height + tail.height, items[1].height + 2 * rules.cellPaddingPt, 1e-6);
  std::vector<PageFrame> pages;
  PageArea a = testArea();
  a.contentHeight = items[0].height + items[1].height * 1.5;
  breakIntoPages(items, a, pages);
  ASSERT_GE(pages.size(), 2u);
  // Page 1 is filled: the second row starts there and continues.
  double lowest = 0;
  for (const auto& b : pages[0].boxes) lowest = std::max(lowest, b.y + b.h);
  EXPECT_GE(lowest, a.contentHeight * 0.9);
}
