#include "load/zip_container.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace vnplan {
namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEndOfCentralDirSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr size_t kChunk = 64 * 1024;

uint16_t le16(std::string_view b, uint64_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t le32(std::string_view b, uint64_t at) { return le16(b, at) | static_cast<uint32_t>(le16(b, at + 2)) << 16; }
uint64_t le64(std::string_view b, uint64_t at) { return le32(b, at) | static_cast<uint64_t>(le32(b, at + 4)) << 32; }

std::string lowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

bool fits(std::string_view b, uint64_t at, uint64_t len) { return at <= b.size() && len <= b.size() - at; }

}  // namespace

ZipOpenStatus ZipContainer::open(std::string_view bytes, uint32_t maxEntries) {
  bytes_ = bytes;
  entries_.clear();
  byLowerName_.clear();
  totalInflated_ = 0;
  if (bytes.size() < 4 || le32(bytes, 0) != kLocalHeaderSig) {
    // An empty archive starts with its end record; anything else is not a zip at all.
    if (bytes.size() >= 22 && le32(bytes, 0) == kEndOfCentralDirSig) return ZipOpenStatus::Ok;
    return ZipOpenStatus::NotZip;
  }
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  if (bytes.size() < 22) return ZipOpenStatus::Truncated;
  uint64_t eocd = UINT64_MAX;
  const uint64_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
  for (uint64_t at = bytes.size() - 22;; --at) {
    if (le32(bytes, at) == kEndOfCentralDirSig && at + 22 + le16(bytes, at + 20) <= bytes.size()) {
      eocd = at;
      break;
    }
    if (at == lowest) break;
  }
  if (eocd == UINT64_MAX) return ZipOpenStatus::Truncated;
  uint64_t count = le16(bytes, eocd + 10);
  uint64_t cdSize = le32(bytes, eocd + 12);
  uint64_t cdOffset = le32(bytes, eocd + 16);
  if ((count == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF) && eocd >= 20 &&
      le32(bytes, eocd - 20) == kZip64LocatorSig) {
    const uint64_t rec = le64(bytes, eocd - 20 + 8);
    if (!fits(bytes, rec, 56) || le32(bytes, rec) != kZip64EndSig) return ZipOpenStatus::Truncated;
    count = le64(bytes, rec + 32);
    cdSize = le64(bytes, rec + 40);
    cdOffset = le64(bytes, rec + 48);
  }
  declaredEntries_ = count;
  if (count > maxEntries) return ZipOpenStatus::TooManyEntries;
  if (!fits(bytes, cdOffset, cdSize) || cdOffset + cdSize > eocd) return ZipOpenStatus::Truncated;
  entries_.reserve(count);
  uint64_t at = cdOffset;
  for (uint64_t i = 0; i < count; ++i) {
    if (!fits(bytes, at, 46) || le32(bytes, at) != kCentralHeaderSig) return ZipOpenStatus::Truncated;
    ZipEntry e;
    e.flags = le16(bytes, at + 8);
    e.method = le16(bytes, at + 10);
    e.crc32 = le32(bytes, at + 16);
    e.compressedSize = le32(bytes, at + 20);
    e.uncompressedSize = le32(bytes, at + 24);
    const uint16_t nameLen = le16(bytes, at + 28), extraLen = le16(bytes, at + 30), commentLen = le16(bytes, at + 32);
    e.localHeaderOffset = le32(bytes, at + 42);
    if (!fits(bytes, at + 46, uint64_t{nameLen} + extraLen + commentLen)) return ZipOpenStatus::Truncated;
    e.name.assign(bytes.substr(at + 46, nameLen));
    // ZIP64: the extra field 0x0001 holds the 64-bit values of those fields set to 0xFFFFFFFF.
    uint64_t x = at + 46 + nameLen;
    const uint64_t xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const uint16_t id = le16(bytes, x), len = le16(bytes, x + 2);
      if (x + 4 + len > xEnd) break;
      if (id == 0x0001) {
        uint64_t p = x + 4;
        const uint64_t pEnd = p + len;
        auto take = [&](uint64_t& field) {
          if (field == 0xFFFFFFFF && p + 8 <= pEnd) {
            field = le64(bytes, p);
            p += 8;
          }
        };
        take(e.uncompressedSize);
        take(e.compressedSize);
        take(e.localHeaderOffset);
      }
      x += 4 + len;
    }
    at += 46 + uint64_t{nameLen} + extraLen + commentLen;
    std::string key = lowerAscii(e.name);
    if (!byLowerName_.emplace(key, entries_.size()).second) {
      duplicate_ = e.name;
      return ZipOpenStatus::DuplicateName;
    }
    entries_.push_back(std::move(e));
  }
  return ZipOpenStatus::Ok;
}

