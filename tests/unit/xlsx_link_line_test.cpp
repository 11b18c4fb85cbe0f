// The "(Ban hành kèm theo Kế hoạch số …)" line above each appendix table.
#include <gtest/gtest.h>

#include "render/xlsx/link_line.hpp"
#include "test_support.hpp"

using namespace vnplan;
using namespace vnplan::xlsx;
using vnplan::testing_support::rulesFor;

namespace {
Document stateDraft() {
  Document d;
  d.family = Family::State;
  d.type = "KH";
  d.issuer.symbol = "UBND";
  d.issuer.shortName = "UBND huyện Bình Giang";
  d.date = {0, 3, 2025};
  return d;
}
}  // namespace

TEST(XlsxLinkLine, StateDraftKeepsBlanks) {
  EXPECT_EQ(appendixLinkLine(stateDraft(), rulesFor(stateDraft().family), "Ban hành kèm theo", ""),
            "(Ban hành kèm theo Kế hoạch số       /KH-UBND ngày       /3/2025 của UBND huyện Bình Giang)");
  Document d = stateDraft();
  d.date = {0, 0, 2025};
  EXPECT_EQ(appendixLinkLine(d, rulesFor(d.family), "Ban hành kèm theo", "UBND huyện"),
            "(Ban hành kèm theo Kế hoạch số       /KH-UBND ngày       /      /2025 của UBND huyện)");
}

TEST(XlsxLinkLine, StateNumberedUsesLeadingZeros) {
  Document d = stateDraft();
  d.number = "25";
  d.date = {4, 2, 2025};
  EXPECT_EQ(appendixLinkLine(d, rulesFor(d.family), "Ban hành kèm theo", ""),
            "(Ban hành kèm theo Kế hoạch số 25/KH-UBND ngày 04/02/2025 của UBND huyện Bình Giang)");
  d.date = {24, 11, 2025};
  EXPECT_EQ(documentNumberSymbol(d, rulesFor(d.family)), "25/KH-UBND");
  d.number = "5";  // below 10: a leading zero, like the PDF's number line
  EXPECT_EQ(documentNumberSymbol(d, rulesFor(d.family)), "05/KH-UBND");
  d.number = "25";
  EXPECT_NE(appendixLinkLine(d, rulesFor(d.family), "Kèm theo", "").find("ngày 24/11/2025"), std::string::npos);
}

TEST(XlsxLinkLine, PartyFamily) {
  Document d;
  d.family = Family::Party;
  d.type = "KH";
  d.issuer.symbol = "ĐU";
  d.issuer.shortName = "BTV Đảng ủy xã Định Hóa";
  d.number = "31";
  d.date = {27, 10, 2025};
  EXPECT_EQ(appendixLinkLine(d, rulesFor(d.family), "Kèm theo", ""),
            "(Kèm theo Kế hoạch số 31-KH/ĐU, ngày 27 tháng 10 năm 2025 của BTV Đảng ủy xã Định Hóa)");
  d.number.clear();
  d.date = {0, 10, 2025};
  EXPECT_EQ(appendixLinkLine(d, rulesFor(d.family), "Kèm theo", ""),
            "(Kèm theo Kế hoạch số       -KH/ĐU, ngày        tháng 10 năm 2025 của BTV Đảng ủy xã Định Hóa)");
}

TEST(XlsxLinkLine, DocumentTypes) {
  EXPECT_EQ(documentTypeName("KH"), "Kế hoạch");
  EXPECT_EQ(documentTypeName("BC"), "Báo cáo");
  EXPECT_EQ(documentTypeName("CTr"), "Chương trình");
  EXPECT_EQ(documentTypeName("XYZ"), "XYZ");
}
