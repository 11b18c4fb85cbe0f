#pragma once
// Consolidation of the units' accepted progress data for one period (`vnplan consolidate`,
// docs/collection.md): the reporting state of every unit, the reporting rate and on-time rate
// per level as DHIS2 defines them, task counts by status, and indicator values combined by
// their meaning. Pure functions over data the caller has read.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compute/task_status.hpp"
#include "model/plan.hpp"
#include "model/progress.hpp"
#include "model/unit.hpp"

namespace vnplan {

enum class ReportingState { OnTime, Late, Missing, Rejected };
const char* reportingStateKey(ReportingState s);                // "on-time", "late", "missing", "rejected"
std::string reportingStateLabel(ReportingState s, Lang lang);   // "Đúng hạn", "Chậm", "Chưa báo cáo", "Bị từ chối"

// What the ledger and the data root say about one unit.
struct UnitSubmission {
  std::optional<ProgressReport> data;        // the accepted data (latest accepted submission)
  std::optional<CalendarDate> firstAccepted; // day of the first accepted submission (timeliness)
  std::vector<std::string> rejectedReasons;  // latest rejected file's reasons, when none accepted
};

struct UnitResult {
  const Unit* unit = nullptr;
  ReportingState state = ReportingState::Missing;
  std::optional<CalendarDate> received;
  StatusCounts tasks;                        // task statuses at the report's as_of
  std::map<std::string, std::string> values; // indicator key -> value as written
  std::vector<std::string> reasons;          // Rejected: why
  bool reported() const { return state == ReportingState::OnTime || state == ReportingState::Late; }
};

// DHIS2: reporting rate = reports received / reports expected; reporting rate on time =
// reports received by the deadline / reports expected (both in percent).
struct RateCounts {
  int expected = 0, reported = 0, onTime = 0, late = 0, missing = 0, rejected = 0;
  double reportingRate() const { return expected ? 100.0 * reported / expected : 0; }
  double onTimeRate() const { return expected ? 100.0 * onTime / expected : 0; }
  void add(const UnitResult& u);
};

struct IndicatorTotal {
  const Indicator* indicator = nullptr;
  std::string target;          // for the period
  Aggregation rule = Aggregation::None;  // resolved (never Auto)
  bool percent = false;
  int unitsWithValue = 0;      // reporting units that gave any value
  int unitsNumeric = 0;        // … a number (what the sum / average is over)
  int unitsMet = 0;            // … whose value meets the target
  std::optional<double> value; // sum or average; empty with rule None or no numbers
};

struct GroupTotal {
  const Unit* parent = nullptr;  // nullptr: every reporting unit
  RateCounts rate;
  StatusCounts tasks;
  std::vector<IndicatorTotal> indicators;
};

struct Consolidation {
  ReportPeriod period;
  std::optional<CalendarDate> due;
  std::vector<UnitResult> units;  // reporting units, file order
  std::vector<std::pair<UnitLevel, RateCounts>> levels;  // levels present, province → agency
  GroupTotal overall;
  std::vector<GroupTotal> parents;  // every unit with reporting children, file order
};

// How an indicator combines when units.yaml does not say: percentages (unit "%", or a target
// or value in %) and indices (a target below 1 with decimals) are averaged, never summed;
// ranks ("thứ", "hạng", "xếp") and qualitative targets are not combined (the units meeting the
// target are counted); other numbers are summed.
Aggregation autoAggregation(const Indicator& ind, const std::string& target);

Consolidation consolidate(const Plan& plan, const ReportPeriod& period, const UnitDirectory& units,
                          const std::map<std::string, UnitSubmission>& submissions,
                          const std::optional<CalendarDate>& due);

}  // namespace vnplan
