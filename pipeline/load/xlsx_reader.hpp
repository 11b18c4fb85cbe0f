#pragma once
// A hardened reader for XLSX workbooks that come back from hundreds of offices.
//
// Route: the zip container is read from its central directory by hand (zip_container.hpp)
// and each part is inflated with zlib under caps; the XML is parsed with expat (the parser
// underneath Poco's SAX) fed chunk by chunk, with any DOCTYPE refused. Only the parts a
// reader needs are inflated: workbook, its relationships, shared strings, styles, sheets.
//
// Where a problem is reported (Diagnostic, model/diagnostic.hpp):
//   Diagnostic.file = "<name>.xlsx"                 a problem with the whole file
//                   = "<name>.xlsx!<Sheet>"         a problem with one sheet
//                   = "<name>.xlsx!<Sheet>!F12"     a problem with one cell
//   Diagnostic.line = Diagnostic.column = 0, so formatDiagnostic prints
//   "bao-cao.xlsx!Phụ lục II!F12: lỗi: …" (no ":0:0"). <name> is the path or display name as
//   given by the caller. The helpers xlsxPlace() build these strings; ingest uses them too.
//
// Contract: readXlsx* returns a workbook exactly when it added no error to `d`. File-level
// problems (not a zip, encrypted, a cap exceeded, bad XML) give one error and stop; cell-level
// problems (invalid UTF-8, a text too long, a bad number) are each reported at their cell,
// at most XlsxLimits::maxCellErrors of them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deadline.hpp"
#include "model/diagnostic.hpp"

namespace vnplan {

struct XlsxCell {
  uint32_t row = 0, col = 0;  // 1-based
  enum class Kind { Number, Text, Boolean, Error } kind = Kind::Text;
  // Text: the string (UTF-8, validated, NFC); Error: "#N/A" etc.; Number: the <v> text.
  // A formula cell without a cached value (openpyxl writes none) is Text with an empty text.
  std::string text;
  double number = 0;        // Number (finite), Boolean (0/1)
  bool formula = false;     // the cell holds a formula (value = cached result)
  bool dateFormat = false;  // its number format is a date/time format (built-in 14–22, 27–36,
                            // 45–47, 50–58 or a custom code with d/m/y/h/s outside quotes)
  bool locked = true;       // effective protection 'locked' of its style (default true)
  uint32_t styleIndex = 0;  // the cell's s= (index into cellXfs)
  std::string ref() const;  // "F12"
};

struct XlsxSheet {
  std::string name;  // UTF-8, NFC
  bool hidden = false;        // state="hidden" or "veryHidden"
  bool veryHidden = false;    // state="veryHidden" (only visible through VBA)
  bool protectedSheet = false;  // <sheetProtection sheet="1">
  std::vector<XlsxCell> cells;  // row-major, sorted; only cells with a value or a formula
  const XlsxCell* at(uint32_t row, uint32_t col) const;
  uint32_t maxRow = 0, maxCol = 0;  // of the cells above (0 when empty)
};

struct XlsxWorkbook {
  bool date1904 = false;
  std::vector<XlsxSheet> sheets;  // workbook order
  // name -> formula text ("'Sheet'!$A$1"). A name scoped to one sheet (localSheetId) is
  // stored as "<Sheet>!<name>".
  std::map<std::string, std::string> definedNames;
  const XlsxSheet* sheet(std::string_view name) const;
};

struct XlsxLimits {
  uint64_t maxFileBytes = 64ull << 20;           // the .xlsx file itself
  uint32_t maxEntries = 10000;                   // zip entries (central directory records)
  uint64_t maxEntryBytes = 256ull << 20;         // uncompressed bytes of one part
  uint64_t maxTotalBytes = 512ull << 20;         // uncompressed bytes of all parts read
  uint32_t maxCompressionRatio = 200;            // uncompressed : compressed, per part ...
  uint64_t ratioCheckFloorBytes = 1ull << 20;    // ... checked once a part exceeds this
  uint64_t maxCells = 2'000'000;                 // cells with a value, whole workbook
  uint64_t maxSharedStrings = 2'000'000;
  uint32_t maxStringLength = 32767;              // characters (Excel's own cell limit)
  uint32_t maxXmlDepth = 64;                     // element nesting in any part
  uint32_t maxSheets = 1000;
  double maxSeconds = 30;                        // wall time for one workbook
  uint32_t maxCellErrors = 50;                   // cell-level errors reported before stopping
};

// Reads a workbook; every problem goes to `d` located as described above.
std::optional<XlsxWorkbook> readXlsxFile(const std::string& path, Diagnostics& d, const XlsxLimits& lim = {});
std::optional<XlsxWorkbook> readXlsxBytes(std::string_view bytes, const std::string& displayName, Diagnostics& d,
                                          const XlsxLimits& lim = {});

// Dates: serial (1900 system with the Lotus 1900-02-29 bug, and 1904) and text "15/03/2026",
// "15-3-2026", "2026-03-15", "15.03.2026". The fraction (time of day) is dropped. Serial 60
// in the 1900 system (the fake 29 Feb 1900) and serials before day 1 give nullopt.
std::optional<CalendarDate> xlsxSerialToDate(double serial, bool date1904);
std::optional<CalendarDate> parseCellDateText(std::string_view text);
// The inverse of xlsxSerialToDate (whole days).
double xlsxDateToSerial(const CalendarDate& date, bool date1904);

// "A", "Z", "AA" <-> 1, 26, 27; "F12" -> (12, 6). parseCellRef accepts "$F$12" too.
std::string xlsxColumnName(uint32_t col);
std::string xlsxCellRef(uint32_t row, uint32_t col);
bool parseCellRef(std::string_view ref, uint32_t& row, uint32_t& col);

// Diagnostic places: "file.xlsx", "file.xlsx!Sheet", "file.xlsx!Sheet!F12".
std::string xlsxPlace(const std::string& file, std::string_view sheet = {}, uint32_t row = 0, uint32_t col = 0);

// True when a number format code (numFmt formatCode) shows a date or time.
bool isDateFormatCode(std::string_view code);
bool isBuiltinDateFormat(uint32_t numFmtId);

}  // namespace vnplan
