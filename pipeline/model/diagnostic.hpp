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
  // issue 10: reports as documents, report templates
  SignedWithoutNumber,    // {0}=the missing part ("number" / "date")
  TemplateUnknownValue,   // {0}=tag name
  TemplateUnsupported,    // {0}=tag
  // issue 9: the XLSX reader (load/xlsx_reader). Located "file.xlsx[!Sheet[!F12]]".
  XlsxNotZip,           //
  XlsxLegacyXls,        //
  XlsxEncrypted,        //
  XlsxOtherFormat,      // {0}=format name
  XlsxTruncated,        //
  XlsxZipCorrupt,       // {0}=part
  XlsxZipUnsupported,   // {0}=part, {1}=compression method
  XlsxDuplicatePart,    // {0}=part
  XlsxMissingPart,      // {0}=part
  XlsxFileTooLarge,     // {0}=size, {1}=limit
  XlsxTooManyEntries,   // {0}=count, {1}=limit
  XlsxPartTooLarge,     // {0}=part, {1}=limit
  XlsxTotalTooLarge,    // {0}=limit
  XlsxCompressionRatio, // {0}=part, {1}=limit
  XlsxTooManyCells,     // {0}=limit
  XlsxTooManySheets,    // {0}=limit
  XlsxTimeLimit,        // {0}=seconds
  XlsxDoctype,          // {0}=part
  XlsxXmlError,         // {0}=part, {1}=line, {2}=parser detail
  XlsxXmlTooDeep,       // {0}=part, {1}=limit
  XlsxTextTooLong,      // {0}=length, {1}=limit
  XlsxBadCellRef,       // {0}=ref
  XlsxBadNumber,        // {0}=text
  XlsxBadSharedString,  // {0}=index
  XlsxDuplicateCell,    //
  XlsxDuplicateSheet,   // {0}=name
  XlsxNoSheets,         //
  XlsxTooManyErrors,    // {0}=limit
  // issue 9 (collect / ingest / consolidate)
  UnknownParent,      // {0}=unit code, {1}=parent code
  UnitCycle,          // {0}=chain of codes
  BadUnitCode,        // {0}=code, {1}=expected shape
  BadParentLevel,     // {0}=unit code, {1}=parent code
  NotCollectionForm,  // {0}=what was found
  WrongPlan,          // {0}=plan in file, {1}=expected
  WrongUnit,          // {0}=unit in file
  WrongPeriod,        // {0}=period in file, {1}=expected
  SchemaVersion,      // {0}=version in file, {1}=expected
  TemplateChanged,    //
  UnknownStatus,      // {0}=text
  NotADate,           // {0}=text
  LockedCellChanged,  // {0}=expected, {1}=found
  RowAdded,           // {0}=first cell text
  RowDeleted,         // {0}=number of the missing row
  FormulaCell,        // {0}=formula
  SheetMissing,       // {0}=sheet
  CellRequired,       // {0}=column header
  DateOutOfRange,     // {0}=date, {1}=allowed range
  UnreadableWorkbook, // {0}=reader message
  SheetHidden,        // {0}=sheet
  // Issue #11: digital signatures (sign/, cli sign and verify).
  SignBadCertificate,   // {0}=path
  SignWrongPassword,    // {0}=path
  SignCertExpired,      // {0}=not after (date)
  SignCertNotYetValid,  // {0}=not before (date)
  SignKeyMismatch,      //
  SignNotVnplanPdf,     // {0}=detail
  SignAlreadySigned,    // {0}=signer
  SignDraft,            //
  SignNoBlock,          //
  SignBadImage,         // {0}=path, {1}=detail
  SignFailed,           // {0}=detail
  VerifyNoSignature,    //
  VerifyUnreadable,     // {0}=detail
  SignCertNotValidThen, // {0}=signing time, {1}=not before, {2}=not after
  // issue #12 (shapes): row numbers restarting per group, YAML slips, semantic checks
  AmbiguousRowNumber,  // {0}=number, {1}=candidate keys, {2}=first candidate
  SignedPlanIncomplete,     // {0}=what is missing
  RecipientsWithoutLuu,     // {0}=last entry
  RecipientPunctuation,     // {0}=entry as printed
  DeadlineBeforePlanYear,   // {0}=deadline, {1}=plan year
  TitleRepeatsType,         // {0}=type name
  FlowListEntrySplit,       // {0}=entry, {1}=previous entry
  YamlTabIndent,            //
  YamlMissingColon,         //
  YamlColonInValue,         //
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
  // A hostile file's thousands of bad bytes are reported a few at a time.
  MoreOfTheSame,       // {0}=how many more places
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
