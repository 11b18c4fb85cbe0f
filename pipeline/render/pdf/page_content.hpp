#pragma once
// The content stream of one page, written directly: libharu's drawing calls cost about
// 7 µs per word (a text-matrix update, a float formatter and a cmap search per glyph for
// every HPDF_Page_TextOut), more than the rest of the document. The operators are the
// same that libharu writes (rg/RG, w, re, m/l, BT/ET, Tf, Td, Tj) and TJ; text is the
// UCS-2 code of each character (Identity-H), as a binary literal string.
#include <array>
#include <cstdint>
#include <cstring>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

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
  // The bytes written are buf's first `len`; buf's size is the room so far. Writers ask for
  // room once and fill it through a pointer: std::string's resize zero-filled every
  // reservation and append checked its capacity per piece.
  std::string buf;
  size_t len = 0;
  // The graphics state the page has set so far (a page starts black, line width 1). Boxes
  // and rules set only what differs from it, with no q/Q around each: it was a third of
  // the bytes of a table page.
  unsigned fill = 0, stroke = 0;
  double line = 1;
  // A fresh page on the same buffer.
  void restart() {
    len = 0;
    fill = stroke = 0;
    line = 1;
  }
  // At least n writable bytes at the end; done(end) then marks where the writing stopped.
  char* room(size_t n) {
    if (buf.size() - len < n) grow(n);
    return buf.data() + len;
  }
  void done(const char* end) { len = static_cast<size_t>(end - buf.data()); }
  void grow(size_t n);
  void put(char c) {
    *room(1) = c;
    ++len;
  }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    len += s.size();
  }
  std::string_view view() const { return {buf.data(), len}; }
  std::string take() {
    buf.resize(len);
    len = 0;
    return std::move(buf);
  }
  void number(double v, int decimals);
  // thousandths / 1000 with up to 3 decimals, as number() writes it.
  void fixed3(long long thousandths);
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

// pageContent, written into `w` (restarted first; its buffer is reused).
template <typename NameOf>
void writePageContent(ContentWriter& w, const PageFrame& page, NameOf&& nameOf, const CidWidths& widths = {},
                      UsedCids* used = nullptr);

template <typename NameOf>
std::string pageContent(const PageFrame& page, NameOf&& nameOf, const CidWidths& widths, UsedCids* used) {
  ContentWriter w;
  writePageContent(w, page, std::forward<NameOf>(nameOf), widths, used);
  return w.take();
}

template <typename NameOf>
void writePageContent(ContentWriter& w, const PageFrame& page, NameOf&& nameOf, const CidWidths& widths, UsedCids* used) {
  w.restart();
  w.room(64 + page.runs.size() * 32 + (page.boxes.size() + page.rules.size()) * 64);
  const double H = page.height;
  for (const Box& b : page.boxes) w.box(b, H);
  for (const RuleLine& r : page.rules) w.rule(r, H);
  if (!page.runs.empty()) {
    w.put("BT\n");
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
        // a single string: "(…) Tj", the shorter form
        std::memmove(w.buf.data() + arrayAt, w.buf.data() + arrayAt + 1, w.len - arrayAt - 1);
        --w.len;
        w.put(" Tj\n");
      } else {
        w.put("] TJ\n");
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
        const long long thousandths = roundHalfAway((penX - x) * 1000.0 / r.size * 1000.0);
        const double adjust = static_cast<double>(thousandths) / 1000.0;
        if (thousandths != 0) {
          w.put(' ');
          w.fixed3(thousandths);  // what number(adjust, 3) writes
          penX -= adjust * r.size / 1000.0;
        }
        w.put(' ');
      } else {
        closeArray();
        if (newFont) {
          w.put('/');
          w.put(nameOf(face));
          w.put(' ');
          w.number(r.size, 5);
          w.put(" Tf\n");
          curFace = face;
          curSize = r.size;
        }
        w.fillColor(r.color);
        w.number(x - lineX, 5);
        w.put(' ');
        w.number(y - lineY, 5);
        w.put(" Td\n");
        lineX = x;
        lineY = y;
        penX = x;
        arrayAt = w.len;
        w.put('[');
      }
      uint64_t* faceUsed = used && face >= 0 && face < 4 ? used->bits[static_cast<size_t>(face)].data() : nullptr;
      penX += static_cast<double>(w.text(r.text, faceWidths, faceUsed)) * r.size / 1000.0;
      ++strings;
      if (!faceWidths) closeArray();  // no widths: every run placed by its own Td
    }
    closeArray();
    w.put("ET\n");
  }
}

}  // namespace vnplan
