#pragma once
// Backend-neutral pages: what the layout decided, what a renderer paints.
// Coordinates in points, origin at the top-left corner of the page, y grows downwards;
// a text run's y is its baseline.
#include <string>
#include <vector>

#include "model/doc_template.hpp"

namespace vnplan {

enum class RunRole { Body, PageNumber, DraftMark, Header, Footnote, Table, Signature, Other };

struct TextRun {
  double x = 0, y = 0;  // left end of the baseline
  std::string text;     // UTF-8, NFC
  FontFace face = FontFace::Regular;
  double size = 14;
  double width = 0;     // advance width as measured by the layout
  RunRole role = RunRole::Body;
  unsigned color = 0x000000;
};

struct RuleLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  unsigned color = 0x000000;
};

struct Box {
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner and size
  unsigned fill = 0xFFFFFF;
  bool filled = true;
  bool stroked = false;
  double strokeWidth = 0.5;
  unsigned strokeColor = 0x000000;
};

// A named rectangle the layout records for later stages (issue #11): where the signature
// goes, where a body's stamp goes on an appendix. Top-left corner and size, like Box.
struct PageMark {
  std::string name;  // "signature", "appendix"
  double x = 0, y = 0, w = 0, h = 0;
};

struct PageFrame {
  double width = 595.276, height = 841.89;  // A4 portrait
  bool landscape = false;
  int number = 1;          // 1-based page number in the document
  bool showNumber = false; // the first page carries no number
  std::vector<Box> boxes;  // painted first
  std::vector<RuleLine> rules;
  std::vector<TextRun> runs;
  std::vector<PageMark> marks;  // not painted; recorded as named destinations
};

struct DocumentInfo {
  std::string title, subject, author, keywords;
  long long epoch = 0;  // creation time written into the file (reproducible)
  bool draft = true;    // recorded in the file so `vnplan sign` can refuse a draft
};

struct LaidOutDocument {
  std::vector<PageFrame> pages;
  DocumentInfo info;
};

constexpr double kPtPerMm = 72.0 / 25.4;

}  // namespace vnplan
