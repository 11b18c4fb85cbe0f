#pragma once
// Writes outputs so that a failed or interrupted run never leaves a partial file and
// keeps any earlier one: write to a unique temporary name in the same directory, then
// rename over the target (rename is atomic within one filesystem).
#include <functional>
#include <string>

namespace vnplan {

// Creates parent directories; calls write(tmpPath) which must produce the file; renames.
// On any failure the temporary file is removed and OutputError (batch/output_transaction.hpp)
// names the target. For several files that belong together use OutputTransaction.
void writeAtomically(const std::string& path, const std::function<void(const std::string& tmpPath)>& write);
void writeBytesAtomically(const std::string& path, const std::string& bytes);

}  // namespace vnplan
