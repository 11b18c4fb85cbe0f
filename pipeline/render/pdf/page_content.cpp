#include "render/pdf/page_content.hpp"

#include "model/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

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

namespace {

constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// `rounded` / 10^D in fixed point, trailing zeros trimmed, like libharu's HPDF_FToA; never
// "-0". At most 1 + 20 + 1 + D bytes. D is a constant: its divisions are multiplications.
template <int D>
char* writeFixed(char* d, long long rounded) {
  static_assert(D >= 1 && D <= 5);
  constexpr unsigned long long kScale = D == 1 ? 10 : D == 2 ? 100 : D == 3 ? 1000 : D == 4 ? 10000 : 100000;
  if (rounded < 0) *d++ = '-';
  const auto n = static_cast<unsigned long long>(rounded < 0 ? -rounded : rounded);
  d = std::to_chars(d, d + 20, n / kScale).ptr;
  if (unsigned frac = static_cast<unsigned>(n % kScale)) {
    *d++ = '.';
    // The D digits from the right, two at a time.
    char* p = d + D;
    if constexpr (D % 2 == 1) {
      *--p = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    for (int i = 0; i < D / 2; ++i) {
      p -= 2;
      std::memcpy(p, kDigitPairs + 2 * (frac % 100), 2);
      frac /= 100;
    }
    d += D;
    while (d[-1] == '0') --d;  // frac was not 0: a digit other than 0 stops this
  }
  return d;
}

char* writeFixed(char* d, long long rounded, int decimals) {
  switch (decimals) {
    case 0: {
      if (rounded < 0) *d++ = '-';
      return std::to_chars(d, d + 20, static_cast<unsigned long long>(rounded < 0 ? -rounded : rounded)).ptr;
    }
    case 1: return writeFixed<1>(d, rounded);
    case 2: return writeFixed<2>(d, rounded);
    case 3: return writeFixed<3>(d, rounded);
    case 4: return writeFixed<4>(d, rounded);
    default: return writeFixed<5>(d, rounded);
  }
}

// The three components of every colour are one of 256 values, each formatted once.
struct ComponentText {
  char text[8];
  unsigned char len;
};
const std::array<ComponentText, 256>& colorComponents() {
  static const std::array<ComponentText, 256> table = [] {
    std::array<ComponentText, 256> t{};
    for (unsigned i = 0; i < 256; ++i) {
      char buf[32];
      const char* end = writeFixed<5>(buf, roundHalfAway(static_cast<double>(i) / 255.0 * 100000.0));
      t[i].len = static_cast<unsigned char>(end - buf);
      std::memcpy(t[i].text, buf, t[i].len);
    }
    return t;
  }();
  return table;
}

}  // namespace

void ContentWriter::number(double v, int decimals) {
  static constexpr double kScale[] = {1, 10, 100, 1000, 10000, 100000};
  const long long rounded = roundHalfAway(v * kScale[decimals]);
  appendInPlace(out, 32, [&](char* d) { return writeFixed(d, rounded, decimals); });
}

void ContentWriter::color(unsigned rgb, bool stroke) {
  const auto& table = colorComponents();
  appendInPlace(out, 3 * 8 + 3, [&](char* d) {
    for (int shift : {16, 8, 0}) {
      const ComponentText& c = table[(rgb >> shift) & 0xFF];
      std::memcpy(d, c.text, sizeof c.text);
      d += c.len;
      *d++ = ' ';
    }
    *d++ = stroke ? 'R' : 'r';
    *d++ = stroke ? 'G' : 'g';
    *d++ = '\n';
    return d;
  });
}

namespace {

// The escape of each byte inside a literal string: ( ) \ and the two end-of-line bytes (a
// reader would otherwise normalise CR/LF inside a string); 0 for a byte written as it is.
constexpr std::array<char, 256> kEscapes = [] {
  std::array<char, 256> e{};
  e['('] = '(';
  e[')'] = ')';
  e['\\'] = '\\';
  e['\r'] = 'r';
  e['\n'] = 'n';
  return e;
}();

inline char* putStringByte(char* d, unsigned char b) {
  if (const char escaped = kEscapes[b]) {
    *d++ = '\\';
    *d++ = escaped;
  } else {
    *d++ = static_cast<char>(b);
  }
  return d;
}

}  // namespace

long ContentWriter::text(std::string_view utf8, const int16_t* widths, uint64_t* used) {
  // Each character as its big-endian UCS-2 code in a literal string.
  long advance = 0;
  const size_t n = utf8.size();
  // At most 3 bytes per input byte (an ASCII character: a zero byte and an escaped one),
  // and the parentheses.
  appendInPlace(out, 3 * n + 2, [&](char* d) {
    *d++ = '(';
    for (size_t i = 0; i < n;) {
      const auto c = static_cast<unsigned char>(utf8[i]);
      char32_t cp;
      if (c < 0x80) {
        cp = c;
        ++i;
        *d++ = '\0';  // the high byte of an ASCII code: never escaped
      } else {
        cp = nextCodePoint(utf8, i);
        if (cp > 0xFFFF) cp = 0x20;  // as libharu: beyond the BMP becomes a space
        d = putStringByte(d, static_cast<unsigned char>(cp >> 8));
      }
      if (widths) advance += widths[cp];
      if (used) used[cp >> 6] |= uint64_t{1} << (cp & 63);
      d = putStringByte(d, static_cast<unsigned char>(cp & 0xFF));
    }
    *d++ = ')';
    return d;
  });
  return advance;
}

void ContentWriter::fillColor(unsigned rgb) {
  if (rgb == fill) return;
  color(rgb, false);
  fill = rgb;
}

void ContentWriter::strokeColor(unsigned rgb) {
  if (rgb == stroke) return;
  color(rgb, true);
  stroke = rgb;
}

void ContentWriter::lineWidth(double width) {
  if (width == line) return;
  number(width, 5);
  out += " w\n";
  line = width;
}

void ContentWriter::box(const Box& b, double H) {
  if (!b.filled && !b.stroked) return;  // "re n" without a clip paints nothing
  // Colours and line width before the path (graphics-mode rule).
  if (b.filled) fillColor(b.fill);
  if (b.stroked) {
    strokeColor(b.strokeColor);
    lineWidth(b.strokeWidth);
  }
  number(b.x, 5);
  out += ' ';
  number(H - b.y - b.h, 5);
  out += ' ';
  number(b.w, 5);
  out += ' ';
  number(b.h, 5);
  out += " re\n";
  out += b.filled && b.stroked ? "B\n" : b.filled ? "f\n" : "S\n";
}

void ContentWriter::rule(const RuleLine& r, double H) {
  strokeColor(r.color);
  lineWidth(r.width);
  number(r.x1, 5);
  out += ' ';
  number(H - r.y1, 5);
  out += " m\n";
  number(r.x2, 5);
  out += ' ';
  number(H - r.y2, 5);
  out += " l\nS\n";
}

}  // namespace vnplan
