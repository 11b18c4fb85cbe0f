#pragma once
// Typesets a DocumentSpec with the rules of its family template into pages.
#include "compute/document_refs.hpp"
#include "layout/document_spec.hpp"
#include "layout/font_metrics.hpp"
#include "layout/page.hpp"
#include "layout/page_breaker.hpp"
#include "model/doc_template.hpp"

namespace vnplan {

LaidOutDocument layoutDocument(const DocumentSpec& spec, const DocTemplate& tmpl, const FontMetrics& metrics);

// The header lines and the appendix link line of a spec (compute/document_refs, with
// no-break blanks).
DocumentIdentity identityOf(const DocumentSpec& spec);
std::string formatNumberLine(const DocumentSpec& spec, const DocTemplate& t);
std::string formatDateLine(const DocumentSpec& spec, const DocTemplate& t);
std::string formatAppendixLink(const DocumentSpec& spec, const DocTemplate& t, const std::string& link,
                               const std::string& issuer);

// Column widths (colW, summing to `width`) widened so that each column holds its longest word
// with its padding; unchanged when even that cannot fit in `width`.
void fitColumnsToWords(const Table& table, const DocTemplate& t, const FontMetrics& m, double pad, double width,
                       std::vector<double>& colW);

// Rows of a table as flow items (header first, repeated on each page by the breaker).
std::vector<FlowItem> tableItems(const Table& table, const DocTemplate& t, const FontMetrics& m, double width,
                                 double maxRowHeight, int tableId);

}  // namespace vnplan
