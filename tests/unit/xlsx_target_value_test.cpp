// Which target texts become numbers in the workbook, and with which display format.
#include <gtest/gtest.h>

#include "render/xlsx/target_value.hpp"

using namespace vnplan::xlsx;

TEST(XlsxTargetValue, PercentagesBecomeFractionsWithPercentFormat) {
  auto v = parseNumericTarget("95%");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 0.95);
  EXPECT_EQ(v->format, "0%");
  v = parseNumericTarget("100%");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 1.0);
  v = parseNumericTarget("12,5%");  // Vietnamese decimal comma keeps its decimals
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 0.125);
  EXPECT_EQ(v->format, "0.0%");
  v = parseNumericTarget(" 95 % ");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 0.95);
  EXPECT_EQ(parseNumericTarget("7%")->value, 0.07);  // the double nearest to 0.07, as if typed in Excel
}

TEST(XlsxTargetValue, PlainNumbers) {
  auto v = parseNumericTarget("100");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 100);
  EXPECT_EQ(v->format, "#,##0");
  v = parseNumericTarget("0,8");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 0.8);
  EXPECT_EQ(v->format, "#,##0.0");
  v = parseNumericTarget("1.000");  // '.' groups thousands
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 1000);
  v = parseNumericTarget("12.500.000,25");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 12500000.25);
  EXPECT_EQ(v->format, "#,##0.00");
  v = parseNumericTarget("0");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, 0);
  v = parseNumericTarget("-5");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, -5);
}

TEST(XlsxTargetValue, EverythingElseStaysText) {
  for (const char* s : {"≥ 80%", "≥ 0,8", "≤5", "Đạt", "Liên thông", "", "%", ",5", "5,", "1.5", "1.00", "1,000.5",
                        "01", "00,5", "100% số xã", "≥3% và tăng dần", "1e5", "0x10", "+5", "5-10", "- 5", "1 000",
                        "12345678901234567"})
    EXPECT_FALSE(parseNumericTarget(s)) << s;
}

TEST(XlsxTargetValue, TargetCellKeepsType) {
  EXPECT_EQ(targetCell("95%").type, CellType::Number);
  EXPECT_EQ(targetCell("95%").numFormat, "0%");
  EXPECT_EQ(targetCell("≥ 95").type, CellType::Text);
  EXPECT_EQ(targetCell("≥ 95").text, "≥ 95");
  EXPECT_EQ(targetCell("").type, CellType::Empty);
  // A target that looks like a formula is text, written as text.
  EXPECT_EQ(targetCell("=1+1").type, CellType::Text);
}
