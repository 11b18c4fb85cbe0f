#pragma once
// Font pre-subsetting for speed: libharu reads and parses a whole TrueType file for every
// document and copies all but the glyf table into the PDF. Cutting each face down to the
// Vietnamese repertoire once (HarfBuzz hb-subset) and caching the result on disk, keyed by
// the source font's content, halves the cost of every PDF. The cache lives outside the
// repository (Liberation's licence reserves its name for unmodified files).
#include <functional>
#include <string>

namespace vnplan {

// Path of the cached subset of `fontPath`, created on first use; `fontPath` itself when
// subsetting is not possible (no writable cache, HarfBuzz failure). Safe to call from
// many threads and processes at once (atomic rename). Entries are named by a hash of the
// source font, the repertoire and the HarfBuzz version, and carry a hash of their own
// bytes in the name: an entry that fails the check is removed, rebuilt, and reported once
// through the repair notice.
std::string subsetFontCached(const std::string& fontPath);
// Called (once per rebuilt entry) with the path of a bad entry; default: a line on stderr.
void setFontCacheRepairNotice(std::function<void(const std::string& entry)> notice);
// The bytes of a font file; empty when it cannot be read.
std::string readFontFile(const std::string& path);
// The cache directory: $VNPLAN_CACHE, $XDG_CACHE_HOME/vnplan, ~/.cache/vnplan or /tmp.
std::string fontCacheDir();

}  // namespace vnplan
