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
  // Paints the document and returns the finished PDF bytes.
  std::string finish(const LaidOutDocument& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnplan
