#include "render/pdf/pdf_writer.hpp"

#include "render/pdf/font_subset.hpp"
#include "render/pdf/page_content.hpp"
#include "render/pdf/pdf_streams.hpp"

#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <array>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

// libharu copies every byte it writes (each stream into its memory buffers, the whole file
// out again) through its exported helper HPDF_MemCpy, a byte-at-a-time loop: 4 M
// instructions per plan PDF. The library calls it through its PLT, so this definition in
// the program (same contract: copy n bytes, return out + n) takes its place for those calls.
extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
  if (n > 0) std::memcpy(out, in, n);
  return out + n;
}

namespace vnplan {

namespace {

// libharu reports errors through a callback; record them and throw from C++ code, so
// no exception ever crosses the C library.
struct ErrorState {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void onError(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* st = static_cast<ErrorState*>(user);
  if (st->error == 0) {
    st->error = error;
    st->detail = detail;
  }
}

class HaruMetrics : public FontMetrics {
 public:
  std::array<HPDF_FontDef, 4> defs{};
  // Per-face cache of BMP advances; -1 = not yet asked.
  mutable std::array<std::vector<int16_t>, 4> cache;
  HaruMetrics() {
    for (auto& c : cache) c.assign(0x10000, -1);
  }
  double advance(FontFace face, char32_t cp) const override {
    size_t f = static_cast<size_t>(face);
    if (cp >= 0x10000) return 0;  // libharu maps these to a space; Vietnamese is all in the BMP
    int16_t& v = cache[f][cp];
    if (v < 0) v = static_cast<int16_t>(HPDF_TTFontDef_GetCharWidth(defs[f], static_cast<HPDF_UNICODE>(cp)));
    return v;
  }
};

// The face without its TrueType hinting (fpgm, prep, cvt, glyph instructions, device
// metrics): half the bytes. Glyph ids and advances are kept (the CIDToGIDMap and /W come
// from the hinted file libharu parsed); PDF viewers rasterise without the hints (poppler
// and MuPDF pages render pixel-identical). The hinted bytes when HarfBuzz refuses.
std::string withoutHinting(const std::string& ttf) {
  std::string out = ttf;
  hb_blob_t* blob = hb_blob_create(ttf.data(), static_cast<unsigned>(ttf.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  if (hb_subset_input_t* input = hb_subset_input_create_or_fail()) {
    hb_set_add_range(hb_subset_input_glyph_set(input), 0, hb_face_get_glyph_count(face) - 1);
    hb_set_add_range(hb_subset_input_unicode_set(input), 0, 0x10FFFF);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_RETAIN_GIDS);
    if (hb_face_t* sub = hb_subset_or_fail(face, input)) {
      hb_blob_t* res = hb_face_reference_blob(sub);
      unsigned len = 0;
      const char* data = hb_blob_get_data(res, &len);
      if (data && len > 0 && hb_face_get_glyph_count(sub) == hb_face_get_glyph_count(face)) out.assign(data, len);
      hb_blob_destroy(res);
      hb_face_destroy(sub);
    }
    hb_subset_input_destroy(input);
  }
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return out;
}

// One embedded face: the pre-subset TrueType file, unhinted and deflated once per
// process. Every document embeds the whole (Vietnamese-repertoire) face instead of
// libharu's per-document glyph subset, so its stream never has to be built or
// compressed again.
struct EmbeddedFace {
  std::string deflated;
  size_t rawSize = 0;
};

std::shared_ptr<const EmbeddedFace> embeddedFace(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const EmbeddedFace>> faces;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = faces[path];
  if (!slot) {
    std::string raw = readFontFile(path);
    if (raw.empty()) throw std::runtime_error("cannot read " + path);
    raw = withoutHinting(raw);
    auto face = std::make_shared<EmbeddedFace>();
    face->rawSize = raw.size();
    face->deflated = deflateBytes(raw, 9);
    slot = face;
  }
  return slot;
}

// What the font objects of one face need in every document, computed once per face:
// libharu's HPDF_GetFont would rebuild them per document (a cmap search for each of the
// 65,535 codes, a 128 KB CIDToGIDMap) — 45% of a whole plan's PDF.
struct FaceTables {
  std::string cidToGidDeflated;  // CID (= UCS-2 code) -> glyph, big-endian, codes 0…0xFFFE
  int defaultWidth = 0;
  // Every CID's advance as /W and /DW give it (for TJ gaps, and the /W of the codes shown).
  std::vector<int16_t> cidWidths;
};

FaceTables faceTables(HPDF_FontDef def) {
  FaceTables t;
  constexpr unsigned kCodes = 0xFFFF;  // as libharu: every UCS-2 code but the last
  std::string map(kCodes * 2, '\0');
  t.defaultWidth = def->missing_width;
  t.cidWidths.assign(0x10000, static_cast<int16_t>(t.defaultWidth));
  for (unsigned cid = 0; cid < kCodes; ++cid) {
    const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UNICODE>(cid));
    map[cid * 2] = static_cast<char>(gid >> 8);
    map[cid * 2 + 1] = static_cast<char>(gid & 0xFF);
    t.cidWidths[cid] = static_cast<int16_t>(HPDF_TTFontDef_GetGidWidth(def, gid));
  }
  t.cidToGidDeflated = deflateBytes(map, 9);
  return t;
}

}  // namespace

// libharu keeps parsed TrueType fonts in the library object across HPDF_NewDoc, and
// loading four faces costs more than a fifth of a whole plan's PDF. Each thread therefore
// keeps one libharu object with its fonts and starts every document on it afresh; glyph
// widths, which depend only on the font files, are cached with it. A document is never
// shared between threads, and output does not depend on what the thread built before
// (tested).
struct ThreadFonts {
  ErrorState err;
  HPDF_Doc pdf = nullptr;
  std::array<std::string, 4> paths;
  std::array<std::string, 4> names;
  HaruMetrics metrics;
  std::array<std::shared_ptr<const EmbeddedFace>, 4> faces;
  std::array<FaceTables, 4> tables;
  bool busy = false;
  ~ThreadFonts() {
    if (pdf) HPDF_Free(pdf);
  }
};

struct PdfWriter::Impl {
  ThreadFonts* tf = nullptr;
  std::unique_ptr<ThreadFonts> own;  // when this thread's object is already in use

