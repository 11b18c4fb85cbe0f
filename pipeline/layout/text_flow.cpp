#include "layout/text_flow.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <typeinfo>

#include "model/text.hpp"

namespace vnplan {

std::string applyCase(const std::string& text, const TextStyle& style) { return style.upper ? toUpper(text) : text; }

void PieceList::push_back(Piece p) {
  if (n_ == 0) {
    one_ = std::move(p);
  } else if (n_ == 1) {
    many_.reserve(2);
    many_.push_back(std::move(one_));
    many_.push_back(std::move(p));
  } else {
    many_.push_back(std::move(p));
  }
  ++n_;
}

void PieceList::push_front(Piece p) {
  if (n_ == 0) {
    one_ = std::move(p);
  } else if (n_ == 1) {
    many_.reserve(2);
    many_.push_back(std::move(p));
    many_.push_back(std::move(one_));
  } else {
    many_.insert(many_.begin(), std::move(p));
  }
  ++n_;
}

namespace {

Piece makePiece(std::string text, FontFace face, double size, double rise, const FontMetrics& m) {
  Piece p;
  p.width = m.width(face, size, text);
  p.text = std::move(text);
  p.face = face;
  p.size = size;
  p.rise = rise;
  return p;
}

// Cuts a word that is wider than `width` into pieces that fit, between code points.
std::vector<Word> cutWord(const Word& w, double width, const FontMetrics& m) {
  std::vector<Word> out;
  Word cur;
  for (const Piece& p : w.pieces) {
    std::u32string cps = decodeUtf8(p.text);
    std::string acc;
    double accW = 0;
    for (char32_t cp : cps) {
      std::string ch = encodeUtf8(cp);
      double cw = m.advance(p.face, cp) * p.size / 1000.0;
      if (cur.width + accW + cw > width && (cur.width + accW) > 0) {
        if (!acc.empty()) {
          Piece q = p;
          q.text = acc;
          q.width = accW;
          cur.pieces.push_back(q);
          cur.width += accW;
        }
        out.push_back(std::move(cur));
        cur = Word{};
        acc.clear();
        accW = 0;
      }
      acc += ch;
      accW += cw;
    }
    if (!acc.empty()) {
      Piece q = p;
      q.text = acc;
      q.width = accW;
      cur.pieces.push_back(q);
      cur.width += accW;
    }
  }
  cur.footnotes = w.footnotes;
  if (!cur.pieces.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

namespace {

// The bytes that separate words (splitWords' ASCII whitespace), and '[' that may open a
// footnote mark, as a table: the scan looks at every byte of the text.
constexpr unsigned char kPlain = 0, kBlankByte = 1, kBracket = 2;
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  t.fill(kPlain);
  t[' '] = t['\t'] = t['\n'] = t['\r'] = kBlankByte;
  t['['] = kBracket;
  return t;
}();
unsigned char classOf(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

// Calls f(word, hasBracket) for each run of non-blank bytes (what splitWords returns,
// without a string per word); hasBracket: the word holds a '[' (maybe a footnote mark).
template <typename F>
void forEachWord(std::string_view s, F&& f) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    if (classOf(*p) == kBlankByte) {
      ++p;
      continue;
    }
    const char* const b = p;
    unsigned char seen = 0;
    do seen |= classOf(*p++);
    while (p < end && classOf(*p) != kBlankByte);
    f(std::string_view(b, static_cast<size_t>(p - b)), seen == kBracket);
  }
}

// forEachWord, measuring each word as it is scanned: f(word, hasBracket, width). The same
// sum as CachedMetrics::width(face, size, word), term by term: a code point decodes the
// same within the text as within the word alone (a sequence is whole, or one bad byte).
template <typename F>
void forEachMeasuredWord(std::string_view s, const CachedMetrics& m, FontFace face, double size, F&& f) {
  const char* const data = s.data();
  const char* p = data;
  const char* const end = p + s.size();
  while (p < end) {
    if (classOf(*p) == kBlankByte) {
      ++p;
      continue;
    }
    const char* const b = p;
    unsigned char seen = 0;
    double w = 0;
    do {
      const auto c = static_cast<unsigned char>(*p);
      seen |= kByteClass[c];
      if (c < 0x80) {
        w += m.advance(face, c);
        ++p;
      } else {
        size_t i = static_cast<size_t>(p - data);
        w += m.advance(face, nextCodePoint(s, i));
        p = data + i;
      }
    } while (p < end && classOf(*p) != kBlankByte);
    f(std::string_view(b, static_cast<size_t>(p - b)), seen == kBracket, w * size / 1000.0);
  }
}

}  // namespace

namespace {

// makeWords, appending to `words`.
void appendWords(std::vector<Word>& words, std::string_view text, const TextStyle& style, const FontMetrics& m,
                 const FootnoteNumbering& numbering) {
  // Only upper-cased text needs a string of its own; otherwise words are read in place.
  std::string upper;
  if (style.upper) {
    upper = toUpper(text);
    text = upper;
  }
  // About one word per 5 bytes of Vietnamese text: room for a few more, without a pass
  // counting them (scanning the text twice cost more than the spare room).
  const size_t room = words.size() + text.size() / 4 + 1;
  if (words.capacity() < room) words.reserve(std::max(room, 2 * words.capacity()));
  // measured: the word's width when the scan measured it (CachedMetrics), else NaN.
  // Flattened: the word's vector slot and its piece were built by an out-of-line call per word.
  const auto onWord = [&](std::string_view raw, bool hasBracket, double measured) __attribute__((flatten)) {
    // A dash standing between words ("chính trị - xã hội") stays with the word before
    // it, so no line starts with "- " and looks like an item.
    if ((raw == "-" || raw == "–") && !words.empty()) {
      std::string spaced;
      spaced.reserve(raw.size() + 1);
      spaced += ' ';
      spaced += raw;
      Piece dash = makePiece(std::move(spaced), style.face, style.size, 0, m);
      words.back().width += dash.width;
      words.back().pieces.push_back(std::move(dash));
      return;
    }
    if (!hasBracket) {
      // Nearly every word: one piece, built in place.
      Word& w = words.emplace_back();
      Piece& p = w.pieces.emplace_back();
      p.text.assign(raw);
      p.face = style.face;
      p.size = style.size;
      p.width = w.width = std::isnan(measured) ? m.width(style.face, style.size, raw) : measured;
      return;
    }
    Word w;
    // Text and footnote marks "[^key]" alternate inside one word ("lần[^1];").
    size_t pos = 0;
    while (pos < raw.size()) {
      size_t open = raw.find("[^", pos);
      size_t close = open == std::string_view::npos ? std::string_view::npos : raw.find(']', open + 2);
      if (close == std::string_view::npos || close == open + 2) {
        w.pieces.push_back(makePiece(std::string(raw.substr(pos)), style.face, style.size, 0, m));
        break;
      }
      if (open > pos)
        w.pieces.push_back(makePiece(std::string(raw.substr(pos, open - pos)), style.face, style.size, 0, m));
      std::string key(raw.substr(open + 2, close - open - 2));
      if (numbering) {
        w.pieces.push_back(makePiece(numbering(key), FontFace::Regular, style.size * 0.62, style.size * 0.35, m));
        w.footnotes.push_back(std::move(key));
      }
      pos = close + 1;
    }
    for (const auto& p : w.pieces) w.width += p.width;
    if (!w.pieces.empty()) words.push_back(std::move(w));
  };
  // CachedMetrics is final: its exact type is the test (a dynamic_cast walks the hierarchy).
  if (typeid(m) == typeid(CachedMetrics)) {
    forEachMeasuredWord(text, static_cast<const CachedMetrics&>(m), style.face, style.size, onWord);
  } else {
    const double notMeasured = std::numeric_limits<double>::quiet_NaN();
    forEachWord(text, [&](std::string_view raw, bool hasBracket) { onWord(raw, hasBracket, notMeasured); });
  }
}


// Breaks words [first, end) of `out.words` into lines appended to `out.lines` (as ranges;
// finishLines() points them at the words). A word wider than its line is cut in place.
__attribute__((flatten)) void breakInto(TextLines& out, size_t first, double width, double firstIndent,
                                        double spaceWidth, const FontMetrics& m) {
  std::vector<Word>& words = out.words;
  std::vector<TextLine>& lines = out.lines;
  const size_t firstLine = lines.size();
  TextLine cur;
  cur.indent = firstIndent;
  cur.available = width - firstIndent;
  cur.firstWord = cur.endWord = first;
  // Room for the lines, from the words' average width.
  if (words.size() > first) {
    double total = 0;
    for (size_t i = first; i < words.size(); ++i) total += words[i].width;
    const double count = static_cast<double>(words.size() - first);
    const double perWord = total / count + spaceWidth;
    const double lineCount = width > 0 ? (perWord * count) / width : 0;
    const size_t room = lines.size() + static_cast<size_t>(std::clamp(lineCount, 0.0, 1000.0)) + 2;
    if (lines.capacity() < room) lines.reserve(std::max(room, 2 * lines.capacity()));
  }
  auto flush = [&] {
    lines.push_back(cur);
    const size_t next = cur.endWord;
    cur = TextLine{};
    cur.indent = 0;
    cur.available = width;
    cur.firstWord = cur.endWord = next;
  };
  for (size_t i = first; i < words.size(); ++i) {
    const bool empty = cur.endWord == cur.firstWord;
    const double w = words[i].width;
    double need = empty ? w : cur.naturalWidth + spaceWidth + w;
    if (need <= cur.available + 1e-6) {
      cur.naturalWidth = need;
      cur.endWord = i + 1;
      continue;
    }
    if (!empty) {
      flush();
      --i;  // retry this word on the new line
      continue;
    }
    // The word alone is wider than the line: cut it, its parts taking its place.
    std::vector<Word> parts = cutWord(words[i], cur.available, m);
    const size_t np = parts.size();
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
    words.insert(words.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(parts.begin()),
                 std::make_move_iterator(parts.end()));
    for (size_t k = 0; k < np; ++k) {
      cur.naturalWidth = words[i + k].width;
      cur.endWord = i + k + 1;
      if (k + 1 < np) flush();
    }
    i = i + np - 1;  // (np == 0: the word is gone, i is the next one's)
  }
  if (cur.endWord != cur.firstWord || lines.size() == firstLine) lines.push_back(cur);
  lines.back().last = true;
}

void finishLines(TextLines& out) {
  for (TextLine& l : out.lines) l.words = std::span<const Word>(out.words.data() + l.firstWord, l.endWord - l.firstWord);
}

}  // namespace

std::vector<Word> makeWords(std::string_view text, const TextStyle& style, const FontMetrics& m,
                            const FootnoteNumbering& numbering) {
  std::vector<Word> words;
  appendWords(words, text, style, m, numbering);
  return words;
}

TextLines breakLines(std::vector<Word> words, double width, double firstIndent, double spaceWidth,
                     const FontMetrics& m) {
  TextLines out;
  out.words = std::move(words);
  breakInto(out, 0, width, firstIndent, spaceWidth, m);
  finishLines(out);
  return out;
}

// Flattened, like appendWords' callback: a run's slot and text were built by calls per word.
__attribute__((flatten)) void placeLine(const TextLine& line, double x, double y, double width, LineAlign align,
                                        double spaceWidth, RunRole role, std::vector<TextRun>& out) {
  const size_t n = line.words.size();
  if (n == 0) return;
  double wordsWidth = 0;
  for (const auto& w : line.words) wordsWidth += w.width;
  double avail = width - line.indent;
  double gap = spaceWidth;
  double start = x + line.indent;
  if (align == LineAlign::Justify && !line.last && n > 1) gap = (avail - wordsWidth) / static_cast<double>(n - 1);
  if (align == LineAlign::Center) start = x + line.indent + (avail - line.naturalWidth) / 2;
  if (align == LineAlign::Right) start = x + line.indent + avail - line.naturalWidth;
  // With natural spacing the words of a line can share one run (fewer text operators,
  // same glyph positions: the space glyph's advance is the gap).
  const bool natural = gap == spaceWidth;
  const size_t firstRun = out.size();
  size_t pieces = 0;
  for (const auto& w : line.words) pieces += w.pieces.size();
  // At most one run per piece; grown geometrically, since callers append line after line.
  if (out.capacity() < firstRun + pieces) out.reserve(std::max(firstRun + pieces, 2 * out.capacity()));
  // Bytes of the line's text from word i on, with the spaces between words: a run of a
  // naturally spaced line grows word by word, so it takes room for the rest at once.
  size_t restBytes = 0;
  if (natural)
    for (const auto& w : line.words)
      for (const auto& p : w.pieces) restBytes += p.text.size() + 1;
  double cx = start;
  for (size_t i = 0; i < n; ++i) {
    const Word& w = line.words[i];
    double px = cx;
    for (size_t k = 0; k < w.pieces.size(); ++k) {
      const Piece& p = w.pieces[k];
      // A real space after each word but the last keeps copy/paste and search natural;
      // its advance is not counted, the next word is placed absolutely.
      const bool spaceAfter = i + 1 < n && k + 1 == w.pieces.size();
      if (natural && k == 0 && out.size() > firstRun) {
        TextRun& prev = out.back();
        if (prev.face == p.face && prev.size == p.size && prev.y == y - p.rise && !prev.text.empty() &&
            prev.text.back() == ' ') {
          prev.text += p.text;
          if (spaceAfter) prev.text += ' ';
          prev.width = px + p.width - prev.x;
          px += p.width;
          restBytes -= p.text.size() + 1;
          continue;
        }
      }
      TextRun& r = out.emplace_back();
      r.x = px;
      r.y = y - p.rise;
      r.text.reserve(natural ? restBytes : p.text.size() + (spaceAfter ? 1 : 0));
      r.text = p.text;
      if (spaceAfter) r.text += ' ';
      r.face = p.face;
      r.size = p.size;
      r.width = p.width;
      r.role = role;
      px += p.width;
      if (natural) restBytes -= p.text.size() + 1;
    }
    cx += w.width + gap;
  }
}

void wrapTextInto(TextLines& all, std::string_view text, const TextStyle& style, double width, const FontMetrics& m) {
  const double space = m.width(style.face, style.size, " ");
  // As wrapText with no first indent: each part after a line break starts a new line.
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    std::string_view part = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    const size_t first = all.words.size();
    appendWords(all.words, part, style, m, nullptr);
    breakInto(all, first, width, 0, space, m);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

void finishWrapped(TextLines& all) { finishLines(all); }

TextLines wrapText(std::string_view text, const TextStyle& style, double width, const FontMetrics& m,
                   double firstIndent) {
  TextLines all;
  const double space = m.width(style.face, style.size, " ");
  // Explicit line breaks inside the text start new lines.
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    std::string_view part = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    const size_t first = all.words.size();
    appendWords(all.words, part, style, m, nullptr);
    breakInto(all, first, width, all.lines.empty() ? firstIndent : 0, space, m);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  finishLines(all);
  return all;
}

}  // namespace vnplan
