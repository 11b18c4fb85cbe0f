#include "model/diagnostic.hpp"

namespace vnplan {
namespace {

struct MessagePair {
  const char* vi;
  const char* en;
};

MessagePair catalogue(MsgId id) {
  switch (id) {
    case MsgId::SyntaxError: return {"lỗi cú pháp YAML: {0}", "YAML syntax error: {0}"};
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
    case MsgId::FileNotFound: return {"không mở được tệp {0}", "cannot open file {0}"};
    case MsgId::IncludeCycle: return {"!include lặp vòng: {0}", "!include cycle: {0}"};
    case MsgId::UnknownFootnote:
      return {"chú thích [^{0}] không có trong footnotes", "footnote mark [^{0}] has no text in footnotes"};
    case MsgId::UnusedFootnote:
      return {"chú thích \"{0}\" không được dùng trong văn bản", "footnote \"{0}\" is never referenced"};
    case MsgId::UnknownTask: return {"không có nhiệm vụ số \"{0}\" trong kế hoạch", "the plan has no task \"{0}\""};
    case MsgId::UnknownIndicator: return {"không có chỉ tiêu số \"{0}\" trong kế hoạch", "the plan has no indicator \"{0}\""};
    case MsgId::BadPeriod: return {"kỳ báo cáo không hợp lệ: {0}", "invalid reporting period: {0}"};
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
