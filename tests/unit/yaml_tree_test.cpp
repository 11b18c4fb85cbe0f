// The libyaml route (yaml::parseFast) must read every file exactly as the yaml-cpp route
// does: same kinds, tags, texts, styles and places. Compared over every YAML file of the
// repository (seed plans, test data, templates) and hand-written edge cases.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/yaml_tree.hpp"

using namespace vnplan;
namespace fs = std::filesystem;

namespace {

// A readable dump of a tree: one line per node with kind, tag, place, style and text.
void dump(const yaml::Node& n, std::ostream& out, int depth, bool withNullPlaces) {
  out << std::string(static_cast<size_t>(depth) * 2, ' ');
  const char* kind = n.IsMap() ? "map" : n.IsSequence() ? "seq" : n.IsScalar() ? "scalar" : n.IsNull() ? "null" : "undef";
  out << kind << " tag=" << n.Tag();
  if (!n.IsNull() || withNullPlaces) out << " @" << n.Mark().line << ":" << n.Mark().column;
  if (n.IsMap() || n.IsSequence()) out << (n.Style() == yaml::Style::Flow ? " flow" : " block");
  if (n.IsScalar()) out << " [" << n.Scalar() << "]";
  out << "\n";
  if (n.IsMap())
    for (auto it = n.begin(); it != n.end(); ++it) {
      dump(it->first, out, depth + 1, withNullPlaces);
      dump(it->second, out, depth + 2, withNullPlaces);
    }
  if (n.IsSequence())
    for (const auto& e : n) dump(e, out, depth + 1, withNullPlaces);
}

std::string dumpFast(const std::string& bytes, bool& ok) {
  yaml::Node root;
  ok = yaml::parseFast(bytes, root) == yaml::FastParse::Ok;
  std::ostringstream out;
  if (ok) dump(root, out, 0, false);
  return out.str();
}

std::string dumpYamlCpp(const std::string& bytes) {
  std::ostringstream out;
  dump(yaml::fromYamlCpp(YAML::Load(bytes)), out, 0, false);
  return out.str();
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(YamlTree, EveryRepositoryFileReadsAsYamlCppReadsIt) {
  int compared = 0, refused = 0;
  for (const char* root : {VNPLAN_INPUTS, VNPLAN_TEST_DATA, VNPLAN_SOURCE_DIR "/templates"}) {
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file() || (e.path().extension() != ".yaml" && e.path().extension() != ".yml")) continue;
      const std::string bytes = readAll(e.path());
      std::string expected;
      try {
        expected = dumpYamlCpp(bytes);
      } catch (const YAML::Exception&) {
        // A file yaml-cpp refuses must take its route too, so that it is refused with the
        // same located message as before.
        yaml::Node root;
        EXPECT_EQ(yaml::parseFast(bytes, root), yaml::FastParse::NeedsYamlCpp) << e.path();
        ++refused;
        continue;
      }
      bool ok = false;
      const std::string got = dumpFast(bytes, ok);
      // Test files broken on purpose (aliases, invalid UTF-8) are handed back; no other.
      if (!ok) {
        if (e.path().string().find("/broken-") == std::string::npos) ADD_FAILURE() << e.path() << ": yaml-cpp reads it, the fast route handed it back";
        continue;
      }
      EXPECT_EQ(got, expected) << e.path();
      ++compared;
    }
  }
  EXPECT_GT(compared, 30);
  EXPECT_GE(refused, 1);
}

TEST(YamlTree, EdgeCasesMatchYamlCpp) {
  const char* cases[] = {
      "a: 1\nb: ~\nc: null\nd:\ne: 'null'\nf: \"x\"\n",
      "t: >-\n  gấp\n  dòng\nu: |\n  giữ\n  dòng\n",
      "- [a, b, 'c']\n- {k: v}\n- !include x.yaml\n",
      "Lưu: VT, VHXH.\n",
      "\xEF\xBB\xBFtên: Ủy ban\nsố: 12\n",
      "x: [VHKHTT, và các phòng ban liên quan]\n",
      "key: value # chú thích\nother: \"có # không phải chú thích\"\n",
      "dup: 1\ndup: 2\n",
      "",
      "# chỉ chú thích\n",
      "list:\n- một\n- hai\n",
      "n: -3.5e2\nm: .inf\n",
  };
  for (const char* c : cases) {
    bool ok = false;
    const std::string got = dumpFast(c, ok);
    ASSERT_TRUE(ok) << c;
    EXPECT_EQ(got, dumpYamlCpp(c)) << c;
  }
}

TEST(YamlTree, PlacesOnOneLongLineMatchYamlCpp) {
  // Many nodes on one line with multi-byte text: each column is found from the previous one
  // (a walk from the line's start for every node would make such a line quadratic).
  std::string line = "k: [";
  for (int i = 0; i < 3000; ++i) line += (i ? ", " : "") + std::string(i % 2 ? "ệ" : "{a: ô}");
  line += "]\n";
  bool ok = false;
  const std::string got = dumpFast(line, ok);
  ASSERT_TRUE(ok);
  EXPECT_EQ(got, dumpYamlCpp(line));
}

