// SCAFFOLD (branch ooxml only): replaced by the chart helper.
#include <stdexcept>
#include "render/ooxml/part_writers.hpp"
namespace vnplan::ooxml {
std::string commentsXml(const Worksheet&) { throw std::logic_error("comments xml: not written yet"); }
std::string vmlDrawingXml(const Worksheet&, int) { throw std::logic_error("vml: not written yet"); }
}  // namespace vnplan::ooxml
