#include "model/diagnostic.hpp"

namespace vnplan {
namespace {

struct MessagePair {
  const char* vi;
  const char* en;
};

MessagePair catalogue(MsgId id) {
  switch (id) {
    case MsgId::SyntaxError: return {"lỗi cú pháp YAML: {0}", "YAML syntax error: {1}"};
    case MsgId::UnknownKey: return {"khóa không hợp lệ \"{0}\"", "unknown key \"{0}\""};
    case MsgId::WrongType: return {"\"{0}\" phải là {1}", "\"{0}\" must be {1}"};
    case MsgId::MissingField: return {"thiếu trường bắt buộc \"{0}\"", "missing required field \"{0}\""};
    case MsgId::DuplicateKey: return {"khóa \"{0}\" bị lặp", "duplicate key \"{0}\""};
    case MsgId::DuplicateNumber:
      return {"số thứ tự {0} \"{1}\" bị trùng (đã có tại {2})", "duplicate {0} number \"{1}\" (first at {2})"};
    case MsgId::UnknownAgency:
      return {"mã cơ quan \"{0}\" không có trong danh mục agencies", "agency code \"{0}\" is not in the agencies directory"};
    case MsgId::ImpossibleDate: return {"ngày không hợp lệ: {0}", "impossible date: {0}"};
    case MsgId::InvalidUtf8: return {"văn bản không phải UTF-8 hợp lệ", "text is not valid UTF-8"};
    case MsgId::UnknownDeadline:
      return {"không hiểu thời hạn \"{0}\" (giữ nguyên văn bản)", "deadline \"{0}\" not understood (kept as written)"};
    case MsgId::BadValue:
      return {"giá trị \"{1}\" của \"{0}\" không hợp lệ; cho phép: {2}", "invalid value \"{1}\" for \"{0}\"; allowed: {2}"};
    case MsgId::AliasRefused:
      return {"không dùng neo/bí danh YAML (& và *) trong tệp kế hoạch", "YAML anchors and aliases (& and *) are not allowed in plan files"};
    case MsgId::TooDeep: return {"cấu trúc lồng nhau quá sâu", "nesting too deep"};
    case MsgId::SignBadCertificate:
      return {"không đọc được chứng thư số {0} (cần tệp PKCS#12 .p12/.pfx có khóa bí mật và chứng thư)",
              "cannot read the certificate {0} (a PKCS#12 .p12/.pfx file with a private key and certificate is needed)"};
    case MsgId::SignWrongPassword:
      return {"sai mật khẩu của chứng thư số {0}", "wrong password for the certificate {0}"};
    case MsgId::SignCertExpired:
      return {"chứng thư số đã hết hạn ngày {0}", "the certificate expired on {0}"};
    case MsgId::SignCertNotYetValid:
      return {"chứng thư số chưa có hiệu lực (có hiệu lực từ {0})", "the certificate is not valid yet (valid from {0})"};
    case MsgId::SignKeyMismatch:
      return {"khóa bí mật không khớp với chứng thư số", "the private key does not match the certificate"};
    case MsgId::SignNotVnplanPdf:
      return {"tệp không phải văn bản PDF do vnplan tạo ({0})", "not a PDF made by vnplan ({0})"};
    case MsgId::SignAlreadySigned:
      return {"văn bản đã được ký bởi {0}", "the document is already signed by {0}"};
    case MsgId::SignDraft:
      return {"văn bản đang là dự thảo (status: draft), không ký số được; đặt status: signed khi văn bản đã được duyệt",
              "the document is a draft (status: draft) and cannot be signed; set status: signed once it is approved"};
    case MsgId::SignNoBlock:
      return {"không tìm thấy khối chữ ký trong văn bản", "the document has no signature block"};
    case MsgId::SignBadImage:
      return {"không đọc được ảnh PNG {0}: {1}", "cannot read the PNG image {0}: {1}"};
    case MsgId::SignFailed: return {"không ký được: {0}", "signing failed: {0}"};
    case MsgId::VerifyNoSignature: return {"văn bản không có chữ ký số", "the document has no digital signature"};
    case MsgId::SignCertNotValidThen:
      return {"chứng thư số không có hiệu lực vào thời điểm ký {0} (hiệu lực từ {1} đến {2}); bỏ SOURCE_DATE_EPOCH hoặc --signing-time document để ký với thời điểm hiện tại",
              "the certificate is not valid at the signing time {0} (valid from {1} to {2}); drop SOURCE_DATE_EPOCH or --signing-time document to sign with the current time"};
    case MsgId::VerifyUnreadable: return {"không đọc được tệp PDF ({0})", "cannot read the PDF ({0})"};
    case MsgId::FileNotFound: return {"không mở được tệp {0}", "cannot open file {0}"};
    case MsgId::IncludeCycle: return {"!include lặp vòng: {0}", "!include cycle: {0}"};
    case MsgId::UnknownFootnote:
      return {"chú thích [^{0}] không có trong footnotes", "footnote mark [^{0}] has no text in footnotes"};
    case MsgId::UnusedFootnote:
      return {"chú thích \"{0}\" không được dùng trong văn bản", "footnote \"{0}\" is never referenced"};
    case MsgId::UnknownTask: return {"không có nhiệm vụ số \"{0}\" trong kế hoạch", "the plan has no task \"{0}\""};
    case MsgId::UnknownIndicator: return {"không có chỉ tiêu số \"{0}\" trong kế hoạch", "the plan has no indicator \"{0}\""};
    case MsgId::BadPeriod: return {"kỳ báo cáo không hợp lệ: {0}", "invalid reporting period: {0}"};
    case MsgId::SignedWithoutNumber:
      return {"báo cáo đã ký (status: signed) phải có {0}", "a signed report (status: signed) needs its {0}"};
    case MsgId::SignedPlanIncomplete:
      return {"văn bản đã ký (status: signed) nhưng thiếu {0}; ghi đủ số và ngày, tháng, năm, hoặc để status: draft",
              "a signed plan (status: signed) lacks {0}; give the number and the full date, or keep status: draft"};
    case MsgId::TemplateUnknownValue:
      return {"mẫu báo cáo dùng giá trị không có: {{{0}}}", "the report template names a value that does not exist: {{{0}}}"};
    case MsgId::TemplateUnsupported:
      return {"mẫu báo cáo dùng thẻ không hỗ trợ: {0}", "unsupported tag in the report template: {0}"};
    // issue 9: the XLSX reader
    case MsgId::XlsxNotZip:
      return {"tệp không phải bảng tính Excel .xlsx (không phải tệp ZIP)", "not an Excel .xlsx workbook (not a ZIP file)"};
    case MsgId::XlsxLegacyXls:
      return {"tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx",
              "Excel 97–2003 (.xls) files are not supported; open it in Excel and save it as .xlsx"};
    case MsgId::XlsxEncrypted:
      return {"sổ tính được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu mở tệp rồi gửi lại",
              "the workbook is password-protected (encrypted); remove the open password and send it again"};
    case MsgId::XlsxOtherFormat:
      return {"tệp là {0}, không phải .xlsx; hãy lưu lại dạng Excel .xlsx", "the file is {0}, not .xlsx; save it as an Excel .xlsx workbook"};
    case MsgId::XlsxTruncated:
      return {"tệp .xlsx bị cắt cụt hoặc hỏng (không đọc được mục lục ZIP)", "the .xlsx file is truncated or damaged (no readable ZIP directory)"};
    case MsgId::XlsxZipCorrupt:
      return {"phần {0} của tệp .xlsx bị hỏng (giải nén thất bại hoặc sai CRC)", "part {0} of the .xlsx file is damaged (inflate failed or CRC mismatch)"};
    case MsgId::XlsxZipUnsupported:
      return {"phần {0} dùng kiểu nén {1} không được hỗ trợ", "part {0} uses unsupported compression method {1}"};
    case MsgId::XlsxDuplicatePart:
      return {"tệp .xlsx có hai phần cùng tên {0}", "the .xlsx file has two parts named {0}"};
    case MsgId::XlsxMissingPart: return {"tệp .xlsx thiếu phần {0}", "the .xlsx file has no part {0}"};
    case MsgId::XlsxFileTooLarge:
      return {"tệp quá lớn ({0} byte; tối đa {1})", "the file is too large ({0} bytes; limit {1})"};
    case MsgId::XlsxTooManyEntries:
      return {"tệp ZIP có quá nhiều mục ({0}; tối đa {1})", "the ZIP file has too many entries ({0}; limit {1})"};
    case MsgId::XlsxPartTooLarge:
      return {"phần {0} khi giải nén vượt quá {1} byte", "part {0} inflates to more than {1} bytes"};
    case MsgId::XlsxTotalTooLarge:
      return {"tổng dữ liệu giải nén vượt quá {0} byte", "the inflated parts exceed {0} bytes in total"};
    case MsgId::XlsxCompressionRatio:
      return {"phần {0} có tỷ lệ nén vượt quá {1}:1 (nghi bom ZIP)", "part {0} has a compression ratio above {1}:1 (suspected ZIP bomb)"};
    case MsgId::XlsxTooManyCells:
      return {"sổ tính có quá nhiều ô dữ liệu (tối đa {0})", "the workbook has too many cells (limit {0})"};
    case MsgId::XlsxTooManySheets:
      return {"sổ tính có quá nhiều trang tính (tối đa {0})", "the workbook has too many sheets (limit {0})"};
    case MsgId::XlsxTimeLimit:
      return {"đọc sổ tính mất quá {0} giây; dừng lại", "reading the workbook took more than {0} seconds; stopped"};
    case MsgId::XlsxDoctype:
      return {"phần {0} có khai báo DOCTYPE (không được phép trong tệp .xlsx)", "part {0} contains a DOCTYPE declaration (not allowed in .xlsx files)"};
    case MsgId::XlsxXmlError:
      return {"lỗi XML trong phần {0}, dòng {1}: {2}", "XML error in part {0}, line {1}: {2}"};
    case MsgId::XlsxXmlTooDeep:
      return {"phần {0} lồng nhau quá sâu (tối đa {1} cấp)", "part {0} is nested too deeply (limit {1} levels)"};
    case MsgId::XlsxTextTooLong:
      return {"ô chứa văn bản dài {0} ký tự; tối đa {1}", "the cell holds a text of {0} characters; limit {1}"};
    case MsgId::XlsxBadCellRef: return {"địa chỉ ô không hợp lệ \"{0}\"", "invalid cell reference \"{0}\""};
    case MsgId::XlsxBadNumber: return {"giá trị số không hợp lệ \"{0}\"", "invalid number \"{0}\""};
    case MsgId::XlsxBadSharedString:
      return {"ô trỏ tới chuỗi dùng chung số {0} không tồn tại", "the cell refers to shared string {0}, which does not exist"};
    case MsgId::XlsxDuplicateCell: return {"ô xuất hiện hai lần trong trang tính", "the cell appears twice in the sheet"};
    case MsgId::XlsxDuplicateSheet:
      return {"hai trang tính cùng tên \"{0}\"", "two sheets are named \"{0}\""};
    case MsgId::XlsxNoSheets: return {"sổ tính không có trang tính nào", "the workbook has no sheets"};
    case MsgId::XlsxTooManyErrors:
      return {"quá nhiều lỗi (hơn {0}); dừng đọc", "too many errors (more than {0}); stopped reading"};
    // issue 9
    case MsgId::UnknownParent:
      return {"đơn vị \"{0}\": không có đơn vị cấp trên mã \"{1}\"", "unit \"{0}\": no parent unit with code \"{1}\""};
    case MsgId::UnitCycle: return {"quan hệ cấp trên lặp vòng: {0}", "parent cycle: {0}"};
    case MsgId::BadUnitCode: return {"mã đơn vị \"{0}\" không đúng dạng: {1}", "unit code \"{0}\" has the wrong shape: {1}"};
    case MsgId::BadParentLevel:
      return {"đơn vị \"{0}\" không thể trực thuộc \"{1}\" (cấp không phù hợp)",
              "unit \"{0}\" cannot report to \"{1}\" (level mismatch)"};
    case MsgId::NotCollectionForm:
      return {"tệp không phải biểu mẫu do vnplan collect tạo ({0})", "the file was not made by vnplan collect ({0})"};
    case MsgId::WrongPlan:
      return {"biểu mẫu của kế hoạch \"{0}\", không phải \"{1}\"", "the form belongs to plan \"{0}\", not \"{1}\""};
    case MsgId::WrongUnit:
      return {"đơn vị \"{0}\" không có trong danh mục đơn vị báo cáo", "unit \"{0}\" is not in the directory of reporting units"};
    case MsgId::WrongPeriod:
      return {"biểu mẫu của kỳ {0}, không phải kỳ {1}", "the form is for period {0}, not {1}"};
    case MsgId::SchemaVersion:
      return {"phiên bản biểu mẫu {0} không còn được chấp nhận (cần {1}); hãy dùng biểu mẫu mới",
              "form schema version {0} is not accepted (expected {1}); use a new form"};
    case MsgId::TemplateChanged:
      return {"biểu mẫu được tạo từ một phiên bản khác của kế hoạch (mã kiểm tra không khớp); hãy dùng biểu mẫu mới",
              "the form was made from another version of the plan (template hash differs); use a new form"};
    case MsgId::UnknownStatus:
      return {"tình trạng \"{0}\" không hợp lệ; chọn: Hoàn thành, Đang thực hiện, Chưa thực hiện, Dừng/điều chỉnh",
              "unknown status \"{0}\"; choose: Hoàn thành, Đang thực hiện, Chưa thực hiện, Dừng/điều chỉnh"};
    case MsgId::NotADate:
      return {"\"{0}\" không phải là ngày (nhập dd/mm/yyyy)", "\"{0}\" is not a date (enter dd/mm/yyyy)"};
    case MsgId::LockedCellChanged:
      return {"ô mô tả đã bị sửa: phải là \"{0}\", trong tệp là \"{1}\"",
              "a locked description cell was changed: expected \"{0}\", found \"{1}\""};
    case MsgId::RowAdded: return {"dòng bị thêm vào biểu mẫu (\"{0}\")", "a row was added to the form (\"{0}\")"};
    case MsgId::RowDeleted: return {"dòng số \"{0}\" bị xóa khỏi biểu mẫu", "row \"{0}\" was deleted from the form"};
    case MsgId::FormulaCell:
      return {"ô chứa công thức ({0}); hãy nhập giá trị", "the cell holds a formula ({0}); enter a value"};
    case MsgId::SheetMissing:
      return {"thiếu trang tính \"{0}\" (bị xóa hoặc đổi tên)", "sheet \"{0}\" is missing (deleted or renamed)"};
    case MsgId::CellRequired: return {"cần nhập \"{0}\"", "\"{0}\" is required"};
    case MsgId::DateOutOfRange: return {"ngày {0} nằm ngoài khoảng cho phép {1}", "date {0} is outside {1}"};
    case MsgId::UnreadableWorkbook: return {"không đọc được tệp: {0}", "cannot read the file: {0}"};
    case MsgId::SheetHidden:
      return {"trang tính \"{0}\" bị ẩn; hãy hiện lại (Unhide) và kiểm tra trước khi gửi",
              "sheet \"{0}\" is hidden; unhide it and check it before sending"};
      return {"văn bản đã ký (status: signed) nhưng thiếu {0}; ghi đủ số và ngày, tháng, năm, hoặc để status: draft",
              "a signed plan (status: signed) lacks {0}; give the number and the full date, or keep status: draft"};
    case MsgId::RecipientsWithoutLuu:
      return {"mục cuối của Nơi nhận là \"{0}\", không phải \"Lưu: …\"; thêm dòng \"Lưu: VT, …\" (đặt trong ngoặc kép)",
              "the last recipient is \"{0}\", not \"Lưu: …\"; add a line \"Lưu: VT, …\" (in quotes)"};
    case MsgId::RecipientPunctuation:
      return {"đã thêm dấu câu theo thể thức: \"{0}\" (mỗi mục kết thúc bằng \";\", mục cuối bằng \".\")",
              "punctuation added as the form requires: \"{0}\" (\";\" after each entry, \".\" after the last)"};
    case MsgId::DeadlineBeforePlanYear:
      return {"thời hạn \"{0}\" trước năm của Kế hoạch ({1}); kiểm tra lại năm",
              "deadline \"{0}\" is before the plan's year ({1}); check the year"};
    case MsgId::TitleRepeatsType:
      return {"trích yếu bắt đầu bằng \"{0}\", đã in ở dòng tên loại văn bản; bỏ chữ \"{0}\" ở đầu trích yếu",
              "the title starts with \"{0}\", which is already printed as the document type; drop it from the title"};
    case MsgId::FlowListEntrySplit:
      return {"mục \"{0}\" không phải mã cơ quan và không đứng riêng được: có thể dấu phẩy đã tách \"{1}, {0}\" thành "
              "hai mục; đặt cả mục trong ngoặc kép: [\"{1}, {0}\"]",
              "entry \"{0}\" is neither an agency code nor text on its own: a comma may have split \"{1}, {0}\"; "
              "quote the whole entry: [\"{1}, {0}\"]"};
    case MsgId::YamlTabIndent:
      return {"có ký tự Tab trong phần thụt lề; YAML chỉ dùng dấu cách để thụt lề",
              "a tab in the indentation; YAML indents with spaces only"};
    case MsgId::YamlMissingColon:
      return {"thiếu dấu \":\" sau tên khóa ở dòng này (viết khóa: giá trị)",
              "missing \":\" after the key on this line (write key: value)"};
    case MsgId::YamlColonInValue:
      return {"giá trị có dấu \": \" nhưng không đặt trong ngoặc kép; viết khóa: \"… : …\"",
              "a value containing \": \" must be quoted: key: \"… : …\""};
    case MsgId::AmbiguousRowNumber:
      return {"số \"{0}\" có ở nhiều nhóm ({1}); ghi khóa đầy đủ, ví dụ number: \"{2}\", hoặc thêm group:",
              "number \"{0}\" occurs in several groups ({1}); write the full key, e.g. number: \"{2}\", or add group:"};
    case MsgId::IncludeOutsidePlan:
      return {"!include chỉ được đọc tệp trong thư mục kế hoạch: {0}",
              "!include may only read files inside the plan's directory: {0}"};
    case MsgId::NotRegularFile:
      return {"không phải tệp thông thường: {0}", "not a regular file: {0}"};
    case MsgId::FileTooLarge:
      return {"tệp quá lớn (tối đa {1}): {0}", "file too large (at most {1}): {0}"};
    case MsgId::ControlCharacter:
      return {"\"{0}\" chứa ký tự điều khiển {1}", "\"{0}\" contains the control character {1}"};
    case MsgId::NotFinite:
      return {"\"{0}\" phải là một số hữu hạn, không phải \"{1}\"", "\"{0}\" must be a finite number, not \"{1}\""};
    case MsgId::MustacheTooDeep:
      return {"mẫu Mustache lồng nhau quá sâu (tối đa {0} mức)", "Mustache sections nested too deep (at most {0} levels)"};
    case MsgId::EmptyTemplate: return {"mẫu báo cáo rỗng", "the report template is empty"};
    case MsgId::NoTextWidth:
      return {"lề \"{0}\" không chừa đủ chỗ cho chữ (còn {1} mm)", "the margins \"{0}\" leave no room for text ({1} mm left)"};
    case MsgId::WriteFailed: return {"không ghi được {0}: {1}", "cannot write {0}: {1}"};
    case MsgId::MoreOfTheSame:
      return {"và {0} chỗ khác trong tệp có cùng lỗi", "and {0} more places in the file with the same error"};
    case MsgId::FontCacheRepaired:
      return {"phông chữ trong bộ đệm bị hỏng; đã tạo lại", "damaged font in the cache; rebuilt"};
    case MsgId::BadPlanId:
      return {"tên thư mục kế hoạch \"{0}\" không dùng được làm tên kết quả", "the plan directory name \"{0}\" cannot name an output"};
  }
  return {"?", "?"};
}

}  // namespace

std::string messageText(MsgId id, const std::vector<std::string>& args, Lang lang) {
  const MessagePair m = catalogue(id);
  std::string tmpl = lang == Lang::Vi ? m.vi : m.en;
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9') {
      size_t k = static_cast<size_t>(tmpl[i + 1] - '0');
      if (k >= args.size() && !args.empty()) k = args.size() - 1;  // e.g. a detail given in one language only
      if (k < args.size()) {
        // Kinds such as "văn bản / text" carry both languages; pick one.
        const std::string& a = args[k];
        size_t sep = id == MsgId::WrongType && k == 1 ? a.find(" / ") : std::string::npos;
        out += sep == std::string::npos ? a : lang == Lang::Vi ? a.substr(0, sep) : a.substr(sep + 3);
      }
      i += 2;
    } else {
      out += tmpl[i];
    }
  }
  return out;
}

std::string formatDiagnostic(const Diagnostic& d, Lang lang) {
  std::string s = d.file;
  if (d.line > 0) {
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict, GCC PR 105329)
    // on ":" + std::string.
    s += ':';
    s += std::to_string(d.line);
    s += ':';
    s += std::to_string(d.column);
  }
  s += ": ";
  if (d.severity == Severity::Error)
    s += lang == Lang::Vi ? "lỗi: " : "error: ";
  else
    s += lang == Lang::Vi ? "cảnh báo: " : "warning: ";
  s += messageText(d.id, d.args, lang);
  return s;
}

}  // namespace vnplan
