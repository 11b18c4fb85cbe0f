#pragma once
// Streams vnplan hands to libharu already deflated. libharu 2.3.0 deflates only at its
// default level and cannot take compressed bytes (a stream without its own filter loses
// any /Filter entry when written), so such a stream carries the same-length placeholder
// key /VnFltr, and markDeflated()'s streams are renamed to /Filter once the file is saved
// (restoreFilterKeys: equal length, so no offset moves).
#include <hpdf.h>

#include <string>
#include <string_view>

namespace vnplan {

// zlib-format (RFC 1950) stream of `raw` at `level` (1 fastest … 9 smallest), by libdeflate.
std::string deflateBytes(std::string_view raw, int level);
// The same bytes in a buffer of this thread, valid until its next call on the thread: no
// allocation and no zero-filling per stream.
std::string_view deflateToScratch(std::string_view raw, int level);
// Replaces the data of libharu stream object `dict` with `deflated` (already compressed)
// and marks it for restoreFilterKeys().
void setDeflatedStream(HPDF_Dict dict, std::string_view deflated);
// Renames every placeholder in the saved file; returns how many were renamed.
size_t restoreFilterKeys(std::string& pdf);
// The ToUnicode CMap for codes that are UCS-2 values (identity, bfrange lines), deflated.
const std::string& identityToUnicodeDeflated();

}  // namespace vnplan
