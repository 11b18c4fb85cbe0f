#pragma once
// Progress data of one plan for one reporting period: plain data, no I/O.
// Read from inputs/<plan>/progress/<period>.yaml by load/progress_loader.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deadline.hpp"
#include "model/diagnostic.hpp"
#include "model/plan.hpp"

namespace vnplan {

// A reporting period: a quarter, the first six or nine months, or a whole year.
// ReportKind is declared in model/plan.hpp (the plan's reporting calendar uses it too).
struct ReportPeriod {
  int year = 0;
  ReportKind kind = ReportKind::Annual;
  int quarter = 0;  // 1..4 when kind == Quarter, else 0

  // File-name key: "2026-Q1" … "2026-Q4", "2026-H1", "2026-9M", "2026".
  std::string key() const;
  // "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "năm 2026";
  // English: "Q1 2026", "first half of 2026", "first nine months of 2026", "year 2026".
  std::string label(Lang lang) const;

  bool operator==(const ReportPeriod&) const = default;
};

// Parses a period key (exactly the forms key() produces; year 1900..9999). nullopt otherwise.
std::optional<ReportPeriod> parseReportPeriod(std::string_view text);

// "quarter", "half-year", "nine-month", "annual" (the plan file's `reporting[].kind` words).
const char* reportKindKey(ReportKind k);

// The data period of a report under Nghị định 09/2019/NĐ-CP, Điều 12 (both ends included):
// quarter q: 15th of the month before the quarter – 14th of its last month (Q1: 15/12 of the
// previous year – 14/3); 6 months: 15/12 previous year – 14/6; 9 months (by analogy):
// 15/12 previous year – 14/9; year: 15/12 previous year – 14/12.
struct DataRange {
  CalendarDate first, last;
  bool contains(const CalendarDate& d) const { return first <= d && d <= last; }
};
DataRange dataRange(const ReportPeriod& p);

// Dates in progress files and on the command line: "14/6/2026", "14/06/2026" or "2026-06-14".
enum class DateParse { Ok, Impossible, NotADate };
DateParse parseDate(std::string_view text, CalendarDate& out);
std::string formatDateVi(const CalendarDate& d);   // "14/06/2026"
std::string formatDateIso(const CalendarDate& d);  // "2026-06-14"

// What the unit reports about a task (the `status` field of a progress file).
enum class TaskState {
  Done,        // hoàn thành
  InProgress,  // đang thực hiện
  NotStarted,  // chưa thực hiện
  Stopped,     // dừng / điều chỉnh (a reason is required)
};

// Accepts the Vietnamese words (any case: "hoàn thành", "đang thực hiện", "chưa thực hiện",
// "dừng/điều chỉnh", "dừng", "điều chỉnh") and the keys "done", "in-progress", "not-started",
// "stopped".
std::optional<TaskState> parseTaskState(std::string_view text);
const char* taskStateKey(TaskState s);               // "done", "in-progress", ...
std::string taskStateLabel(TaskState s, Lang lang);  // "Hoàn thành", ... / "Done", ...

struct TaskProgress {
  std::string number;  // the plan's task row key (Task::key: "10", or "II.1" when numbers restart)
  TaskState state = TaskState::NotStarted;
  // Done: the completion date. For a combined deadline ("5/2025 và thực hiện thường xuyên")
  // the date the first step was completed, whatever the state of the recurring part.
  std::optional<CalendarDate> completed;
  std::string result;                  // kết quả, as written
  std::vector<std::string> documents;  // văn bản: "Kế hoạch số 45/KH-UBND ngày 20/3/2025"
  std::string difficulties;            // khó khăn, vướng mắc
  std::string reason;                  // lý do (required when Stopped)
  SourceRef at;
};

struct IndicatorProgress {
  std::string number;  // the plan's indicator row key (Indicator::key)
  std::string value;   // value reached as written: "85%", "≥ 40", "0,82", "Đạt", "Thứ 3/9"; empty: no data
  std::optional<CalendarDate> asOf;  // empty: the report's asOf
  std::string note;
  SourceRef at;
};

// The report as a document of its own: the `report:` section of a progress file. The loader
// fills what the section leaves out from the plan (place, recipients, signer as a draft).
struct ReportDocument {
  std::string number;  // "12" as written (printed "Số: 12/BC-UBND"); empty while a draft
  PartialDate date;    // ngày ban hành; blank parts while a draft (the layout then prints
                       // the month and year of the figures)
  std::string place;
  std::vector<std::string> recipients;  // Nơi nhận, one entry per line
  Signature signature;                  // signature.signedOff: false = draft ("DỰ THẢO")
  SourceRef at;                         // the `report:` section; the file when it is absent
};

struct ProgressReport {
  ReportPeriod period;
  CalendarDate asOf;  // date of the figures; the loader defaults it to the period's cut-off end
  bool asOfGiven = false;  // false: `as_of` omitted (the report stage may move the default
                           // back to the day before the deadline, see defaultAsOf())
  ReportDocument document;  // number, date, place, recipients, signer of the report
  // Prose parts of the report, each a list of paragraphs.
  std::vector<std::string> chiDao;            // công tác chỉ đạo, triển khai
  std::vector<std::string> ketQuaNoiBat;      // kết quả nổi bật
  std::vector<std::string> tonTai;            // tồn tại, hạn chế và nguyên nhân
  std::vector<std::string> phuongHuong;       // phương hướng, nhiệm vụ kỳ tới
  std::vector<std::string> deXuat;            // đề xuất, kiến nghị
  std::vector<TaskProgress> tasks;            // in file order
  std::vector<IndicatorProgress> indicators;  // in file order
  std::string file;                           // where it was read from

  // The report's own status (not the plan's): signed reports carry a number and a full date.
  bool signedOff() const { return document.signature.signedOff; }

  // Looked up by row key (Task::key / Indicator::key).
  const TaskProgress* findTask(const std::string& number) const {
    for (const auto& t : tasks)
      if (t.number == number) return &t;
    return nullptr;
  }
  const IndicatorProgress* findIndicator(const std::string& number) const {
    for (const auto& i : indicators)
      if (i.number == number) return &i;
    return nullptr;
  }
};

}  // namespace vnplan
