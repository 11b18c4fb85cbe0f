#include "load/template_loader.hpp"

#include <algorithm>
#include <cstdio>

#include "load/yaml_reader.hpp"

namespace vnplan {
namespace {

class TemplateLoader {
 public:
  explicit TemplateLoader(Diagnostics& d) : diags_(d), r_(d) {}

  std::optional<DocTemplate> load(const std::string& path) {
    auto root = r_.loadFile(path);
    if (!root) return std::nullopt;
    DocTemplate t;
    if (!r_.checkMap(*root, path, {"family", "page", "margins_mm", "appendix_margins_mm", "body", "headings", "note",
                                   "footnote", "header", "title", "closing", "page_number", "draft", "appendix"}))
      return std::nullopt;
    t.family = r_.textOr(*root, "family", true);
    if (auto p = sub(*root, "page", {"width_mm", "height_mm"})) {
      num(*p, "width_mm", t.pageWidthMm, 100, 1000);
      num(*p, "height_mm", t.pageHeightMm, 100, 1000);
    }
    auto portrait = r_.member(*root, "margins_mm", true);
    if (portrait) margins(*portrait, t.margins);
    auto landscape = r_.member(*root, "appendix_margins_mm", true);
    if (landscape) margins(*landscape, t.appendixMargins);
    if (auto b = sub(*root, "body", {"size", "line_height_factor", "line_spacing", "paragraph_spacing_pt", "first_indent_mm"})) {
      num(*b, "size", t.body.size, kMinFontPt, kMaxFontPt);
      num(*b, "line_height_factor", t.lineHeightFactor, 0.8, 3);
      num(*b, "line_spacing", t.lineSpacing, 1.0, 3);
      num(*b, "paragraph_spacing_pt", t.paragraphSpacingPt, 0, 72);
      num(*b, "first_indent_mm", t.firstIndentMm, 0, 50);
    }
    if (auto h = r_.member(*root, "headings", true))
      r_.forEach(*h, "headings", [&](const Located& e) { t.headings.push_back(style(e, {})); });
    if (auto n = r_.member(*root, "note", true)) t.note = style(*n, {});
    if (auto f = r_.member(*root, "footnote", true)) {
      t.footnote = style(*f, {"rule_mm"});
      num(*f, "rule_mm", t.footnoteRuleMm, 0, 500);
    }
    if (auto h = sub(*root, "header", {"left_width_mm", "right_width_mm", "left_shift_mm", "national", "motto", "parent",
                                        "issuer", "number", "date", "blank"})) {
      num(*h, "left_width_mm", t.headerLeftWidthMm, 20, 500);
      num(*h, "right_width_mm", t.headerRightWidthMm, 20, 500);
      num(*h, "left_shift_mm", t.headerLeftShiftMm, -50, 50);
      if (auto x = r_.member(*h, "national", true)) t.national = style(*x, {"text"}, &t.nationalText);
      if (auto x = r_.member(*h, "motto", true)) t.motto = style(*x, {"text"}, &t.mottoText);
      if (auto x = r_.member(*h, "parent", true)) t.parent = style(*x, {});
      if (auto x = r_.member(*h, "issuer", true)) {
        t.issuer = style(*x, {"rule_fraction", "mark"});
        num(*x, "rule_fraction", t.issuerRuleFraction, 0, 1);
        t.issuerMark = r_.textOr(*x, "mark");
      }
      if (auto x = r_.member(*h, "number", true)) t.number = style(*x, {"format"}, &t.numberFormat, "format");
      if (auto x = r_.member(*h, "date", true)) t.date = style(*x, {"format"}, &t.dateFormat, "format");
      if (auto x = r_.member(*h, "blank")) t.blank = r_.text(*x, "blank").value_or("");
    }
    if (auto x = sub(*root, "title", {"type", "title", "rule_fraction", "gap_after_pt"})) {
      if (auto y = r_.member(*x, "type", true)) t.typeName = style(*y, {});
      if (auto y = r_.member(*x, "title", true)) t.title = style(*y, {});
      num(*x, "rule_fraction", t.titleRuleFraction, 0, 1);
      num(*x, "gap_after_pt", t.titleGapAfterPt, 0, 100);
    }
    if (auto x = sub(*root, "closing", {"recipients_label", "recipients", "authority", "signer", "signature_space_mm"})) {
      if (auto y = r_.member(*x, "recipients_label", true))
        t.recipientsLabelStyle = style(*y, {"text"}, &t.recipientsLabel);
      if (auto y = r_.member(*x, "recipients", true)) t.recipients = style(*y, {});
      if (auto y = r_.member(*x, "authority", true)) t.authority = style(*y, {});
      if (auto y = r_.member(*x, "signer", true)) t.signer = style(*y, {});
      num(*x, "signature_space_mm", t.signatureSpaceMm, 0, 150);
    }
    if (auto x = r_.member(*root, "page_number", true)) t.pageNumber = style(*x, {});
    if (auto x = r_.member(*root, "draft", true)) t.draft = style(*x, {"text"}, &t.draftText);
    if (auto x = sub(*root, "appendix", {"label", "title", "link", "link_format", "date_format", "table_header",
                                         "table_cell", "table_group", "cell_padding_pt"})) {
      if (auto y = r_.member(*x, "label", true)) t.appendixLabel = style(*y, {});
      if (auto y = r_.member(*x, "title", true)) t.appendixTitle = style(*y, {});
      if (auto y = r_.member(*x, "link", true)) t.appendixLink = style(*y, {});
      t.appendixLinkFormat = r_.textOr(*x, "link_format", true);
      t.appendixDateFormat = r_.textOr(*x, "date_format", true);
      if (auto y = r_.member(*x, "table_header", true)) t.tableHeader = style(*y, {});
      if (auto y = r_.member(*x, "table_cell", true)) t.tableCell = style(*y, {});
      if (auto y = r_.member(*x, "table_group", true)) t.tableGroup = style(*y, {});
      num(*x, "cell_padding_pt", t.cellPaddingPt, 0, 20);
    }
    if (t.headings.empty()) r_.error(*root, MsgId::MissingField, {"headings"});
    // Margins must leave room for text on portrait pages and on landscape appendix pages.
    if (portrait) textArea(*portrait, "margins_mm", t.margins, t.pageWidthMm, t.pageHeightMm);
    if (landscape) textArea(*landscape, "appendix_margins_mm", t.appendixMargins, t.pageHeightMm, t.pageWidthMm);
    if (diags_.hasErrors()) return std::nullopt;
    return t;
  }

