#pragma once
// The font of text stamps. libharu embeds only the glyphs a document uses (the others are
// empty), so a stamp cannot borrow the document's fonts for a signer's name or a time
// the text never contained: each signature embeds a small subset of its own (a few KB),
// cut from the serif face with HarfBuzz.
#include <map>
#include <string>

namespace vnplan {

struct StampFontData {
  std::string fontFile;               // TrueType subset
  std::map<char32_t, unsigned> glyph;  // code point -> glyph id in the subset
  std::map<char32_t, int> width;       // code point -> advance, 1/1000 em
  int ascent = 891, descent = -216;    // 1/1000 em
};

// Throws SignFailure(SignFailed) if the font cannot be read or subset.
StampFontData makeStampFont(const std::string& ttfPath, const std::u32string& chars);

}  // namespace vnplan
