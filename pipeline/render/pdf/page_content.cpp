#include "render/pdf/page_content.hpp"

#include <cmath>
#include <cstdint>

namespace vnplan {

void ContentWriter::number(double v, int decimals) {
  // Fixed-point with trailing zeros trimmed, like libharu's HPDF_FToA; never "-0".
  // Composed in a buffer and appended once (appending char by char was a tenth of the page
  // writing time).
  static constexpr long long kScale[] = {1, 10, 100, 1000, 10000, 100000};
  const long long scale = kScale[decimals];
  long long n = std::llround(v * static_cast<double>(scale));
  char buf[48];
  char* d = buf;
  if (n < 0) {
    *d++ = '-';
    n = -n;
  }
  const long long whole = n / scale;
  long long frac = n % scale;
  char rev[24];
  int len = 0;
  long long w = whole;
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
  out.append(buf, static_cast<size_t>(d - buf));
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
  // Written through a stack buffer appended in chunks, not byte by byte.
  char buf[512];
  size_t len = 0;
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
      buf[len++] = '\\';
      buf[len++] = escaped;
    } else {
      buf[len++] = static_cast<char>(b);
    }
  };
  buf[len++] = '(';
  long advance = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  for (size_t i = 0; i < n;) {
    // One character writes at most 4 bytes, and the closing parenthesis needs one more.
    if (len + 5 > sizeof buf) {
      out.append(buf, len);
      len = 0;
    }
    const unsigned char c = s[i];
    char32_t cp;
    size_t cl;
    if (c < 0x80) {
      cp = c;
      cl = 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      cl = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      cl = 3;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07;
      cl = 4;
    } else {
      ++i;  // not a lead byte: skipped, as libharu's UTF-8 encoder does
      continue;
    }
    if (i + cl > n) break;
    for (size_t k = 1; k < cl; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    i += cl;
    if (cp > 0xFFFF) cp = 0x20;  // as libharu: beyond the BMP becomes a space
    if (widths) advance += widths[cp];
    put(static_cast<unsigned char>(cp >> 8));
    put(static_cast<unsigned char>(cp & 0xFF));
  }
  buf[len++] = ')';
  out.append(buf, len);
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
