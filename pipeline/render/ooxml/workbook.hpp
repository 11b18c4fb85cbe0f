#pragma once
// An XLSX workbook held in memory and written as one Office Open XML package (ECMA-376,
// SpreadsheetML): vnplan's own writer for the subset of SpreadsheetML its workbooks use.
//
// Why not libxlsxwriter any more: its workbook_close() was half of a whole-country run's time
// (fprintf per XML attribute, a temporary file per part, zlib at a fixed level 6, and a
// process-wide lock around it for its gmtime()); see docs/performance.md, round 4. The API
// follows libxlsxwriter's closely (the same operations, the same 0-based rows and columns,
// the same XML for the same calls), so that the render/xlsx code reads as before and the
// packages it writes stay what spreadsheet programs and vnplan's own reader already accept.
//
// This file is the model: plain data, no I/O. package_writer.hpp turns it into bytes.
// Errors (a row or column outside the sheet, a text over Excel's limits, a bad sheet or
// defined name) throw std::invalid_argument with a message naming the cell or name.
// A Workbook is used by one thread; different workbooks may be built on different threads.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::ooxml {

inline constexpr int kMaxRows = 1048576;  // rows 0 .. kMaxRows-1
inline constexpr int kMaxCols = 16384;    // columns 0 .. kMaxCols-1 (A .. XFD)
inline constexpr std::uint32_t kNoColor = 0xFFFFFFFF;

// ---------------------------------------------------------------------------------------
// Cell formats. A Format is owned by its Workbook (stable address) and may be changed until
// the workbook is written; two formats with equal properties share one style record.
enum class HAlign : std::uint8_t { None, Left, Center, Right };
enum class VAlign : std::uint8_t { None, Top, Center, Bottom };
enum class BorderStyle : std::uint8_t { None, Thin };

struct Format {
  std::string fontName = "Calibri";
  double fontSize = 11;
  bool bold = false, italic = false;
  std::uint32_t fontColor = kNoColor;  // 0xRRGGBB, or automatic
  std::uint32_t bgColor = kNoColor;    // solid fill 0xRRGGBB, or none
  HAlign align = HAlign::None;
  VAlign valign = VAlign::None;
  bool wrap = false;
  BorderStyle border = BorderStyle::None;  // all four sides
  std::string numFormat;                   // "" = General; e.g. "dd/mm/yyyy", "0.0%"
  bool locked = true;                      // matters only on a protected sheet
};

struct Date {
  int year = 1900, month = 1, day = 1;
};
// Excel's serial number of a date (days since 1899-12-30; throws on an invalid date).
double serialDate(Date d);

// ---------------------------------------------------------------------------------------
// Cells, rows and columns as a sheet stores them.
struct CellData {
  enum class Kind : std::uint8_t { Blank, String, Number, FormulaNumber, FormulaString };
  Kind kind = Kind::Blank;
  const Format* format = nullptr;  // nullptr = the default format
  std::int32_t sst = -1;           // String: index in the workbook's shared strings
  double number = 0;               // Number (dates are serial numbers), FormulaNumber's cached value
  std::string text;                // FormulaString's cached value
  std::string formula;             // Formula*: without the leading '='
};

struct RowData {
  std::optional<double> height;  // points; unset = default height (15)
  const Format* format = nullptr;
  bool hidden = false;
  std::map<int, CellData> cells;  // by column
};

struct ColumnRange {
  int first = 0, last = 0;
  double width = 8.43;  // in characters of the default font's digit, as Excel shows it
  const Format* format = nullptr;
  bool hidden = false;
};

struct CellRange {
  int firstRow = 0, firstCol = 0, lastRow = 0, lastCol = 0;
};

struct CommentOptions {
  int width = 128, height = 74;  // pixels of the note's box
};
struct Comment {
  int row = 0, col = 0;
  std::string text;
  std::string author;  // "" = none
  CommentOptions options;
};

// Data validation: what may be typed into a range, and the messages shown.
struct DataValidation {
  enum class Type : std::uint8_t { Any, List, ListFormula, Date, Decimal, Length, Custom };
  enum class Criteria : std::uint8_t { None, Between, GreaterThanOrEqual, LessThanOrEqual };
  enum class ErrorType : std::uint8_t { Stop, Warning, Information };
  Type type = Type::Any;
  Criteria criteria = Criteria::None;
  std::vector<std::string> list;  // List: the allowed values
  std::string formula;            // ListFormula / Custom: a reference or formula, without '='
  double value = 0;               // Decimal / Length: the bound
  Date minimum, maximum;          // Date + Between
  ErrorType errorType = ErrorType::Stop;
  bool showInput = true;  // the input message is shown when the cell is selected (libxlsxwriter's default)
  std::string inputTitle, inputMessage, errorTitle, errorMessage;
  // In the order they were added; each applies to its range.
  CellRange range;
};

// Conditional format: a cell whose value equals `value` (a formula operand such as "\"Quá
// hạn\"") is shown with `format` (font colour and fill only; written as a differential style).
struct ConditionalFormat {
  CellRange range;
  std::string value;
  const Format* format = nullptr;
};

