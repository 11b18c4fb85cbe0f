#pragma once
// The hidden `_meta` sheet: who issued which plan, which schema the file follows, where
// each column is (by key), and the content hash of the data rows (docs/xlsx-schema.md).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/plan.hpp"
#include "render/xlsx/formats.hpp"
#include "render/xlsx/table_model.hpp"

namespace vnplan::xlsx {

struct MetaEntry {
  std::string key;
  Cell value;  // text or number
};

// The key/value list in columns A:B, in order.
std::vector<MetaEntry> metaEntries(const Plan& plan, const std::vector<SheetTable>& tables, std::int64_t createdEpoch,
                                   const std::string& contentHash);

// "2025-03-01T00:00:00Z"
std::string isoUtc(std::int64_t epoch);

// Writes the entries (A:B) and the column registry (D:J) and hides the sheet when `hide`.
void writeMetaSheet(ooxml::Worksheet& ws, Formats& fmt, const std::vector<MetaEntry>& entries,
                    const std::vector<SheetTable>& tables, bool hide);

}  // namespace vnplan::xlsx
