// SCAFFOLD (branch ooxml only): replaced by the styles helper.
#include <stdexcept>
#include "render/ooxml/part_writers.hpp"
namespace vnplan::ooxml {
StyleSheet::StyleSheet(const Workbook&) { throw std::logic_error("styles.xml: not written yet"); }
int StyleSheet::xfIndex(const Format*) const { return 0; }
int StyleSheet::dxfIndex(const Format*) const { return 0; }
}  // namespace vnplan::ooxml