  void check(const char* what) {
    if (tf->err.error) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u) at %s", static_cast<unsigned>(tf->err.error),
                    static_cast<unsigned>(tf->err.detail), what);
      // A failed document leaves libharu in an unknown state: drop the object.
      if (!own) {
        HPDF_Free(tf->pdf);
        tf->pdf = nullptr;
        tf->busy = false;
      }
      throw std::runtime_error(buf);
    }
  }

  // The font objects of face i in this document, as libharu's HPDF_GetFont would make
  // them for a TrueType face with the UTF-8 encoder (Type0, Identity-H, CIDFontType2),
  // but from tables computed once, with a valid ToUnicode map and the whole face
  // embedded; every stream is already deflated.
  HPDF_Dict makeFont(size_t i) {
    ThreadFonts& t = *tf;
    HPDF_Doc pdf = t.pdf;
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Xref xref = pdf->xref;
    HPDF_FontDef def = t.metrics.defs[i];
    auto* defAttr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    const FaceTables& tables = t.tables[i];
    const EmbeddedFace& face = *t.faces[i];
    HPDF_STATUS ret = HPDF_OK;
    auto newDict = [&](bool indirect) {
      HPDF_Dict dict = HPDF_Dict_New(mmgr);
      if (!dict) throw std::runtime_error("libharu: out of memory");
      if (indirect) ret += HPDF_Xref_Add(xref, dict);
      return dict;
    };
    auto newArray = [&] {
      HPDF_Array a = HPDF_Array_New(mmgr);
      if (!a) throw std::runtime_error("libharu: out of memory");
      return a;
    };
    auto newStream = [&](std::string_view deflated) {
      HPDF_Dict dict = HPDF_DictStream_New(mmgr, xref);
      if (!dict) throw std::runtime_error("libharu: out of memory");
      setDeflatedStream(dict, deflated);
      ++deflatedStreams;
      return dict;
    };

    HPDF_Dict type0 = newDict(true);
    type0->header.obj_class |= HPDF_OSUBCLASS_FONT;
    ret += HPDF_Dict_AddName(type0, "Type", "Font");
    ret += HPDF_Dict_AddName(type0, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(type0, "BaseFont", defAttr->base_font);
    ret += HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
    ret += HPDF_Dict_Add(type0, "ToUnicode", newStream(identityToUnicodeDeflated()));
    HPDF_Array descendants = newArray();
    ret += HPDF_Dict_Add(type0, "DescendantFonts", descendants);

    HPDF_Dict cidFont = newDict(true);
    ret += HPDF_Array_Add(descendants, cidFont);
    ret += HPDF_Dict_AddName(cidFont, "Type", "Font");
    ret += HPDF_Dict_AddName(cidFont, "Subtype", "CIDFontType2");
    ret += HPDF_Dict_AddName(cidFont, "BaseFont", defAttr->base_font);
    HPDF_Dict systemInfo = newDict(false);
    ret += HPDF_Dict_Add(cidFont, "CIDSystemInfo", systemInfo);
    ret += HPDF_Dict_Add(systemInfo, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    ret += HPDF_Dict_Add(systemInfo, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    ret += HPDF_Dict_AddNumber(systemInfo, "Supplement", 0);
    ret += HPDF_Dict_AddNumber(cidFont, "DW", tables.defaultWidth);
    HPDF_Array dw2 = newArray();
    ret += HPDF_Dict_Add(cidFont, "DW2", dw2);
    ret += HPDF_Array_AddNumber(dw2, static_cast<HPDF_INT32>(def->font_bbox.bottom));
    ret += HPDF_Array_AddNumber(dw2, static_cast<HPDF_INT32>(def->font_bbox.bottom - def->font_bbox.top));
    cidFonts[i] = cidFont;  // its /W comes at finish, from the codes the pages show
    ret += HPDF_Dict_Add(cidFont, "CIDToGIDMap", newStream(tables.cidToGidDeflated));

    HPDF_Dict descriptor = newDict(true);
    ret += HPDF_Dict_Add(cidFont, "FontDescriptor", descriptor);
    ret += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(descriptor, "FontName", defAttr->base_font);
    ret += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
    ret += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
    ret += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
    ret += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
    ret += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
    HPDF_Dict fontFile = newStream(face.deflated);
    ret += HPDF_Dict_AddNumber(fontFile, "Length1", static_cast<HPDF_INT32>(face.rawSize));
    ret += HPDF_Dict_AddNumber(fontFile, "Length2", 0);
    ret += HPDF_Dict_AddNumber(fontFile, "Length3", 0);
    ret += HPDF_Dict_Add(descriptor, "FontFile2", fontFile);
    if (ret != HPDF_OK) throw std::runtime_error("libharu: font objects");
    check("font objects");
    return type0;
  }

  // /W of face i: the advance of every code the pages show that is not /DW, in runs of
  // consecutive codes ("first [w w …]"). A viewer needs no other code's width, and the whole
  // face's array was ~3,000 numbers per face and document.
  void addWidths(size_t i) {
    HPDF_MMgr mmgr = tf->pdf->mmgr;
    const FaceTables& tables = tf->tables[i];
    HPDF_Array widths = HPDF_Array_New(mmgr);
    if (!widths) throw std::runtime_error("libharu: out of memory");
    HPDF_STATUS ret = HPDF_Dict_Add(cidFonts[i], "W", widths);
    HPDF_Array run = nullptr;
    unsigned next = 0;  // the code that would continue the open run
    const auto& bits = used.bits[i];
    for (unsigned word = 0; word < bits.size(); ++word)
      for (uint64_t b = bits[word]; b; b &= b - 1) {
        const unsigned cid = word * 64 + static_cast<unsigned>(__builtin_ctzll(b));
        const int w = tables.cidWidths[cid];
        if (w == tables.defaultWidth) {
          run = nullptr;
          continue;
        }
        if (!run || cid != next) {
          ret += HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(cid));
          run = HPDF_Array_New(mmgr);
          if (!run) throw std::runtime_error("libharu: out of memory");
          ret += HPDF_Array_Add(widths, run);
        }
        ret += HPDF_Array_AddNumber(run, w);
        next = cid + 1;
      }
    if (ret != HPDF_OK) throw std::runtime_error("libharu: font widths");
    check("font widths");
  }

  std::array<HPDF_Dict, 4> fonts{};     // this document's Type0 font of each face
  std::array<HPDF_Dict, 4> cidFonts{};  // and its descendant CIDFontType2
  UsedCids used;                        // the codes each face shows in this document
  size_t deflatedStreams = 0;
};

namespace {
thread_local std::unique_ptr<ThreadFonts> tlsFonts;
}

PdfWriter::PdfWriter(const FontSet& fonts) : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  std::array<std::string, 4> paths;
  for (size_t i = 0; i < 4; ++i) paths[i] = subsetFontCached(fonts.paths[i]);
  if (!tlsFonts) tlsFonts = std::make_unique<ThreadFonts>();
  if (tlsFonts->busy) {
    d.own = std::make_unique<ThreadFonts>();
    d.tf = d.own.get();
  } else {
    d.tf = tlsFonts.get();
  }
  ThreadFonts& t = *d.tf;
  t.busy = true;
  t.err = {};
  const bool reuse = t.pdf && t.paths == paths;
  if (t.pdf && !reuse) {
    HPDF_Free(t.pdf);
    t.pdf = nullptr;
    t.metrics = HaruMetrics{};
  }
  if (reuse) {
    HPDF_NewDoc(t.pdf);
  } else {
    t.pdf = HPDF_New(onError, &t.err);
    if (!t.pdf) throw std::runtime_error("libharu: cannot create a document");
    HPDF_UseUTFEncodings(t.pdf);
  }
  // libharu compresses nothing itself: every stream is handed to it already deflated
  // (pdf_streams.hpp) — the fonts and fixed maps once per process, page contents at the
  // fastest level.
  HPDF_SetCompressionMode(t.pdf, HPDF_COMP_NONE);
  HPDF_SetCurrentEncoder(t.pdf, "UTF-8");
  d.check("UTF-8 encoder");
  for (size_t i = 0; i < 4; ++i) {
    if (!reuse) {
      const char* name = HPDF_LoadTTFontFromFile(t.pdf, paths[i].c_str(), HPDF_TRUE);
      d.check(fonts.paths[i].c_str());
      t.names[i] = name;
      t.metrics.defs[i] = HPDF_GetFontDef(t.pdf, name);
      d.check("HPDF_GetFontDef");
      t.faces[i] = embeddedFace(paths[i]);
      t.tables[i] = faceTables(t.metrics.defs[i]);
    }
    d.fonts[i] = d.makeFont(i);
  }
  t.paths = paths;
}

