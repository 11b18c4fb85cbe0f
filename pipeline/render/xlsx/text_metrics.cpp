#include "render/xlsx/text_metrics.hpp"

#include "model/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>


namespace vnplan::xlsx {

namespace {

// Advance widths (1/1000 em) of the printable ASCII characters U+0020…U+007E in the
// regular, bold and italic faces, measured from Liberation Serif (metric-compatible with
// Times New Roman).
constexpr std::array<std::uint16_t, 95> kRegular = {
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
    722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
    278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541};
constexpr std::array<std::uint16_t, 95> kBold = {
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 333,  333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
    778, 389, 500, 778, 667, 944, 722,  778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
    278, 333, 581, 500, 333, 500, 556,  444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500,  722, 500, 500, 444, 394, 220, 394, 520};
constexpr std::array<std::uint16_t, 95> kItalic = {
    250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722,
    722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389,
    278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500,
    500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541};

constexpr char32_t kTableEnd = 0x2000;  // Latin, including Latin Extended Additional (Vietnamese)

// For each code point below kTableEnd: its ASCII base letter (from the canonical
// decomposition, "ệ" -> 'e') and whether it carries a horn (ơ, ư are wider than o, u).
struct BaseTable {
  std::array<char, kTableEnd> base{};
  std::array<bool, kTableEnd> horn{};
  BaseTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t c = 0x80; c < kTableEnd; ++c) {
      icu::UnicodeString d;
      if (U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(c), d) || d.length() == 0) continue;
      UChar32 first = d.char32At(0);
      if (first >= 0x20 && first < 0x7F) base[c] = static_cast<char>(first);
      horn[c] = d.indexOf(static_cast<char16_t>(0x031B)) >= 0;
    }
  }
};

// Advances of the characters at or above kTableEnd (the same in every face but “ ”).
int advanceBeyondTable(char32_t c, bool bold) {
  switch (c) {
    case 0x2264: case 0x2265: return 549;              // ≤ ≥
    case 0x2013: return 500;                           // –
    case 0x2014: case 0x2026: return 1000;             // — …
    case 0x201C: case 0x201D: return bold ? 500 : 444; // “ ”
    case 0x2018: case 0x2019: return 333;              // ‘ ’
    default: break;
  }
  return c >= 0x2E80 ? 1000 : 556;
}

// The advance of `c` < kTableEnd in `table`'s face, from its base letter.
int advanceInTable(char32_t c, const std::array<std::uint16_t, 95>& table, const BaseTable& b) {
  if (c >= 0x20 && c < 0x7F) return table[c - 0x20];
  if (b.base[c]) return table[b.base[c] - 0x20] + (b.horn[c] ? 40 : 0);
  if (c == 0x110) return table['D' - 0x20];  // Đ has no decomposition
  if (c == 0x111) return table['d' - 0x20];  // đ
  if (c == 0xA0) return table[0];
  return 556;  // control characters and others without a base letter
}

// Every workbook cell is measured, character by character: the advances of the code
// points below kTableEnd are looked up in one flat table per face, filled once (the
// decomposition behind them costs far more than the lookup).
// For splitting into words, the ASCII advances again with the separators marked instead.
constexpr std::int16_t kSpace = -1, kLineBreak = -2;

struct AdvanceTables {
  std::array<std::array<std::uint16_t, kTableEnd>, 3> face{};  // regular, bold, italic
  std::array<std::array<std::int16_t, 0x80>, 3> wordAscii{};
  AdvanceTables() {
    const BaseTable b;
    for (char32_t c = 0; c < kTableEnd; ++c) {
      face[0][c] = static_cast<std::uint16_t>(advanceInTable(c, kRegular, b));
      face[1][c] = static_cast<std::uint16_t>(advanceInTable(c, kBold, b));
      face[2][c] = static_cast<std::uint16_t>(advanceInTable(c, kItalic, b));
    }
    for (int f = 0; f < 3; ++f) {
      for (int c = 0; c < 0x80; ++c) wordAscii[f][c] = static_cast<std::int16_t>(face[f][c]);
      wordAscii[f][' '] = kSpace;
      wordAscii[f]['\n'] = kLineBreak;
    }
  }
};

// One face's advances, looked up once per text.
struct Face {
  const std::uint16_t* table;
  const std::int16_t* wordAscii;
  bool bold;
  explicit Face(const FontMetrics& f) : bold(f.bold) {
    static const AdvanceTables t;
    const int i = f.bold ? 1 : (f.italic ? 2 : 0);
    table = t.face[i].data();
    wordAscii = t.wordAscii[i].data();
  }
  int advance(char32_t c) const { return c < kTableEnd ? table[c] : advanceBeyondTable(c, bold); }
};

// Column units per 1/1000 em at `size` points: px = em × size × 96/72, and one unit is
// the digit width of the workbook's default font (12 pt Times New Roman: 8 px).
double unitsPerMille(const FontMetrics& f) { return f.size * 4.0 / 3.0 / kPxPerUnit / 1000.0; }

// Calls fn(width of word in 1/1000 em) for each word, and fn(-1) for each line break.
// Every advance is positive, so a word has begun when its width is.
template <class Fn>
void forEachWord(std::string_view s, const Face& face, Fn fn) {
  std::size_t i = 0;
  long word = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const unsigned char byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {  // most of the text: no decoding
      ++i;
      const int a = face.wordAscii[byte];
      if (a >= 0) {
        word += a;
        continue;
      }
      if (word > 0) fn(word);
      word = 0;
      if (a == kLineBreak) fn(-1);
    } else {
      word += face.advance(nextCodePoint(s, i));
    }
  }
  if (word > 0) fn(word);
}

}  // namespace

double textWidthUnits(std::string_view utf8, const FontMetrics& f) {
  const Face face(f);
  long mille = 0;
  for (std::size_t i = 0; i < utf8.size();) mille += face.advance(nextCodePoint(utf8, i));
  return mille * unitsPerMille(f);
}

double longestWordUnits(std::string_view utf8, const FontMetrics& f) {
  long best = 0;
  forEachWord(utf8, Face(f), [&](long w) { best = std::max(best, w); });
  return best * unitsPerMille(f);
}

int wrappedLines(std::string_view utf8, double widthUnits, const FontMetrics& f) {
  if (utf8.empty()) return 1;
  const Face face(f);
  const double k = unitsPerMille(f);
  const double space = face.advance(' ') * k;
  // The text area is the column less its padding; keep a little slack for renderers
  // that measure slightly wider than the font's advances.
  const double avail = std::max(1.0, widthUnits * 0.97 - 0.45);
  int lines = 1;
  double x = 0;
  forEachWord(utf8, face, [&](long mille) {
    if (mille < 0) {  // line break
      ++lines;
      x = 0;
      return;
    }
    double wu = mille * k;
    if (x > 0 && x + space + wu > avail) {
      ++lines;
      x = 0;
    } else if (x > 0) {
      x += space;
    }
    if (wu > avail) {  // a word longer than the line is broken inside
      lines += static_cast<int>(std::ceil(wu / avail)) - 1;
      x = std::fmod(wu, avail);
    } else {
      x += wu;
    }
  });
  return lines;
}

double rowHeightPoints(int lines, const FontMetrics& f) {
  return std::ceil((std::max(lines, 1) * f.size * 1.3 + 3) * 4) / 4;
}

}  // namespace vnplan::xlsx
