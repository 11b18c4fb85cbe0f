#include "model/unit.hpp"

namespace vnplan {

const char* unitLevelKey(UnitLevel l) {
  switch (l) {
    case UnitLevel::Province: return "province";
    case UnitLevel::District: return "district";
    case UnitLevel::Commune: return "commune";
    case UnitLevel::Agency: return "agency";
  }
  return "?";
}

std::string unitLevelLabel(UnitLevel l, bool english) {
  switch (l) {
    case UnitLevel::Province: return english ? "Province" : "Cấp tỉnh";
    case UnitLevel::District: return english ? "District" : "Cấp huyện";
    case UnitLevel::Commune: return english ? "Commune" : "Cấp xã";
    case UnitLevel::Agency: return english ? "Agency" : "Cơ quan, đơn vị";
  }
  return "?";
}

}  // namespace vnplan
