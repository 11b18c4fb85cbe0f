#include "render/pdf/pdf_writer.hpp"

#include "render/pdf/font_subset.hpp"

#include <hpdf.h>

#include <array>
#include <cmath>
#include <ctime>
#include <stdexcept>
#include <vector>

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
  std::array<HPDF_Font, 4> fonts{};
  // Per-face cache of BMP advances; -1 = not yet asked.
  mutable std::array<std::vector<int16_t>, 4> cache;
  HaruMetrics() {
    for (auto& c : cache) c.assign(0x10000, -1);
  }
  double advance(FontFace face, char32_t cp) const override {
    size_t f = static_cast<size_t>(face);
    if (cp >= 0x10000) return 0;  // libharu maps these to a space; Vietnamese is all in the BMP
    int16_t& v = cache[f][cp];
    if (v < 0) v = static_cast<int16_t>(HPDF_Font_GetUnicodeWidth(fonts[f], static_cast<HPDF_UNICODE>(cp)));
    return v;
  }
};

void setColor(HPDF_Page page, unsigned rgb, bool stroke) {
  float r = static_cast<float>((rgb >> 16) & 0xFF) / 255.f, g = static_cast<float>((rgb >> 8) & 0xFF) / 255.f,
        b = static_cast<float>(rgb & 0xFF) / 255.f;
  if (stroke)
    HPDF_Page_SetRGBStroke(page, r, g, b);
  else
    HPDF_Page_SetRGBFill(page, r, g, b);
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
  // Streams are left uncompressed here and deflated once, at the fastest level, by the
  // qpdf pass that repairs the ToUnicode maps (see repairToUnicode): libharu's default
  // level made deflate half of the time of a whole PDF.
  HPDF_SetCompressionMode(t.pdf, HPDF_COMP_NONE);
  HPDF_SetCurrentEncoder(t.pdf, "UTF-8");
  d.check("UTF-8 encoder");
  for (size_t i = 0; i < 4; ++i) {
    if (!reuse) {
      const char* name = HPDF_LoadTTFontFromFile(t.pdf, paths[i].c_str(), HPDF_TRUE);
      d.check(fonts.paths[i].c_str());
      t.names[i] = name;
    }
    t.metrics.fonts[i] = HPDF_GetFont(t.pdf, t.names[i].c_str(), "UTF-8");
    d.check("HPDF_GetFont");
  }
  t.paths = paths;
}

PdfWriter::~PdfWriter() {
  if (impl_ && impl_->tf) impl_->tf->busy = false;
}

const FontMetrics& PdfWriter::metrics() const { return impl_->tf->metrics; }

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

  for (const PageFrame& f : doc.pages) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(f.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(f.height));
    const double H = f.height;
    for (const Box& b : f.boxes) {
      HPDF_Page_GSave(page);
      // Colours and line width must be set before the path is begun (graphics-mode rule).
      if (b.filled) setColor(page, b.fill, false);
      if (b.stroked) {
        setColor(page, b.strokeColor, true);
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(b.strokeWidth));
      }
      HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(b.x), static_cast<HPDF_REAL>(H - b.y - b.h),
                          static_cast<HPDF_REAL>(b.w), static_cast<HPDF_REAL>(b.h));
      if (b.filled && b.stroked)
        HPDF_Page_FillStroke(page);
      else if (b.filled)
        HPDF_Page_Fill(page);
      else if (b.stroked)
        HPDF_Page_Stroke(page);
      else
        HPDF_Page_EndPath(page);
      HPDF_Page_GRestore(page);
    }
    for (const RuleLine& r : f.rules) {
      HPDF_Page_GSave(page);
      setColor(page, r.color, true);
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.width));
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(r.x1), static_cast<HPDF_REAL>(H - r.y1));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(r.x2), static_cast<HPDF_REAL>(H - r.y2));
      HPDF_Page_Stroke(page);
      HPDF_Page_GRestore(page);
    }
    if (!f.runs.empty()) {
      HPDF_Page_BeginText(page);
      int curFace = -1;
      double curSize = -1;
      unsigned curColor = 0;
      for (const TextRun& r : f.runs) {
        int face = static_cast<int>(r.face);
        if (face != curFace || r.size != curSize) {
          HPDF_Page_SetFontAndSize(page, d.tf->metrics.fonts[static_cast<size_t>(face)], static_cast<HPDF_REAL>(r.size));
          curFace = face;
          curSize = r.size;
        }
        if (r.color != curColor) {
          setColor(page, r.color, false);
          curColor = r.color;
        }
        HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(H - r.y), r.text.c_str());
      }
      HPDF_Page_EndText(page);
    }
    d.check("painting a page");
  }

  HPDF_SaveToStream(pdf);
  d.check("saving");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::string out(size, '\0');
  HPDF_UINT32 got = size;
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
  out.resize(got);
  d.check("reading the stream");
  const PdfMarks marks = collectMarks(doc);
  return repairToUnicode(out, &marks);
}

PdfMarks collectMarks(const LaidOutDocument& doc) {
  PdfMarks m;
  m.draft = doc.info.draft;
  for (size_t i = 0; i < doc.pages.size(); ++i)
    for (const PageMark& mk : doc.pages[i].marks) m.marks.push_back({i, doc.pages[i].height, mk});
  return m;
}

}  // namespace vnplan
