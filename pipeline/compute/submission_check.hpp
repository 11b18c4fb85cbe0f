#pragma once
// Checks a returned collection workbook against the form `vnplan collect` made for it and
// reads the values filled in (docs/collection.md, "Ingest"). Works on a plain grid of cells
// (filled from the XLSX reader by the caller), so it is independent of how the file was read.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "compute/collection_form.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/unit.hpp"

namespace vnplan {

struct GridCell {
  enum class Kind { Number, Text, Boolean, Error };
  Kind kind = Kind::Text;
  std::string text;     // Text, Error ("#DIV/0!"), Boolean ("TRUE"/"FALSE")
  double number = 0;    // Number, Boolean
  bool formula = false;  // the cell holds a formula (its cached value above)
  bool dateFormat = false;  // a number shown as a date
};

struct GridSheet {
  std::string name;
  bool hidden = false;
  std::map<std::pair<int, int>, GridCell> cells;  // (row, col), 0-based
  const GridCell* at(int row, int col) const {
    auto it = cells.find({row, col});
    return it == cells.end() ? nullptr : &it->second;
  }
  int lastRow() const { return cells.empty() ? -1 : cells.rbegin()->first.first; }
};

struct GridBook {
  bool date1904 = false;
  std::vector<GridSheet> sheets;
  const GridSheet* sheet(const std::string& name) const {
    for (const auto& s : sheets)
      if (s.name == name) return &s;
    return nullptr;
  }
};

// "15/03/2026", "15/3/2026", "15-3-2026", "15.3.2026", "2026-03-15".
DateParse parseFilledDate(const std::string& text, CalendarDate& out);

struct SubmissionIdentity {
  std::string planId, periodKey, unitKind, unitCode, unitName, templateHash, schemaVersion;
};

struct SubmissionCheck {
  bool recognised = false;  // a collection form of this plan: identity known and checked
  SubmissionIdentity id;
  std::optional<ReportPeriod> period;
  std::optional<CollectionForm> form;  // the form expected for this unit and period
  ProgressReport data;                 // what was filled in (valid only without errors)
  Diagnostics diags;                   // every problem, located "file.xlsx!Sheet!F12"
  std::vector<FormProblem> problems;   // the same, for the feedback workbook (Vietnamese)
  std::map<std::tuple<std::string, int, int>, FilledCell> values;  // filled cells as read
  bool accepted() const { return recognised && !diags.hasErrors(); }
};

struct SubmissionContext {
  const Plan* plan = nullptr;
  const UnitDirectory* units = nullptr;       // required for unit forms
  std::optional<ReportPeriod> expectedPeriod;  // --period, when given
  std::function<std::string(const std::string&)> sha256;  // hex digest
};

// `fileLabel` is the name used in locations ("bao-cao.xlsx").
SubmissionCheck checkSubmission(const GridBook& book, const std::string& fileLabel, const SubmissionContext& ctx);

}  // namespace vnplan
