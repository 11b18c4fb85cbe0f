// units.yaml (load/unit_loader), the collection form model, the submission checker on a
// hand-built grid, the SQLite ledger and the consolidation arithmetic.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "compute/collection_form.hpp"
#include "compute/consolidation.hpp"
#include "compute/submission_check.hpp"
#include "load/plan_loader.hpp"
#include "load/progress_writer.hpp"
#include "load/unit_loader.hpp"
#include "store/ledger.hpp"

using namespace vnplan;
namespace fs = std::filesystem;

namespace {

std::string collectData() { return std::string(VNPLAN_TEST_DATA) + "/collect"; }

std::string writeTemp(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("vnplan-collect-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p) << text;
  return p.string();
}

bool has(const Diagnostics& d, MsgId id, int line) {
  for (const auto& x : d.items)
    if (x.id == id && x.line == line) return true;
  return false;
}

const Plan& miniPlan() {
  static const Plan plan = [] {
    Diagnostics d;
    auto p = loadPlan(collectData() + "/tinh-mau", d);
    if (!p) throw std::runtime_error("tinh-mau does not load");
    return *p;
  }();
  return plan;
}

// A trivial stand-in digest: the checker only compares what it computes with what _meta says.
std::string fakeHash(const std::string& s) { return std::to_string(std::hash<std::string>{}(s)); }

}  // namespace

TEST(UnitLoader, BothTreeShapesLoad) {
  for (const char* f : {"/units-2level.yaml", "/units-3level.yaml"}) {
    Diagnostics d;
    auto u = loadUnits(collectData() + f, d);
    ASSERT_TRUE(u) << f;
    EXPECT_EQ(u->units.front().level, UnitLevel::Province);
  }
  Diagnostics d;
  auto u = loadUnits(collectData() + "/units-3level.yaml", d);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->reporting().size(), 6u);
  EXPECT_EQ(u->children("167").size(), 3u);  // two communes and the district's agency
  EXPECT_EQ(u->find("NV167")->level, UnitLevel::Agency);
  EXPECT_EQ(u->aggregate.at("4"), Aggregation::Average);
}

TEST(UnitLoader, LocatedErrors) {
  Diagnostics d;
  auto u = loadUnits(writeTemp("bad.yaml",
                               "units:\n"
                               "  - {code: \"19\", name: Tỉnh, level: province}\n"
                               "  - {code: \"1670\", name: Huyện, level: district, parent: \"19\"}\n"
                               "  - {code: \"05440\", name: Xã, level: commune, parent: \"888\"}\n"
                               "  - {code: \"05440\", name: Xã trùng, level: commune, parent: \"19\"}\n"
                               "  - {code: \"168\", name: Huyện, level: district, parent: \"05440\"}\n"
                               "  - {code: \"A1\", name: Cơ quan, level: agency, parent: \"B1\"}\n"
                               "  - {code: \"B1\", name: Cơ quan, level: agency, parent: \"A1\"}\n"
                               "  - {code: \"X\", name: Sai, level: ward}\n"),
                     d);
  EXPECT_FALSE(u);
  EXPECT_TRUE(has(d, MsgId::BadUnitCode, 3));     // a district code has 3 digits
  EXPECT_TRUE(has(d, MsgId::UnknownParent, 4));   // no unit 888
  EXPECT_TRUE(has(d, MsgId::DuplicateNumber, 5));  // 05440 twice
  EXPECT_TRUE(has(d, MsgId::BadParentLevel, 6));  // a district under a commune
  EXPECT_TRUE(has(d, MsgId::UnitCycle, 7));        // A1 → B1 → A1
  EXPECT_TRUE(has(d, MsgId::BadValue, 9));         // level ward
}

TEST(CollectionForm, AgencyFormHoldsItsOwnRowsAndHashIgnoresUnit) {
  const Plan& plan = miniPlan();
  const ReportPeriod h1{2026, ReportKind::HalfYear, 0};
  CollectionForm all = buildCollectionForm(plan, h1, {FormKind::Plan, "", "", "plan"});
  CollectionForm skhcn = buildCollectionForm(plan, h1, {FormKind::Agency, "SKHCN", "Sở", "agency"});
  ASSERT_EQ(all.tables.size(), 2u);
  std::vector<std::string> keys;
  for (const auto& r : skhcn.tables[0].rows)
    if (!r.group) keys.push_back(r.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"3", "4"}));
  CollectionForm a = buildCollectionForm(plan, h1, {FormKind::Unit, "05440", "Xã A", "commune"});
  CollectionForm b = buildCollectionForm(plan, h1, {FormKind::Unit, "05443", "Xã B", "commune"});
  EXPECT_EQ(a.canonicalText(), b.canonicalText());  // every unit gets the same form
  EXPECT_NE(a.canonicalText(), skhcn.canonicalText());
}