PdfWriter::~PdfWriter() {
  if (impl_ && impl_->tf) impl_->tf->busy = false;
}

const FontMetrics& PdfWriter::metrics() const { return impl_->tf->metrics; }

namespace {

// Issue #11: what `vnplan sign` reads back. The layout's marks become named destinations
// "vnplan.<name>" (/FitR rectangles in the catalog's /Dests; appendix marks numbered
// "vnplan.appendix.1", …) and the status the Info entry /VnplanStatus (/Draft or /Final).
// ND30 asks for PDF 1.4 or later; libharu would write 1.2.
void recordMarks(HPDF_Doc pdf, const LaidOutDocument& doc, const std::vector<HPDF_Page>& pages) {
  if (pdf->pdf_version < HPDF_VER_14) pdf->pdf_version = HPDF_VER_14;
  HPDF_Dict dests = nullptr;
  int appendix = 0;
  for (size_t i = 0; i < doc.pages.size() && i < pages.size(); ++i)
    for (const PageMark& mk : doc.pages[i].marks) {
      if (!dests) {
        dests = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_Add(pdf->catalog, "Dests", dests);
      }
      std::string name = "vnplan." + mk.name;
      if (mk.name == "appendix") name += "." + std::to_string(++appendix);
      const double h = doc.pages[i].height;
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages[i]);
      HPDF_Destination_SetFitR(dst, static_cast<HPDF_REAL>(mk.x), static_cast<HPDF_REAL>(h - mk.y - mk.h),
                               static_cast<HPDF_REAL>(mk.x + mk.w), static_cast<HPDF_REAL>(h - mk.y));
      HPDF_Dict_Add(dests, name.c_str(), dst);
    }
  if (pdf->info) HPDF_Dict_AddName(pdf->info, "VnplanStatus", doc.info.draft ? "Draft" : "Final");
}

}  // namespace

