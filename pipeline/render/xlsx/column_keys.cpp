#include "render/xlsx/column_keys.hpp"

namespace vnplan::xlsx {

std::string schemaKey(std::string_view prefix, std::string_view planKey) {
  std::string key(prefix);
  key += '.';
  for (char c : planKey) key += (c == ':') ? '.' : c;
  return key;
}

namespace {
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "A1", "xfd1048576", "R1C1", "R", "C": Excel reads these as references, not names.
bool looksLikeReference(std::string_view n) {
  std::size_t i = 0;
  while (i < n.size() && isAsciiLetter(n[i])) ++i;
  if (i >= 1 && i <= 3 && i < n.size()) {
    std::size_t j = i;
    while (j < n.size() && isAsciiDigit(n[j])) ++j;
    if (j == n.size()) return true;
  }
  if (n == "r" || n == "R" || n == "c" || n == "C") return true;
  if (!n.empty() && (n[0] == 'r' || n[0] == 'R')) {
    std::size_t j = 1;
    while (j < n.size() && isAsciiDigit(n[j])) ++j;
    if (j < n.size() && (n[j] == 'c' || n[j] == 'C')) {
      ++j;
      while (j < n.size() && isAsciiDigit(n[j])) ++j;
      if (j == n.size()) return true;
    }
  }
  return false;
}
}  // namespace

bool isValidDefinedName(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  if (!isAsciiLetter(name[0]) && name[0] != '_') return false;
  for (char c : name)
    if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_' && c != '.') return false;
  return !looksLikeReference(name);
}

std::string columnLetters(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

std::string absoluteRange(std::string_view sheet, int firstRow, int firstCol, int lastRow, int lastCol) {
  std::string quoted = "'";
  for (char c : sheet) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  quoted += "'";
  return quoted + "!$" + columnLetters(firstCol) + "$" + std::to_string(firstRow + 1) + ":$" + columnLetters(lastCol) +
         "$" + std::to_string(lastRow + 1);
}

}  // namespace vnplan::xlsx
