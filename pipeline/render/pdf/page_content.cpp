#include "render/pdf/page_content.hpp"

#include "model/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace vnplan {

void ContentWriter::grow(size_t n) {
  // Doubling: each byte is zero-filled once or twice over a page, not once per reservation.
  buf.resize(std::max(len + n, 2 * buf.size() + 4096));
}

namespace {

constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// A page's coordinates are below 1000: their integer parts without a library call.
inline char* writeUnsigned(char* d, unsigned long long v) {
  if (v < 10) {
    *d = static_cast<char>('0' + v);
    return d + 1;
  }
  if (v < 100) {
    std::memcpy(d, kDigitPairs + 2 * v, 2);
    return d + 2;
  }
  if (v < 1000) {
    *d = static_cast<char>('0' + v / 100);
    std::memcpy(d + 1, kDigitPairs + 2 * (v % 100), 2);
    return d + 3;
  }
  return std::to_chars(d, d + 20, v).ptr;
}

// `rounded` / 10^D in fixed point, trailing zeros trimmed, like libharu's HPDF_FToA; never
// "-0". At most 1 + 20 + 1 + D bytes. D is a constant: its divisions are multiplications.
template <int D>
char* writeFixed(char* d, long long rounded) {
  static_assert(D >= 1 && D <= 5);
  constexpr unsigned long long kScale = D == 1 ? 10 : D == 2 ? 100 : D == 3 ? 1000 : D == 4 ? 10000 : 100000;
  if (rounded < 0) *d++ = '-';
  const auto n = static_cast<unsigned long long>(rounded < 0 ? -rounded : rounded);
  d = writeUnsigned(d, n / kScale);
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
      return writeUnsigned(d, static_cast<unsigned long long>(rounded < 0 ? -rounded : rounded));
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
  done(writeFixed(room(32), rounded, decimals));
}

void ContentWriter::fixed3(long long thousandths) { done(writeFixed<3>(room(32), thousandths)); }

void ContentWriter::color(unsigned rgb, bool stroke) {
  const auto& table = colorComponents();
  char* d = room(3 * 8 + 3);
  {
    for (int shift : {16, 8, 0}) {
      const ComponentText& c = table[(rgb >> shift) & 0xFF];
      std::memcpy(d, c.text, sizeof c.text);
      d += c.len;
      *d++ = ' ';
    }
    *d++ = stroke ? 'R' : 'r';
    *d++ = stroke ? 'G' : 'g';
    *d++ = '\n';
  }
  done(d);
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

namespace {

// An ASCII character's UCS-2 code as written: a zero high byte and the (escaped) low
// byte, in the first `len` of `bytes`.
struct AsciiCode {
  char bytes[4];
  unsigned len;
};
constexpr std::array<AsciiCode, 128> kAsciiCodes = [] {
  std::array<AsciiCode, 128> t{};
  for (unsigned c = 0; c < 128; ++c) {
    t[c].bytes[0] = '\0';
    if (const char escaped = kEscapes[c]) {
      t[c].bytes[1] = '\\';
      t[c].bytes[2] = escaped;
      t[c].len = 3;
    } else {
      t[c].bytes[1] = static_cast<char>(c);
      t[c].len = 2;
    }
  }
  return t;
}();

}  // namespace

long ContentWriter::text(std::string_view utf8, const int16_t* widths, uint64_t* used) {
  // Each character as its big-endian UCS-2 code in a literal string.
  long advance = 0;
  const size_t n = utf8.size();
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  // At most 3 bytes per input byte (an ASCII character: a zero byte and an escaped one),
  // and the parentheses; an ASCII code is copied as 4 bytes, within the room of the ")".
  char* d = room(3 * n + 2);
  *d++ = '(';
  // The ASCII codes shown (most of the text), collected in registers and stored once.
  uint64_t asciiLow = 0, asciiHigh = 0;
  for (size_t i = 0; i < n;) {
    const unsigned c = s[i];
    if (c < 0x80) {
      ++i;
      const AsciiCode& code = kAsciiCodes[c];
      std::memcpy(d, code.bytes, 4);
      d += code.len;
      if (widths) advance += widths[c];
      const uint64_t bit = uint64_t{1} << (c & 63);
      if (c < 64)
        asciiLow |= bit;
      else
        asciiHigh |= bit;
      continue;
    }
    // Two- and three-byte sequences (all of Vietnamese) decoded here, exactly as
    // nextCodePoint would; anything else by it.
    char32_t cp;
    if (c >= 0xE0 && c < 0xF0 && n - i >= 3 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      cp = (char32_t{c & 0x0Fu} << 12) | (char32_t{s[i + 1] & 0x3Fu} << 6) | char32_t{s[i + 2] & 0x3Fu};
      i += 3;
    } else if (c >= 0xC0 && c < 0xE0 && n - i >= 2 && (s[i + 1] & 0xC0) == 0x80) {
      cp = (char32_t{c & 0x1Fu} << 6) | char32_t{s[i + 1] & 0x3Fu};
      i += 2;
    } else {
      cp = nextCodePoint(utf8, i);
      if (cp > 0xFFFF) cp = 0x20;  // as libharu: beyond the BMP becomes a space
    }
    d = putStringByte(d, static_cast<unsigned char>(cp >> 8));
    d = putStringByte(d, static_cast<unsigned char>(cp & 0xFF));
    if (widths) advance += widths[cp];
    if (used) used[cp >> 6] |= uint64_t{1} << (cp & 63);
  }
  *d++ = ')';
  done(d);
  if (used) {
    used[0] |= asciiLow;
    used[1] |= asciiHigh;
  }
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
  put(" w\n");
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
  put(' ');
  number(H - b.y - b.h, 5);
  put(' ');
  number(b.w, 5);
  put(' ');
  number(b.h, 5);
  put(" re\n");
  put(b.filled && b.stroked ? "B\n" : b.filled ? "f\n" : "S\n");
}

void ContentWriter::rule(const RuleLine& r, double H) {
  strokeColor(r.color);
  lineWidth(r.width);
  number(r.x1, 5);
  put(' ');
  number(H - r.y1, 5);
  put(" m\n");
  number(r.x2, 5);
  put(' ');
  number(H - r.y2, 5);
  put(" l\nS\n");
}

}  // namespace vnplan
