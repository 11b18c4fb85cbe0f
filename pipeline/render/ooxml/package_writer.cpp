// SCAFFOLD (branch ooxml only): replaced by the package helper.
#include <stdexcept>
#include "render/ooxml/package_writer.hpp"
#include "render/ooxml/part_writers.hpp"
namespace vnplan::ooxml {
void writePackage(const Workbook&, const std::string&) { throw std::logic_error("package: not written yet"); }
}  // namespace vnplan::ooxml
