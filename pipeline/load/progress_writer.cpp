#include "load/progress_writer.hpp"

#include <yaml-cpp/yaml.h>

namespace vnplan {

namespace {

void text(YAML::Emitter& e, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  e << YAML::Key << key << YAML::Value;
  if (value.find('\n') != std::string::npos)
    e << YAML::Literal << value;
  else
    e << YAML::DoubleQuoted << value;
}

void paragraphs(YAML::Emitter& e, const std::string& key, const std::vector<std::string>& v) {
  if (v.empty()) return;
  e << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (const auto& p : v) e << YAML::DoubleQuoted << p;
  e << YAML::EndSeq;
}

}  // namespace

std::string progressYaml(const ProgressReport& rep, const std::string& headerComment) {
  YAML::Emitter e;
  e.SetIndent(2);
  if (!headerComment.empty()) e << YAML::Comment(headerComment);
  e << YAML::BeginMap;
  e << YAML::Key << "period" << YAML::Value << YAML::DoubleQuoted << rep.period.key();
  e << YAML::Key << "as_of" << YAML::Value << formatDateVi(rep.asOf);
  paragraphs(e, "direction", rep.chiDao);
  paragraphs(e, "highlights", rep.ketQuaNoiBat);
  paragraphs(e, "shortcomings", rep.tonTai);
  paragraphs(e, "next_steps", rep.phuongHuong);
  paragraphs(e, "proposals", rep.deXuat);
  if (!rep.tasks.empty()) {
    e << YAML::Key << "tasks" << YAML::Value << YAML::BeginSeq;
    for (const auto& t : rep.tasks) {
      e << YAML::BeginMap;
      e << YAML::Key << "number" << YAML::Value << YAML::DoubleQuoted << t.number;
      e << YAML::Key << "status" << YAML::Value << taskStateLabel(t.state, Lang::Vi);
      if (t.completed) e << YAML::Key << "completed" << YAML::Value << formatDateVi(*t.completed);
      text(e, "result", t.result);
      if (!t.documents.empty()) {
        e << YAML::Key << "documents" << YAML::Value << YAML::BeginSeq;
        for (const auto& d : t.documents) e << YAML::DoubleQuoted << d;
        e << YAML::EndSeq;
      }
      text(e, "difficulties", t.difficulties);
      text(e, "reason", t.reason);
      e << YAML::EndMap;
    }
    e << YAML::EndSeq;
  }
  if (!rep.indicators.empty()) {
    e << YAML::Key << "indicators" << YAML::Value << YAML::BeginSeq;
    for (const auto& i : rep.indicators) {
      e << YAML::BeginMap;
      e << YAML::Key << "number" << YAML::Value << YAML::DoubleQuoted << i.number;
      text(e, "value", i.value);
      if (i.asOf) e << YAML::Key << "as_of" << YAML::Value << formatDateVi(*i.asOf);
      text(e, "note", i.note);
      e << YAML::EndMap;
    }
    e << YAML::EndSeq;
  }
  e << YAML::EndMap;
  return std::string(e.c_str()) + "\n";
}

}  // namespace vnplan
