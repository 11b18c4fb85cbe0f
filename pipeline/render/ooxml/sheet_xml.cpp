// SCAFFOLD (branch ooxml only): replaced by the worksheet helper.
#include <stdexcept>
#include "render/ooxml/part_writers.hpp"
namespace vnplan::ooxml {
std::string worksheetXml(const Workbook&, const Worksheet&, const StyleSheet&, const SheetRelIds&) {
  throw std::logic_error("worksheet xml: not written yet");
}
}  // namespace vnplan::ooxml
