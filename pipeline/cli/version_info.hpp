#pragma once
// `vnplan --version`: the version and where templates and fonts are looked for and found,
// so an installation can be checked at a glance.
#include <ostream>

namespace vnplan {

void printVersion(std::ostream& out);

}  // namespace vnplan
