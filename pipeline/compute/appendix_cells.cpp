#include "compute/appendix_cells.hpp"

namespace vnplan {
namespace {

std::string joinLines(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!s.empty()) s += '\n';
    s += p;
  }
  return s;
}

}  // namespace

std::string agencyNames(const std::vector<AgencyRef>& refs) {
  std::vector<std::string> v;
  for (const auto& r : refs) v.push_back(r.text.empty() ? r.code : r.text);
  return joinLines(v);
}

std::string indicatorCellText(const Indicator& ind, const std::string& key) {
  if (key == "number") return ind.number;
  if (key == "name") return ind.name;
  if (key == "unit") return ind.unit;
  if (key == "target") {
    if (!ind.target.empty() || ind.targets.empty()) return ind.target;
    std::vector<std::string> v;
    for (const auto& [year, target] : ind.targets) v.push_back(std::to_string(year) + ": " + target);
    return joinLines(v);
  }
  if (key.rfind("target:", 0) == 0) {
    auto it = ind.targets.find(std::stoi(key.substr(7)));
    return it == ind.targets.end() ? "" : it->second;
  }
  if (key == "lead") return agencyNames(ind.lead);
  if (key == "partners") return agencyNames(ind.partners);
  if (key == "note") return ind.note;
  return "";
}

std::string taskCellText(const Task& task, const std::string& key) {
  if (key == "number") return task.number;
  if (key == "name") return task.name;
  if (key == "lead") return agencyNames(task.lead);
  if (key == "partners") return agencyNames(task.partners);
  if (key == "product") return task.product;
  if (key == "deadline") return task.deadline.text;
  if (key == "note") return task.note;
  return "";
}

}  // namespace vnplan
