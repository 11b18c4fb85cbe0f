#pragma once
// Why signing or verifying failed: a message id and its arguments, printed by the CLI in
// Vietnamese or English (model/diagnostic).
#include <stdexcept>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace vnplan {

struct SignFailure : std::runtime_error {
  MsgId id;
  std::vector<std::string> args;
  SignFailure(MsgId i, std::vector<std::string> a = {})
      : std::runtime_error(messageText(i, a, Lang::En)), id(i), args(std::move(a)) {}
};

}  // namespace vnplan
