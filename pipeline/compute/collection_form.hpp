#pragma once
// The collection form (`vnplan collect`, docs/collection.md): what one workbook sent to a
// unit asks, independent of the XLSX writer and reader. The writer draws it, ingest checks a
// returned workbook against it, so both always agree on rows, columns and locked text.
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/unit.hpp"

namespace vnplan {

// Schema of the collection workbook (`_meta` schema.name / schema.version).
inline constexpr const char* kCollectSchemaName = "vnplan.thu-thap";
inline constexpr const char* kCollectSchemaVersion = "1.0";
inline constexpr int kCollectSchemaMajor = 1;
inline constexpr const char* kCollectSheetTasks = "Nhiệm vụ";
inline constexpr const char* kCollectSheetIndicators = "Chỉ tiêu";
inline constexpr const char* kCollectSheetGuide = "Hướng dẫn";
// Rows (0-based) of a form sheet: label, title, unit and period line, spacer, header, body.
inline constexpr int kFormHeaderRow = 4;
inline constexpr int kFormFirstRow = 5;

// The key identifying a task in forms and progress data. One place, so that a change of the
// plan model's task identity (e.g. keys unique per group) is one edit here.
std::string taskKey(const Task& t);
std::string indicatorKey(const Indicator& i);

// Who fills the form: the whole plan (its issuing office), one lead agency of the plan, or
// one unit of the units directory.
enum class FormKind { Plan, Agency, Unit };
const char* formKindKey(FormKind k);  // "plan", "agency", "unit"

struct FormUnit {
  FormKind kind = FormKind::Plan;
  std::string code;   // plan: empty; agency: the plan's agency code; unit: units.yaml code
  std::string name;
  std::string level;  // unit: unitLevelKey(); agency: "agency"; plan: "plan"
};

enum class FormInput { Locked, Status, Date, Text, Value };

struct FormColumn {
  std::string key;     // "task.status", …
  std::string header;  // printed
  double width = 10;   // Excel character units
  FormInput input = FormInput::Locked;
  bool center = false;
  std::string promptTitle, prompt;  // input message (fill columns)
};

struct FormRow {
  bool group = false;
  std::string key;                 // task / indicator key; group rows: the group number
  std::vector<std::string> cells;  // locked text per column (fill columns: empty)
  const Task* task = nullptr;
  const Indicator* indicator = nullptr;
  bool numericValue = false;  // indicator whose target is a number: the value cell asks for one
  bool percent = false;       // … in percent
};

struct FormTable {
  std::string id;         // "tasks", "indicators"
  std::string sheetName;  // kCollectSheetTasks, kCollectSheetIndicators
  std::string label, title;
  std::vector<FormColumn> columns;
  std::vector<FormRow> rows;
  int column(const std::string& key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].key == key) return static_cast<int>(i);
    return -1;
  }
};

struct CollectionForm {
  const Plan* plan = nullptr;
  ReportPeriod period;
  FormUnit unit;
  std::vector<FormTable> tables;
  // The text the template hash is computed from: schema, plan id, every table's column keys
  // and locked cells. Unit and period are not part of it: every unit gets the same form.
  std::string canonicalText() const;
};

// The plan's tasks and indicators; for an agency only those it leads.
CollectionForm buildCollectionForm(const Plan& plan, const ReportPeriod& period, const FormUnit& unit);

// The lead agencies (codes) of a plan in order of first appearance in its tables.
std::vector<const Agency*> leadAgencies(const Plan& plan);

// Status words of the drop-down list, in order (parseTaskState reads them back).
std::vector<std::string> formStatusLabels();

// A value filled into a form cell, as read back (or as shown in a feedback workbook).
struct FilledCell {
  std::string text;                    // text as entered or formatted
  std::optional<CalendarDate> date;    // a date cell
  std::optional<double> number;        // a number cell (indicator values)
  bool empty() const { return text.empty() && !date && !number; }
};

// A problem found in a returned form, for the feedback workbook.
struct FormProblem {
  std::string table;    // form table id; empty: not in a table
  int row = -1;         // index into FormTable::rows; -1: no cell
  int col = -1;         // index into FormTable::columns
  std::string place;    // "Nhiệm vụ!F12"
  std::string message;  // Vietnamese
};

}  // namespace vnplan