struct Protection {
  bool formatColumns = false, formatRows = false;  // allowed on the protected sheet
};

// The sheet's used range as libxlsxwriter tracks it for <dimension>, call by call: cells
// (blanks only with a format), merged ranges, notes, the autofilter's last cell; a row given
// a height adds its row and the leftmost column used so far (column A if none yet); a column
// range adds its columns (not rows) when it has a format or is hidden with a non-default
// width. An unset end stays at kMaxRows / kMaxCols.
struct UsedRange {
  int rowMin = kMaxRows, rowMax = 0, colMin = kMaxCols, colMax = 0;
  bool rowsSet() const { return rowMin != kMaxRows; }
  bool colsSet() const { return colMin != kMaxCols; }
};

struct PageSetup {
  int paper = 0;  // 0 = printer default, 9 = A4
  bool landscape = false;
  bool fitToPages = false;
  int fitWidth = 0, fitHeight = 0;
  bool centerHorizontally = false;
  bool marginsSet = false;
  double marginLeft = 0.7, marginRight = 0.7, marginTop = 0.75, marginBottom = 0.75;  // inches
  std::string footer;          // "" = none; Excel header/footer codes ("&C&P/&N")
  double footerMargin = 0.3;   // inches
  std::optional<std::pair<int, int>> repeatRows;  // first, last
  std::optional<CellRange> printArea;
  std::vector<int> rowBreaks;  // a page starts at each of these rows
};

class Chart;

struct ChartPlacement {
  int row = 0, col = 0;
  int xOffset = 0, yOffset = 0;     // pixels
  double xScale = 1, yScale = 1;    // of the default 480 x 288 pixels
  enum class Anchor : std::uint8_t { MoveAndSize, MoveDontSize, DontMoveDontSize } anchor = Anchor::MoveAndSize;
  const Chart* chart = nullptr;
};

// ---------------------------------------------------------------------------------------
class Workbook;

class Worksheet {
 public:
  const std::string& name() const { return name_; }

  void writeString(int row, int col, std::string_view text, const Format* f = nullptr);
  void writeNumber(int row, int col, double value, const Format* f = nullptr);
  void writeBlank(int row, int col, const Format* f);  // without a format: nothing is written
  void writeDate(int row, int col, Date d, const Format* f);
  // formula without or with the leading '='; `cached` is the value shown until recalculation.
  void writeFormula(int row, int col, std::string_view formula, const Format* f, double cached);
  void writeFormula(int row, int col, std::string_view formula, const Format* f, std::string_view cached);
  // Writes `text` in the first cell and blanks with `f` in the others, then merges.
  void mergeRange(int firstRow, int firstCol, int lastRow, int lastCol, std::string_view text, const Format* f);
  void writeComment(int row, int col, std::string_view text, CommentOptions o = {});

  void setRow(int row, double heightPoints, const Format* f = nullptr, bool hidden = false);
  void setColumn(int first, int last, double width, const Format* f = nullptr, bool hidden = false);
  void freezePanes(int row, int col);
  void autofilter(int firstRow, int firstCol, int lastRow, int lastCol);
  void dataValidation(int firstRow, int firstCol, int lastRow, int lastCol, DataValidation v);
  void conditionalFormat(int firstRow, int firstCol, int lastRow, int lastCol, std::string value,
                         const Format* f);
  void protect(Protection p = {});
  void hide() { hidden_ = true; }
  void insertChart(ChartPlacement p);

  // Printing.
  PageSetup& pageSetup() { return page_; }
  void setPaper(int paper) { page_.paper = paper; }
  void setLandscape() { page_.landscape = true; }
  void fitToPages(int width, int height);
  void setMargins(double left, double right, double top, double bottom);  // inches
  void centerHorizontally() { page_.centerHorizontally = true; }
  void setFooter(std::string_view text, double marginInches);
  void repeatRows(int first, int last);
  void printArea(int firstRow, int firstCol, int lastRow, int lastCol);
  void setRowBreaks(std::vector<int> rows);

  // Read access for the package writer.
  const std::map<int, RowData>& rows() const { return rows_; }
  const std::vector<ColumnRange>& columns() const { return cols_; }
  const std::vector<CellRange>& merges() const { return merges_; }
  const std::vector<Comment>& comments() const { return comments_; }
  const std::vector<DataValidation>& validations() const { return validations_; }
  const std::vector<ConditionalFormat>& conditionalFormats() const { return condFormats_; }
  const std::vector<ChartPlacement>& charts() const { return charts_; }
  const std::optional<std::pair<int, int>>& frozen() const { return frozen_; }  // row, col
  const std::optional<CellRange>& autofilterRange() const { return autofilter_; }
  const std::optional<Protection>& protection() const { return protection_; }
  const PageSetup& page() const { return page_; }
  const UsedRange& usedRange() const { return used_; }
  bool hidden() const { return hidden_; }
  int index() const { return index_; }  // 0-based position in the workbook
  // The workbook holding the sheet (a note's VML shape ids count the notes of earlier sheets).
  const Workbook& workbook() const { return *wb_; }

