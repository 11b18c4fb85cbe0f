#pragma once
// PNG pictures for the visible signature (signature image, seal), decoded with libpng and
// turned into PDF image data: 8-bit RGB samples plus, with transparency, an alpha mask.
#include <string>

namespace vnplan {

struct PdfImageData {
  int width = 0, height = 0;
  std::string rgbDeflated;    // RGB samples, zlib (FlateDecode)
  std::string alphaDeflated;  // alpha samples, zlib; empty when the picture is opaque
};

// Throws SignFailure(SignBadImage) if the file cannot be read as PNG.
PdfImageData loadPngForPdf(const std::string& path);

// zlib at level 9 (deterministic for the same input).
std::string deflateBytes(const std::string& raw);

}  // namespace vnplan
