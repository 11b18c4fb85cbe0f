#pragma once
// Words, line breaking and justification: the box-and-glue part of the layout.
// Lines are filled greedily with measured words; a justified line spreads its slack
// over the gaps between words (each word is placed by itself, since PDF word spacing
// does not apply to two-byte text); the last line of a paragraph stays left-aligned.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "layout/document_spec.hpp"
#include "layout/font_metrics.hpp"
#include "layout/page.hpp"

namespace vnplan {

struct Piece {
  std::string text;
  FontFace face = FontFace::Regular;
  double size = 14;
  double rise = 0;  // superscript offset (points, upwards)
  double width = 0;
};

// The pieces of one word, contiguous. Nearly every word is a single piece, kept inline:
// a vector per word was the layout's largest cost (one allocation per word).
class PieceList {
 public:
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  Piece* begin() { return data(); }
  Piece* end() { return data() + n_; }
  const Piece* begin() const { return data(); }
  const Piece* end() const { return data() + n_; }
  Piece& operator[](size_t i) { return data()[i]; }
  const Piece& operator[](size_t i) const { return data()[i]; }
  Piece& front() { return data()[0]; }
  const Piece& front() const { return data()[0]; }
  Piece& back() { return data()[n_ - 1]; }
  const Piece& back() const { return data()[n_ - 1]; }
  void push_back(Piece p);
  // A default piece to fill in place; the first one is the inline one, as constructed.
  Piece& emplace_back() {
    if (n_ == 0) {
      n_ = 1;
      return one_;
    }
    push_back(Piece{});
    return back();
  }
  void push_front(Piece p);

 private:
  // One piece lives in one_; from two on, all of them live in many_.
  Piece* data() { return n_ >= 2 ? many_.data() : &one_; }
  const Piece* data() const { return n_ >= 2 ? many_.data() : &one_; }
  Piece one_;
  std::vector<Piece> many_;
  size_t n_ = 0;
};

struct Word {
  PieceList pieces;
  double width = 0;
  std::vector<std::string> footnotes;  // footnote keys marked in this word
};

// One line: a range of the words of the TextLines that holds it (lines used to hold copies
// of their words, moved word by word out of the paragraph's list).
struct TextLine {
  std::span<const Word> words;
  double naturalWidth = 0;  // words plus natural spaces
  double indent = 0;        // from the left edge of the text block
  double available = 0;     // width available to this line
  bool last = false;        // last line of its paragraph
  size_t firstWord = 0, endWord = 0;  // the range of `words` in TextLines::words
};

// Lines and the words they show. Moving keeps the words where they are (the lines point
// into them); copying would not, so it is not allowed.
class TextLines {
 public:
  TextLines() = default;
  TextLines(TextLines&&) = default;
  TextLines& operator=(TextLines&&) = default;
  TextLines(const TextLines&) = delete;
  TextLines& operator=(const TextLines&) = delete;

  size_t size() const { return lines.size(); }
  bool empty() const { return lines.empty(); }
  const TextLine& operator[](size_t i) const { return lines[i]; }
  const TextLine& front() const { return lines.front(); }
  const TextLine& back() const { return lines.back(); }
  std::vector<TextLine>::const_iterator begin() const { return lines.begin(); }
  std::vector<TextLine>::const_iterator end() const { return lines.end(); }
  void clear() { lines.clear(); }

  std::vector<Word> words;
  std::vector<TextLine> lines;
};

// Maps a footnote key to the number printed as its mark ("1", "2", ...).
using FootnoteNumbering = std::function<std::string(const std::string& key)>;

// Splits text into measured words. [^key] marks become superscript pieces attached to
// the preceding word when `numbering` is given.
std::vector<Word> makeWords(std::string_view text, const TextStyle& style, const FontMetrics& m,
                            const FootnoteNumbering& numbering = nullptr);

// Greedy line breaking: first line `firstIndent` narrower. A word wider than a line is
// cut between characters, so nothing passes the margin.
TextLines breakLines(std::vector<Word> words, double width, double firstIndent, double spaceWidth,
                                 const FontMetrics& m);

enum class LineAlign { Justify, Left, Center, Right };

// Emits the runs of one line whose text block starts at x (baseline y).
void placeLine(const TextLine& line, double x, double y, double width, LineAlign align, double spaceWidth,
               RunRole role, std::vector<TextRun>& out);

// Convenience: the lines of plain text (no footnotes), for headers and table cells.
TextLines wrapText(std::string_view text, const TextStyle& style, double width, const FontMetrics& m,
                               double firstIndent = 0);
// wrapText appending to `all` (its words and lines), so that several texts share two
// vectors (the cells of a table row). Lines added by earlier calls keep their ranges; call
// finishWrapped(all) after the last one, before reading the lines' words.
void wrapTextInto(TextLines& all, std::string_view text, const TextStyle& style, double width, const FontMetrics& m);
void finishWrapped(TextLines& all);
std::string applyCase(const std::string& text, const TextStyle& style);

}  // namespace vnplan
