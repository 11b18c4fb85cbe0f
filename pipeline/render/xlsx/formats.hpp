#pragma once
// The cell formats of the appendix workbook, created once per workbook (libxlsxwriter
// owns them). Times New Roman throughout; LibreOffice substitutes Liberation Serif.
#include <map>
#include <tuple>
#include <string>
#include <utility>

#include <xlsxwriter.h>

#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

inline constexpr const char* kFontName = "Times New Roman";
inline constexpr double kBodySize = 12;
inline constexpr double kTitleSize = 13;

class Formats {
 public:
  explicit Formats(lxw_workbook* wb);

  lxw_format* label;      // "PHỤ LỤC I": bold, centred
  lxw_format* title;      // appendix title: bold, centred, wrapped
  lxw_format* link;       // "(Ban hành kèm theo …)": italic, centred, wrapped
  lxw_format* header;     // table header: bold, centred, wrapped, bordered
  lxw_format* machineHeader;  // header of a machine column: as header, grey fill
  lxw_format* groupNumber;    // group row number cell: bold, centred
  lxw_format* groupTitle;     // group row title (merged): bold, left
  lxw_format* metaKey;        // _meta: bold

  // Body cell: bordered, wrapped, vertically centred; `numFormat` only for numbers.
  lxw_format* body(Align align, bool bold = false);
  lxw_format* body(Align align, bool bold, const std::string& numFormat);
  lxw_format* date(bool bold = false);

 private:
  lxw_format* base(bool border);
  lxw_workbook* wb_;
  std::map<std::tuple<int, bool, std::string>, lxw_format*> body_;
  // body(align, bold) without a number format, the most asked: [align][bold].
  lxw_format* plainBody_[2][2] = {};
  lxw_format* date_[2] = {};
};

}  // namespace vnplan::xlsx
