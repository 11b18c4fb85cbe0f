// The PDF and the workbook print the same appendix link line (one builder,
// compute/document_refs, reached through the layout and through render/xlsx).
#include <gtest/gtest.h>

#include "batch/document_builder.hpp"
#include "layout/document_layout.hpp"
#include "layout/plan_spec.hpp"
#include "load/plan_loader.hpp"
#include "render/xlsx/link_line.hpp"

using namespace vnplan;

namespace {

// Blanks are no-break spaces in the PDF and spaces in the workbook, of other widths.
std::string squeeze(const std::string& s) {
  std::string t;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\u00A0") == 0) {
      if (t.empty() || t.back() != ' ') t += ' ';
      ++i;
    } else if (s[i] == ' ') {
      if (t.empty() || t.back() != ' ') t += ' ';
    } else {
      t += s[i];
    }
  }
  return t;
}

}  // namespace

TEST(LinkLineConsistency, PdfAndWorkbookSayTheSame) {
  for (const char* id : {"dinh-hoa", "binh-giang", "dang-uy-dinh-hoa"}) {
    Diagnostics d;
    auto plan = loadPlan(std::string(VNPLAN_INPUTS) + "/" + id, d);
    ASSERT_TRUE(plan) << id;
    auto tmpl = loadFamilyTemplate(plan->document.family, d);
    ASSERT_TRUE(tmpl) << id;
    for (int variant = 0; variant < 3; ++variant) {
      Plan p = *plan;
      if (variant == 1) {
        p.document.number = "7";
        p.document.date = {4, 2, 2025};
      }
      if (variant == 2) p.document.date = {0, 11, 2025};
      DocumentSpec spec = specFromPlan(p, *tmpl);
      for (const auto& [link, of] : {std::pair<std::string, std::string>{"Ban hành kèm theo", ""}, {"Kèm theo", "UBND huyện"}}) {
        std::string pdf = formatAppendixLink(spec, *tmpl, link, of.empty() ? p.document.issuer.shortName : of);
        std::string xlsx = xlsx::appendixLinkLine(p.document, *tmpl, link, of);
        EXPECT_EQ(squeeze(pdf), squeeze(xlsx)) << id << " variant " << variant;
      }
    }
  }
}
