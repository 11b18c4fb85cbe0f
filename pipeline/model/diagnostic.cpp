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