const ZipEntry* ZipContainer::find(std::string_view name) const {
  auto it = byLowerName_.find(lowerAscii(name));
  return it == byLowerName_.end() ? nullptr : &entries_[it->second];
}

ZipReadStatus ZipContainer::read(const ZipEntry& e, const ZipCaps& caps,
                                 const std::function<bool(std::string_view)>& sink) {
  if (e.encrypted()) return ZipReadStatus::Encrypted;
  if (e.method != 0 && e.method != 8) return ZipReadStatus::Unsupported;
  // The local header repeats name and extra with their own lengths; its sizes are ignored
  // (they are zero when a data descriptor follows the data).
  if (!fits(bytes_, e.localHeaderOffset, 30) || le32(bytes_, e.localHeaderOffset) != kLocalHeaderSig)
    return ZipReadStatus::Corrupt;
  const uint64_t dataAt =
      e.localHeaderOffset + 30 + le16(bytes_, e.localHeaderOffset + 26) + le16(bytes_, e.localHeaderOffset + 28);
  if (!fits(bytes_, dataAt, e.compressedSize)) return ZipReadStatus::Corrupt;
  const std::string_view input = bytes_.substr(dataAt, e.compressedSize);

  uint64_t produced = 0;
  uLong crc = crc32(0L, Z_NULL, 0);
  // Checks the caps on what was actually produced, then hands the bytes on.
  auto deliver = [&](const char* p, size_t n) -> ZipReadStatus {
    produced += n;
    totalInflated_ += n;
    if (produced > caps.maxEntryBytes) return ZipReadStatus::EntryTooLarge;
    if (totalInflated_ > caps.maxTotalBytes) return ZipReadStatus::TotalTooLarge;
    if (produced > caps.ratioFloorBytes && produced / std::max<uint64_t>(e.compressedSize, 1) > caps.maxRatio)
      return ZipReadStatus::RatioTooHigh;
    crc = crc32_z(crc, reinterpret_cast<const Bytef*>(p), n);
    if (n > 0 && !sink(std::string_view(p, n))) return ZipReadStatus::Stopped;
    return ZipReadStatus::Ok;
  };

  if (e.method == 0) {
    if (e.compressedSize != e.uncompressedSize) return ZipReadStatus::Corrupt;
    for (uint64_t off = 0; off < input.size(); off += kChunk) {
      const size_t n = static_cast<size_t>(std::min<uint64_t>(kChunk, input.size() - off));
      if (auto s = deliver(input.data() + off, n); s != ZipReadStatus::Ok) return s;
    }
  } else {
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return ZipReadStatus::Corrupt;
    struct Guard {
      z_stream* z;
      ~Guard() { inflateEnd(z); }
    } guard{&zs};
    std::string out(kChunk, '\0');
    uint64_t consumed = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
      if (zs.avail_in == 0) {
        const uint64_t left = input.size() - consumed;
        if (left == 0) return ZipReadStatus::Corrupt;  // the stream ends before its end marker
        const uInt n = static_cast<uInt>(std::min<uint64_t>(left, 1u << 30));
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + consumed));
        zs.avail_in = n;
        consumed += n;
      }
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = static_cast<uInt>(out.size());
      rc = inflate(&zs, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return ZipReadStatus::Corrupt;
      const size_t n = out.size() - zs.avail_out;
      if (rc == Z_BUF_ERROR && n == 0 && zs.avail_in != 0) return ZipReadStatus::Corrupt;
      if (auto s = deliver(out.data(), n); s != ZipReadStatus::Ok) return s;
    }
  }
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  // Under the fuzzer a mutated byte would almost always fail here and hide the code after it.
  crc = e.crc32;
#endif
  if (produced != e.uncompressedSize || crc != e.crc32) return ZipReadStatus::Corrupt;
  return ZipReadStatus::Ok;
}

ZipReadStatus ZipContainer::readAll(const ZipEntry& e, const ZipCaps& caps, std::string& out) {
  out.clear();
  return read(e, caps, [&](std::string_view chunk) {
    out.append(chunk);
    return true;
  });
}

}  // namespace vnplan
