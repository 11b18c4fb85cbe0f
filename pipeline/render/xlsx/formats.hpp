#pragma once
// The cell formats of the appendix workbook, created once per workbook (the workbook owns
// them). Times New Roman throughout; LibreOffice substitutes Liberation Serif.
#include <map>
#include <tuple>
#include <string>
#include <utility>

#include "render/ooxml/workbook.hpp"

#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

inline constexpr const char* kFontName = "Times New Roman";
inline constexpr double kBodySize = 12;
inline constexpr double kTitleSize = 13;

class Formats {
 public:
  explicit Formats(ooxml::Workbook& wb);

  ooxml::Format* label;      // "PHỤ LỤC I": bold, centred
  ooxml::Format* title;      // appendix title: bold, centred, wrapped
  ooxml::Format* link;       // "(Ban hành kèm theo …)": italic, centred, wrapped
  ooxml::Format* header;     // table header: bold, centred, wrapped, bordered
  ooxml::Format* machineHeader;  // header of a machine column: as header, grey fill
  ooxml::Format* groupNumber;    // group row number cell: bold, centred
  ooxml::Format* groupTitle;     // group row title (merged): bold, left
  ooxml::Format* metaKey;        // _meta: bold

  // Body cell: bordered, wrapped, vertically centred; `numFormat` only for numbers.
  ooxml::Format* body(Align align, bool bold = false);
  ooxml::Format* body(Align align, bool bold, const std::string& numFormat);
  ooxml::Format* date(bool bold = false);

 private:
  ooxml::Format* base(bool border);
  ooxml::Workbook& wb_;
  std::map<std::tuple<int, bool, std::string>, ooxml::Format*> body_;
  // body(align, bold) without a number format, the most asked: [align][bold].
  ooxml::Format* plainBody_[2][2] = {};
  ooxml::Format* date_[2] = {};
};

}  // namespace vnplan::xlsx
