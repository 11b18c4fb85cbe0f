#pragma once
// The collection workbook (`vnplan collect`, docs/collection.md, schema `vnplan.thu-thap`):
// an instructions sheet, one sheet per table of the collection form with the descriptions
// locked (sheet protection) and the cells to fill unlocked with data validation and input
// messages in Vietnamese, and the hidden `_meta` sheet naming plan, unit, period, schema and
// template hash. The same writer makes the feedback workbook of a rejected submission: the
// submitted values filled in, problem cells marked, and a sheet listing the problems.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "compute/collection_form.hpp"
#include "model/deadline.hpp"

namespace vnplan {

struct CollectWorkbookInput {
  const CollectionForm* form = nullptr;
  std::string templateHash;
  std::int64_t createdEpoch = 1;
  CalendarDate due;  // the report's deadline (instructions)
  bool hasDue = false;
  // Feedback workbook only: values per (table id, row index, column index) and problems.
  std::map<std::tuple<std::string, int, int>, FilledCell> values;
  std::vector<FormProblem> problems;
  std::string submittedFile;  // feedback: the file name the unit sent
};

// Writes the workbook to `path`. Same input, same bytes. Throws std::runtime_error.
void writeCollectWorkbook(const CollectWorkbookInput& in, const std::string& path);

}  // namespace vnplan
