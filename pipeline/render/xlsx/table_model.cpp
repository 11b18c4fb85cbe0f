#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

const char* valueTypeKey(ValueType t) {
  switch (t) {
    case ValueType::Text: return "text";
    case ValueType::TextOrNumber: return "text-or-number";
    case ValueType::Integer: return "integer";
    case ValueType::Date: return "date";
    case ValueType::Number: return "number";
  }
  return "text";
}

}  // namespace vnplan::xlsx
