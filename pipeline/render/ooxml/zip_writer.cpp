#include "render/ooxml/zip_writer.hpp"

#include <libdeflate.h>
#include <minizip/zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

namespace vnplan::ooxml {

// Why level 1: deflating all the XML parts of the 22 reference workbooks (2.23 MB; best of 20
// runs on the shared 2-core machine) took libdeflate level 1 15-18 ms for 471 kB, level 3
// 22-26 ms for 452 kB, level 6 28-53 ms for 424 kB, level 9 157-204 ms for 418 kB; zlib level 6
// (libxlsxwriter's) 79 ms for 430 kB. A workbook is written once and read a few times, and the
// country run writes 6,642 of them: level 1 saves 2-4 s of CPU over level 6 for 11 % more bytes.

namespace {

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor per thread: allocating one costs more than deflating a small part.
libdeflate_compressor* threadCompressor() {
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
      libdeflate_alloc_compressor(kDeflateLevel));
  if (!compressor) throw std::bad_alloc();
  return compressor.get();
}

thread_local std::vector<unsigned char> deflated;

// Removes what was written, but only a regular file: writing to /dev/full must not delete it.
void removePartial(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec))) std::filesystem::remove(path, ec);
}

}  // namespace

ZipWriter::ZipWriter(std::string path) : path_(std::move(path)) {
  errno = 0;
  zip_ = zipOpen(path_.c_str(), APPEND_STATUS_CREATE);
  if (!zip_) {
    const int err = errno;
    throw std::runtime_error("cannot write " + path_ + (err ? std::string(": ") + std::strerror(err) : std::string()));
  }
}

ZipWriter::~ZipWriter() {
  if (done_) return;
  if (zip_) zipClose(static_cast<zipFile>(zip_), nullptr);
  removePartial(path_);
}

void ZipWriter::fail(const std::string& what) {
  const int err = errno;
  if (zip_) zipClose(static_cast<zipFile>(zip_), nullptr);
  zip_ = nullptr;
  removePartial(path_);
  done_ = true;
  throw std::runtime_error("cannot write " + path_ + ": " + what + (err ? std::string(" (") + std::strerror(err) + ")" : std::string()));
}

void ZipWriter::add(const char* name, std::string_view data) {
  if (!zip_) throw std::logic_error("zip: add after close");
  libdeflate_compressor* c = threadCompressor();
  const std::size_t bound = libdeflate_deflate_compress_bound(c, data.size());
  if (deflated.size() < bound) deflated.resize(bound);
  const std::size_t size = libdeflate_deflate_compress(c, data.data(), data.size(), deflated.data(), deflated.size());
  if (size == 0 && !data.empty()) fail(std::string("cannot deflate ") + name);
  const std::uint32_t crc = libdeflate_crc32(0, data.data(), data.size());
  if (data.size() > 0xFFFFFFFFu - 1 || size > 0xFFFFFFFFu - 1) fail(std::string(name) + " is over 4 GiB");

  zip_fileinfo info{};
  info.tmz_date.tm_mday = 1;
  info.tmz_date.tm_mon = 0;
  info.tmz_date.tm_year = 1980;
  zipFile zf = static_cast<zipFile>(zip_);
  errno = 0;
  if (zipOpenNewFileInZip2(zf, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, kDeflateLevel, 1) != ZIP_OK)
    fail(std::string("cannot add ") + name);
  if (size > 0 && zipWriteInFileInZip(zf, deflated.data(), static_cast<unsigned>(size)) != ZIP_OK)
    fail(std::string("cannot write ") + name);
  if (zipCloseFileInZipRaw(zf, static_cast<uLong>(data.size()), crc) != ZIP_OK) fail(std::string("cannot write ") + name);
  // A big part's buffer is not kept for the thread's life.
  if (deflated.size() > (4u << 20)) std::vector<unsigned char>().swap(deflated);
}

void ZipWriter::close() {
  if (!zip_) return;
  errno = 0;
  const int rc = zipClose(static_cast<zipFile>(zip_), nullptr);
  zip_ = nullptr;
  if (rc != ZIP_OK) fail("cannot finish the zip");
  done_ = true;
}

}  // namespace vnplan::ooxml
