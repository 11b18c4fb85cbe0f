#include "compute/reproducible_time.hpp"

namespace vnplan {

std::int64_t reproducibleEpoch(const Plan& plan, const std::string& sourceDateEpoch) {
  if (!sourceDateEpoch.empty() && sourceDateEpoch.find_first_not_of("0123456789") == std::string::npos &&
      sourceDateEpoch.size() < 19)
    return std::stoll(sourceDateEpoch);
  const PartialDate& d = plan.document.date;
  CalendarDate c{d.year ? d.year : 2025, d.month ? d.month : 1, d.day ? d.day : 1};
  if (!isValidDate(c.year, c.month, c.day)) c = {2025, 1, 1};
  return static_cast<std::int64_t>(daysFromCivil(c)) * 86400;
}

}  // namespace vnplan
