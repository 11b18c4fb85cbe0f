#include "render/xlsx/link_line.hpp"

#include <stdexcept>

namespace vnplan::xlsx {

std::string documentNumberSymbol(const Document& doc, const DocTemplate& rules) {
  return formatReference(identityOf(doc), rules, Blanks::Spaces);
}

std::string appendixLinkLine(const Document& doc, const DocTemplate& rules, const std::string& link,
                             const std::string& linkOf, LinkDateForm form) {
  return formatAppendixLink(identityOf(doc), rules, link, linkOf.empty() ? doc.issuer.shortName : linkOf,
                            Blanks::Spaces, form);
}

const DocTemplate& requireRules(const DocTemplate* rules) {
  if (!rules) throw std::runtime_error("workbook: no layout template (XlsxOptions.rules) was given");
  return *rules;
}

}  // namespace vnplan::xlsx
