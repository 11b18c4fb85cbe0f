#pragma once
// The content stream of one page, written directly: libharu's drawing calls cost about
// 7 µs per word (a text-matrix update, a float formatter and a cmap search per glyph for
// every HPDF_Page_TextOut), more than the rest of the document. The operators are the
// same that libharu writes (q/Q, rg/RG, w, re, m/l, BT/ET, Tf, Td, Tj); text is the
// UCS-2 code of each character (Identity-H), as a binary literal string.
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "layout/page.hpp"

namespace vnplan {

// `fontNames`: the page's resource name of each face (Regular, Bold, Italic, BoldItalic);
// an empty name is asked for through `nameOf(face)` the first time the face is used.
template <typename NameOf>
std::string pageContent(const PageFrame& page, NameOf&& nameOf);

// Implementation detail, exposed for the template above.
struct ContentWriter {
  std::string out;
  void number(double v, int decimals);
  void color(unsigned rgb, bool stroke);
  void text(std::string_view utf8);
  void box(const Box& b, double pageHeight);
  void rule(const RuleLine& r, double pageHeight);
};

template <typename NameOf>
std::string pageContent(const PageFrame& page, NameOf&& nameOf) {
  ContentWriter w;
  w.out.reserve(64 + page.runs.size() * 48 + (page.boxes.size() + page.rules.size()) * 64);
  const double H = page.height;
  for (const Box& b : page.boxes) w.box(b, H);
  for (const RuleLine& r : page.rules) w.rule(r, H);
  if (!page.runs.empty()) {
    w.out += "BT\n";
    int curFace = -1;
    double curSize = -1;
    unsigned curColor = 0;
    // Td moves relative to the start of the previous line: track what was written, so
    // rounding never accumulates.
    double lineX = 0, lineY = 0;
    for (const TextRun& r : page.runs) {
      const int face = static_cast<int>(r.face);
      if (face != curFace || r.size != curSize) {
        w.out += '/';
        w.out += nameOf(face);
        w.out += ' ';
        w.number(r.size, 5);
        w.out += " Tf\n";
        curFace = face;
        curSize = r.size;
      }
      if (r.color != curColor) {
        w.color(r.color, false);
        curColor = r.color;
      }
      const double x = std::round(r.x * 1e5) / 1e5, y = std::round((H - r.y) * 1e5) / 1e5;
      w.number(x - lineX, 5);
      w.out += ' ';
      w.number(y - lineY, 5);
      w.out += " Td\n";
      lineX = x;
      lineY = y;
      w.text(r.text);
      w.out += " Tj\n";
    }
    w.out += "ET\n";
  }
  return std::move(w.out);
}

}  // namespace vnplan
