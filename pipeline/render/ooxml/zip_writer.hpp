#pragma once
// A zip file written part by part: each part deflated here with libdeflate (one compressor per
// thread, reused), then stored by minizip in raw mode. Entry dates are fixed at 1980-01-01
// 00:00 (as libxlsxwriter and Excel write them), so the same parts give the same bytes.
#include <string>
#include <string_view>

namespace vnplan::ooxml {

// libdeflate's level for every part: measured on the reference workbooks, see zip_writer.cpp.
inline constexpr int kDeflateLevel = 1;

class ZipWriter {
 public:
  // Creates (or replaces) `path`; throws std::runtime_error naming it when it cannot.
  explicit ZipWriter(std::string path);
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;
  // Without a successful close(), the partly written file is removed.
  ~ZipWriter();

  // Appends one entry; throws std::runtime_error naming the file on a write error.
  void add(const char* name, std::string_view data);
  // Writes the central directory and closes the file; throws on a write error.
  void close();

 private:
  [[noreturn]] void fail(const std::string& what);
  std::string path_;
  void* zip_ = nullptr;  // minizip's zipFile
  bool done_ = false;
};

}  // namespace vnplan::ooxml
