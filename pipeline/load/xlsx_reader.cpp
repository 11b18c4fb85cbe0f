// The workbook reader (see xlsx_reader.hpp). Minimal first version: the full reader follows.
#include "load/xlsx_reader.hpp"

#include <fstream>
#include <sstream>

namespace vnplan {

std::optional<XlsxWorkbook> readXlsxBytes(std::string_view bytes, const std::string& displayName, Diagnostics& d,
                                          const XlsxLimits& lim) {
  (void)lim;
  (void)bytes;
  d.add({Severity::Error, xlsxPlace(displayName), 0, 0, MsgId::XlsxNotZip, {}});
  return std::nullopt;
}

std::optional<XlsxWorkbook> readXlsxFile(const std::string& path, Diagnostics& d, const XlsxLimits& lim) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    d.add({Severity::Error, path, 0, 0, MsgId::FileNotFound, {path}});
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return readXlsxBytes(buf.str(), path, d, lim);
}

}  // namespace vnplan
