#pragma once
// The rules of one layout family (Nghị định 30/2020 or Hướng dẫn 36) as data, read
// from templates/<family>.yaml. The layout code holds the mechanisms; an office that
// needs a variant edits the template.
#include <string>
#include <vector>

namespace vnplan {

enum class FontFace { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

struct TextStyle {
  double size = 14;
  FontFace face = FontFace::Regular;
  bool upper = false;      // print in upper case
  bool underline = false;
};

struct PageMargins {
  double top = 20, bottom = 20, left = 30, right = 15;  // mm
};

struct DocTemplate {
  std::string family;  // state | party
  double pageWidthMm = 210, pageHeightMm = 297;
  PageMargins margins;           // portrait pages
  PageMargins appendixMargins;   // landscape appendix pages

  // Body text.
  TextStyle body{14, FontFace::Regular};
  double lineHeightFactor = 1.15;  // "single" line height as a multiple of the size
  double lineSpacing = 1.0;        // 1.0 … 1.5
  double paragraphSpacingPt = 6;
  double firstIndentMm = 10;
  std::vector<TextStyle> headings;  // level 1.. (I., 1., 1.1., a))
  TextStyle note{14, FontFace::Italic};
  TextStyle footnote{12, FontFace::Regular};
  double footnoteRuleMm = 50;

  // Header block.
  double headerLeftWidthMm = 70;   // left column width, starting at the left margin
  double headerRightWidthMm = 100; // right column width, ending at the right margin
  double headerLeftShiftMm = 0;    // move the left column into the left margin (negative) or right
  std::string nationalText;        // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | ĐẢNG CỘNG SẢN VIỆT NAM
  TextStyle national{13, FontFace::Bold, true};
  std::string mottoText;           // Độc lập - Tự do - Hạnh phúc (empty for party)
  TextStyle motto{14, FontFace::Bold};
  TextStyle parent{13, FontFace::Regular, true};
  TextStyle issuer{13, FontFace::Bold, true};
  double issuerRuleFraction = 0.4;  // of the issuing body's longest line; 0: no rule
  std::string issuerMark;           // "*" under the party body
  std::string numberFormat;         // "Số: {number}/{type}-{symbol}" | "Số {number}-{type}/{symbol}"
  TextStyle number{13, FontFace::Regular};
  std::string dateFormat;           // "{place}, ngày {day} tháng {month} năm {year}"
  TextStyle date{14, FontFace::Italic};
  std::string blank = "     ";      // printed for a blank number, day or month in a draft

  // Title.
  TextStyle typeName{14, FontFace::Bold, true};
  TextStyle title{14, FontFace::Bold};
  double titleRuleFraction = 0.35;  // of the longest title line
  double titleGapAfterPt = 12;

  // Closing.
  std::string recipientsLabel = "Nơi nhận:";
  TextStyle recipientsLabelStyle{12, FontFace::BoldItalic};
  TextStyle recipients{11, FontFace::Regular};
  TextStyle authority{14, FontFace::Bold, true};
  TextStyle signer{14, FontFace::Bold};
  double signatureSpaceMm = 28;

  // Page furniture.
  TextStyle pageNumber{13, FontFace::Regular};
  std::string draftText = "DỰ THẢO";
  TextStyle draft{13, FontFace::Bold};

  // Appendices.
  TextStyle appendixLabel{14, FontFace::Bold, true};
  TextStyle appendixTitle{14, FontFace::Bold, true};
  TextStyle appendixLink{14, FontFace::Italic};
  std::string appendixLinkFormat;   // "({link} {typeName} số {ref} ngày {date} của {issuer})"
  std::string appendixDateFormat;   // "{day}/{month}/{year}" | "ngày {day} tháng {month} năm {year}"
  TextStyle tableHeader{12, FontFace::Bold};
  TextStyle tableCell{12, FontFace::Regular};
  TextStyle tableGroup{12, FontFace::Bold};
  double cellPaddingPt = 3;
};

}  // namespace vnplan