namespace {

// The grid a spreadsheet program would give back for an untouched form, plus its _meta.
GridBook gridOf(const CollectionForm& form, const std::string& hash) {
  GridBook g;
  for (const auto& t : form.tables) {
    GridSheet s;
    s.name = t.sheetName;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (!t.rows[r].cells[c].empty() && !(t.rows[r].group && c > 1))
          s.cells[{kFormFirstRow + static_cast<int>(r), static_cast<int>(c)}] = GridCell{GridCell::Kind::Text,
                                                                                        t.rows[r].cells[c]};
    g.sheets.push_back(s);
  }
  GridSheet meta;
  meta.name = "_meta";
  int row = 1;
  auto kv = [&](const std::string& k, const std::string& v) {
    meta.cells[{row, 0}] = GridCell{GridCell::Kind::Text, k};
    meta.cells[{row, 1}] = GridCell{GridCell::Kind::Text, v};
    ++row;
  };
  kv("schema.name", kCollectSchemaName);
  kv("schema.version", "1.3");  // a later minor version is read too
  kv("plan.id", form.plan->id);
  kv("collect.period", form.period.key());
  kv("collect.unit.kind", formKindKey(form.unit.kind));
  kv("collect.unit.code", form.unit.code);
  kv("template.hash", hash);
  g.sheets.push_back(meta);
  return g;
}

int rowOf(const FormTable& t, const std::string& key) {
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (!t.rows[r].group && t.rows[r].key == key) return kFormFirstRow + static_cast<int>(r);
  return -1;
}

}  // namespace

TEST(SubmissionCheck, ReadsValuesAndDatesOfBothSystems) {
  const Plan& plan = miniPlan();
  const ReportPeriod h1{2026, ReportKind::HalfYear, 0};
  CollectionForm form = buildCollectionForm(plan, h1, {FormKind::Plan, "", "", "plan"});
  GridBook g = gridOf(form, fakeHash(form.canonicalText()));
  g.date1904 = true;
  const FormTable& tasks = form.tables[0];
  const FormTable& inds = form.tables[1];
  GridSheet& ts = g.sheets[0];
  ts.cells[{rowOf(tasks, "1"), 4}] = GridCell{GridCell::Kind::Text, "hoàn thành"};
  // 20/03/2026 in the 1904 system: 44639 days after 1904-01-01.
  ts.cells[{rowOf(tasks, "1"), 5}] = GridCell{GridCell::Kind::Number, "", 44639, false, true};
  ts.cells[{rowOf(tasks, "3"), 4}] = GridCell{GridCell::Kind::Text, "Hoàn thành"};
  ts.cells[{rowOf(tasks, "3"), 5}] = GridCell{GridCell::Kind::Text, "5-4-2026"};
  GridSheet& is = g.sheets[1];
  is.cells[{rowOf(inds, "1"), 4}] = GridCell{GridCell::Kind::Number, "", 83.5};
  is.cells[{rowOf(inds, "2"), 4}] = GridCell{GridCell::Kind::Number, "", 1250};
  SubmissionContext ctx{&plan, nullptr, h1, fakeHash};
  SubmissionCheck c = checkSubmission(g, "nop.xlsx", ctx);
  ASSERT_TRUE(c.accepted()) << (c.diags.items.empty() ? "" : formatDiagnostic(c.diags.items[0], Lang::En));
  ASSERT_EQ(c.data.tasks.size(), 2u);
  EXPECT_EQ(c.data.tasks[0].completed, (CalendarDate{2026, 3, 20}));
  EXPECT_EQ(c.data.tasks[1].completed, (CalendarDate{2026, 4, 5}));
  ASSERT_EQ(c.data.indicators.size(), 2u);
  EXPECT_EQ(c.data.indicators[0].value, "83,5%");
  EXPECT_EQ(c.data.indicators[1].value, "1.250");
  // The progress file written from it reads back.
  const std::string yaml = progressYaml(c.data, "test");
  EXPECT_NE(yaml.find("number: \"1\""), std::string::npos);
  EXPECT_NE(yaml.find("completed: 20/03/2026"), std::string::npos);
}

