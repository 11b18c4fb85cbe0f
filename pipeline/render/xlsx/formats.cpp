#include "render/xlsx/formats.hpp"

namespace vnplan::xlsx {

lxw_format* Formats::base(bool border) {
  lxw_format* f = workbook_add_format(wb_);
  format_set_font_name(f, kFontName);
  format_set_font_size(f, kBodySize);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

Formats::Formats(lxw_workbook* wb) : wb_(wb) {
  // The workbook's default format (xf 0, the "Normal" style) is the first in its format
  // list. Its font is the unit of column widths, and Calibri is missing from many
  // machines (LibreOffice then measures with a wider substitute and every column comes
  // out a third wider than planned): make it the document font, whose digits are 8 px.
  if (lxw_format* normal = STAILQ_FIRST(wb->formats)) {
    format_set_font_name(normal, kFontName);
    format_set_font_size(normal, kBodySize);
  }

  label = base(false);
  format_set_bold(label);
  format_set_align(label, LXW_ALIGN_CENTER);

  title = base(false);
  format_set_bold(title);
  format_set_font_size(title, kTitleSize);
  format_set_align(title, LXW_ALIGN_CENTER);

  link = base(false);
  format_set_italic(link);
  format_set_align(link, LXW_ALIGN_CENTER);

  header = base(true);
  format_set_bold(header);
  format_set_align(header, LXW_ALIGN_CENTER);

  machineHeader = base(true);
  format_set_bold(machineHeader);
  format_set_align(machineHeader, LXW_ALIGN_CENTER);
  format_set_bg_color(machineHeader, 0xE7E6E6);

  groupNumber = base(true);
  format_set_bold(groupNumber);
  format_set_align(groupNumber, LXW_ALIGN_CENTER);

  groupTitle = base(true);
  format_set_bold(groupTitle);
  format_set_align(groupTitle, LXW_ALIGN_LEFT);

  metaKey = workbook_add_format(wb_);
  format_set_font_name(metaKey, kFontName);
  format_set_font_size(metaKey, kBodySize);
  format_set_bold(metaKey);
}

lxw_format* Formats::body(Align align, bool bold) {
  lxw_format*& f = plainBody_[align == Align::Center][bold];
  if (!f) f = body(align, bold, std::string());
  return f;
}

lxw_format* Formats::body(Align align, bool bold, const std::string& numFormat) {
  if (numFormat.empty() && plainBody_[align == Align::Center][bold]) return plainBody_[align == Align::Center][bold];
  auto key = std::make_tuple(static_cast<int>(align), bold, numFormat);
  auto it = body_.find(key);
  if (it != body_.end()) return it->second;
  lxw_format* f = base(true);
  format_set_align(f, align == Align::Center ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
  if (bold) format_set_bold(f);
  if (!numFormat.empty()) format_set_num_format(f, numFormat.c_str());
  body_.emplace(key, f);
  return f;
}

lxw_format* Formats::date(bool bold) {
  lxw_format*& f = date_[bold];
  if (!f) f = body(Align::Center, bold, "dd/mm/yyyy");
  return f;
}

}  // namespace vnplan::xlsx
