// libharu 2.3.0 writes its Identity-H code-to-CID CMap as /ToUnicode ("begincidrange"),
// which is invalid there. With the UTF-8 encoder every code already is the UCS-2 value,
// so a correct ToUnicode map is the identity written as bfrange lines.
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <mutex>

#include "render/pdf/pdf_writer.hpp"

namespace vnplan {
namespace {

const std::string& identityCMap() {
  static const std::string cmap = [] {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // One range per high byte (a bfrange must not cross one); surrogates are skipped.
    std::vector<std::string> lines;
    for (int hi = 0; hi < 256; ++hi) {
      if (hi >= 0xD8 && hi <= 0xDF) continue;
      char buf[48];
      std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
      lines.push_back(buf);
    }
    for (size_t i = 0; i < lines.size(); i += 100) {
      size_t n = std::min<size_t>(100, lines.size() - i);
      s += std::to_string(n) + " beginbfrange\n";
      for (size_t k = 0; k < n; ++k) s += lines[i + k];
      s += "endbfrange\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
  }();
  return cmap;
}

}  // namespace

namespace {

void recordMarks(QPDF& q, const PdfMarks& marks) {
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
  QPDFObjectHandle dests = QPDFObjectHandle::newDictionary();
  int appendix = 0;
  for (const auto& pm : marks.marks) {
    if (pm.pageIndex >= pages.size()) continue;
    std::string name = "/vnplan." + pm.mark.name;
    if (pm.mark.name == "appendix") name += "." + std::to_string(++appendix);
    const PageMark& r = pm.mark;
    QPDFObjectHandle d = QPDFObjectHandle::newArray();
    d.appendItem(pages[pm.pageIndex].getObjectHandle());
    d.appendItem(QPDFObjectHandle::newName("/FitR"));
    for (double v : {r.x, pm.pageHeight - r.y - r.h, r.x + r.w, pm.pageHeight - r.y})
      d.appendItem(QPDFObjectHandle::newReal(v, 2));
    dests.replaceKey(name, d);
  }
  if (!dests.getKeys().empty()) q.getRoot().replaceKey("/Dests", dests);
  QPDFObjectHandle info = q.getTrailer().getKey("/Info");
  if (info.isDictionary()) info.replaceKey("/VnplanStatus", QPDFObjectHandle::newName(marks.draft ? "/Draft" : "/Final"));
}

}  // namespace

std::string repairToUnicode(const std::string& pdfBytes, const PdfMarks* marks) {
  // A process-wide setting of qpdf; set once, before any thread writes.
  static std::once_flag levelSet;
  std::call_once(levelSet, [] { Pl_Flate::setCompressionLevel(1); });
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("vnplan.pdf", pdfBytes.data(), pdfBytes.size());
  for (QPDFObjectHandle obj : q.getAllObjects()) {
    if (!obj.isDictionary()) continue;
    if (!obj.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
    QPDFObjectHandle tu = obj.getKey("/ToUnicode");
    if (!tu.isStream()) continue;
    tu.replaceStreamData(identityCMap(), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
  }
  if (marks) recordMarks(q, *marks);
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setMinimumPDFVersion("1.4");
  w.setDeterministicID(true);
  // Copy libharu's streams as they are: decoding and re-deflating them would double the
  // cost of the whole document for no gain.
  w.setDecodeLevel(qpdf_dl_none);
  w.setCompressStreams(true);
  w.write();
  auto buf = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

}  // namespace vnplan
