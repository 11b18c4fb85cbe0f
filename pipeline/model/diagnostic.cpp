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
  if (d.line > 0) s += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  s += ": ";
  if (d.severity == Severity::Error)
    s += lang == Lang::Vi ? "lỗi: " : "error: ";
  else
    s += lang == Lang::Vi ? "cảnh báo: " : "warning: ";
  s += messageText(d.id, d.args, lang);
  return s;
}

}  // namespace vnplan
