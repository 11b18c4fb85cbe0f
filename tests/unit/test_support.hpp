#pragma once
// Small helpers shared by the unit tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "load/template_loader.hpp"
#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan::testing_support {

inline std::string readAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh directory per test, removed afterwards.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& prefix) {
    path = std::filesystem::temp_directory_path() /
           (prefix + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

// The family template of templates/, loaded once per family.
inline const DocTemplate& rulesFor(Family family) {
  static const DocTemplate state = [] {
    Diagnostics d;
    return loadTemplate(std::string(VNPLAN_SOURCE_DIR) + "/templates/state.yaml", d).value();
  }();
  static const DocTemplate party = [] {
    Diagnostics d;
    return loadTemplate(std::string(VNPLAN_SOURCE_DIR) + "/templates/party.yaml", d).value();
  }();
  return family == Family::Party ? party : state;
}

// How many diagnostics of one kind; and the count a MoreOfTheSame message gives ("" if none).
inline size_t countOf(const Diagnostics& d, MsgId id) {
  size_t n = 0;
  for (const auto& item : d.items) n += item.id == id;
  return n;
}
inline std::string moreOfTheSame(const Diagnostics& d) {
  for (const auto& item : d.items)
    if (item.id == MsgId::MoreOfTheSame) return item.args.at(0);
  return "";
}

}  // namespace vnplan::testing_support
