#include "model/plan.hpp"

namespace vnplan {
namespace {

std::string trimDots(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

}  // namespace

std::string documentTypeName(const std::string& typeCode) {
  if (typeCode == "KH") return "Kế hoạch";
  if (typeCode == "BC") return "Báo cáo";
  if (typeCode == "CTr") return "Chương trình";
  if (typeCode == "QĐ") return "Quyết định";
  if (typeCode == "TB") return "Thông báo";
  if (typeCode == "TTr") return "Tờ trình";
  if (typeCode == "HD") return "Hướng dẫn";
  return typeCode;
}

std::string groupKeyPart(const std::string& groupNumber, size_t groupIndex) {
  std::string g = trimDots(groupNumber);
  return g.empty() ? std::to_string(groupIndex + 1) : g;
}

std::string qualifiedRowKey(const std::string& groupKey, const std::string& rowNumber) {
  return groupKey + "." + trimDots(rowNumber);
}

}  // namespace vnplan
