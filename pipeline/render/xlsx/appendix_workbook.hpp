#pragma once
// The plan's appendix workbook (Phụ lục I/II as sheets plus a hidden `_meta` sheet),
// following the uniform schema of docs/xlsx-schema.md.
#include <cstdint>
#include <string>

#include "model/doc_template.hpp"
#include "model/plan.hpp"

namespace vnplan {

struct XlsxOptions {
  // Created date written into the workbook (UTC seconds), so the same input gives the
  // same bytes. 0 is written as one second later
  // (libxlsxwriter, vnplan's writer until 2026, read 0 as "now"; kept so files stay the same).
  std::int64_t createdEpoch = 0;
  // The family template (templates/state.yaml, party.yaml): the link line and the plan's
  // reference are formatted by its rules, exactly as in the PDF. Required.
  const DocTemplate* rules = nullptr;
};

// Writes the plan's appendix workbook (Phụ lục I/II sheets + hidden _meta) to `path`.
// A plan without appendices gets a workbook whose only sheet is `_meta` (left visible,
// since a workbook needs one visible sheet). Throws std::runtime_error with a clear
// message on failure.
void writeAppendixWorkbook(const Plan& plan, const std::string& path, const XlsxOptions& opts);

}  // namespace vnplan