 private:
  Diagnostics& diags_;
  YamlReader r_;

  std::optional<Located> sub(const Located& m, const std::string& key, const std::set<std::string>& allowed) {
    auto v = r_.member(m, key, true);
    if (!v || !r_.checkMap(*v, key, allowed)) return std::nullopt;
    return v;
  }
  // Sizes in points a page can print; 0 or 5000 make libharu fail or print a letter a line.
  static constexpr double kMinFontPt = 4, kMaxFontPt = 72;
  // Narrowest text column (mm) that still holds a line of words.
  static constexpr double kMinTextMm = 50;

  void num(const Located& m, const std::string& key, double& out, double lo, double hi) {
    if (auto v = r_.member(m, key)) {
      if (auto x = r_.number(*v, key)) {
        if (*x < lo || *x > hi)
          r_.error(*v, MsgId::BadValue, {key, v->node.Scalar(), formatRange(lo, hi)});
        else
          out = *x;
      }
    }
  }
  static std::string formatRange(double lo, double hi) {
    auto f = [](double x) {
      char b[32];
      std::snprintf(b, sizeof b, "%g", x);
      return std::string(b);
    };
    return f(lo) + " … " + f(hi);
  }
  void textArea(const Located& at, const std::string& what, const PageMargins& pm, double width, double height) {
    const double across = width - pm.left - pm.right, down = height - pm.top - pm.bottom;
    const double left = std::min(across, down);
    if (left < kMinTextMm) {
      char b[32];
      std::snprintf(b, sizeof b, "%g", left);
      r_.error(at, MsgId::NoTextWidth, {what, b});
    }
  }
  void margins(const Located& m, PageMargins& pm) {
    if (!r_.checkMap(m, "margins_mm", {"top", "bottom", "left", "right"})) return;
    num(m, "top", pm.top, 0, 200);
    num(m, "bottom", pm.bottom, 0, 200);
    num(m, "left", pm.left, 0, 200);
    num(m, "right", pm.right, 0, 200);
  }
  TextStyle style(const Located& v, std::set<std::string> extra, std::string* text = nullptr,
                  const std::string& textKey = "text") {
    TextStyle s;
    extra.insert({"size", "style", "upper", "underline"});
    if (!r_.checkMap(v, "style", extra)) return s;
    num(v, "size", s.size, kMinFontPt, kMaxFontPt);
    std::string st = r_.textOr(v, "style");
    if (st == "bold")
      s.face = FontFace::Bold;
    else if (st == "italic")
      s.face = FontFace::Italic;
    else if (st == "bold_italic")
      s.face = FontFace::BoldItalic;
    else if (st != "regular" && !st.empty())
      r_.error(*r_.member(v, "style"), MsgId::BadValue, {"style", st, "regular, bold, italic, bold_italic"});
    if (auto u = r_.member(v, "upper")) s.upper = u->node.Scalar() == "true";
    if (auto u = r_.member(v, "underline")) s.underline = u->node.Scalar() == "true";
    if (text) {
      if (auto x = r_.member(v, textKey)) *text = r_.text(*x, textKey).value_or("");
    }
    return s;
  }
};

}  // namespace

std::optional<DocTemplate> loadTemplate(const std::string& path, Diagnostics& diags) {
  TemplateLoader l(diags);
  return l.load(path);
}

}  // namespace vnplan
