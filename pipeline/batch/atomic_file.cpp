#include "batch/atomic_file.hpp"

#include "batch/output_transaction.hpp"

namespace vnplan {

void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write) {
  OutputTransaction one;
  one.stage(path, write);
  one.commit();
}

void writeBytesAtomically(const std::string& path, const std::string& bytes) {
  OutputTransaction one;
  one.stageBytes(path, bytes);
  one.commit();
}

}  // namespace vnplan
