#include "render/pdf/page_content.hpp"

#include "model/text.hpp"

#include <cmath>
#include <cstdint>

namespace vnplan {

namespace {

// Appends what `fill(dest)` writes (at most `bound` bytes; returns its end) straight into
// `out`: composing in a buffer and copying it over cost a quarter of the text writing.
template <typename Fill>
void appendInPlace(std::string& out, size_t bound, Fill fill) {
  const size_t old = out.size();
  out.resize(old + bound);
  char* end = fill(out.data() + old);
  out.resize(static_cast<size_t>(end - out.data()));
}

}  // namespace

void ContentWriter::number(double v, int decimals) {
  // Fixed-point with trailing zeros trimmed, like libharu's HPDF_FToA; never "-0".
  static constexpr long long kScale[] = {1, 10, 100, 1000, 10000, 100000};
  const long long scale = kScale[decimals];
  const long long rounded = std::llround(v * static_cast<double>(scale));
  appendInPlace(out, 32, [&](char* d) {
    if (rounded < 0) *d++ = '-';
    const auto n = static_cast<unsigned long long>(rounded < 0 ? -rounded : rounded);
    // Every caller but the tests writes 5 decimals: a constant divisor is a multiplication,
    // a variable one a slow division.
    const unsigned long long whole = decimals == 5 ? n / 100000 : n / static_cast<unsigned long long>(scale);
    unsigned long long frac = decimals == 5 ? n % 100000 : n % static_cast<unsigned long long>(scale);
    char rev[24];
    int len = 0;
    unsigned long long w = whole;
    do {
      rev[len++] = static_cast<char>('0' + w % 10);
      w /= 10;
    } while (w);
    while (len) *d++ = rev[--len];
    if (frac) {
      int digits = decimals;
      while (frac % 10 == 0) {
        frac /= 10;
        --digits;
      }
      *d++ = '.';
      for (int i = digits - 1; i >= 0; --i) {
        d[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
      }
      d += digits;
    }
    return d;
  });
}

void ContentWriter::color(unsigned rgb, bool stroke) {
  for (int shift : {16, 8, 0}) {
    number(static_cast<double>((rgb >> shift) & 0xFF) / 255.0, 5);
    out += ' ';
  }
  out += stroke ? "RG\n" : "rg\n";
}

long ContentWriter::text(std::string_view utf8, const int16_t* widths) {
  // Each character as its big-endian UCS-2 code in a literal string; ( ) \ and the two
  // end-of-line bytes escaped (a reader would otherwise normalise CR/LF inside a string).
  long advance = 0;
  const size_t n = utf8.size();
  // At most 3 bytes per input byte (an ASCII character: a zero byte and an escaped one),
  // and the parentheses.
  appendInPlace(out, 3 * n + 2, [&](char* d) {
    auto put = [&](unsigned char b) {
      char escaped = 0;
      switch (b) {
        case '(': escaped = '('; break;
        case ')': escaped = ')'; break;
        case '\\': escaped = '\\'; break;
        case '\r': escaped = 'r'; break;
        case '\n': escaped = 'n'; break;
        default: break;
      }
      if (escaped) {
        *d++ = '\\';
        *d++ = escaped;
      } else {
        *d++ = static_cast<char>(b);
      }
    };
    *d++ = '(';
    for (size_t i = 0; i < n;) {
      char32_t cp = nextCodePoint(utf8, i);
      if (cp > 0xFFFF) cp = 0x20;  // as libharu: beyond the BMP becomes a space
      if (widths) advance += widths[cp];
      put(static_cast<unsigned char>(cp >> 8));
      put(static_cast<unsigned char>(cp & 0xFF));
    }
    *d++ = ')';
    return d;
  });
  return advance;
}

void ContentWriter::box(const Box& b, double H) {
  out += "q\n";
  // Colours and line width before the path (graphics-mode rule).
  if (b.filled) color(b.fill, false);
  if (b.stroked) {
    color(b.strokeColor, true);
    number(b.strokeWidth, 5);
    out += " w\n";
  }
  number(b.x, 5);
  out += ' ';
  number(H - b.y - b.h, 5);
  out += ' ';
  number(b.w, 5);
  out += ' ';
  number(b.h, 5);
  out += " re\n";
  out += b.filled && b.stroked ? "B\n" : b.filled ? "f\n" : b.stroked ? "S\n" : "n\n";
  out += "Q\n";
}

void ContentWriter::rule(const RuleLine& r, double H) {
  out += "q\n";
  color(r.color, true);
  number(r.width, 5);
  out += " w\n";
  number(r.x1, 5);
  out += ' ';
  number(H - r.y1, 5);
  out += " m\n";
  number(r.x2, 5);
  out += ' ';
  number(H - r.y2, 5);
  out += " l\nS\nQ\n";
}

}  // namespace vnplan