 private:
  friend class Workbook;
  Worksheet(Workbook& wb, std::string name, int index) : wb_(&wb), name_(std::move(name)), index_(index) {}
  CellData& cell(int row, int col);
  void checkCell(int row, int col) const;
  void noteUsed(int row, int col, bool addRow, bool addCol);

  Workbook* wb_;
  std::string name_;
  int index_;
  bool hidden_ = false;
  std::map<int, RowData> rows_;
  std::vector<ColumnRange> cols_;
  std::vector<CellRange> merges_;
  std::vector<Comment> comments_;
  std::vector<DataValidation> validations_;
  std::vector<ConditionalFormat> condFormats_;
  std::vector<ChartPlacement> charts_;
  std::optional<std::pair<int, int>> frozen_;
  std::optional<CellRange> autofilter_;
  std::optional<Protection> protection_;
  PageSetup page_;
  UsedRange used_;
};

// ---------------------------------------------------------------------------------------
// A stacked column chart of ranges of one sheet (the only kind vnplan draws).
struct ChartFont {
  std::string name;  // "" = the program's default
  double size = 0;   // points; 0 = default
  bool bold = false;
};

struct ChartSeries {
  std::string sheet;
  CellRange categories, values;
  int nameRow = 0, nameCol = 0;  // the series' name is this cell
  std::uint32_t fillColor = kNoColor;
  // Cached values written into the chart (as libxlsxwriter does), from the sheet's cells.
};

struct ChartAxis {
  std::string name;
  ChartFont nameFont, numFont;
  std::string numFormat;        // "" = from the source cells
  std::optional<double> minimum;
};

class Chart {
 public:
  enum class Type : std::uint8_t { ColumnStacked };
  explicit Chart(Type t, int index) : type(t), index_(index) {}
  Type type;
  std::vector<ChartSeries> series;
  std::string title;
  ChartFont titleFont;
  ChartAxis xAxis, yAxis;
  enum class LegendPosition : std::uint8_t { Right, Bottom } legendPosition = LegendPosition::Right;
  ChartFont legendFont;
  std::optional<int> seriesGap;  // percent
  int index() const { return index_; }  // 0-based, in the order added to the workbook

  ChartSeries& addSeries() { return series.emplace_back(); }

 private:
  int index_;
};

// ---------------------------------------------------------------------------------------
struct DocProperties {
  std::string title, subject, author, company, keywords;
  std::int64_t created = 0;  // seconds since the epoch (UTC); written as W3CDTF
};

struct DefinedName {
  std::string name;     // e.g. "task.status"
  std::string formula;  // without '=': "'Phụ lục II'!$E$6:$E$40"
};

class Workbook {
 public:
  Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  // Sheet names: 1-31 characters, none of []:*?/\ , not starting or ending with ', unique
  // ignoring case.
  Worksheet& addWorksheet(std::string_view name);
  Format* addFormat();
  Format& defaultFormat() { return *formats_.front(); }  // xf 0, the "Normal" style
  Chart& addChart(Chart::Type type);
  void defineName(std::string_view name, std::string_view formula);
  void setProperties(DocProperties p) { props_ = std::move(p); }
  void setCustomProperty(std::string_view name, std::string_view value);

  // Read access for the package writer.
  const std::deque<std::unique_ptr<Worksheet>>& worksheets() const { return sheets_; }
  const std::deque<std::unique_ptr<Format>>& formats() const { return formats_; }  // [0] = default
  // Formats in the order cells, rows and columns first used them (calls, not sheet order);
  // styles.xml numbers its style records in the order the sheets' XML meets them instead
  // (styles_xml.cpp), and uses this list only to know when every used format has its number.
  const std::vector<const Format*>& formatsInUseOrder() const { return formatUse_; }
  const std::vector<const Format*>& conditionalFormatsInOrder() const { return dxfUse_; }
  const std::deque<std::unique_ptr<Chart>>& charts() const { return charts_; }
  const std::vector<DefinedName>& definedNames() const { return names_; }
  const DocProperties& properties() const { return props_; }
  const std::vector<std::pair<std::string, std::string>>& customProperties() const { return custom_; }
  // Shared strings, unique, in first-use order; a cell refers to one by index.
  const std::vector<std::string>& sharedStrings() const { return sst_; }
  // How many times a text was written to a cell, repeats and overwritten cells included: the
  // shared strings' count="" (libxlsxwriter counts every write; uniqueCount is the list's size).
  std::int64_t stringWrites() const { return stringWrites_; }

 private:
  friend class Worksheet;
  std::int32_t internString(std::string_view s);
  void noteFormatUse(const Format* f);
  void noteConditionalFormat(const Format* f);

  std::deque<std::unique_ptr<Worksheet>> sheets_;
  std::deque<std::unique_ptr<Format>> formats_;
  std::vector<const Format*> formatUse_, dxfUse_;
  std::deque<std::unique_ptr<Chart>> charts_;
  std::vector<DefinedName> names_;
  DocProperties props_;
  std::vector<std::pair<std::string, std::string>> custom_;
  std::vector<std::string> sst_;
  std::map<std::string, std::int32_t, std::less<>> sstIndex_;
  std::int64_t stringWrites_ = 0;
};

}  // namespace vnplan::ooxml
