#include "sign/stamp_font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

#include "sign/sign_error.hpp"

namespace vnplan {

StampFontData makeStampFont(const std::string& ttfPath, const std::u32string& chars) {
  std::unique_ptr<hb_blob_t, decltype(&hb_blob_destroy)> blob(hb_blob_create_from_file_or_fail(ttfPath.c_str()),
                                                              hb_blob_destroy);
  if (!blob) throw SignFailure(MsgId::SignFailed, {"font " + ttfPath});
  std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> face(hb_face_create(blob.get(), 0), hb_face_destroy);
  std::unique_ptr<hb_font_t, decltype(&hb_font_destroy)> font(hb_font_create(face.get()), hb_font_destroy);
  const unsigned upem = hb_face_get_upem(face.get());
  if (upem == 0) throw SignFailure(MsgId::SignFailed, {"font " + ttfPath});
  StampFontData out;
  hb_font_extents_t ext{};
  if (hb_font_get_h_extents(font.get(), &ext)) {
    out.ascent = static_cast<int>(ext.ascender * 1000 / static_cast<int>(upem));
    out.descent = static_cast<int>(ext.descender * 1000 / static_cast<int>(upem));
  }
  std::unique_ptr<hb_subset_input_t, decltype(&hb_subset_input_destroy)> input(hb_subset_input_create_or_fail(),
                                                                               hb_subset_input_destroy);
  if (!input) throw SignFailure(MsgId::SignFailed, {"hb_subset"});
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : chars) {
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font.get(), c, &g)) continue;  // drawn as .notdef
    out.glyph[c] = g;
    out.width[c] = static_cast<int>(hb_font_get_glyph_h_advance(font.get(), g) * 1000 / static_cast<int>(upem));
    hb_set_add(unicodes, c);
  }
  // Hinting programs are most of a subset's size and do nothing for a 10 pt stamp.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  // The plan tells which new glyph id each old one got (accented letters pull in their
  // component glyphs, so the numbering is not simply the order of the chosen glyphs).
  std::unique_ptr<hb_subset_plan_t, decltype(&hb_subset_plan_destroy)> plan(
      hb_subset_plan_create_or_fail(face.get(), input.get()), hb_subset_plan_destroy);
  if (!plan) throw SignFailure(MsgId::SignFailed, {"hb_subset"});
  const hb_map_t* newGid = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (auto& [c, g] : out.glyph) g = hb_map_get(newGid, g);
  std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> sub(hb_subset_plan_execute_or_fail(plan.get()), hb_face_destroy);
  if (!sub) throw SignFailure(MsgId::SignFailed, {"hb_subset"});
  std::unique_ptr<hb_blob_t, decltype(&hb_blob_destroy)> data(hb_face_reference_blob(sub.get()), hb_blob_destroy);
  unsigned n = 0;
  const char* p = hb_blob_get_data(data.get(), &n);
  out.fontFile.assign(p, n);
  return out;
}

}  // namespace vnplan
