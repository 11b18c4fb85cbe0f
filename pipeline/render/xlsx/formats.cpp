#include "render/xlsx/formats.hpp"

namespace vnplan::xlsx {

ooxml::Format* Formats::base(bool border) {
  ooxml::Format* f = wb_.addFormat();
  f->fontName = kFontName;
  f->fontSize = kBodySize;
  f->wrap = true;
  f->valign = ooxml::VAlign::Center;
  if (border) f->border = ooxml::BorderStyle::Thin;
  return f;
}

Formats::Formats(ooxml::Workbook& wb) : wb_(wb) {
  // The workbook's default format (xf 0, the "Normal" style) is the unit of column widths,
  // and Calibri is missing from many machines (LibreOffice then measures with a wider
  // substitute and every column comes out a third wider than planned): make it the
  // document font, whose digits are 8 px.
  ooxml::Format& normal = wb.defaultFormat();
  normal.fontName = kFontName;
  normal.fontSize = kBodySize;

  label = base(false);
  label->bold = true;
  label->align = ooxml::HAlign::Center;

  title = base(false);
  title->bold = true;
  title->fontSize = kTitleSize;
  title->align = ooxml::HAlign::Center;

  link = base(false);
  link->italic = true;
  link->align = ooxml::HAlign::Center;

  header = base(true);
  header->bold = true;
  header->align = ooxml::HAlign::Center;

  machineHeader = base(true);
  machineHeader->bold = true;
  machineHeader->align = ooxml::HAlign::Center;
  machineHeader->bgColor = 0xE7E6E6;

  groupNumber = base(true);
  groupNumber->bold = true;
  groupNumber->align = ooxml::HAlign::Center;

  groupTitle = base(true);
  groupTitle->bold = true;
  groupTitle->align = ooxml::HAlign::Left;

  metaKey = wb_.addFormat();
  metaKey->fontName = kFontName;
  metaKey->fontSize = kBodySize;
  metaKey->bold = true;
}

ooxml::Format* Formats::body(Align align, bool bold) {
  ooxml::Format*& f = plainBody_[align == Align::Center][bold];
  if (!f) f = body(align, bold, std::string());
  return f;
}

ooxml::Format* Formats::body(Align align, bool bold, const std::string& numFormat) {
  if (numFormat.empty() && plainBody_[align == Align::Center][bold]) return plainBody_[align == Align::Center][bold];
  auto key = std::make_tuple(static_cast<int>(align), bold, numFormat);
  auto it = body_.find(key);
  if (it != body_.end()) return it->second;
  ooxml::Format* f = base(true);
  f->align = align == Align::Center ? ooxml::HAlign::Center : ooxml::HAlign::Left;
  if (bold) f->bold = true;
  if (!numFormat.empty()) f->numFormat = numFormat;
  body_.emplace(key, f);
  return f;
}

ooxml::Format* Formats::date(bool bold) {
  ooxml::Format*& f = date_[bold];
  if (!f) f = body(Align::Center, bold, "dd/mm/yyyy");
  return f;
}

}  // namespace vnplan::xlsx
