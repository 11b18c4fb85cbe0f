#include "layout/plan_spec.hpp"

#include "compute/appendix_cells.hpp"
#include "layout/document_layout.hpp"
#include "model/text.hpp"

namespace vnplan {
namespace {

void flatten(const Section& s, int level, std::vector<SpecBlock>& out) {
  SpecBlock h;
  h.kind = SpecBlockKind::Heading;
  h.level = level;
  h.number = s.number;
  h.text = s.title;
  h.style = s.style;
  out.push_back(h);
  for (const auto& c : s.content) {
    if (c.isSection()) {
      flatten(c.section[0], level + 1, out);
      continue;
    }
    SpecBlock b;
    b.kind = c.block.kind == BlockKind::Item ? SpecBlockKind::Item
             : c.block.kind == BlockKind::Note ? SpecBlockKind::Note
                                               : SpecBlockKind::Paragraph;
    b.text = c.block.text;
    b.number = c.block.number;
    out.push_back(b);
  }
}

template <class Row, class CellFn>
Table appendixTable(const Appendix<Row>& ap, CellFn cell) {
  Table t;
  for (const auto& c : ap.columns) {
    t.columns.push_back({c.header, c.width, columnAlign(c.key)});
    t.columnGroups.push_back(c.group);
  }
  for (const auto& g : ap.groups) {
    if (!g.number.empty() || !g.title.empty()) {
      TableRow gr;
      gr.group = true;
      gr.cells = {g.number, g.title};
      t.rows.push_back(gr);
    }
    for (const auto& item : g.items) {
      TableRow r;
      for (const auto& c : ap.columns) r.cells.push_back(cell(item, c.key));
      t.rows.push_back(r);
    }
  }
  return t;
}

}  // namespace

CellAlign columnAlign(const std::string& key) {
  if (key == "number" || key == "unit" || key == "deadline" || key.rfind("target", 0) == 0) return CellAlign::Center;
  return CellAlign::Left;
}

DocumentSpec specFromPlan(const Plan& plan, const DocTemplate& tmpl) {
  DocumentSpec s;
  const Document& d = plan.document;
  s.family = d.family;
  s.typeCode = d.type;
  s.typeName = toUpper(documentTypeName(d.type));
  s.issuer = d.issuer;
  s.number = d.number;
  s.date = d.date;
  s.place = d.place;
  s.title = d.title;
  s.layout = plan.layout;
  s.preamble = plan.preamble;
  for (const auto& sec : plan.body) flatten(sec, 1, s.body);
  s.footnotes = plan.footnotes;
  s.closing = plan.closing;
  s.recipients = plan.recipients;
  s.signature = plan.signature;
  s.author = d.issuer.shortName;
  s.subject = d.title;
  auto link = [&](const std::string& wording, const std::string& of, LinkDateForm form) {
    return formatAppendixLink(identityOf(s), tmpl, wording, of.empty() ? d.issuer.shortName : of, Blanks::NoBreak, form);
  };
  if (plan.indicators) {
    const auto& ap = *plan.indicators;
    s.appendices.push_back({ap.label, ap.title, link(ap.link, ap.linkOf, ap.linkDate), appendixTable(ap, indicatorCellText)});
  }
  if (plan.tasks) {
    const auto& ap = *plan.tasks;
    s.appendices.push_back({ap.label, ap.title, link(ap.link, ap.linkOf, ap.linkDate), appendixTable(ap, taskCellText)});
  }
  return s;
}

}  // namespace vnplan
