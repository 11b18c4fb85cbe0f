#pragma once
// The uniform schema of the appendix workbook (docs/xlsx-schema.md). Bump the major
// version when a reader written for the old layout could misread a new file; the minor
// version when something is only added.
namespace vnplan::xlsx {

inline constexpr const char* kSchemaName = "vnplan.phu-luc";
inline constexpr int kSchemaMajor = 1;
inline constexpr int kSchemaMinor = 0;
inline constexpr const char* kSchemaVersion = "1.0";
inline constexpr const char* kMetaSheet = "_meta";

// The progress report workbook (docs/xlsx-schema.md, "The report workbook"): same _meta
// layout and table rows, its own name and version.
inline constexpr const char* kReportSchemaName = "vnplan.bao-cao";
inline constexpr const char* kReportSchemaVersion = "2.0";

// Rows of an appendix sheet (0-based): label, title, link line, spacer, table header.
inline constexpr int kLabelRow = 0;
inline constexpr int kTitleRow = 1;
inline constexpr int kLinkRow = 2;
inline constexpr int kHeaderRow = 4;
inline constexpr int kFirstBodyRow = 5;

}  // namespace vnplan::xlsx
