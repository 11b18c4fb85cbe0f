// SCAFFOLD (branch ooxml only): replaced by the chart helper.
#include <stdexcept>
#include "render/ooxml/part_writers.hpp"
namespace vnplan::ooxml {
std::string chartXml(const Workbook&, const Chart&) { throw std::logic_error("chart xml: not written yet"); }
std::string drawingXml(const Worksheet&) { throw std::logic_error("drawing xml: not written yet"); }
}  // namespace vnplan::ooxml
