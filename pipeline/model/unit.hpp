#pragma once
// The units that report progress (units.yaml, docs/collection.md): localities identified by
// their official administrative codes (mã đơn vị hành chính: 2-digit province, 3-digit
// district, 5-digit commune) and agencies identified by agency codes, in a tree of parents.
// Plain data, no I/O.
#include <map>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace vnplan {

enum class UnitLevel { Province, District, Commune, Agency };

// "province", "district", "commune", "agency"
const char* unitLevelKey(UnitLevel l);
// "Tỉnh/thành phố", "Huyện", "Xã/phường", "Cơ quan" (English: "Province", …)
std::string unitLevelLabel(UnitLevel l, bool english);

struct Unit {
  std::string code;  // "19", "164", "05500", "NV"
  std::string name;
  UnitLevel level = UnitLevel::Commune;
  std::string parent;  // code; empty for a root
  SourceRef at;
};

// How a numeric indicator combines over units, when its meaning is not guessed right from
// its unit of measure (units.yaml `aggregate:`).
enum class Aggregation { Auto, Sum, Average, None };

struct UnitDirectory {
  std::vector<Unit> units;  // file order
  std::map<std::string, Aggregation> aggregate;  // indicator number -> rule
  std::string file;

  const Unit* find(const std::string& code) const {
    for (const auto& u : units)
      if (u.code == code) return &u;
    return nullptr;
  }
  std::vector<const Unit*> children(const std::string& code) const {
    std::vector<const Unit*> out;
    for (const auto& u : units)
      if (u.parent == code) out.push_back(&u);
    return out;
  }
  // Units that report to someone (every unit with a parent), file order.
  std::vector<const Unit*> reporting() const {
    std::vector<const Unit*> out;
    for (const auto& u : units)
      if (!u.parent.empty()) out.push_back(&u);
    return out;
  }
};

}  // namespace vnplan
