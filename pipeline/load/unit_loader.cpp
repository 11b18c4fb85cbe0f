#include "load/unit_loader.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "load/yaml_reader.hpp"

namespace vnplan {

namespace {

bool allDigits(const std::string& s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool agencyCode(const std::string& s) {
  if (s.empty() || s.size() > 20) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

const char* codeShape(UnitLevel l) {
  switch (l) {
    case UnitLevel::Province: return "2 chữ số / 2 digits";
    case UnitLevel::District: return "3 chữ số / 3 digits";
    case UnitLevel::Commune: return "5 chữ số / 5 digits";
    case UnitLevel::Agency: return "A-Z, 0-9, -, _ (≤ 20)";
  }
  return "";
}

bool codeFits(const std::string& code, UnitLevel l) {
  switch (l) {
    case UnitLevel::Province: return allDigits(code, 2);
    case UnitLevel::District: return allDigits(code, 3);
    case UnitLevel::Commune: return allDigits(code, 5);
    case UnitLevel::Agency: return agencyCode(code);
  }
  return false;
}

// Which levels may hold a unit of level `child`.
bool parentAllowed(UnitLevel child, UnitLevel parent) {
  switch (child) {
    case UnitLevel::Province: return false;
    case UnitLevel::District: return parent == UnitLevel::Province;
    case UnitLevel::Commune: return parent == UnitLevel::Province || parent == UnitLevel::District;
    case UnitLevel::Agency: return true;  // the office of a province, district, commune or agency
  }
  return false;
}

}  // namespace

std::optional<UnitDirectory> loadUnits(const std::string& file, Diagnostics& diags) {
  YamlReader r(diags);
  const std::size_t before = diags.errorCount();
  auto root = r.loadFile(file);
  if (!root) return std::nullopt;
  if (!r.checkMap(*root, "units.yaml", {"units", "aggregate"})) return std::nullopt;
  UnitDirectory dir;
  dir.file = file;
  std::map<std::string, SourceRef> seen;
  if (auto list = r.member(*root, "units", true)) {
    r.forEach(*list, "units", [&](const Located& e) {
      if (!r.checkMap(e, "units[]", {"code", "name", "level", "parent"})) return;
      Unit u;
      u.at = e.at();
      u.name = r.textOr(e, "name", true);
      u.parent = r.textOr(e, "parent");
      std::string level = r.textOr(e, "level", true);
      bool levelKnown = true;
      if (level == "province")
        u.level = UnitLevel::Province;
      else if (level == "district")
        u.level = UnitLevel::District;
      else if (level == "commune")
        u.level = UnitLevel::Commune;
      else if (level == "agency")
        u.level = UnitLevel::Agency;
      else {
        levelKnown = false;
        if (auto l = r.member(e, "level")) r.error(*l, MsgId::BadValue, {"level", level, "province, district, commune, agency"});
      }
      if (auto c = r.member(e, "code", true)) {
        u.code = r.text(*c, "code").value_or("");
        if (levelKnown && !codeFits(u.code, u.level)) r.error(*c, MsgId::BadUnitCode, {u.code, codeShape(u.level)});
        auto it = seen.find(u.code);
        if (it != seen.end())
          r.error(*c, MsgId::DuplicateNumber, {"unit", u.code, it->second.file + ":" + std::to_string(it->second.line)});
        else
          seen[u.code] = c->at();
      }
      dir.units.push_back(std::move(u));
    });
  }
  if (auto agg = r.member(*root, "aggregate")) {
    if (!agg->node.IsMap()) {
      r.error(*agg, MsgId::WrongType, {"aggregate", "bảng chỉ tiêu → sum | average | none / map"});
    } else {
      for (auto it = agg->node.begin(); it != agg->node.end(); ++it) {
        Located k{it->first, root->file}, v{it->second, root->file};
        std::string number = r.text(k, "aggregate").value_or("");
        std::string rule = r.text(v, "aggregate." + number).value_or("");
        if (rule == "sum")
          dir.aggregate[number] = Aggregation::Sum;
        else if (rule == "average")
          dir.aggregate[number] = Aggregation::Average;
        else if (rule == "none")
          dir.aggregate[number] = Aggregation::None;
        else
          r.error(v, MsgId::BadValue, {"aggregate." + number, rule, "sum, average, none"});
      }
    }
  }
  // Parents: known, of a fitting level, without cycles.
  for (const auto& u : dir.units) {
    if (u.parent.empty()) continue;
    const Unit* p = dir.find(u.parent);
    if (!p) {
      r.error(u.at, MsgId::UnknownParent, {u.code, u.parent});
      continue;
    }
    if (!parentAllowed(u.level, p->level)) r.error(u.at, MsgId::BadParentLevel, {u.code, u.parent});
  }
  std::set<std::string> reported;
  for (const auto& u : dir.units) {
    std::vector<std::string> chain{u.code};
    std::set<std::string> onChain{u.code};
    const Unit* cur = &u;
    while (cur && !cur->parent.empty()) {
      const std::string& next = cur->parent;
      if (onChain.count(next)) {
        if (next == u.code && reported.insert(u.code).second) {
          std::string text;
          for (const auto& c : chain) text += c + " → ";
          r.error(u.at, MsgId::UnitCycle, {text + next});
        }
        break;
      }
      chain.push_back(next);
      onChain.insert(next);
      cur = dir.find(next);
    }
  }
  if (diags.errorCount() > before) return std::nullopt;
  return dir;
}

std::string findUnitsFile(const std::string& planDir, const std::string& explicitPath) {
  if (!explicitPath.empty()) return explicitPath;
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path p : {fs::path(planDir) / "units.yaml", fs::path(planDir).lexically_normal().parent_path() / "units.yaml"})
    if (fs::is_regular_file(p, ec)) return p.string();
  return {};
}

}  // namespace vnplan
