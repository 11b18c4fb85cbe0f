#pragma once
// A read-only ZIP container over bytes in memory, written for untrusted files.
//
// Why by hand: Poco::Zip 1.11 reads entries that keep their sizes in a data descriptor
// (flag bit 3) as empty, and inflates without an output limit; liborcus's zip_archive
// inflates a whole entry into memory with no cap either. This reader trusts only the central
// directory for offsets and sizes (so data descriptors are irrelevant), inflates with zlib in
// bounded chunks, counts what it actually produces against the caps, and checks CRC-32 and size.
// Nothing is ever written to disk, so entry names are only lookup keys.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnplan {

struct ZipEntry {
  std::string name;
  uint16_t flags = 0;
  uint16_t method = 0;  // 0 stored, 8 deflate
  uint32_t crc32 = 0;
  uint64_t compressedSize = 0;
  uint64_t uncompressedSize = 0;
  uint64_t localHeaderOffset = 0;
  bool encrypted() const { return flags & 1; }
};

enum class ZipOpenStatus { Ok, NotZip, Truncated, TooManyEntries, DuplicateName };

enum class ZipReadStatus {
  Ok,
  Corrupt,        // bad local header, inflate error, CRC or size mismatch, data beyond the file
  Unsupported,    // compression method other than stored/deflate
  Encrypted,      // zip-level encryption (flag bit 0)
  EntryTooLarge,  // more than maxEntryBytes inflated
  TotalTooLarge,  // more than maxTotalBytes inflated over all reads of this container
  RatioTooHigh,   // inflated : compressed above maxRatio (past ratioFloorBytes)
  Stopped,        // the sink asked to stop
};

struct ZipCaps {
  uint64_t maxEntryBytes = 256ull << 20;
  uint64_t maxTotalBytes = 512ull << 20;
  uint32_t maxRatio = 200;
  uint64_t ratioFloorBytes = 1ull << 20;
};

class ZipContainer {
 public:
  // `bytes` must outlive the container. Part names are compared ASCII-case-insensitively,
  // as OPC requires; two entries whose names differ only in case are a DuplicateName.
  ZipOpenStatus open(std::string_view bytes, uint32_t maxEntries);
  const std::vector<ZipEntry>& entries() const { return entries_; }
  size_t entryCountInDirectory() const { return declaredEntries_; }
  const ZipEntry* find(std::string_view name) const;
  const std::string& duplicateName() const { return duplicate_; }

  // Inflates one entry and hands it to `sink` in chunks (at most 64 KiB each); the sink
  // returns false to stop. The chunk size keeps memory flat whatever the entry holds.
  ZipReadStatus read(const ZipEntry& e, const ZipCaps& caps, const std::function<bool(std::string_view)>& sink);
  // Convenience for small parts (relationships, workbook): the whole entry as a string.
  ZipReadStatus readAll(const ZipEntry& e, const ZipCaps& caps, std::string& out);
  uint64_t totalInflated() const { return totalInflated_; }

 private:
  std::string_view bytes_;
  std::vector<ZipEntry> entries_;
  std::unordered_map<std::string, size_t> byLowerName_;
  std::string duplicate_;
  size_t declaredEntries_ = 0;
  uint64_t totalInflated_ = 0;
};

}  // namespace vnplan
