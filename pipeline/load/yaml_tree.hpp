#pragma once
// The parsed form of a YAML file as the loaders read it: scalars, sequences and mappings
// with their tags and places. Built by libyaml's event parser (a plan's 130 KB in about a
// tenth of the time yaml-cpp's scanner takes), or converted from a yaml-cpp node when a file
// takes the yaml-cpp route (errors, aliases, UTF-16; see yaml_reader.cpp). The accessors
// keep yaml-cpp's names and meanings, so the loaders read either the same way:
// - a plain scalar without a tag has tag "?", a quoted or block scalar "!";
// - a plain `~`, `null`, `Null`, `NULL` or empty scalar without a tag is Null, tag "";
// - marks are 0-based lines and byte columns (-1 when unknown).
// Immutable once built; copies share the document, so a node may be read from many threads.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/node/node.h>

namespace vnplan::yaml {

struct Mark {
  int line = -1;
  int column = -1;
};

enum class Kind : unsigned char { Undefined, Null, Scalar, Sequence, Map };
enum class Style : unsigned char { Block, Flow };

struct NodeData {
  Kind kind = Kind::Null;
  Style style = Style::Block;
  // Read by libyaml, which refuses ill-formed UTF-8 in the file and in escapes: the text is
  // well-formed UTF-8 without another look (yaml-cpp passes such bytes through).
  bool validUtf8 = false;
  Mark mark;
  std::string scalar;
  std::string tag;
  // A sequence's entries; a mapping's keys and values alternating, in file order
  // (duplicate keys kept: the loaders report them).
  std::vector<const NodeData*> children;
};

class Node;

// What iterating a node gives: for a sequence the entry itself, for a mapping `first`
// (the key) and `second` (the value) — as yaml-cpp's iterator value.
struct Item;

class Node {
 public:
  Node() = default;  // undefined: what a missing key gives
  Node(std::shared_ptr<const void> owner, const NodeData* data) : owner_(std::move(owner)), data_(data) {}

  bool IsDefined() const { return data_ != nullptr; }
  bool IsNull() const { return data_ && data_->kind == Kind::Null; }
  bool IsScalar() const { return data_ && data_->kind == Kind::Scalar; }
  bool IsSequence() const { return data_ && data_->kind == Kind::Sequence; }
  bool IsMap() const { return data_ && data_->kind == Kind::Map; }
  explicit operator bool() const { return IsDefined(); }

  // The text of a scalar; empty for anything else.
  const std::string& Scalar() const;
  const std::string& Tag() const;
  yaml::Mark Mark() const { return data_ ? data_->mark : yaml::Mark{}; }
  yaml::Style Style() const { return data_ ? data_->style : yaml::Style::Block; }
  // Entries of a sequence or a mapping; 0 otherwise.
  size_t size() const;
  // The value of the first `key` of a mapping; undefined when absent or not a mapping.
  Node operator[](std::string_view key) const;
  Node operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  // The entry index of the first `key` of a mapping; npos when absent or not a mapping.
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t find(std::string_view key) const;
  // Key and value of mapping entry `i` (< size()); undefined when not a mapping.
  Node keyAt(size_t i) const { return IsMap() ? child(2 * i) : Node(); }
  Node valueAt(size_t i) const { return IsMap() ? child(2 * i + 1) : Node(); }
  // True when the scalar is known to be well-formed UTF-8 (see NodeData::validUtf8).
  bool KnownValidUtf8() const { return data_ && data_->validUtf8; }
  // Entry `i` of a sequence; undefined when out of range or not a sequence.
  Node operator[](size_t i) const { return IsSequence() && i < data_->children.size() ? child(i) : Node(); }

  class iterator;
  iterator begin() const;
  iterator end() const;

  // A scalar as a number the way yaml-cpp's as<double>() reads it (".inf" and ".nan"
  // included); nullopt when it is not one.
  std::optional<double> asDouble() const;

 private:
  std::shared_ptr<const void> owner_;
  const NodeData* data_ = nullptr;
  Node child(size_t i) const { return Node(owner_, data_->children[i]); }
  friend class iterator;
};

struct Item : Node {
  Node first, second;
};

class Node::iterator {
 public:
  iterator(const Node* n, size_t i) : node_(n), i_(i) {}
  Item operator*() const;
  struct Arrow {
    Item item;
    const Item* operator->() const { return &item; }
  };
  Arrow operator->() const { return Arrow{**this}; }
  iterator& operator++() {
    i_ += node_->IsMap() ? 2 : 1;
    return *this;
  }
  bool operator==(const iterator& o) const { return i_ == o.i_; }
  bool operator!=(const iterator& o) const { return i_ != o.i_; }

 private:
  const Node* node_;
  size_t i_;
};

// Why the fast parser handed a file back (the yaml-cpp route then reads it and reports).
enum class FastParse { Ok, NeedsYamlCpp };

// Parses UTF-8 `bytes` with libyaml into `out` (the first document; an empty file is a
// Null root). NeedsYamlCpp on any syntax error, anchor, alias or nesting deeper than the
// loaders accept, so that every problem is reported by one parser with one set of messages.
// With `wholeStream`, libyaml also reads on to the end of the stream (the documents after
// the first are not kept) and hands back a file it cannot read to the end: an Ok then says
// that every byte is well-formed UTF-8 and no control character but tab and line ends.
FastParse parseFast(std::string_view bytes, Node& out, bool wholeStream = false);
// The same tree from a yaml-cpp node (the route for files parseFast hands back).
Node fromYamlCpp(const YAML::Node& root);

}  // namespace vnplan::yaml
