// xl/commentsN.xml (a sheet's notes, ECMA-376 part 1 §18.7) and xl/drawings/vmlDrawingN.vml
// (the boxes Excel shows them in: legacy VML, which Excel still requires for notes). The XML is
// the same, byte for byte, as libxlsxwriter 1.1.4 writes for the same calls
// (tests/unit/ooxml_comments_test.cpp).
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/ooxml/object_anchor.hpp"
#include "render/ooxml/part_writers.hpp"
#include "render/ooxml/xml_text.hpp"

namespace vnplan::ooxml {

namespace {

// A sheet's notes by cell, row by row; of two notes on one cell the later one.
std::vector<const Comment*> notesByCell(const Worksheet& ws) {
  std::vector<const Comment*> notes;
  notes.reserve(ws.comments().size());
  for (const Comment& c : ws.comments()) notes.push_back(&c);
  std::stable_sort(notes.begin(), notes.end(), [](const Comment* a, const Comment* b) {
    return a->row != b->row ? a->row < b->row : a->col < b->col;
  });
  std::vector<const Comment*> unique;
  unique.reserve(notes.size());
  for (const Comment* c : notes) {
    if (!unique.empty() && unique.back()->row == c->row && unique.back()->col == c->col) unique.back() = c;
    else unique.push_back(c);
  }
  return unique;
}

std::size_t distinctNoteCells(const Worksheet& ws) {
  std::vector<std::pair<int, int>> cells;
  cells.reserve(ws.comments().size());
  for (const Comment& c : ws.comments()) cells.emplace_back(c.row, c.col);
  std::sort(cells.begin(), cells.end());
  return static_cast<std::size_t>(std::unique(cells.begin(), cells.end()) - cells.begin());
}

// VML shapes are numbered in blocks of 1024 per drawing: the n-th drawing's block number
// ("data" of its idmap) follows the blocks the earlier sheets' notes took, one per started
// 1024 notes and one more.
int firstVmlBlock(const Worksheet& ws) {
  int block = 1;
  for (const auto& sheet : ws.workbook().worksheets()) {
    if (sheet.get() == &ws) break;
    const std::size_t n = distinctNoteCells(*sheet);
    if (n > 0) block += 1 + static_cast<int>(n / 1024);
  }
  return block;
}

int vmlDrawingsBefore(const Worksheet& ws) {
  int n = 0;
  for (const auto& sheet : ws.workbook().worksheets()) {
    if (sheet.get() == &ws) break;
    n += !sheet->comments().empty();
  }
  return n;
}

// Pixels as points (96 px = 72 pt), as "%.16G" writes them: a whole number of pixels is a
// whole number of quarter points, written here without printf (the VML's hot path).
void appendPoints(std::string& out, double pixels) {
  const auto whole = static_cast<long long>(pixels);
  if (whole == pixels && whole >= 0 && whole < (1LL << 50)) {
    const long long quarters = whole * 3;
    appendInt(out, quarters / 4);
    static constexpr std::string_view kFraction[] = {"", ".25", ".5", ".75"};
    out += kFraction[quarters % 4];
  } else {
    appendNumber(out, pixels * 0.75);
  }
  out += "pt";
}

}  // namespace

std::string commentsXml(const Worksheet& ws) {
  const std::vector<const Comment*> notes = notesByCell(ws);
  std::vector<const std::string*> authors;
  auto authorId = [&](const std::string& a) {
    for (std::size_t i = 0; i < authors.size(); ++i)
      if (*authors[i] == a) return static_cast<long long>(i);
    authors.push_back(&a);
    return static_cast<long long>(authors.size() - 1);
  };
  for (const Comment* c : notes) authorId(c->author);

  std::string out;
  std::size_t textBytes = 0;
  for (const Comment* c : notes) textBytes += c->text.size();
  out.reserve(256 + notes.size() * 200 + textBytes + textBytes / 8);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><authors>";
  for (const std::string* a : authors) {
    out += "<author>";
    appendText(out, *a);
    out += "</author>";
  }
  out += "</authors><commentList>";
  for (const Comment* c : notes) {
    out += "<comment ref=\"";
    appendCellName(out, c->row, c->col);
    out += "\" authorId=\"";
    appendInt(out, authorId(c->author));
    // Tahoma 8 in the "InfoText" colour (indexed 81): Excel's own look for notes.
    out +=
        "\"><text><r><rPr><sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>"
        "<t>";
    appendText(out, c->text);
    out += "</t></r></text></comment>";
  }
  out += "</commentList></comments>";
  return out;
}

std::string vmlDrawingXml(const Worksheet& ws, int vmlNumber) {
  // The caller numbers the sheets' VML drawings; the shape ids follow from the notes of the
  // earlier sheets, so the two must agree.
  if (vmlNumber != vmlDrawingsBefore(ws) + 1)
    throw std::logic_error("vml drawing of sheet '" + ws.name() + "': numbered " + std::to_string(vmlNumber) +
                           ", but it is drawing " + std::to_string(vmlDrawingsBefore(ws) + 1));
  const std::vector<const Comment*> notes = notesByCell(ws);
  const SheetMetrics metrics(ws);
  const int block = firstVmlBlock(ws);

  std::string out;
  out.reserve(1024 + notes.size() * 900);
  out +=
      "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
      "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" "
      "data=\"";
  const int blocks = 1 + static_cast<int>(notes.size() / 1024);
  for (int b = 0; b < blocks; ++b) {
    if (b) out.push_back(',');
    appendInt(out, block + b);
  }
  out +=
      "\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" "
      "path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" "
      "o:connecttype=\"rect\"/></v:shapetype>";
  long long shapeId = 1024LL * block;
  int z = 0;
  for (const Comment* c : notes) {
    // The box sits up and to the right of its cell, as Excel puts it; near the sheet's last
    // rows and columns it moves back inside the sheet.
    int row = c->row - 1, col = c->col + 1, x = 15, y = 10;
    if (c->row == 0) row = 0, y = 2;
    else if (c->row == kMaxRows - 3) row = kMaxRows - 7, y = 16;
    else if (c->row == kMaxRows - 2) row = kMaxRows - 6, y = 16;
    else if (c->row == kMaxRows - 1) row = kMaxRows - 5, y = 14;
    if (c->col >= kMaxCols - 3) col = c->col - 3, x = 49;
    const ObjectAnchor a = metrics.place(row, col, x, y, c->options.width, c->options.height);

    out += "<v:shape id=\"_x0000_s";
    appendInt(out, ++shapeId);
    out += "\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:";
    appendPoints(out, a.absX);
    out += ";margin-top:";
    appendPoints(out, a.absY);
    out += ";width:";
    appendPoints(out, c->options.width);
    out += ";height:";
    appendPoints(out, c->options.height);
    out += ";z-index:";
    appendInt(out, ++z);
    out +=
        ";visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>"
        "<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>"
        "<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>"
        "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>";
    const long long corners[] = {a.fromCol, static_cast<long long>(a.fromX), a.fromRow, static_cast<long long>(a.fromY),
                                 a.toCol,   static_cast<long long>(a.toX),   a.toRow,   static_cast<long long>(a.toY)};
    for (std::size_t i = 0; i < 8; ++i) {
      if (i) out += ", ";
      appendInt(out, corners[i]);
    }
    out += "</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>";
    appendInt(out, c->row);
    out += "</x:Row><x:Column>";
    appendInt(out, c->col);
    out += "</x:Column></x:ClientData></v:shape>";
  }
  out += "</xml>";
  return out;
}

}  // namespace vnplan::ooxml
