#pragma once
// toNfc (model/text.hpp) for the loaders, which put every text of every file through it:
// the same result, found without ICU for text whose every character is NFC on its own.
#include <string>

namespace vnplan {

// toNfc of well-formed UTF-8 (what the loaders hand it: checked before).
std::string nfcOf(const std::string& s);

// Whether nfcOf passes code point `cp` without asking ICU: NFC_Quick_Check Yes and canonical
// combining class 0, so that a text made only of such characters is NFC as it stands
// (basic Latin to U+02FF, the Vietnamese letters U+1E00–U+1EFF, dashes, quotes and the
// currency signs). Exposed for the test that asks ICU about each of them.
bool nfcWithoutIcu(char32_t cp);

}  // namespace vnplan
