#pragma once
#include <optional>
#include <string>

#include "model/diagnostic.hpp"
#include "model/doc_template.hpp"

namespace vnplan {

// Reads templates/<family>.yaml; every problem is reported with file:line:column.
std::optional<DocTemplate> loadTemplate(const std::string& path, Diagnostics& diags);

}  // namespace vnplan