TEST(SubmissionCheck, WrongHashAndMissingMeta) {
  const Plan& plan = miniPlan();
  const ReportPeriod h1{2026, ReportKind::HalfYear, 0};
  CollectionForm form = buildCollectionForm(plan, h1, {FormKind::Plan, "", "", "plan"});
  SubmissionContext ctx{&plan, nullptr, std::nullopt, fakeHash};
  SubmissionCheck c = checkSubmission(gridOf(form, "not-the-hash"), "x.xlsx", ctx);
  EXPECT_FALSE(c.recognised);
  ASSERT_EQ(c.diags.items.size(), 1u);
  EXPECT_EQ(c.diags.items[0].id, MsgId::TemplateChanged);
  EXPECT_EQ(c.diags.items[0].file, "x.xlsx!_meta!B8");
  GridBook empty;
  SubmissionCheck e = checkSubmission(empty, "y.xlsx", ctx);
  ASSERT_EQ(e.diags.items.size(), 1u);
  EXPECT_EQ(e.diags.items[0].id, MsgId::NotCollectionForm);
  EXPECT_EQ(e.diags.items[0].file, "y.xlsx");
}

TEST(Ledger, RecordsAndFindsSubmissions) {
  const std::string path = writeTemp("ledger.sqlite", "");
  fs::remove(path);
  auto ledger = openSqliteLedger(path);
  SubmissionRecord r;
  r.planId = "p";
  r.period = "2026-H1";
  r.unitKind = "unit";
  r.unitCode = "05440";
  r.receivedAt = "2026-06-05T00:00:00Z";
  r.contentHash = "abc";
  r.fileName = "a.xlsx";
  r.accepted = true;
  EXPECT_EQ(ledger->record(r), 1);
  r.accepted = false;
  r.contentHash = "def";
  r.reasons = {"a.xlsx!Nhiệm vụ!E7: lỗi: x", "second"};
  ledger->record(r);
  auto all = ledger->forPeriod("p", "2026-H1");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].reasons, r.reasons);
  EXPECT_TRUE(ledger->findAccepted("p", "2026-H1", "unit", "05440", "abc"));
  EXPECT_FALSE(ledger->findAccepted("p", "2026-H1", "unit", "05440", "def"));
  EXPECT_TRUE(ledger->forPeriod("p", "2026").empty());
}

TEST(Consolidation, RatesAndAggregationRules) {
  const Plan& plan = miniPlan();
  Diagnostics d;
  auto units = loadUnits(collectData() + "/units-2level.yaml", d);
  ASSERT_TRUE(units);
  const ReportPeriod h1{2026, ReportKind::HalfYear, 0};
  std::map<std::string, UnitSubmission> subs;
  auto report = [&](std::string v1, std::string v2) {
    ProgressReport r;
    r.period = h1;
    r.asOf = dataRange(h1).last;
    r.indicators.push_back({"1", v1, std::nullopt, "", {}});
    r.indicators.push_back({"2", v2, std::nullopt, "", {}});
    return r;
  };
  subs["05440"] = {report("80%", "30"), CalendarDate{2026, 6, 1}, {}};
  subs["05443"] = {report("90%", "50"), CalendarDate{2026, 6, 12}, {}};
  subs["05500"] = {std::nullopt, std::nullopt, {"x.xlsx: lỗi"}};
  Consolidation c = consolidate(plan, h1, *units, subs, CalendarDate{2026, 6, 10});
  EXPECT_EQ(c.overall.rate.expected, 3);
  EXPECT_EQ(c.overall.rate.reported, 2);
  EXPECT_EQ(c.overall.rate.onTime, 1);
  EXPECT_EQ(c.overall.rate.rejected, 1);
  EXPECT_NEAR(c.overall.rate.reportingRate(), 200.0 / 3, 1e-9);
  ASSERT_GE(c.overall.indicators.size(), 2u);
  EXPECT_EQ(c.overall.indicators[0].rule, Aggregation::Average);  // a percentage is never summed
  EXPECT_DOUBLE_EQ(*c.overall.indicators[0].value, 85);
  EXPECT_EQ(c.overall.indicators[0].unitsMet, 2);
  EXPECT_EQ(c.overall.indicators[1].rule, Aggregation::Sum);
  EXPECT_DOUBLE_EQ(*c.overall.indicators[1].value, 80);
  EXPECT_EQ(c.units[2].state, ReportingState::Rejected);
}
