#include "sign/pdf_signer.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <vector>

#include "layout/page.hpp"
#include "model/text.hpp"
#include "sign/cms_signature.hpp"
#include "sign/png_image.hpp"
#include "sign/sign_error.hpp"
#include "sign/stamp_font.hpp"

namespace vnplan {

namespace {

struct Rect {
  double l = 0, b = 0, r = 0, t = 0;
  double w() const { return r - l; }
  double h() const { return t - b; }
  Rect unite(const Rect& o) const { return {std::min(l, o.l), std::min(b, o.b), std::max(r, o.r), std::max(t, o.t)}; }
};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string ref(int id) { return std::to_string(id) + " 0 R"; }

// A text string for a PDF dictionary: UTF-16BE with a byte-order mark, in hex.
std::string pdfTextString(const std::string& utf8) {
  std::string s = "<FEFF";
  char buf[8];
  for (char32_t c : decodeUtf8(utf8)) {
    if (c >= 0x10000) {
      char32_t v = c - 0x10000;
      std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(0xD800 + (v >> 10)));
      s += buf;
      c = 0xDC00 + (v & 0x3FF);
    }
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    s += buf;
  }
  return s + ">";
}

struct CivilTime {
  int year, month, day, hour, minute, second;
};

CivilTime vietnamTime(std::int64_t t) {
  std::time_t vt = static_cast<std::time_t>(t + 7 * 3600);
  std::tm tm{};
  gmtime_r(&vt, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

std::string pdfDate(std::int64_t t) {
  CivilTime c = vietnamTime(t);
  char buf[96];
  std::snprintf(buf, sizeof buf, "(D:%04d%02d%02d%02d%02d%02d+07'00')", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

// The stamps' font: widths for layout, codes = Unicode (Identity-H with a CID-to-glyph
// map), embedded as a small subset of its own (see stamp_font.hpp).
struct StampFont {
  std::string fontRef;  // "n 0 R" of the Type0 font
  std::map<char32_t, int> widths;
  int defaultWidth = 500;

  double width(const std::string& text, double size) const {
    double w = 0;
    for (char32_t c : decodeUtf8(text)) {
      auto it = widths.find(c);
      w += it == widths.end() ? defaultWidth : it->second;
    }
    return w * size / 1000.0;
  }
  static std::string hex(const std::string& text) {
    std::string s = "<";
    char buf[8];
    for (char32_t c : decodeUtf8(text)) {
      std::snprintf(buf, sizeof buf, "%04X", c < 0x10000 ? static_cast<unsigned>(c) : 0x3Fu);
      s += buf;
    }
    return s + ">";
  }
};

// The bytes of an incremental update being written: objects with their offsets.
class UpdateWriter {
 public:
  UpdateWriter(const std::string& original, int firstNumber) : file_(original), next_(firstNumber) {
    if (!file_.empty() && file_.back() != '\n') file_ += '\n';
  }
  int reserve() { return next_++; }
  // Writes object `id` (new or a new version of an existing one) with `body` between
  // "obj" and "endobj"; returns the offset of the body in the file.
  size_t object(int id, const std::string& body) {
    offsets_[id] = file_.size();
    file_ += std::to_string(id) + " 0 obj\n";
    size_t at = file_.size();
    file_ += body + "\nendobj\n";
    return at;
  }
  void stream(int id, const std::string& dict, const std::string& data) {
    object(id, "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream");
  }
  std::string& bytes() { return file_; }
  const std::map<int, size_t>& offsets() const { return offsets_; }
  int nextNumber() const { return next_; }

 private:
  std::string file_;
  int next_;
  std::map<int, size_t> offsets_;
};

// Consecutive runs of object numbers: the subsections of an xref section.
std::vector<std::pair<int, int>> runsOf(const std::map<int, size_t>& offsets) {
  std::vector<std::pair<int, int>> runs;
  for (const auto& [id, off] : offsets) {
    (void)off;
    if (!runs.empty() && runs.back().first + runs.back().second == id)
      ++runs.back().second;
    else
      runs.push_back({id, 1});
  }
  return runs;
}

// Offset of the last cross-reference section and whether it is a stream (PDF 1.5).
std::pair<long long, bool> lastXref(const std::string& pdf) {
  size_t at = pdf.rfind("startxref");
  if (at == std::string::npos) throw SignFailure(MsgId::SignNotVnplanPdf, {"startxref"});
  long long off = std::atoll(pdf.c_str() + at + 9);
  if (off <= 0 || static_cast<size_t>(off) >= pdf.size()) throw SignFailure(MsgId::SignNotVnplanPdf, {"startxref"});
  return {off, pdf.compare(static_cast<size_t>(off), 4, "xref") != 0};
}

// A dictionary's text without some keys, ready for more entries before its closing ">>".
std::string dictWithout(QPDFObjectHandle dict, std::initializer_list<const char*> keys) {
  QPDFObjectHandle copy = dict.shallowCopy();
  for (const char* k : keys) copy.removeKey(k);
  std::string s = copy.unparse();
  size_t end = s.rfind(">>");
  return s.substr(0, end);
}

std::string arrayItems(QPDFObjectHandle arr) {
  std::string s;
  if (!arr.isArray()) return s;
  for (int i = 0; i < arr.getArrayNItems(); ++i) s += arr.getArrayItem(i).unparse() + " ";
  return s;
}

// Collects signature fields (terminal fields of type /Sig) of the AcroForm.
void collectFields(QPDFObjectHandle fields, std::vector<QPDFObjectHandle>& out, int depth = 0) {
  if (!fields.isArray() || depth > 8) return;
  for (int i = 0; i < fields.getArrayNItems(); ++i) {
    QPDFObjectHandle f = fields.getArrayItem(i);
    if (!f.isDictionary()) continue;
    if (f.getKey("/Kids").isArray() && !f.getKey("/FT").isName())
      collectFields(f.getKey("/Kids"), out, depth + 1);
    else
      out.push_back(f);
  }
}

// Where an earlier vnplan signature drew its signature image (page coordinates), read
// back from its widget's appearance ("q w 0 0 h x y cm /Sig Do Q"), so the body's seal
// covers a third of the real image.
std::optional<Rect> earlierSignatureImage(const std::vector<QPDFObjectHandle>& fields) {
  for (auto f : fields) {
    QPDFObjectHandle ap = f.getKey("/AP").isDictionary() ? f.getKey("/AP").getKey("/N") : QPDFObjectHandle::newNull();
    QPDFObjectHandle rect = f.getKey("/Rect");
    if (!ap.isStream() || !rect.isArray() || rect.getArrayNItems() != 4) continue;
    std::string content;
    try {
      auto buf = ap.getStreamData(qpdf_dl_generalized);
      content.assign(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    } catch (const std::exception&) {
      continue;
    }
    const size_t at = content.find(" cm /Sig Do");
    const size_t q = at == std::string::npos ? at : content.rfind("q ", at);
    double w = 0, h = 0, x = 0, y = 0;
    if (q == std::string::npos || std::sscanf(content.c_str() + q, "q %lf 0 0 %lf %lf %lf cm", &w, &h, &x, &y) != 4)
      continue;
    const double l = rect.getArrayItem(0).getNumericValue(), b = rect.getArrayItem(1).getNumericValue();
    return Rect{l + x, b + y, l + x + w, b + y + h};
  }
  return std::nullopt;
}

// Draws a text stamp: a thin frame and lines of text, `size` shrunk until they fit `maxW`.
struct TextStamp {
  std::vector<std::string> lines;
  double size = 10;
  double w = 0, h = 0;

  void fit(const StampFont& f, double maxW) {
    const double pad = 4;
    for (;;) {
      double widest = 0;
      for (const auto& l : lines) widest = std::max(widest, f.width(l, size));
      w = widest + 2 * pad;
      h = static_cast<double>(lines.size()) * size * 1.25 + 2 * pad - size * 0.25;
      if (w <= maxW || size <= 6) break;
      size -= 0.5;
    }
  }
  std::string content(const StampFont& f, double x, double y) const {
    const double pad = 4;
    // Dark blue, the colour offices use for signature stamps.
    std::string s = "q 0 0 0.55 RG 0.6 w " + num(x + 0.3) + " " + num(y + 0.3) + " " + num(w - 0.6) + " " +
                    num(h - 0.6) + " re S Q\nBT 0 0 0.55 rg /F1 " + num(size) + " Tf\n";
    double base = y + h - pad - size * 0.85;
    for (const auto& l : lines) {
      s += "1 0 0 1 " + num(x + pad) + " " + num(base) + " Tm " + StampFont::hex(l) + " Tj\n";
      base -= size * 1.25;
    }
    (void)f;
    return s + "ET\n";
  }
};

}  // namespace

std::optional<std::int64_t> pdfCreationTime(const std::string& pdf) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("input.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle info = q.getTrailer().getKey("/Info");
    if (!info.isDictionary() || !info.getKey("/CreationDate").isString()) return std::nullopt;
    const std::string d = info.getKey("/CreationDate").getUTF8Value();  // D:YYYYMMDDHHmmSS[Z|+hh'mm']
    if (d.size() < 16 || d.compare(0, 2, "D:") != 0) return std::nullopt;
    std::tm tm{};
    tm.tm_year = std::stoi(d.substr(2, 4)) - 1900;
    tm.tm_mon = std::stoi(d.substr(6, 2)) - 1;
    tm.tm_mday = std::stoi(d.substr(8, 2));
    tm.tm_hour = std::stoi(d.substr(10, 2));
    tm.tm_min = std::stoi(d.substr(12, 2));
    tm.tm_sec = std::stoi(d.substr(14, 2));
    std::int64_t t = timegm(&tm);
    if (d.size() >= 22 && (d[16] == '+' || d[16] == '-')) {
      const int off = std::stoi(d.substr(17, 2)) * 3600 + std::stoi(d.substr(20, 2)) * 60;
      t += d[16] == '+' ? -off : off;
    }
    return t;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string vietnamTimeText(std::int64_t t) {
  CivilTime c = vietnamTime(t);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d:%02d +07:00", c.day, c.month, c.year, c.hour, c.minute, c.second);
  return buf;
}

std::string signPdf(const std::string& pdf, const SignRequest& req) {
  const SigningIdentity& id = *req.identity;
  try {
    checkValidAt(id.cert.get(), req.signingTime);
  } catch (const SignFailure&) {
    throw SignFailure(MsgId::SignCertNotValidThen, {vietnamTimeText(req.signingTime),
                                                    asn1DateText(X509_get0_notBefore(id.cert.get())),
                                                    asn1DateText(X509_get0_notAfter(id.cert.get()))});
  }
  QPDF q;
  q.setSuppressWarnings(true);
  try {
    q.processMemoryFile("input.pdf", pdf.data(), pdf.size());
  } catch (const std::exception& e) {
    throw SignFailure(MsgId::SignNotVnplanPdf, {e.what()});
  }
  if (q.isEncrypted()) throw SignFailure(MsgId::SignNotVnplanPdf, {"encrypted"});
  QPDFObjectHandle trailer = q.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  QPDFObjectHandle creator = info.isDictionary() ? info.getKey("/Creator") : QPDFObjectHandle::newNull();
  if (!creator.isString() || creator.getUTF8Value() != "vnplan")
    throw SignFailure(MsgId::SignNotVnplanPdf, {"Creator"});
  QPDFObjectHandle status = info.getKey("/VnplanStatus");
  if (status.isNameAndEquals("/Draft")) throw SignFailure(MsgId::SignDraft);
  QPDFObjectHandle root = q.getRoot();
  QPDFObjectHandle dests = root.getKey("/Dests");
  QPDFObjectHandle block = dests.isDictionary() ? dests.getKey("/vnplan.signature") : QPDFObjectHandle::newNull();
  if (!status.isName() || !block.isArray() || block.getArrayNItems() != 6 || !block.getArrayItem(0).isIndirect())
    throw SignFailure(MsgId::SignNoBlock);
  QPDFObjectHandle page = block.getArrayItem(0);
  const Rect blockRect{block.getArrayItem(2).getNumericValue(), block.getArrayItem(3).getNumericValue(),
                       block.getArrayItem(4).getNumericValue(), block.getArrayItem(5).getNumericValue()};

  // Earlier signatures: the same certificate twice is refused; any earlier one makes this
  // the body's signature.
  QPDFObjectHandle acroForm = root.getKey("/AcroForm");
  std::vector<QPDFObjectHandle> fields;
  if (acroForm.isDictionary()) collectFields(acroForm.getKey("/Fields"), fields);
  int signatures = 0;
  std::vector<std::string> fieldNames;
  for (auto& f : fields) {
    if (f.getKey("/T").isString()) fieldNames.push_back(f.getKey("/T").getUTF8Value());
    QPDFObjectHandle v = f.getKey("/V");
    if (!f.getKey("/FT").isNameAndEquals("/Sig") || !v.isDictionary() || !v.getKey("/Contents").isString()) continue;
    ++signatures;
    std::string who;
    if (signedWithCertificate(v.getKey("/Contents").getStringValue(), id.cert.get(), &who))
      throw SignFailure(MsgId::SignAlreadySigned, {who.empty() ? id.commonName : who});
  }
  const bool asBody = signatures > 0;
  std::string fieldName;
  for (int k = signatures + 1;; ++k) {
    fieldName = "Signature" + std::to_string(k);
    if (std::find(fieldNames.begin(), fieldNames.end(), fieldName) == fieldNames.end()) break;
  }

  std::optional<PdfImageData> sigImage, sealImage;
  if (!req.signatureImagePath.empty() && !asBody) sigImage = loadPngForPdf(req.signatureImagePath);
  if (!req.sealImagePath.empty()) sealImage = loadPngForPdf(req.sealImagePath);

  const auto [prevXref, xrefIsStream] = lastXref(pdf);
  QPDFObjectHandle size = trailer.getKey("/Size");
  if (!size.isInteger()) throw SignFailure(MsgId::SignNotVnplanPdf, {"/Size"});
  UpdateWriter up(pdf, static_cast<int>(size.getIntValue()));

  const int sigId = up.reserve(), widgetId = up.reserve(), apId = up.reserve(), formId = up.reserve();
  const std::string when = vietnamTimeText(req.signingTime);
  const std::string body = id.organisation.empty() ? id.commonName : id.organisation;
  std::vector<std::string> signerLines, bodyLines{"Cơ quan: " + body, "Thời gian ký: " + when};
  signerLines.push_back("Ký bởi: " + id.commonName);
  if (!id.organisation.empty()) signerLines.push_back("Cơ quan: " + id.organisation);
  signerLines.push_back("Thời gian ký: " + when);
  QPDFObjectHandle appendix1 = dests.getKey("/vnplan.appendix.1");
  const bool needFont = (!sigImage && !sealImage) || (asBody && appendix1.isArray());
  StampFont font;
  if (needFont) {
    std::u32string chars;
    for (const auto* lines : {&signerLines, &bodyLines})
      for (const auto& l : *lines) chars += decodeUtf8(l);
    std::sort(chars.begin(), chars.end());
    chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
    const StampFontData fd = makeStampFont(req.stampFontPath, chars);
    font.widths = fd.width;
    const int fileId = up.reserve(), descId = up.reserve(), mapId = up.reserve(), cidId = up.reserve(),
              type0Id = up.reserve();
    up.stream(fileId, "/Length1 " + std::to_string(fd.fontFile.size()) + " /Filter /FlateDecode",
              deflateBytes(fd.fontFile));
    // A subset tag derived from the content, so the same signature gives the same bytes.
    std::string tag;
    unsigned h = 2166136261u;
    for (unsigned char c : fd.fontFile) h = (h ^ c) * 16777619u;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    const std::string name = "/" + tag + "+VnplanStamp";
    up.object(descId, "<< /Type /FontDescriptor /FontName " + name + " /Flags 34 /FontBBox [-600 -300 1300 1000] " +
                          "/ItalicAngle 0 /Ascent " + std::to_string(fd.ascent) + " /Descent " +
                          std::to_string(fd.descent) + " /CapHeight 660 /StemV 80 /FontFile2 " + ref(fileId) + " >>");
    char32_t last = chars.empty() ? 0 : chars.back();
    std::string map(2 * (static_cast<size_t>(last) + 1), '\0');
    std::string widths;
    for (const auto& [c, g] : fd.glyph) {
      map[2 * c] = static_cast<char>(g >> 8);
      map[2 * c + 1] = static_cast<char>(g & 0xFF);
      widths += std::to_string(static_cast<unsigned>(c)) + " [" + std::to_string(fd.width.at(c)) + "] ";
    }
    up.stream(mapId, "/Filter /FlateDecode", deflateBytes(map));
    up.object(cidId, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name +
                         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
                         ref(descId) + " /CIDToGIDMap " + ref(mapId) + " /DW 500 /W [" + widths + "] >>");
    // ToUnicode: the codes are the UCS-2 values, so text extraction needs the identity map;
    // the document's own (repaired) one is reused when there is one.
    std::string toUnicode;
    for (QPDFObjectHandle obj : q.getAllObjects())
      if (obj.isDictionary() && obj.getKey("/Subtype").isNameAndEquals("/Type0") && obj.getKey("/ToUnicode").isStream()) {
        toUnicode = " /ToUnicode " + obj.getKey("/ToUnicode").unparse();
        break;
      }
    up.object(type0Id, "<< /Type /Font /Subtype /Type0 /BaseFont " + name + " /Encoding /Identity-H /DescendantFonts [" +
                           ref(cidId) + "]" + toUnicode + " >>");
    font.fontRef = ref(type0Id);
  }

  // --- Visible form (ND30 §5): placed in page coordinates, then drawn relative to the
  // widget's lower-left corner.
  const double cx = (blockRect.l + blockRect.r) / 2, cy = (blockRect.b + blockRect.t) / 2;
  std::vector<std::pair<Rect, std::string>> images;  // where, resource name
  std::optional<std::pair<Rect, TextStamp>> stamp;
  Rect sigRect{cx, cy, cx, cy};
  if (sigImage) {
    const double aspect = static_cast<double>(sigImage->width) / sigImage->height;
    double h = blockRect.h() * 0.95, w = h * aspect;
    if (w > blockRect.w() * 0.8) {
      w = blockRect.w() * 0.8;
      h = w / aspect;
    }
    sigRect = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
    images.push_back({sigRect, "/Sig"});
  }
  if (sealImage) {
    const double d = req.sealDiameterMm * kPtPerMm;
    const double h = d * sealImage->height / sealImage->width;
    // Over the left third of the signature image: this signature's, the signer's earlier
    // one (the body signing second), or else one assumed as wide as the seal.
    const std::optional<Rect> earlier = sigImage ? std::optional<Rect>(sigRect) : earlierSignatureImage(fields);
    const Rect under = earlier ? *earlier : Rect{cx - d / 2, cy - h / 2, cx + d / 2, cy + h / 2};
    const double right = under.l + under.w() / 3, mid = (under.b + under.t) / 2;
    images.push_back({Rect{right - d, mid - h / 2, right, mid + h / 2}, "/Seal"});
  }
  if (!sigImage && !sealImage) {
    TextStamp s;
    s.lines = asBody ? bodyLines : signerLines;
    s.fit(font, blockRect.w() - 4);
    // The signer's stamp is centred under the authority lines; the body's sits at the
    // bottom left of the room to sign, beside the signer's as a seal would be, and the
    // two (about 45 and 33 pt high) fit the 28 mm without covering each other or the name.
    const double x = asBody ? blockRect.l + std::min(12.0, blockRect.w() - s.w) : cx - s.w / 2;
    const double y = asBody ? blockRect.b : std::max(blockRect.b, blockRect.t - s.h - 2);
    stamp = {{Rect{x, y, x + s.w, y + s.h}, s}};
  }
  Rect widget = asBody ? Rect{1e9, 1e9, -1e9, -1e9} : blockRect;
  for (const auto& im : images) widget = widget.unite(im.first);
  if (stamp) widget = widget.unite(stamp->first);

  std::string content;
  std::string xobjects;
  auto imageObjects = [&](const PdfImageData& img, const std::string& name) {
    const int imgId = up.reserve();
    std::string dict = "/Type /XObject /Subtype /Image /Width " + std::to_string(img.width) + " /Height " +
                       std::to_string(img.height) + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode";
    if (!img.alphaDeflated.empty()) {
      const int maskId = up.reserve();
      up.stream(maskId,
                "/Type /XObject /Subtype /Image /Width " + std::to_string(img.width) + " /Height " +
                    std::to_string(img.height) + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                img.alphaDeflated);
      dict += " /SMask " + ref(maskId);
    }
    up.stream(imgId, dict, img.rgbDeflated);
    xobjects += name + " " + ref(imgId) + " ";
  };
  if (sigImage) imageObjects(*sigImage, "/Sig");
  if (sealImage) imageObjects(*sealImage, "/Seal");
  for (const auto& [r, name] : images)
    content += "q " + num(r.w()) + " 0 0 " + num(r.h()) + " " + num(r.l - widget.l) + " " + num(r.b - widget.b) +
               " cm " + name + " Do Q\n";
  if (stamp) content += stamp->second.content(font, stamp->first.l - widget.l, stamp->first.b - widget.b);
  auto resources = [&](bool withImages) {
    std::string r = "/Resources << ";
    if (!font.fontRef.empty()) r += "/Font << /F1 " + font.fontRef + " >> ";
    if (withImages && !xobjects.empty()) r += "/XObject << " + xobjects + ">> ";
    return r + ">>";
  };
  up.stream(apId,
            "/Type /XObject /Subtype /Form /BBox [0 0 " + num(widget.w()) + " " + num(widget.h()) + "] " +
                resources(true),
            content);

  // --- Stamps on the appendices' first pages (the body's signature only).
  std::map<QPDFObjGen, std::vector<int>> pageAnnots;  // page -> new annotation objects
  pageAnnots[page.getObjGen()].push_back(widgetId);
  if (asBody && needFont) {
    for (int n = 1;; ++n) {
      QPDFObjectHandle d = dests.getKey("/vnplan.appendix." + std::to_string(n));
      if (!d.isArray() || d.getArrayNItems() != 6 || !d.getArrayItem(0).isIndirect()) break;
      const Rect area{d.getArrayItem(2).getNumericValue(), d.getArrayItem(3).getNumericValue(),
                      d.getArrayItem(4).getNumericValue(), d.getArrayItem(5).getNumericValue()};
      TextStamp s;
      s.lines = bodyLines;
      s.fit(font, area.w());
      const Rect at{area.r - s.w, area.t - s.h, area.r, area.t};
      const int formN = up.reserve(), annotN = up.reserve();
      up.stream(formN,
                "/Type /XObject /Subtype /Form /BBox [0 0 " + num(at.w()) + " " + num(at.h()) + "] " + resources(false),
                s.content(font, 0, 0));
      up.object(annotN, "<< /Type /Annot /Subtype /Stamp /Name /vnplan.body /F 132 /Rect [" + num(at.l) + " " +
                            num(at.b) + " " + num(at.r) + " " + num(at.t) + "] /P " + d.getArrayItem(0).unparse() +
                            " /Contents " + pdfTextString(s.lines[0] + ", " + s.lines[1]) + " /AP << /N " +
                            ref(formN) + " >> >>");
      pageAnnots[d.getArrayItem(0).getObjGen()].push_back(annotN);
    }
  }

  // --- Field/widget, AcroForm, catalog and pages.
  up.object(widgetId, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + pdfTextString(fieldName) + " /V " +
                          ref(sigId) + " /F 132 /Rect [" + num(widget.l) + " " + num(widget.b) + " " + num(widget.r) +
                          " " + num(widget.t) + "] /P " + page.unparse() + " /AP << /N " + ref(apId) + " >> >>");
  std::string fieldRefs;
  for (auto& f : fields) fieldRefs += f.unparse() + " ";
  const std::string formDict = acroForm.isDictionary() ? dictWithout(acroForm, {"/Fields", "/SigFlags"}) : "<< ";
  up.object(formId, formDict + "/Fields [" + fieldRefs + ref(widgetId) + "] /SigFlags 3 >>");
  up.object(root.getObjectID(), dictWithout(root, {"/AcroForm"}) + "/AcroForm " + ref(formId) + " >>");
  for (const auto& [og, annots] : pageAnnots) {
    QPDFObjectHandle pg = q.getObjectByObjGen(og);
    std::string list = arrayItems(pg.getKey("/Annots"));
    for (int a : annots) list += ref(a) + " ";
    if (og.getGen() != 0) throw SignFailure(MsgId::SignNotVnplanPdf, {"generation"});
    up.object(og.getObj(), dictWithout(pg, {"/Annots"}) + "/Annots [" + list + "] >>");
  }

  // --- The signature dictionary with placeholders for /ByteRange and /Contents.
  size_t reserveBytes = static_cast<size_t>(i2d_X509(id.cert.get(), nullptr)) + 4096 +
                        static_cast<size_t>(EVP_PKEY_get_size(id.key.get()));
  for (int i = 0; i < sk_X509_num(id.chain.get()); ++i)
    reserveBytes += static_cast<size_t>(i2d_X509(sk_X509_value(id.chain.get(), i), nullptr));
  const std::string byteRangeHolder = "[0 0000000000 0000000000 0000000000]";
  std::string sig = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange " +
                    byteRangeHolder + " /Contents <" + std::string(reserveBytes * 2, '0') + "> /M " +
                    pdfDate(req.signingTime) + " /Name " + pdfTextString(id.commonName);
  if (!req.reason.empty()) sig += " /Reason " + pdfTextString(req.reason);
  sig += " /Prop_Build << /App << /Name /vnplan >> >> >>";
  const size_t sigAt = up.object(sigId, sig);

  // --- Cross-reference section of the original's kind, trailer, end.
  std::string& out = up.bytes();
  const std::string rootRef = trailer.getKey("/Root").unparse();
  std::string tail = " /Root " + rootRef;
  if (info.isIndirect()) tail += " /Info " + info.unparse();
  if (trailer.getKey("/ID").isArray()) tail += " /ID " + trailer.getKey("/ID").unparse();
  tail += " /Prev " + std::to_string(prevXref);
  size_t xrefAt = out.size();
  if (!xrefIsStream) {
    const int sizeAfter = up.nextNumber();
    out += "xref\n";
    for (auto [first, count] : runsOf(up.offsets())) {
      out += std::to_string(first) + " " + std::to_string(count) + "\n";
      for (int i = 0; i < count; ++i) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", up.offsets().at(first + i));
        out += buf;
      }
    }
    out += "trailer\n<< /Size " + std::to_string(sizeAfter) + tail + " >>\n";
  } else {
    const int xrefId = up.reserve();
    std::map<int, size_t> offsets = up.offsets();
    offsets[xrefId] = xrefAt;
    std::string data, index;
    for (auto [first, count] : runsOf(offsets)) {
      index += std::to_string(first) + " " + std::to_string(count) + " ";
      for (int i = 0; i < count; ++i) {
        const size_t off = offsets.at(first + i);
        data += '\x01';
        for (int k = 3; k >= 0; --k) data += static_cast<char>((off >> (8 * k)) & 0xFF);
        data += std::string(2, '\0');
      }
    }
    up.stream(xrefId,
              "/Type /XRef /Size " + std::to_string(up.nextNumber()) + " /W [1 4 2] /Index [" + index + "]" + tail, data);
  }
  out += "startxref\n" + std::to_string(xrefAt) + "\n%%EOF\n";

  // --- Byte range, then the signature over it.
  const size_t brAt = out.find(byteRangeHolder, sigAt);
  const size_t contentsAt = out.find("/Contents <", sigAt) + 10;
  const size_t contentsEnd = contentsAt + 2 + reserveBytes * 2;
  std::string br = "[0 " + std::to_string(contentsAt) + " " + std::to_string(contentsEnd) + " " +
                   std::to_string(out.size() - contentsEnd) + "]";
  br.resize(byteRangeHolder.size(), ' ');
  out.replace(brAt, br.size(), br);
  const std::string signedBytes = out.substr(0, contentsAt) + out.substr(contentsEnd);
  const std::string der = makeCadesSignature(id, signedBytes, req.signingTime);
  if (der.size() > reserveBytes) throw SignFailure(MsgId::SignFailed, {"signature larger than reserved"});
  static const char* hexDigits = "0123456789abcdef";
  for (size_t i = 0; i < der.size(); ++i) {
    const auto b = static_cast<unsigned char>(der[i]);
    out[contentsAt + 1 + 2 * i] = hexDigits[b >> 4];
    out[contentsAt + 1 + 2 * i + 1] = hexDigits[b & 15];
  }
  return out;
}

}  // namespace vnplan
