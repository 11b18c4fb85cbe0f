#include "render/xlsx/report_workbook.hpp"

#include <stdexcept>

#include "model/text.hpp"
#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/content_hash.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/link_line.hpp"
#include "render/xlsx/meta_sheet.hpp"
#include "render/xlsx/report_sheets.hpp"
#include "render/xlsx/report_tables.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/sheet_names.hpp"
#include "render/xlsx/workbook_file.hpp"
#include "render/xlsx/xlsx_error.hpp"

namespace vnplan {

namespace {

using namespace xlsx;

// Column of `_meta` holding the task status labels (the status column's validation list).
constexpr int kStatusListCol = 11;  // L

std::string documentSymbol(const Document& d) {
  return d.family == Family::Party ? d.type + "/" + d.issuer.symbol : d.type + "-" + d.issuer.symbol;
}

// The appendix schema's entries, renamed to the report schema and with the report's keys
// after the plan's document keys.
std::vector<MetaEntry> reportMeta(std::vector<MetaEntry> e, const ProgressReport& rep, const Document& reportDoc,
                                  const std::string& summarySheet, const GroupTablePosition& g,
                                  const std::string& statusList) {
  std::vector<MetaEntry> out;
  auto text = [&](std::string key, std::string value) { out.push_back({std::move(key), Cell::makeText(std::move(value))}); };
  auto num = [&](std::string key, double v) { out.push_back({std::move(key), Cell::makeNumber(v, "")}); };
  for (auto& m : e) {
    if (m.key == "schema.name") m.value = Cell::makeText(kReportSchemaName);
    if (m.key == "schema.version") m.value = Cell::makeText(kReportSchemaVersion);
    const bool afterTitle = m.key == "document.title";
    out.push_back(std::move(m));
    if (!afterTitle) continue;
    const DataRange range = dataRange(rep.period);
    text("report.period", rep.period.key());
    text("report.period.kind", reportKindKey(rep.period.kind));
    num("report.period.year", rep.period.year);
    text("report.period.label", rep.period.label(Lang::Vi));
    text("report.data_from", formatDateIso(range.first));
    text("report.data_to", formatDateIso(range.last));
    text("report.as_of", formatDateIso(rep.asOf));
    text("report.document.type", reportDoc.type);
    text("report.document.symbol", documentSymbol(reportDoc));
    text("report.summary.sheet", summarySheet);
    if (g.present) {
      num("report.groups.header_row", g.headerRow + 1);
      num("report.groups.first_row", g.firstRow + 1);
      num("report.groups.last_row", g.lastRow + 1);
    }
    if (!statusList.empty()) text("task.status.labels", statusList);
  }
  return out;
}

}  // namespace

void writeReportWorkbook(const ReportWorkbookInput& in, const std::string& path, const XlsxOptions& opts) {
  if (!in.plan || !in.report || !in.tasks || !in.indicators || !in.figures)
    throw std::runtime_error("report workbook: missing input");
  const Plan& plan = *in.plan;
  const ProgressReport& rep = *in.report;
  const Document reportDoc = reportDocument(plan, rep);
  const DocTemplate& rules = requireRules(opts.rules);
  const std::string link = appendixLinkLine(reportDoc, rules, "Kèm theo", "");

  // Tables: the figures on the summary sheet, then the appendices in the PDF's order.
  std::vector<std::string> taken;
  std::vector<SheetTable> tables;
  tables.push_back(buildFigureTable(reportFigureList(plan, *in.figures)));
  tables.back().sheetName = sheetNameFor("Tổng hợp", "Tổng hợp", taken);
  taken.push_back(tables.back().sheetName);
  static const char* kRoman[] = {"I", "II"};
  int appendix = 0;
  const bool hasTasks = plan.tasks && !in.tasks->tasks.empty();
  const bool hasIndicators = plan.indicators && !in.indicators->indicators.empty();
  if (hasTasks) {
    tables.push_back(buildReportTaskTable(plan, *in.tasks, std::string("PHỤ LỤC ") + kRoman[appendix++], link));
    tables.back().sheetName = sheetNameFor("Nhiệm vụ", "Nhiệm vụ", taken);
    taken.push_back(tables.back().sheetName);
  }
  std::vector<const Achievement*> achievements;
  if (hasIndicators) {
    tables.push_back(buildReportIndicatorTable(plan, *in.indicators, std::string("PHỤ LỤC ") + kRoman[appendix++], link));
    tables.back().sheetName = sheetNameFor("Chỉ tiêu", "Chỉ tiêu", taken);
    taken.push_back(tables.back().sheetName);
    for (const auto& e : in.indicators->indicators) achievements.push_back(&e.achievement);
  }
  const std::string hash = contentHash(tables);
  const std::int64_t created = opts.createdEpoch == 0 ? 1 : opts.createdEpoch;

  WorkbookFile file(path);
  ooxml::Workbook& wb = file.get();

  const std::string title = "Báo cáo kết quả thực hiện " + documentTypeName(plan.document.type) +
                            (plan.document.number.empty() ? "" : " số " + documentNumberSymbol(plan.document, rules)) + " " +
                            rep.period.label(Lang::Vi);
  const std::string subject = "Báo cáo " + rep.period.label(Lang::Vi);
  setWorkbookProperties(wb, {title, subject, plan.document.issuer.shortName, kReportSchemaName, kReportSchemaVersion,
                            plan.id, created});
  const std::string periodKey = rep.period.key();
  wb.setCustomProperty("vnplan.period", periodKey);

  Formats fmt(wb);
  auto addSheet = [&](const std::string& name) -> ooxml::Worksheet& {
    return wb.addWorksheet(checkedText(name, "sheet name", 31));
  };

  SummaryHeadings h;
  h.label = "BIỂU TỔNG HỢP";
  // As the PDF's title: "KẾT QUẢ 6 THÁNG ĐẦU NĂM 2026 THỰC HIỆN KẾ HOẠCH".
  h.title = toUpper("Kết quả " + rep.period.label(Lang::Vi) + " thực hiện " + documentTypeName(plan.document.type));
  h.link = link;
  const DataRange range = dataRange(rep.period);
  h.dataLine = "Số liệu tính từ ngày " + formatDateVi(range.first) + " đến ngày " + formatDateVi(rep.asOf) + ".";
  tables[0].label = h.label;
  tables[0].title = h.title;
  const bool withGroups = hasTasks && in.figures->tasks.total > 0;
  const GroupTablePosition groups =
      writeSummarySheet(wb, addSheet(tables[0].sheetName), fmt, tables[0], h, *in.figures, withGroups);

  // The status list lives in _meta (a list of labels with commas cannot be written inline).
  const std::vector<std::string> labels = taskStatusLabels();
  const std::string L = columnLetters(kStatusListCol);
  const std::string statusList =
      hasTasks ? std::string("=") + kMetaSheet + "!$" + L + "$2:$" + L + "$" + std::to_string(labels.size() + 1) : "";
  for (std::size_t i = 1; i < tables.size(); ++i) {
    ooxml::Worksheet& ws = addSheet(tables[i].sheetName);
    if (tables[i].id == "tasks")
      writeReportTaskSheet(wb, ws, fmt, tables[i], statusList);
    else
      writeReportIndicatorSheet(wb, ws, fmt, tables[i], achievements);
  }

  ooxml::Worksheet& metaWs = addSheet(kMetaSheet);
  const std::vector<MetaEntry> meta = reportMeta(metaEntries(plan, tables, created, hash), rep, reportDoc,
                                                 tables[0].sheetName, groups, statusList.empty() ? "" : statusList.substr(1));
  writeMetaSheet(metaWs, fmt, meta, tables, /*hide=*/true);
  if (hasTasks) {
    metaWs.writeString(0, kStatusListCol, "task.status.labels", fmt.metaKey);
    for (std::size_t i = 0; i < labels.size(); ++i)
      metaWs.writeString(static_cast<int>(i) + 1, kStatusListCol, checkedText(labels[i], "status label"));
    metaWs.setColumn(kStatusListCol, kStatusListCol, 24);
  }
  file.close();
}

}  // namespace vnplan
