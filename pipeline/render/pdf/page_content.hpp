#pragma once
// The content stream of one page, written directly: libharu's drawing calls cost about
// 7 µs per word (a text-matrix update, a float formatter and a cmap search per glyph for
// every HPDF_Page_TextOut), more than the rest of the document. The operators are the
// same that libharu writes (rg/RG, w, re, m/l, BT/ET, Tf, Td, Tj) and TJ; text is the
// UCS-2 code of each character (Identity-H), as a binary literal string.
#include <array>
#include <cstdint>
#include <cmath>
#include <string>
#include <string_view>

#include "layout/page.hpp"

namespace vnplan {

// The advance of every code (CID = UCS-2 value) of each face, in 1/1000 em, exactly as the
// font's /W and /DW say: what a viewer moves by after showing a string. 0x10000 entries.
using CidWidths = std::array<const int16_t*, 4>;

// The codes a document shows, per face (a bit per UCS-2 code): its fonts' /W arrays list
// only these.
struct UsedCids {
  std::array<std::array<uint64_t, 0x10000 / 64>, 4> bits{};
  bool has(size_t face, unsigned cid) const { return (bits[face][cid >> 6] >> (cid & 63)) & 1; }
};

// `nameOf(face)`: the page's resource name of a face (Regular, Bold, Italic, BoldItalic),
// asked for the first time the face is used. With `widths`, the words of one line in one
// font, size and colour are shown by one TJ whose numbers close the gaps between them
// (the layout places each word; Td and Tj per word wrote half again as many bytes, all
// deflated); without, each run is placed by its own Td. With `used`, every code shown is
// added to it.
template <typename NameOf>
std::string pageContent(const PageFrame& page, NameOf&& nameOf, const CidWidths& widths = {},
                        UsedCids* used = nullptr);

// std::llround (half away from zero) without the library call: exact wherever x minus its
// truncation is exact (|x| < 2^52); the library beyond, and for NaN.
inline long long roundHalfAway(double x) {
  if (!(std::fabs(x) < 4e15)) return std::llround(x);
  long long t = static_cast<long long>(x);
  const double rest = x - static_cast<double>(t);
  if (rest >= 0.5)
    ++t;
  else if (rest <= -0.5)
    --t;
  return t;
}
// std::round(x * 10^5) / 10^5.
inline double roundTo5(double x) { return static_cast<double>(roundHalfAway(x * 1e5)) / 1e5; }

// Implementation detail, exposed for the template above.
struct ContentWriter {
  std::string out;
  // The graphics state the page has set so far (a page starts black, line width 1). Boxes
  // and rules set only what differs from it, with no q/Q around each: it was a third of
  // the bytes of a table page.
  unsigned fill = 0, stroke = 0;
  double line = 1;
  void number(double v, int decimals);
  void color(unsigned rgb, bool stroke);
  void fillColor(unsigned rgb);
  void strokeColor(unsigned rgb);
  void lineWidth(double width);
  // Writes the string; returns the sum of `widths` over the codes written (0 without), and
  // sets each code's bit in `used` (a UsedCids face) when given.
  long text(std::string_view utf8, const int16_t* widths = nullptr, uint64_t* used = nullptr);
  void box(const Box& b, double pageHeight);
  void rule(const RuleLine& r, double pageHeight);
};

template <typename NameOf>
std::string pageContent(const PageFrame& page, NameOf&& nameOf, const CidWidths& widths, UsedCids* used) {
  ContentWriter w;
  w.out.reserve(64 + page.runs.size() * 32 + (page.boxes.size() + page.rules.size()) * 64);
  const double H = page.height;
  for (const Box& b : page.boxes) w.box(b, H);
  for (const RuleLine& r : page.rules) w.rule(r, H);
  if (!page.runs.empty()) {
    w.out += "BT\n";
    int curFace = -1;
    double curSize = -1;
    // Td moves relative to the start of the previous line: track what was written, so
    // rounding never accumulates.
    double lineX = 0, lineY = 0;
    // The open TJ array: where its "[" is, how many strings it has, and where a viewer's
    // text position stands after it (as the viewer computes it, from the font's widths and
    // the numbers written).
    size_t arrayAt = 0, strings = 0;
    double penX = 0;
    auto closeArray = [&] {
      if (strings == 0) return;
      if (strings == 1) {
        w.out.erase(arrayAt, 1);  // a single string: "(…) Tj", the shorter form
        w.out += " Tj\n";
      } else {
        w.out += "] TJ\n";
      }
      strings = 0;
    };
    for (const TextRun& r : page.runs) {
      const int face = static_cast<int>(r.face);
      const int16_t* faceWidths = face >= 0 && face < 4 ? widths[static_cast<size_t>(face)] : nullptr;
      const bool newFont = face != curFace || r.size != curSize;
      const double x = roundTo5(r.x), y = roundTo5(H - r.y);
      const bool sameLine = strings > 0 && faceWidths && !newFont && r.color == w.fill && y == lineY;
      if (sameLine) {
        // The gap from where the last string ended, in thousandths of the font size
        // (positive moves left).
        const double adjust = static_cast<double>(roundHalfAway((penX - x) * 1000.0 / r.size * 1000.0)) / 1000.0;
        if (adjust != 0) {
          w.out += ' ';
          w.number(adjust, 3);
          penX -= adjust * r.size / 1000.0;
        }
        w.out += ' ';
      } else {
        closeArray();
        if (newFont) {
          w.out += '/';
          w.out += nameOf(face);
          w.out += ' ';
          w.number(r.size, 5);
          w.out += " Tf\n";
          curFace = face;
          curSize = r.size;
        }
        w.fillColor(r.color);
        w.number(x - lineX, 5);
        w.out += ' ';
        w.number(y - lineY, 5);
        w.out += " Td\n";
        lineX = x;
        lineY = y;
        penX = x;
        arrayAt = w.out.size();
        w.out += '[';
      }
      uint64_t* faceUsed = used && face >= 0 && face < 4 ? used->bits[static_cast<size_t>(face)].data() : nullptr;
      penX += static_cast<double>(w.text(r.text, faceWidths, faceUsed)) * r.size / 1000.0;
      ++strings;
      if (!faceWidths) closeArray();  // no widths: every run placed by its own Td
    }
    closeArray();
    w.out += "ET\n";
  }
  return std::move(w.out);
}

}  // namespace vnplan
