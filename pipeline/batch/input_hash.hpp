#pragma once
// Content hashes of what an output is made from, for `vnplan run` to skip outputs whose
// inputs have not changed.
#include <string>
#include <vector>

namespace vnplan {

// SHA-256 in hex, fed piece by piece.
class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;
  void add(const std::string& bytes);
  // Adds the file's name and content; a missing file adds a marker instead, so it
  // appearing later changes the hash.
  void addFile(const std::string& path);
  std::string hex();

 private:
  void* ctx_;
};

// `file` and, recursively, every file it names with `!include` (found in the text; a
// mention inside a comment adds a file too many, never one too few). Sorted, no duplicates.
std::vector<std::string> filesWithIncludes(const std::string& file);

// A stable 64-bit hash of a text (FNV-1a), the same on every machine: --shard uses it.
unsigned long long stableHash(const std::string& text);

}  // namespace vnplan
