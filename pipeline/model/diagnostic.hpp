#pragma once
// Located problems found while reading input. The model stores message ids and
// arguments, not finished sentences, so the CLI can print them in Vietnamese or English.
#include <string>
#include <vector>

namespace vnplan {

enum class Severity { Error, Warning };

enum class MsgId {
  SyntaxError,        // {0}=what went wrong in Vietnamese, {1}=the parser's English detail
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
  // issue #12 (shapes): row numbers restarting per group, YAML slips, semantic checks
  AmbiguousRowNumber,  // {0}=number, {1}=candidate keys, {2}=first candidate
  SignedWithoutNumber,      // {0}=what is missing
  RecipientsWithoutLuu,     // {0}=last entry
  RecipientPunctuation,     // {0}=entry as printed
  DeadlineBeforePlanYear,   // {0}=deadline, {1}=plan year
  TitleRepeatsType,         // {0}=type name
  FlowListEntrySplit,       // {0}=entry, {1}=previous entry
  YamlTabIndent,            //
  YamlMissingColon,         //
  YamlColonInValue,         //
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
