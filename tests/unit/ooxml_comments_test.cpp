// vnplan's own notes parts (render/ooxml/comments_xml.cpp: commentsN.xml and the VML drawing
// of their boxes) against libxlsxwriter 1.1.4's for the same calls: the feedback form's notes,
// notes anywhere over columns and rows of any size, at the sheet's edges, on one cell twice,
// and the shape numbering across sheets with more than 1024 notes.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ooxml_chart_mirror.hpp"
#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/workbook.hpp"

namespace vnplan {
namespace {

using ooxml::CommentOptions;
using ooxml::Workbook;
using ooxml::Worksheet;

void expectSameNoteParts(const Workbook& wb) {
  ooxml_mirror::Mirror theirs(wb);
  int n = 0;
  for (const auto& ws : wb.worksheets()) {
    if (ws->comments().empty()) continue;
    ++n;
    ooxml_mirror::expectSameXml(ooxml::commentsXml(*ws), theirs.part("xl/comments" + std::to_string(n) + ".xml"),
                                "notes of sheet " + ws->name());
    ooxml_mirror::expectSameXml(ooxml::vmlDrawingXml(*ws, n),
                                theirs.part("xl/drawings/vmlDrawing" + std::to_string(n) + ".vml"),
                                "VML of sheet " + ws->name());
  }
  EXPECT_FALSE(theirs.has("xl/comments" + std::to_string(n + 1) + ".xml"));
}

// The feedback form (render/xlsx/collect_workbook.cpp): a guide sheet without notes, then the
// form with its column widths, rows as tall as their wrapped text, and a 300 x 90 px note on
// each cell with a problem.
TEST(OoxmlComments, FeedbackFormAsLibxlsxwriter) {
  Workbook wb;
  Worksheet& guide = wb.addWorksheet("Hướng dẫn");
  guide.setColumn(0, 0, 110);
  guide.writeString(0, 0, "Hướng dẫn điền biểu mẫu");
  Worksheet& form = wb.addWorksheet("Biểu mẫu");
  const double widths[] = {6, 42, 14, 12, 18, 30, 24};
  for (int c = 0; c < 7; ++c) form.setColumn(c, c, widths[c]);
  form.setColumn(7, 8, 12, nullptr, true);
  form.setRow(3, 8);
  form.setRow(5, 47.25);
  const CommentOptions box{300, 90};
  for (int r = 6; r < 30; ++r) {
    form.setRow(r, r % 4 ? 31.5 : 63);
    form.writeString(r, 0, std::to_string(r - 5));
    form.writeString(r, 1, "Nhiệm vụ số " + std::to_string(r - 5));
    if (r % 3 == 0)
      form.writeComment(r, 1,
                        "ô mô tả đã bị sửa: phải là \"Ban hành kế hoạch chuyển đổi số cấp xã\", trong tệp là "
                        "\"Tên đã bị sửa\" & <khác>",
                        box);
    if (r % 5 == 0)
      form.writeComment(r, 4, "tình trạng \"Xong rồi\" không hợp lệ; chọn: Hoàn thành, Đang thực hiện", box);
  }
  form.writeComment(6, 6, " khoảng trắng đầu và cuối \n dòng hai ", box);
  Worksheet& problems = wb.addWorksheet("Vấn đề");
  problems.setColumn(0, 0, 6);
  problems.setColumn(1, 1, 22);
  problems.setColumn(2, 2, 90);
  problems.writeComment(1, 2, "ghi chú", box);
  expectSameNoteParts(wb);

  const std::string vml = ooxml::vmlDrawingXml(form, 1);
  EXPECT_NE(vml.find("<o:idmap v:ext=\"edit\" data=\"1\"/>"), std::string::npos);
  EXPECT_NE(vml.find("id=\"_x0000_s1025\""), std::string::npos);
  EXPECT_NE(vml.find("width:225pt;height:67.5pt;z-index:1;visibility:hidden"), std::string::npos);
  EXPECT_NE(ooxml::vmlDrawingXml(problems, 2).find("data=\"2\""), std::string::npos);
}

// Notes at random cells and of random sizes over columns and rows of random sizes; and at the
// sheet's first and last rows and columns, where the box is moved back inside.
TEST(OoxmlComments, RandomPlacesAsLibxlsxwriter) {
  std::mt19937 rng(112026);
  auto pick = [&](auto const& values) { return values[rng() % std::size(values)]; };
  const double widths[] = {0, 0.4, 0.96, 1, 2.29, 8.43, 10.71, 38, 120};
  const double heights[] = {0, 6, 12.6, 15, 15.75, 20.25, 31.5, 100.2};
  for (int round = 0; round < 25; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    Workbook wb;
    Worksheet& ws = wb.addWorksheet("S");
    const int ncols = static_cast<int>(rng() % 8);
    for (int i = 0; i < ncols; ++i) {
      const int first = static_cast<int>(rng() % 20), last = first + static_cast<int>(rng() % 5);
      ws.setColumn(first, last, pick(widths), nullptr, rng() % 5 == 0);
    }
    const int nrows = static_cast<int>(rng() % 12);
    for (int i = 0; i < nrows; ++i) ws.setRow(static_cast<int>(rng() % 40), pick(heights), nullptr, rng() % 5 == 0);
    const int notes = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < notes; ++i) {
      CommentOptions o;
      if (rng() % 2) o = {static_cast<int>(1 + rng() % 500), static_cast<int>(1 + rng() % 300)};
      ws.writeComment(static_cast<int>(rng() % 40), static_cast<int>(rng() % 20), "ghi chú " + std::to_string(i), o);
    }
    expectSameNoteParts(wb);
    if (::testing::Test::HasFailure()) break;
  }
  Workbook edges;
  Worksheet& ws = edges.addWorksheet("Edges");
  ws.setColumn(0, 3, 3);  // (libxlsxwriter measures columns by searching every range: keep them few)
  ws.setRow(ooxml::kMaxRows - 2, 30);
  for (int r : {0, 1, ooxml::kMaxRows - 4, ooxml::kMaxRows - 3, ooxml::kMaxRows - 2, ooxml::kMaxRows - 1})
    for (int c : {0, 1, ooxml::kMaxCols - 4, ooxml::kMaxCols - 3, ooxml::kMaxCols - 2, ooxml::kMaxCols - 1})
      ws.writeComment(r, c, "góc");
  expectSameNoteParts(edges);
}

// Two notes on one cell: the later one, in its cell's place (notes are listed row by row).
TEST(OoxmlComments, LaterNoteOnACellWinsAsLibxlsxwriter) {
  Workbook wb;
  Worksheet& ws = wb.addWorksheet("S");
  ws.writeComment(5, 2, "đầu");
  ws.writeComment(1, 1, "trước");
  ws.writeComment(5, 2, "sau", {300, 90});
  ws.writeComment(5, 1, "giữa");
  expectSameNoteParts(wb);
  const std::string xml = ooxml::commentsXml(ws);
  EXPECT_EQ(xml.find("đầu"), std::string::npos);
  EXPECT_LT(xml.find("ref=\"B2\""), xml.find("ref=\"B6\""));
  EXPECT_LT(xml.find("ref=\"B6\""), xml.find("ref=\"C6\""));
}

// Shape ids come in blocks of 1024 per drawing; a sheet with 1024 notes or more takes more
// blocks, and the next sheet's shapes start after them.
TEST(OoxmlComments, ShapeBlocksAcrossSheetsAsLibxlsxwriter) {
  Workbook wb;
  const int counts[] = {3, 0, 1024, 1, 2049, 1030, 2};
  for (std::size_t s = 0; s < std::size(counts); ++s) {
    Worksheet& ws = wb.addWorksheet("S" + std::to_string(s));
    for (int i = 0; i < counts[s]; ++i) ws.writeComment(i / 3, i % 3, "n");
  }
  expectSameNoteParts(wb);
  const Worksheet& third = *wb.worksheets()[2];
  const std::string vml = ooxml::vmlDrawingXml(third, 2);
  EXPECT_NE(vml.find("data=\"2,3\""), std::string::npos);
  EXPECT_NE(vml.find("_x0000_s2049\""), std::string::npos);
  EXPECT_NE(vml.find("_x0000_s3072\""), std::string::npos);
  // The caller's numbering must agree with the sheets'.
  EXPECT_THROW(ooxml::vmlDrawingXml(third, 3), std::logic_error);
}

}  // namespace
}  // namespace vnplan
