#pragma once
// Located problems found while reading input. The model stores message ids and
// arguments, not finished sentences, so the CLI can print them in Vietnamese or English.
#include <string>
#include <vector>

namespace vnplan {

enum class Severity { Error, Warning };

enum class MsgId {
  SyntaxError,        // {0}=parser detail
  UnknownKey,         // {0}=key
  WrongType,          // {0}=key, {1}=expected kind
  MissingField,       // {0}=key
  DuplicateKey,       // {0}=key
  DuplicateNumber,    // {0}=what (task/indicator), {1}=number, {2}=first location
  UnknownAgency,      // {0}=code
  ImpossibleDate,     // {0}=text
  InvalidUtf8,        //
  UnknownDeadline,    // {0}=text
  BadValue,           // {0}=key, {1}=value, {2}=allowed
  AliasRefused,       //
  TooDeep,            //
  FileNotFound,       // {0}=path
  IncludeCycle,       // {0}=path
  UnknownFootnote,    // {0}=key
  UnusedFootnote,     // {0}=key
  UnknownTask,        // {0}=number
  UnknownIndicator,   // {0}=number
  BadPeriod,          // {0}=text
  // issue 13 (hardening): confined, bounded input; values that make a valid document;
  // outputs written as one transaction.
  IncludeOutsidePlan,  // {0}=path
  NotRegularFile,      // {0}=path
  FileTooLarge,        // {0}=path, {1}=limit
  ControlCharacter,    // {0}=key, {1}=code point "U+0000"
  NotFinite,           // {0}=key, {1}=value
  MustacheTooDeep,     // {0}=limit
  EmptyTemplate,       //
  NoTextWidth,         // {0}=what (margins_mm, appendix_margins_mm), {1}=space left in mm
  WriteFailed,         // {0}=final file, {1}=reason
  BadPlanId,           // {0}=id
  FontCacheRepaired,   // (file = the bad cache entry)
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;    // 1-based; 0 = whole file
  int column = 0;  // 1-based
  MsgId id = MsgId::SyntaxError;
  std::vector<std::string> args;
};

enum class Lang { Vi, En };

// "file:line:column: lỗi: message"
std::string formatDiagnostic(const Diagnostic& d, Lang lang);
std::string messageText(MsgId id, const std::vector<std::string>& args, Lang lang);

struct Diagnostics {
  std::vector<Diagnostic> items;
  void add(Diagnostic d) { items.push_back(std::move(d)); }
  bool hasErrors() const {
    for (const auto& d : items)
      if (d.severity == Severity::Error) return true;
    return false;
  }
  size_t errorCount() const {
    size_t n = 0;
    for (const auto& d : items) n += d.severity == Severity::Error;
    return n;
  }
};

}  // namespace vnplan
