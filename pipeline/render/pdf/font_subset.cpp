#include "render/pdf/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <sstream>

namespace vnplan {
namespace {

// Bump when the repertoire changes so old cache entries are not reused.
constexpr int kRepertoireVersion = 1;

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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

std::string subsetFontCached(const std::string& fontPath) {
  namespace fs = std::filesystem;
  // Memoize per process: the same four faces are asked for by every document.
  // One lock for lookup and creation: threads of one process share the temporary file
  // name (the pid), so two must never create the same subset at once. Other processes
  // use other names, and rename() makes the result appear whole.
  static std::mutex mu;
  static std::map<std::string, std::string> memo;
  std::lock_guard<std::mutex> lock(mu);
  auto found = memo.find(fontPath);
  if (found != memo.end()) return found->second;
  std::string result = fontPath;
  try {
    std::string bytes = readAll(fontPath);
    char key[40];
    std::snprintf(key, sizeof key, "%016llx-v%d", static_cast<unsigned long long>(fnv1a(bytes)), kRepertoireVersion);
    fs::path dir = fs::path(fontCacheDir()) / "fonts";
    fs::path target = dir / (std::string(key) + "-" + fs::path(fontPath).filename().string());
    if (fs::is_regular_file(target)) {
      result = target.string();
    } else {
      std::string sub;
      if (!bytes.empty() && makeSubset(fontPath, bytes, sub)) {
        fs::create_directories(dir);
        fs::path tmp = dir / (target.filename().string() + ".tmp-" + std::to_string(::getpid()));
        {
          std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
          out.write(sub.data(), static_cast<std::streamsize>(sub.size()));
          if (!out) throw std::runtime_error("write");
        }
        fs::rename(tmp, target);
        result = target.string();
      }
    }
  } catch (...) {
    result = fontPath;  // no cache: use the full font, just slower
  }
  memo[fontPath] = result;
  return result;
}

}  // namespace vnplan
