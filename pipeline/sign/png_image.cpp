#include "sign/png_image.hpp"

#include <png.h>
#include <zlib.h>

#include <cstring>
#include <vector>

#include "sign/sign_error.hpp"

namespace vnplan {

std::string deflateBytes(const std::string& raw) {
  uLongf n = compressBound(static_cast<uLong>(raw.size()));
  std::string out(n, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), 9) != Z_OK)
    throw SignFailure(MsgId::SignFailed, {"zlib"});
  out.resize(n);
  return out;
}

PdfImageData loadPngForPdf(const std::string& path) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str()))
    throw SignFailure(MsgId::SignBadImage, {path, img.message});
  // Pictures larger than this are not signature images or seals; refuse rather than
  // embed tens of megabytes.
  if (img.width == 0 || img.height == 0 || img.width > 4000 || img.height > 4000) {
    png_image_free(&img);
    throw SignFailure(MsgId::SignBadImage, {path, std::to_string(img.width) + "×" + std::to_string(img.height)});
  }
  img.format = PNG_FORMAT_RGBA;
  std::vector<unsigned char> px(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, px.data(), 0, nullptr))
    throw SignFailure(MsgId::SignBadImage, {path, img.message});
  const size_t n = static_cast<size_t>(img.width) * img.height;
  std::string rgb(n * 3, '\0'), alpha(n, '\0');
  bool opaque = true;
  for (size_t i = 0; i < n; ++i) {
    std::memcpy(&rgb[i * 3], &px[i * 4], 3);
    alpha[i] = static_cast<char>(px[i * 4 + 3]);
    opaque = opaque && px[i * 4 + 3] == 255;
  }
  PdfImageData out;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.rgbDeflated = deflateBytes(rgb);
  if (!opaque) out.alphaDeflated = deflateBytes(alpha);
  return out;
}

}  // namespace vnplan
