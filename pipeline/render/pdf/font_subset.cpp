#include "render/pdf/font_subset.hpp"

#include "model/digest.hpp"

#include <hb-subset.h>
#include <hb.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <sstream>
#include <vector>

namespace vnplan {
namespace {

// Bump when the repertoire (makeSubset) changes so old cache entries are not reused.
constexpr int kRepertoireVersion = 1;


bool makeSubset(const std::string& src, const std::string& bytes, std::string& out) {
  hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  bool ok = false;
  if (input) {
    hb_set_t* u = hb_subset_input_unicode_set(input);
    // Basic Latin, Latin-1, Latin Extended-A, Ơ/ơ/Ư/ư, combining marks, Latin Extended
    // Additional (precomposed Vietnamese), general punctuation, ≤ ≥ and a few symbols.
    hb_set_add_range(u, 0x20, 0x7E);
    hb_set_add_range(u, 0xA0, 0xFF);
    hb_set_add_range(u, 0x100, 0x17F);
    hb_set_add_range(u, 0x1A0, 0x1B0);
    hb_set_add_range(u, 0x300, 0x323);
    hb_set_add_range(u, 0x1EA0, 0x1EF9);
    hb_set_add_range(u, 0x2000, 0x206F);
    hb_set_add_range(u, 0x2190, 0x2193);
    hb_set_add_range(u, 0x2212, 0x2212);
    hb_set_add_range(u, 0x2260, 0x2265);
    hb_set_add_range(u, 0x20AB, 0x20AC);
    hb_set_add_range(u, 0x2116, 0x2116);
    hb_face_t* sub = hb_subset_or_fail(face, input);
    if (sub) {
      hb_blob_t* res = hb_face_reference_blob(sub);
      unsigned len = 0;
      const char* data = hb_blob_get_data(res, &len);
      if (data && len > 0) {
        out.assign(data, len);
        ok = true;
      }
      hb_blob_destroy(res);
      hb_face_destroy(sub);
    }
    hb_subset_input_destroy(input);
  }
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  (void)src;
  return ok;
}

}  // namespace

std::string fontCacheDir() {
  if (const char* c = std::getenv("VNPLAN_CACHE")) return c;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/vnplan";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/vnplan";
  return "/tmp/vnplan-cache-" + std::to_string(::getuid());
}

namespace {

std::mutex& noticeMutex() {
  static std::mutex mu;
  return mu;
}
std::function<void(const std::string&)>& noticeHandler() {
  static std::function<void(const std::string&)> handler = [](const std::string& entry) {
    std::fprintf(stderr, "vnplan: phông chữ trong bộ đệm bị hỏng, đã tạo lại: %s\n", entry.c_str());
  };
  return handler;
}

// What decides the bytes of a subset besides the source font: the repertoire (in
// makeSubset, versioned by kRepertoireVersion) and the subsetter (HarfBuzz's version).
std::string subsetterIdentity() {
  return "repertoire " + std::to_string(kRepertoireVersion) + "; harfbuzz " + hb_version_string();
}

// An entry is "<slot>-<check>-<font file name>": slot = hash of the source font's bytes
// and the subsetter identity; check = hash of slot and the entry's own bytes, so an entry
// that was emptied, cut, overwritten or swapped with another face's is noticed.
bool entryIsValid(const std::filesystem::path& entry, const std::string& slot, const std::string& check) {
  const std::string bytes = readFontFile(entry.string());
  return !bytes.empty() && sha256Hex({slot, bytes}).substr(0, 32) == check;
}

}  // namespace

void setFontCacheRepairNotice(std::function<void(const std::string& entry)> notice) {
  std::lock_guard<std::mutex> lock(noticeMutex());
  noticeHandler() = std::move(notice);
}

std::string readFontFile(const std::string& path) {
  // In blocks (a stream buffer copy), not a character at a time: font files are 0.4 MB.
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  return std::move(bytes).str();
}

std::string subsetFontCached(const std::string& fontPath) {
  namespace fs = std::filesystem;
  // Memoize per process: the same four faces are asked for by every document.
  // One lock for lookup and creation: threads of one process share the temporary file
  // name (the pid), so two must never create the same subset at once. Other processes
  // use other names, and rename() makes the result appear whole.
  static std::mutex mu;
  static std::map<std::string, std::string> memo;
  std::lock_guard<std::mutex> lock(mu);
  const std::string memoKey = fontCacheDir() + "\n" + fontPath;
  auto found = memo.find(memoKey);
  if (found != memo.end()) return found->second;
  std::string result = fontPath;
  try {
    const std::string bytes = readFontFile(fontPath);
    const std::string slot = sha256Hex({bytes, "\n" + subsetterIdentity()}).substr(0, 32);
    const fs::path dir = fs::path(fontCacheDir()) / "fonts";
    const std::string name = fs::path(fontPath).filename().string();
    // Look for a valid entry of this slot; remove the bad ones.
    std::vector<fs::path> bad;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string entry = it->path().filename().string();
      if (entry.size() < 66 || entry.compare(0, 33, slot + "-") != 0 || entry.find(".tmp-") != std::string::npos) continue;
      if (entryIsValid(it->path(), slot, entry.substr(33, 32)))
        result = it->path().string();
      else
        bad.push_back(it->path());
    }
    for (const auto& b : bad) fs::remove(b, ec);
    if (result == fontPath) {
      std::string sub;
      if (!bytes.empty() && makeSubset(fontPath, bytes, sub)) {
        fs::create_directories(dir);
        const fs::path target = dir / (slot + "-" + sha256Hex({slot, sub}).substr(0, 32) + "-" + name);
        fs::path tmp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
        {
          std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
          out.write(sub.data(), static_cast<std::streamsize>(sub.size()));
          out.close();
          if (!out) {
            fs::remove(tmp, ec);
            throw std::runtime_error("write");
          }
        }
        fs::rename(tmp, target);
        result = target.string();
        if (!bad.empty()) {
          std::lock_guard<std::mutex> nl(noticeMutex());
          if (noticeHandler()) noticeHandler()(bad.front().string());
        }
      }
    }
  } catch (...) {
    result = fontPath;  // no cache: use the full font, just slower
  }
  memo[memoKey] = result;
  return result;
}

}  // namespace vnplan
