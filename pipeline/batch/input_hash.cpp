#include "batch/input_hash.hpp"

#include <openssl/evp.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace vnplan {

namespace fs = std::filesystem;

ContentHash::ContentHash() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 unavailable");
}

ContentHash::~ContentHash() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void ContentHash::add(const std::string& bytes) {
  // Length first, so that ("ab","c") and ("a","bc") differ.
  const std::string len = std::to_string(bytes.size()) + ":";
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), len.data(), len.size());
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size());
}

void ContentHash::addFile(const std::string& path) {
  add(path);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    add("<missing>");
    return;
  }
  // Whole file as one piece (length prefix from its size), read in large blocks.
  std::string bytes;
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
  std::fclose(f);
  add(bytes);
}

std::string ContentHash::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), md, &n);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += digits[md[i] >> 4];
    out += digits[md[i] & 15];
  }
  return out;
}

namespace {

// The file names after each "!include" in a YAML text: plain, '…' or "…" scalars.
std::vector<std::string> includedNames(const std::string& text) {
  std::vector<std::string> names;
  const std::string tag = "!include";
  for (size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + tag.size())) {
    size_t i = at + tag.size();
    if (i >= text.size() || (text[i] != ' ' && text[i] != '\t')) continue;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    std::string name;
    if (text[i] == '"' || text[i] == '\'') {
      const size_t close = text.find(text[i], i + 1);
      if (close == std::string::npos) continue;
      name = text.substr(i + 1, close - i - 1);
    } else {
      size_t j = i;
      while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])) && text[j] != ',' && text[j] != ']' &&
             text[j] != '}' && text[j] != '#')
        ++j;
      name = text.substr(i, j - i);
    }
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

}  // namespace

std::vector<std::string> filesWithIncludes(const std::string& file) {
  std::set<std::string> seen;
  std::vector<std::string> todo{fs::path(file).lexically_normal().string()};
  while (!todo.empty()) {
    std::string f = todo.back();
    todo.pop_back();
    if (!seen.insert(f).second) continue;
    std::FILE* in = std::fopen(f.c_str(), "rb");
    if (!in) continue;
    std::string text;
    char buf[1 << 16];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) text.append(buf, n);
    std::fclose(in);
    for (const auto& name : includedNames(text)) todo.push_back((fs::path(f).parent_path() / name).lexically_normal().string());
  }
  return {seen.begin(), seen.end()};
}

unsigned long long stableHash(const std::string& text) {
  unsigned long long h = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;  // FNV 64 prime
  }
  return h;
}

}  // namespace vnplan
