// Same input, same bytes: whatever a thread rendered before, and on any thread.
#include <gtest/gtest.h>

#include <thread>

#include "batch/document_builder.hpp"
#include "load/plan_loader.hpp"

using namespace vnplan;

namespace {

std::string render(const std::string& id) {
  Diagnostics d;
  auto plan = loadPlan(std::string(VNPLAN_INPUTS) + "/" + id, d);
  EXPECT_TRUE(plan);
  auto tmpl = loadFamilyTemplate(plan->document.family, d);
  EXPECT_TRUE(tmpl);
  return renderPlanPdf(*plan, *tmpl, findFonts(defaultFontDirs()), 0);
}

}  // namespace

TEST(PdfReproducible, IndependentOfWhatTheThreadRenderedBefore) {
  std::string first;
  std::thread fresh([&] { first = render("binh-giang"); });
  fresh.join();
  std::string a1 = render("binh-giang");
  std::string other = render("dang-uy-dinh-hoa");
  std::string a2 = render("binh-giang");
  ASSERT_GT(first.size(), 10000u);
  EXPECT_EQ(a1, first);
  EXPECT_EQ(a2, first);
  EXPECT_NE(other, first);
  // Many threads at once give the same bytes too.
  std::vector<std::string> outs(4);
  std::vector<std::thread> ts;
  for (size_t i = 0; i < outs.size(); ++i) ts.emplace_back([&, i] { outs[i] = render(i % 2 ? "dinh-hoa" : "binh-giang"); });
  for (auto& t : ts) t.join();
  EXPECT_EQ(outs[0], first);
  EXPECT_EQ(outs[2], first);
  EXPECT_EQ(outs[1], outs[3]);
}
