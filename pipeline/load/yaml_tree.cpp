#include "load/yaml_tree.hpp"

#include <yaml.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <deque>
#include <limits>
#include <locale>
#include <sstream>

namespace vnplan::yaml {

namespace {

const std::string kEmpty;

// All nodes of one file, owned together (a node is a pointer into this and a share of it).
struct Document {
  std::deque<NodeData> nodes;
};

// Deeper than any plan, progress or template file nests (about 10); yaml-cpp refuses depth
// beyond its own guard with a located message, so such files go that route.
constexpr size_t kMaxDepth = 256;

bool isNullText(const std::string& s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// libyaml counts columns in characters, yaml-cpp (and so every message and test) in bytes.
class ByteColumns {
 public:
  explicit ByteColumns(std::string_view bytes) : bytes_(bytes) {
    lineStarts_.push_back(0);
    for (size_t at = bytes.find('\n'); at != std::string_view::npos; at = bytes.find('\n', at + 1))
      lineStarts_.push_back(at + 1);
  }
  // Marks arrive in file order, so the walk goes on from the previous mark of the same line
  // instead of the line's start: a single long line of many nodes stays linear.
  Mark mark(const yaml_mark_t& m) {
    Mark out;
    out.line = static_cast<int>(m.line);
    if (m.line >= lineStarts_.size()) {
      out.column = static_cast<int>(m.column);
      return out;
    }
    // A byte-order mark before the first line is not a column (for either parser).
    const size_t start = m.line == 0 && bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : lineStarts_[m.line];
    size_t at = start, chars = 0;
    if (m.line == lastLine_ && m.column >= lastChars_) {
      at = lastAt_;
      chars = lastChars_;
    }
    for (; chars < m.column && at < bytes_.size(); ++chars) {
      const unsigned char c = static_cast<unsigned char>(bytes_[at]);
      at += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    }
    at = std::min(at, bytes_.size());
    lastLine_ = m.line;
    lastChars_ = chars;
    lastAt_ = at;
    out.column = static_cast<int>(at - start);
    return out;
  }

 private:
  std::string_view bytes_;
  std::vector<size_t> lineStarts_;
  size_t lastLine_ = static_cast<size_t>(-1), lastChars_ = 0, lastAt_ = 0;
};

struct Parser {
  yaml_parser_t p{};
  yaml_event_t ev{};
  bool haveEvent = false;
  Parser() { yaml_parser_initialize(&p); }
  ~Parser() {
    if (haveEvent) yaml_event_delete(&ev);
    yaml_parser_delete(&p);
  }
  bool next() {
    if (haveEvent) yaml_event_delete(&ev);
    haveEvent = yaml_parser_parse(&p, &ev) != 0;
    return haveEvent;
  }
};

std::string tagOf(const yaml_char_t* tag) { return tag ? std::string(reinterpret_cast<const char*>(tag)) : std::string(); }

}  // namespace

const std::string& Node::Scalar() const { return data_ && data_->kind == Kind::Scalar ? data_->scalar : kEmpty; }
const std::string& Node::Tag() const { return data_ ? data_->tag : kEmpty; }

size_t Node::size() const {
  if (!data_) return 0;
  if (data_->kind == Kind::Map) return data_->children.size() / 2;
  if (data_->kind == Kind::Sequence) return data_->children.size();
  return 0;
}

size_t Node::find(std::string_view key) const {
  if (!IsMap()) return npos;
  for (size_t i = 0; i + 1 < data_->children.size(); i += 2) {
    const NodeData* k = data_->children[i];
    if (k->kind == Kind::Scalar && k->scalar == key) return i / 2;
  }
  return npos;
}

Node Node::operator[](std::string_view key) const {
  const size_t i = find(key);
  return i == npos ? Node() : child(2 * i + 1);
}

Node::iterator Node::begin() const { return iterator(this, 0); }
Node::iterator Node::end() const {
  return iterator(this, data_ && (IsMap() || IsSequence()) ? data_->children.size() : 0);
}

Item Node::iterator::operator*() const {
  Item item;
  if (node_->IsMap()) {
    item.first = node_->child(i_);
    item.second = node_->child(i_ + 1);
  } else {
    static_cast<Node&>(item) = node_->child(i_);
  }
  return item;
}

std::optional<double> Node::asDouble() const {
  if (!IsScalar()) return std::nullopt;
  const std::string& s = data_->scalar;
  // YAML's special floats, as yaml-cpp accepts them.
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF")
    return std::numeric_limits<double>::infinity();
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return -std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  // Otherwise a stream read in the classic locale that must use up the text.
  std::istringstream in(s);
  in.imbue(std::locale::classic());
  in.unsetf(std::ios::dec);
  double x = 0;
  if (!(in >> x)) return std::nullopt;
  in >> std::ws;
  if (!in.eof()) return std::nullopt;
  return x;
}

FastParse parseFast(std::string_view bytes, Node& out, bool wholeStream) {
  auto doc = std::make_shared<Document>();
  ByteColumns columns(bytes);
  Parser ps;
  yaml_parser_set_input_string(&ps.p, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());

  std::vector<NodeData*> open;  // the collections being filled
  // Their children so far, one list a level, reused: each collection gets its own list in
  // one allocation when it ends, instead of growing it entry by entry.
  std::vector<std::vector<const NodeData*>> filling;
  NodeData* root = nullptr;
  auto add = [&](Kind kind, const yaml_mark_t& m) {
    NodeData& n = doc->nodes.emplace_back();
    n.kind = kind;
    n.validUtf8 = true;
    n.mark = columns.mark(m);
    if (!open.empty()) filling[open.size() - 1].push_back(&n);
    else if (!root) root = &n;
    return &n;
  };

  bool done = false;
  while (!done) {
    if (!ps.next()) return FastParse::NeedsYamlCpp;  // a syntax error: yaml-cpp says where and why
    const yaml_event_t& e = ps.ev;
    switch (e.type) {
      case YAML_STREAM_END_EVENT: done = true; break;
      case YAML_DOCUMENT_END_EVENT:  // yaml-cpp's Load reads the first document
        done = true;
        while (wholeStream && ps.ev.type != YAML_STREAM_END_EVENT)
          if (!ps.next()) return FastParse::NeedsYamlCpp;
        break;
      case YAML_ALIAS_EVENT: return FastParse::NeedsYamlCpp;
      case YAML_SCALAR_EVENT: {
        if (e.data.scalar.anchor) return FastParse::NeedsYamlCpp;
        std::string value(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        std::string tag = tagOf(e.data.scalar.tag);
        const bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (tag.empty() && plain && isNullText(value)) {
          add(Kind::Null, e.start_mark);
          break;
        }
        NodeData* n = add(Kind::Scalar, e.start_mark);
        n->scalar = std::move(value);
        n->tag = tag.empty() ? (plain ? "?" : "!") : std::move(tag);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool seq = e.type == YAML_SEQUENCE_START_EVENT;
        if (seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor) return FastParse::NeedsYamlCpp;
        if (open.size() >= kMaxDepth) return FastParse::NeedsYamlCpp;
        NodeData* n = add(seq ? Kind::Sequence : Kind::Map, e.start_mark);
        const std::string tag = tagOf(seq ? e.data.sequence_start.tag : e.data.mapping_start.tag);
        n->tag = tag.empty() ? "?" : tag;
        const bool flow = seq ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                              : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        n->style = flow ? Style::Flow : Style::Block;
        open.push_back(n);
        if (filling.size() < open.size()) filling.emplace_back();
        filling[open.size() - 1].clear();
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        const auto& children = filling[open.size() - 1];
        open.back()->children.assign(children.begin(), children.end());
        open.pop_back();
        break;
      }
      default: break;
    }
  }
  if (!root) {
    // An empty file: yaml-cpp's Load gives a Null node without a place.
    root = &doc->nodes.emplace_back();
    root->kind = Kind::Null;
  }
  out = Node(std::shared_ptr<const void>(doc, doc.get()), root);
  return FastParse::Ok;
}

namespace {

const NodeData* convert(const YAML::Node& n, Document& doc) {
  NodeData& d = doc.nodes.emplace_back();
  d.mark = Mark{n.Mark().line, n.Mark().column};
  d.tag = n.Tag();
  switch (n.Type()) {
    case YAML::NodeType::Scalar:
      d.kind = Kind::Scalar;
      d.scalar = n.Scalar();
      break;
    case YAML::NodeType::Sequence:
      d.kind = Kind::Sequence;
      d.style = n.Style() == YAML::EmitterStyle::Flow ? Style::Flow : Style::Block;
      for (const auto& e : n) d.children.push_back(convert(e, doc));
      break;
    case YAML::NodeType::Map:
      d.kind = Kind::Map;
      d.style = n.Style() == YAML::EmitterStyle::Flow ? Style::Flow : Style::Block;
      for (auto it = n.begin(); it != n.end(); ++it) {
        d.children.push_back(convert(it->first, doc));
        d.children.push_back(convert(it->second, doc));
      }
      break;
    default: d.kind = Kind::Null; break;
  }
  return &d;
}

}  // namespace

Node fromYamlCpp(const YAML::Node& root) {
  auto doc = std::make_shared<Document>();
  const NodeData* r = convert(root, *doc);
  return Node(std::shared_ptr<const void>(doc, doc.get()), r);
}

}  // namespace vnplan::yaml
