#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "load/plan_loader.hpp"
#include "model/text.hpp"
#include "test_support.hpp"

using namespace vnplan;

namespace {

std::string planDir(const std::string& name) { return std::string(VNPLAN_TEST_DATA) + "/plans/" + name; }

// Finds a diagnostic by message id and position; prints all on failure.
::testing::AssertionResult hasDiag(const Diagnostics& d, MsgId id, const std::string& fileSuffix, int line, int col,
                                   Severity sev = Severity::Error) {
  for (const auto& x : d.items)
    if (x.id == id && x.line == line && x.column == col && x.severity == sev &&
        x.file.size() >= fileSuffix.size() && x.file.compare(x.file.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) == 0)
      return ::testing::AssertionSuccess();
  std::string all;
  for (const auto& x : d.items) all += formatDiagnostic(x, Lang::En) + "\n";
  return ::testing::AssertionFailure() << "not found at " << line << ":" << col << " in:\n" << all;
}

}  // namespace

TEST(LoadPlan, MinimalPlanLoads) {
  Diagnostics d;
  auto p = loadPlan(planDir("minimal"), d);
  ASSERT_TRUE(p) << (d.items.empty() ? "" : formatDiagnostic(d.items[0], Lang::En));
  EXPECT_EQ(p->id, "minimal");
  EXPECT_EQ(p->document.number, "5");
  EXPECT_EQ(p->document.date.day, 4);
  EXPECT_EQ(p->document.issuer.name.size(), 2u);
  ASSERT_EQ(p->body.size(), 1u);
  ASSERT_EQ(p->body[0].content.size(), 3u);
  EXPECT_EQ(p->body[0].content[1].block.kind, BlockKind::Item);
  EXPECT_TRUE(p->body[0].content[2].isSection());
  ASSERT_TRUE(p->indicators);
  EXPECT_EQ(p->indicators->rowCount(), 1u);
  EXPECT_EQ(p->indicators->groups[0].items[0].lead[0].text, "Công chức Văn hóa - Xã hội");
  ASSERT_TRUE(p->tasks);
  EXPECT_EQ(p->tasks->rowCount(), 2u);
  const Task& t2 = p->tasks->groups[0].items[1];
  ASSERT_EQ(t2.lead.size(), 2u);
  EXPECT_EQ(t2.lead[0].code, "VH");
  EXPECT_EQ(t2.lead[1].code, "");
  EXPECT_EQ(t2.lead[1].text, "Các thôn");
  EXPECT_EQ(t2.deadline.kind, DeadlineKind::Recurring);
  EXPECT_TRUE(p->signature.signedOff);
  EXPECT_EQ(p->footnotes.at("1"), "Chú thích thử.");
}

TEST(LoadPlan, DecomposedTextIsStoredNfc) {
  Diagnostics d;
  auto p = loadPlan(planDir("nfd-title"), d);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->document.title, "Kế hoạch thử nghiệm");  // precomposed in this source file
  EXPECT_EQ(p->document.title, toNfc(p->document.title));
}

TEST(LoadPlan, KeysTypesAndDatesAreLocated) {
  Diagnostics d;
  EXPECT_FALSE(loadPlan(planDir("broken-keys"), d));
  EXPECT_TRUE(hasDiag(d, MsgId::UnknownKey, "broken-keys/plan.yaml", 10, 3));
  EXPECT_TRUE(hasDiag(d, MsgId::ImpossibleDate, "broken-keys/plan.yaml", 8, 9));
  EXPECT_TRUE(hasDiag(d, MsgId::MissingField, "broken-keys/plan.yaml", 2, 3));
  EXPECT_TRUE(hasDiag(d, MsgId::WrongType, "broken-keys/plan.yaml", 15, 12));
  EXPECT_TRUE(hasDiag(d, MsgId::BadValue, "broken-keys/plan.yaml", 19, 11));
  EXPECT_EQ(d.errorCount(), 5u);
  auto it = std::find_if(d.items.begin(), d.items.end(), [](const Diagnostic& x) { return x.id == MsgId::UnknownKey; });
  EXPECT_EQ(formatDiagnostic(*it, Lang::Vi), planDir("broken-keys") + "/plan.yaml:10:3: lỗi: khóa không hợp lệ \"titel\"");
  EXPECT_EQ(formatDiagnostic(*it, Lang::En), planDir("broken-keys") + "/plan.yaml:10:3: error: unknown key \"titel\"");
}

TEST(LoadPlan, ReferencesDuplicatesAndDeadlines) {
  Diagnostics d;
  EXPECT_FALSE(loadPlan(planDir("broken-refs"), d));
  EXPECT_TRUE(hasDiag(d, MsgId::BadValue, "broken-refs/plan.yaml", 14, 73));
  EXPECT_TRUE(hasDiag(d, MsgId::UnknownAgency, "broken-refs/plan.yaml", 19, 52));
  EXPECT_TRUE(hasDiag(d, MsgId::ImpossibleDate, "broken-refs/plan.yaml", 19, 69));
  EXPECT_TRUE(hasDiag(d, MsgId::DuplicateNumber, "broken-refs/plan.yaml", 20, 20));
  // Text it does not understand is a warning, not an error.
  EXPECT_TRUE(hasDiag(d, MsgId::UnknownDeadline, "broken-refs/plan.yaml", 20, 63, Severity::Warning));
  EXPECT_EQ(d.errorCount(), 4u);
}