TEST(YamlTree, WhatYamlCppRefusesIsHandedBack) {
  // Slips a clerk makes; each must reach yaml-cpp, whose messages the loader translates.
  const char* slips[] = {
      "document:\n  title Kế hoạch\n  number: 5\n", "a: b: c\n",        "a: [1, 2\n",
      "a:\n  - x\n - y\n",                            "k: \"chưa đóng\n", "a: 1\n  b: 2\n",
      "- a\nb: c\n",                                  "{a: 1\n",           "a: 'x' y\n",
      "a:\n\t- x\n",                                   ",\n",               "[:]\n",
  };
  int refusedByBoth = 0;
  for (const char* c : slips) {
    bool yamlCppRefuses = false;
    try {
      YAML::Load(c);
    } catch (const YAML::Exception&) {
      yamlCppRefuses = true;
    }
    yaml::Node root;
    const bool fast = yaml::parseFast(c, root) == yaml::FastParse::Ok;
    if (yamlCppRefuses) {
      EXPECT_FALSE(fast) << c;
      ++refusedByBoth;
    } else if (fast) {
      bool ok = false;
      EXPECT_EQ(dumpFast(c, ok), dumpYamlCpp(c)) << c;
    }
  }
  EXPECT_GE(refusedByBoth, 8);
}

TEST(YamlTree, ProblemsAreHandedBackToYamlCpp) {
  // Syntax errors, anchors and aliases: reported by the yaml-cpp route with its places.
  for (const char* c : {"a: [1, 2\n", "a: &x 1\nb: *x\n", "a: *x\n", "a: b: c\n", "\tk: v\n"}) {
    yaml::Node root;
    EXPECT_EQ(yaml::parseFast(c, root), yaml::FastParse::NeedsYamlCpp) << c;
  }
  std::string deep(300, '[');
  deep += std::string(300, ']');
  yaml::Node root;
  EXPECT_EQ(yaml::parseFast(deep, root), yaml::FastParse::NeedsYamlCpp);
}

TEST(YamlTree, AccessorsFollowYamlCpp) {
  yaml::Node root;
  ASSERT_EQ(yaml::parseFast("a: 1\nb: [x, y]\nc: 2.5\nd: abc\n", root), yaml::FastParse::Ok);
  EXPECT_TRUE(root["a"]);
  EXPECT_FALSE(root["zz"]);
  EXPECT_EQ(root["b"].size(), 2u);
  EXPECT_EQ(root["b"][size_t{1}].Scalar(), "y");
  EXPECT_FALSE(root["b"][size_t{2}]);
  EXPECT_EQ(root["c"].asDouble(), 2.5);
  EXPECT_EQ(root["c"].asDouble(), YAML::Load("2.5").as<double>());
  EXPECT_FALSE(root["d"].asDouble());
  EXPECT_FALSE(root["b"].asDouble());
  EXPECT_EQ(root.Mark().line, 0);
  EXPECT_EQ(root["c"].Mark().line, 2);
  EXPECT_EQ(root["c"].Mark().column, 3);
}

// The loaders skip checking the UTF-8 of a text read by libyaml (yaml_reader.cpp): libyaml
// must refuse every way of writing ill-formed UTF-8, in the bytes and in escapes, so that
// such a file takes the yaml-cpp route, whose texts are checked.
TEST(YamlTree, OnlyWellFormedUtf8IsReadByLibyaml) {
  const std::string refused[] = {
      "a: \"\\uD800\"\n", "a: \"\\uDFFF x\"\n", "a: \"\\U00110000\"\n", "a: b\xC3\n",    "a: \xC0\xAF\n",
      "a: \xE0\x80\xAF\n", "a: \xED\xA0\x80\n", "a: \xF4\x90\x80\x80\n", "a: \xF8\x88\x80\x80\x80\n", "a: \x80\n",
      "\xFF: b\n",
  };
  for (const auto& c : refused) {
    yaml::Node root;
    EXPECT_EQ(yaml::parseFast(c, root), yaml::FastParse::NeedsYamlCpp) << testing::PrintToString(c);
  }
  yaml::Node root;
  ASSERT_EQ(yaml::parseFast("a: \"\\x80 \\u00E9 \\U0001F600 \\0\"\nb: Việt\n", root), yaml::FastParse::Ok);
  EXPECT_TRUE(root["a"].KnownValidUtf8());
  EXPECT_EQ(root["a"].Scalar(), std::string("\xC2\x80 \xC3\xA9 \xF0\x9F\x98\x80 \0", 12));
  EXPECT_TRUE(root["b"].KnownValidUtf8());
  EXPECT_TRUE(root.keyAt(1).KnownValidUtf8());
  EXPECT_FALSE(yaml::fromYamlCpp(YAML::Load("a: b\n"))["a"].KnownValidUtf8());
}
