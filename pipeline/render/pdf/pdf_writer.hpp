#pragma once
// Paints laid-out pages with libharu. One PdfWriter per document and thread: libharu has
// no shared mutable state, but a document must never be shared between threads.
#include <memory>
#include <string>

#include "layout/font_metrics.hpp"
#include "layout/page.hpp"
#include "render/pdf/font_files.hpp"

namespace vnplan {

class PdfWriter {
 public:
  explicit PdfWriter(const FontSet& fonts);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Metrics of the embedded fonts, for the layout stage.
  const FontMetrics& metrics() const;
  // Paints the document and returns the finished PDF bytes (ToUnicode repaired).
  std::string finish(const LaidOutDocument& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What later stages need to find in the finished file (issue #11): the layout's marks
// become named destinations "vnplan.<name>" (/FitR rectangles, appendix marks numbered
// "vnplan.appendix.1", …) and the status the Info entry /VnplanStatus (/Draft or /Final).
struct PdfMarks {
  struct Placed {
    size_t pageIndex = 0;
    double pageHeight = 0;
    PageMark mark;
  };
  std::vector<Placed> marks;
  bool draft = true;
};
PdfMarks collectMarks(const LaidOutDocument& doc);

// Replaces libharu's invalid ToUnicode CMaps (begincidrange) with valid bfrange maps;
// codes are already Unicode (UCS-2), so the map is the identity. Deterministic output,
// PDF version at least 1.4 (ND30). With `marks`, records them (see PdfMarks).
std::string repairToUnicode(const std::string& pdf, const PdfMarks* marks = nullptr);

}  // namespace vnplan
