#include "render/xlsx/meta_sheet.hpp"

#include <cstdio>

#include "render/xlsx/column_keys.hpp"
#include "render/xlsx/link_line.hpp"
#include "render/xlsx/schema.hpp"
#include "render/xlsx/sheet_writer.hpp"
#include "render/xlsx/xlsx_error.hpp"

#ifndef VNPLAN_VERSION
#define VNPLAN_VERSION "0.0.0"
#endif

namespace vnplan::xlsx {

namespace {

Cell num(double v) { return Cell::makeNumber(v, ""); }
Cell optionalNum(int v) { return v ? num(v) : Cell{}; }

// ISO 8601 with reduced precision for a draft date: "2025-10-27", "2025-03", "2025", or "".
std::string isoPartialDate(const PartialDate& d) {
  char buf[32];
  if (!d.year) return "";
  if (!d.month) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (!d.day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::string joinWithSpace(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

}  // namespace

std::string isoUtc(std::int64_t epoch) {
  std::int64_t days = epoch / 86400, secs = epoch % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  CalendarDate d = civilFromDays(static_cast<long>(days));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day, static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return buf;
}

std::vector<MetaEntry> metaEntries(const Plan& plan, const std::vector<SheetTable>& tables, std::int64_t createdEpoch,
                                   const std::string& contentHash) {
  const Document& doc = plan.document;
  std::vector<MetaEntry> e;
  auto text = [&](std::string key, std::string value) { e.push_back({std::move(key), Cell::makeText(std::move(value))}); };
  auto cell = [&](std::string key, Cell value) { e.push_back({std::move(key), std::move(value)}); };

  text("schema.name", kSchemaName);
  text("schema.version", kSchemaVersion);
  text("generator.name", "vnplan");
  text("generator.version", VNPLAN_VERSION);
  text("created", isoUtc(createdEpoch));
  text("plan.id", plan.id);
  text("issuer.code", doc.issuer.symbol);
  text("issuer.short_name", doc.issuer.shortName);
  text("issuer.name", joinWithSpace(doc.issuer.name));
  text("issuer.parent", doc.issuer.parent);
  text("document.family", doc.family == Family::Party ? "party" : "state");
  text("document.type", doc.type);
  text("document.number", doc.number);
  text("document.symbol", doc.family == Family::Party ? doc.type + "/" + doc.issuer.symbol
                                                      : doc.type + "-" + doc.issuer.symbol);
  text("document.date", isoPartialDate(doc.date));
  cell("document.date.year", optionalNum(doc.date.year));
  cell("document.date.month", optionalNum(doc.date.month));
  cell("document.date.day", optionalNum(doc.date.day));
  text("document.title", doc.title);
  std::string ids;
  for (const auto& t : tables) ids += (ids.empty() ? "" : ",") + t.id;
  text("tables", ids);
  for (const auto& t : tables) {
    const std::string p = "table." + t.id + ".";
    text(p + "sheet", t.sheetName);
    text(p + "label", t.label);
    text(p + "title", t.title);
    cell(p + "header_row", num(kHeaderRow + 1));
    // Spanning group headers sit in the row above the header (issue #12).
    if (t.hasColumnGroups()) cell(p + "group_row", num(kHeaderRow));
    cell(p + "first_row", num(kFirstBodyRow + 1));
    cell(p + "last_row", num(lastBodyRow(t) + 1));
    cell(p + "items", num(static_cast<double>(t.items)));
    cell(p + "groups", num(static_cast<double>(t.groups)));
  }
  text("content.hash.algorithm", "sha256");
  text("content.hash", contentHash);
  return e;
}

void writeMetaSheet(ooxml::Worksheet& ws, Formats& fmt, const std::vector<MetaEntry>& entries,
                    const std::vector<SheetTable>& tables, bool hide) {
  auto str = [&](int row, int col, const std::string& s, ooxml::Format* f = nullptr) {
    ws.writeString(row, col, checkedText(s, CellRef{kMetaSheet, row, col}), f);
  };
  auto number = [&](int row, int col, double v) { ws.writeNumber(row, col, v); };
  str(0, 0, "key", fmt.metaKey);
  str(0, 1, "value", fmt.metaKey);
  int row = 1;
  for (const auto& m : entries) {
    str(row, 0, m.key);
    if (m.value.type == CellType::Text)
      str(row, 1, m.value.text);
    else if (m.value.type == CellType::Number)
      number(row, 1, m.value.number);
    ++row;
  }

  static const char* const kRegistry[] = {"table", "sheet", "key", "column", "header", "role", "type"};
  for (int c = 0; c < 7; ++c) str(0, 3 + c, kRegistry[c], fmt.metaKey);
  row = 1;
  for (const auto& t : tables)
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const TableColumn& col = t.columns[c];
      str(row, 3, t.id);
      str(row, 4, t.sheetName);
      str(row, 5, col.key);
      str(row, 6, columnLetters(static_cast<int>(c)));
      str(row, 7, col.header);
      str(row, 8, col.machine ? "machine" : "plan");
      str(row, 9, valueTypeKey(col.type));
      ++row;
    }
  ws.setColumn(0, 0, 26);
  ws.setColumn(1, 1, 48);
  ws.setColumn(3, 9, 16);
  if (hide) ws.hide();
}

}  // namespace vnplan::xlsx
