#pragma once
// SHA-256 as lower-case hex, the one digest vnplan records (workbook content and template
// hashes, font cache entries, ledger rows). OpenSSL's implementation: it uses the CPU's
// SHA instructions where there are some, several times faster than the portable ones of
// Poco or qpdf, and font files and workbooks are hashed on every run.
#include <initializer_list>
#include <string>
#include <string_view>

namespace vnplan {

// The hash of `parts` one after the other (as if concatenated).
std::string sha256Hex(std::initializer_list<std::string_view> parts);
inline std::string sha256Hex(std::string_view bytes) { return sha256Hex({bytes}); }

}  // namespace vnplan