std::string PdfWriter::finish(const LaidOutDocument& doc) {
  Impl& d = *impl_;
  HPDF_Doc pdf = d.tf->pdf;
  // Document information in UTF-8 (set after the UTF-8 encoder was chosen).
  if (!doc.info.title.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, doc.info.title.c_str());
  if (!doc.info.subject.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, doc.info.subject.c_str());
  if (!doc.info.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, doc.info.author.c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "vnplan");
  {
    std::time_t t = static_cast<std::time_t>(doc.info.epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  }
  d.check("document info");

  std::vector<HPDF_Page> pages;
  // Each page's content, on one buffer per thread (handed to libharu before the next page).
  thread_local ContentWriter content;
  for (const PageFrame& f : doc.pages) {
    HPDF_Page page = HPDF_AddPage(pdf);
    pages.push_back(page);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(f.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(f.height));
    d.check("adding a page");
    // Resource names (/F1 …) come from libharu, which records each font on the page.
    std::array<const char*, 4> names{};
    const CidWidths widths{d.tf->tables[0].cidWidths.data(), d.tf->tables[1].cidWidths.data(),
                           d.tf->tables[2].cidWidths.data(), d.tf->tables[3].cidWidths.data()};
    writePageContent(content, f, [&](int face) -> const char* {
      const char*& name = names[static_cast<size_t>(face)];
      if (!name) name = HPDF_Page_GetLocalFontName(page, d.fonts[static_cast<size_t>(face)]);
      if (!name) throw std::runtime_error("libharu: no font resource name");
      return name;
    }, widths, &d.used);
    setDeflatedStream(static_cast<HPDF_PageAttr>(page->attr)->contents, deflateToScratch(content.view(), 1));
    ++d.deflatedStreams;
    d.check("painting a page");
  }

  for (size_t i = 0; i < 4; ++i) d.addWidths(i);
  recordMarks(pdf, doc, pages);
  d.check("recording marks");
  HPDF_SaveToStream(pdf);
  d.check("saving");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::string out(size, '\0');
  HPDF_UINT32 got = size;
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
  out.resize(got);
  d.check("reading the stream");
  if (restoreFilterKeys(out) != d.deflatedStreams)
    throw std::runtime_error("PDF: a deflated stream lost its /Filter entry");
  return out;
}

}  // namespace vnplan
