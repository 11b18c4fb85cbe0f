#pragma once
// Where vnplan's data (templates/, fonts/) lives: an installed binary finds it relative to
// its own location (bin/../share/vnplan), so `cmake --install --prefix ANY_DIR` and the
// .deb both work; then the install prefix compiled in; then, for a binary running inside
// its own build tree only, the source tree. Environment overrides (VNPLAN_TEMPLATES,
// VNPLAN_FONTS) are applied by the callers, on top of defaultDataDir().
#include <string>
#include <vector>

namespace vnplan {

struct DataDirCandidate {
  std::string path;    // directory that would hold templates/ and fonts/
  std::string origin;  // why it is looked at, e.g. "beside the executable"
  bool present = false;  // holds templates/state.yaml
};

// Every place looked at, in order.
std::vector<DataDirCandidate> dataDirCandidates();
// The first candidate holding templates/state.yaml; the first candidate's path when none
// does (so error messages name the place an installation would use).
std::string defaultDataDir();
// defaultDataDir()/templates: the default template directory (VNPLAN_TEMPLATES and
// per-plan overrides wrap this).
std::string defaultTemplateDir();
// The running executable (/proc/self/exe), empty if unknown.
std::string executablePath();

}  // namespace vnplan
