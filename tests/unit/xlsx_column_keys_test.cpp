// Column keys, defined names, cell references and sheet names of the appendix workbook.
#include <gtest/gtest.h>

#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/sheet_names.hpp"

using namespace vnplan::xlsx;

TEST(XlsxColumnKeys, SchemaKeys) {
  EXPECT_EQ(schemaKey("task", "lead"), "task.lead");
  EXPECT_EQ(schemaKey("task", "deadline.year"), "task.deadline.year");
  EXPECT_EQ(schemaKey("indicator", "target:2030"), "indicator.target.2030");
}

TEST(XlsxColumnKeys, EveryKeyIsAValidDefinedName) {
  for (const char* k : {"task.number", "task.name", "task.lead", "task.lead.codes", "task.partners.codes",
                        "task.deadline.kind", "task.deadline.year", "task.deadline.quarter", "task.deadline.month",
                        "task.deadline.due", "indicator.target", "indicator.target.2030", "indicator.row",
                        "indicator.group", "_x"})
    EXPECT_TRUE(isValidDefinedName(k)) << k;
  for (const char* k : {"", "1task", "A1", "xfd100", "R1C1", "r", "C", "task lead", "task:lead", "chỉ.tiêu", "task-lead"})
    EXPECT_FALSE(isValidDefinedName(k)) << k;
}

TEST(XlsxColumnKeys, ColumnLettersAndRanges) {
  EXPECT_EQ(columnLetters(0), "A");
  EXPECT_EQ(columnLetters(25), "Z");
  EXPECT_EQ(columnLetters(26), "AA");
  EXPECT_EQ(columnLetters(701), "ZZ");
  EXPECT_EQ(columnLetters(702), "AAA");
  EXPECT_EQ(absoluteRange("Phụ lục II", 5, 2, 79, 2), "'Phụ lục II'!$C$6:$C$80");
  EXPECT_EQ(absoluteRange("O'Neil", 0, 0, 0, 1), "'O''Neil'!$A$1:$B$1");
}

TEST(XlsxSheetNames, LabelsBecomeLegalUniqueNames) {
  EXPECT_EQ(sheetNameFor("PHỤ LỤC I", "x", {}), "PHỤ LỤC I");
  EXPECT_EQ(sheetNameFor("  Phụ lục  II ", "x", {}), "Phụ lục II");
  EXPECT_EQ(sheetNameFor("Phụ lục [I]: chỉ tiêu/nhiệm vụ?", "x", {}), "Phụ lục -I-- chỉ tiêu-nhiệm vụ-");
  EXPECT_EQ(sheetNameFor("'Phụ lục'", "x", {}), "Phụ lục");
  EXPECT_EQ(sheetNameFor("", "Phụ lục I", {}), "Phụ lục I");
  // Excel compares names ignoring case, Vietnamese letters included.
  EXPECT_EQ(sheetNameFor("phụ lục", "x", {"PHỤ LỤC"}), "phụ lục (2)");
  EXPECT_EQ(sheetNameFor("_META", "x", {}), "_META (2)");
  EXPECT_EQ(sheetNameFor("History", "x", {}), "History (2)");
}

TEST(XlsxSheetNames, AtMost31Characters) {
  std::string longLabel = "DANH MỤC CÁC NHIỆM VỤ GIAO CÁC PHÒNG, BAN, NGÀNH";
  std::string n = sheetNameFor(longLabel, "x", {});
  EXPECT_EQ(n, "DANH MỤC CÁC NHIỆM VỤ GIAO CÁC");  // 31 characters, trailing space dropped
  std::string again = sheetNameFor(longLabel, "x", {n});
  EXPECT_EQ(again, "DANH MỤC CÁC NHIỆM VỤ GIAO (2)");
}
