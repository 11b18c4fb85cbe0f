#pragma once
// Reads YAML files into nodes (load/yaml_tree.hpp) and offers checked accessors that turn every
// problem into a located Diagnostic instead of an exception. Shared by the plan and
// progress loaders.
#include <deque>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "load/yaml_tree.hpp"

namespace vnplan {

// A node together with the file it was read from. The name is the YamlReader's (it keeps
// every name it read): a node is copied for each key and entry read, its name is not.
struct Located {
  yaml::Node node;
  const std::string* file = nullptr;
  SourceRef at() const;
};

class YamlReader {
 public:
  explicit YamlReader(Diagnostics& diags) : diags_(diags) {}

  // Reads and parses a file; reports syntax errors, invalid UTF-8, anchors/aliases.
  // Returns nullopt when the file cannot be used at all.
  std::optional<Located> loadFile(const std::string& path);
  // Resolves a `!include file.yaml` value relative to the including file. The file must
  // lie inside the confinement directory (after symlinks): the one set below, else the
  // directory of the first file loaded.
  std::optional<Located> resolve(const Located& v);
  void confineIncludesTo(const std::string& dir) { includeRoot_ = dir; }

  void error(const Located& at, MsgId id, std::vector<std::string> args = {});
  void warning(const Located& at, MsgId id, std::vector<std::string> args = {});
  void error(const SourceRef& at, MsgId id, std::vector<std::string> args = {});
  void warning(const SourceRef& at, MsgId id, std::vector<std::string> args = {});

  // Checks that `m` is a map, reports unknown and duplicate keys.
  bool checkMap(const Located& m, const std::string& name, std::initializer_list<std::string_view> allowed);
  bool checkMap(const Located& m, const std::string& name, const std::set<std::string>& allowed);
  // Member access; nullopt when absent. Reports missing when required.
  std::optional<Located> member(const Located& m, const std::string& key, bool required = false);

  // Scalars (NFC-normalized). Report wrong types with the key name.
  std::optional<std::string> text(const Located& v, const std::string& key);
  std::string textOr(const Located& m, const std::string& key, bool required = false);
  std::optional<int> integer(const Located& v, const std::string& key);
  std::optional<double> number(const Located& v, const std::string& key);
  // A sequence of strings; a single string is accepted as a list of one.
  std::vector<std::pair<std::string, SourceRef>> textList(const Located& v, const std::string& key);
  // Iterates a sequence (after resolving includes); reports when it is not one.
  void forEach(const Located& seq, const std::string& key, const std::function<void(const Located&)>& fn);

  Diagnostics& diagnostics() { return diags_; }

 private:
  Diagnostics& diags_;
  std::vector<std::string> includeStack_;
  std::string includeRoot_;
  std::deque<std::string> fileNames_;  // what Located::file points to
  template <class IsAllowed>
  bool checkMapWith(const Located& m, const std::string& name, const IsAllowed& isAllowed);
  // Reports the file problems of readInputFile at `at`; fills `bytes` when usable.
  std::optional<Located> loadBytes(const std::string& path, const SourceRef* includedFrom = nullptr);
  bool readBytes(const std::string& path, const SourceRef& at, bool confined, std::string& bytes);
  // Reports control characters (other than tab and line ends) in a text value.
  bool checkControl(const Located& v, const std::string& key, const std::string& s);
};

}  // namespace vnplan