TEST(LoadPlan, SyntaxErrorIsLocated) {
  Diagnostics d;
  EXPECT_FALSE(loadPlan(planDir("broken-syntax"), d));
  EXPECT_TRUE(hasDiag(d, MsgId::SyntaxError, "broken-syntax/plan.yaml", 4, 5));
}

TEST(LoadPlan, InvalidUtf8IsLocated) {
  Diagnostics d;
  EXPECT_FALSE(loadPlan(planDir("broken-utf8"), d));
  EXPECT_TRUE(hasDiag(d, MsgId::InvalidUtf8, "broken-utf8/plan.yaml", 3, 15));
}

// A file libyaml cannot read to its end takes the route that looks at every byte: bad bytes
// in a document after the first (which no loader reads) are still reported where they are.
TEST(LoadPlan, BadBytesAfterTheFirstDocumentAreLocated) {
  const struct {
    const char* tail;
    MsgId id;
    int column;
  } cases[] = {{"---\nx: ab\xC3(\n", MsgId::InvalidUtf8, 6}, {"---\nx: a\x01\n", MsgId::ControlCharacter, 5}};
  for (const auto& c : cases) {
    testing_support::TempDir t("vnplan-later-doc-");
    std::filesystem::copy(planDir("minimal"), t.path, std::filesystem::copy_options::recursive);
    {
      std::ofstream out(t.path / "plan.yaml", std::ios::app | std::ios::binary);
      out << c.tail;
    }
    Diagnostics d;
    EXPECT_FALSE(loadPlan(t.path.string(), d));
    EXPECT_TRUE(hasDiag(d, c.id, "plan.yaml", 54, c.column));
  }
}

// Each bad line is reported once, at the start of its first malformed sequence, also when the
// line is long or a valid two-byte letter is followed within three bytes by a four-byte one
// (the earlier search by growing prefixes named the letter); a file of many such lines is read
// in one pass (the earlier search went back to the file's start for each); the first 20 are
// named, the rest counted.
TEST(LoadPlan, BadUtf8OnLongAndManyLinesIsLocatedExactly) {
  testing_support::TempDir t("vnplan-bad-lines-");
  std::filesystem::copy(planDir("minimal"), t.path, std::filesystem::copy_options::recursive);
  {
    std::ofstream out(t.path / "plan.yaml", std::ios::app | std::ios::binary);
    out << "---\nx: " << std::string(200000, 'a') << "\xFF\n";    // line 54, column 204
    out << "y: \xC3\xA9\xF0\x9F\x98\x80 z \xE1\xBA\n";      // line 55: é, an emoji, a cut ạ
    for (int i = 0; i < 3000; ++i) out << "- \xC0\xAF\n";        // lines 56…: an overlong '/'
  }
  Diagnostics d;
  EXPECT_FALSE(loadPlan(t.path.string(), d));
  EXPECT_TRUE(hasDiag(d, MsgId::InvalidUtf8, "plan.yaml", 54, 200004));
  EXPECT_TRUE(hasDiag(d, MsgId::InvalidUtf8, "plan.yaml", 55, 9));
  EXPECT_TRUE(hasDiag(d, MsgId::InvalidUtf8, "plan.yaml", 56, 3));
  EXPECT_TRUE(hasDiag(d, MsgId::InvalidUtf8, "plan.yaml", 73, 3));  // the 20th
  EXPECT_EQ(testing_support::countOf(d, MsgId::InvalidUtf8), 20u);
  EXPECT_EQ(testing_support::moreOfTheSame(d), "2982");
}

// A hostile file of bad bytes: the first places of each kind are named (with the right line
// and column across lines), the rest counted in one message, in time linear in the file.
TEST(LoadPlan, ThousandsOfBadBytesAreNamedAFewAtATime) {
  testing_support::TempDir t("vnplan-many-controls-");
  std::filesystem::copy(planDir("minimal"), t.path, std::filesystem::copy_options::recursive);
  {
    std::ofstream out(t.path / "plan.yaml", std::ios::binary);
    out << "a: \x01\x02\n";                 // line 1, columns 4 and 5
    out << "b: \xC3\xA9\x7F\n";            // line 2, column 5 (after é)
    out << std::string(200000, '\x01') << "\n";
  }
  Diagnostics d;
  EXPECT_FALSE(loadPlan(t.path.string(), d));
  EXPECT_TRUE(hasDiag(d, MsgId::ControlCharacter, "plan.yaml", 1, 4));
  EXPECT_TRUE(hasDiag(d, MsgId::ControlCharacter, "plan.yaml", 1, 5));
  EXPECT_TRUE(hasDiag(d, MsgId::ControlCharacter, "plan.yaml", 2, 5));
  EXPECT_TRUE(hasDiag(d, MsgId::ControlCharacter, "plan.yaml", 3, 17));
  EXPECT_EQ(testing_support::countOf(d, MsgId::ControlCharacter), 20u);
  EXPECT_EQ(testing_support::moreOfTheSame(d), std::to_string(200003 - 20));
}

TEST(LoadPlan, AnchorsAndAliasesAreRefused) {
  Diagnostics d;
  EXPECT_FALSE(loadPlan(planDir("broken-alias"), d));
  EXPECT_TRUE(hasDiag(d, MsgId::AliasRefused, "broken-alias/plan.yaml", 2, 4));
}

TEST(LoadPlan, MissingDirectory) {
  Diagnostics d;
  EXPECT_FALSE(loadPlan(planDir("does-not-exist"), d));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].id, MsgId::FileNotFound);
}
