// The checker's diagnostic codes (KP2xx–KP5xx): one table of code, severity and title, and the builder.
import type { Diagnostic, Fix, RelatedInfo, Severity } from '../grammar/diagnostic.ts';
import type { Span } from '../grammar/span.ts';

/** A stable code with its default severity and a short title (used by docs and tests). */
export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
}

function c(code: string, severity: Severity, title: string): CodeInfo {
  return { code, severity, title };
}

/** Every code the checker reports. Codes never change meaning once shipped. */
export const CODES = {
  // KP2xx names and structure
  undefinedName: c('KP201', 'error', 'undefined name, type or function'),
  duplicateDefinition: c('KP202', 'error', 'duplicate definition'),
  unused: c('KP203', 'warning', 'unused input, enum or table'),
  ambiguousMember: c('KP204', 'error', 'ambiguous bare enum member'),
  unknownMember: c('KP205', 'error', 'unknown member, field or unit value'),
  duplicateMember: c('KP206', 'error', 'duplicate member, field, situation or level'),
  notAFunction: c('KP207', 'error', 'a definition is called like a function'),
  wrongKindOfName: c('KP208', 'error', 'a name of the wrong kind here'),
  argumentCount: c('KP209', 'error', 'wrong number of arguments'),
  cycle: c('KP210', 'error', 'cycle among same-year definitions'),
  // KP3xx types and units
  percentMix: c('KP301', 'error', 'percent mixed with a non-percent number'),
  percentCompare: c('KP302', 'error', 'percent compared with a bare number'),
  typeMismatch: c('KP303', 'error', 'incompatible operand types'),
  notBool: c('KP304', 'error', 'condition is not a yes/no value'),
  boolAsNumber: c('KP305', 'error', 'yes/no value used as a number'),
  textOperator: c('KP306', 'error', 'operator not defined on text, group or enum'),
  notGroupable: c('KP307', 'error', '`within` needs a group, enum, unit link or text'),
  aggregateForm: c('KP308', 'error', 'aggregate used on the wrong kind of argument'),
  roundNotNumber: c('KP309', 'error', '`round` on a non-number or with a bad digit count'),
  patternNotMember: c('KP310', 'error', 'match pattern does not belong to the subject'),
  matchNotExhaustive: c('KP311', 'error', 'match is not exhaustive'),
  tiersNoElse: c('KP312', 'warning', '`tiers` without `else`'),
  scoreNotNumber: c('KP313', 'error', '`score` whose value is not a number'),
  argumentType: c('KP314', 'error', 'argument of the wrong type for a built-in'),
  branchMismatch: c('KP315', 'error', 'branches of incompatible types'),
  badRange: c('KP316', 'error', 'invalid type range'),
  rankKeyNotNumber: c('KP317', 'error', 'rank key or tie-break is not a number'),
  rankArgument: c('KP318', 'error', 'rank function needs a rank and a share or count'),
  duplicatePattern: c('KP319', 'warning', 'pattern already matched by an earlier arm'),
  // KP4xx weights, grades, dispositions
  weightedSum: c('KP401', 'error', 'weighted block does not sum to 100%'),
  weightsRowSum: c('KP402', 'error', 'weights-table row does not sum to 100%'),
  weightsMissingRow: c('KP403', 'error', 'weights table lacks a row for an enum member'),
  duplicateRow: c('KP404', 'error', 'duplicate row in a weights or parameter table'),
  keyNotEnum: c('KP405', 'error', '`by` key of a table is not an enum'),
  rowNotMember: c('KP406', 'error', 'row is not a member of the key enum'),
  tableMissingRow: c('KP407', 'error', 'parameter table lacks members and has no `else`'),
  gradeOrder: c('KP408', 'error', 'grade thresholds do not strictly decrease'),
  gradeUnreachable: c('KP409', 'error', 'grade level after a level without threshold'),
  gradeGap: c('KP410', 'warning', 'last grade level has a threshold'),
  quotaRange: c('KP411', 'error', 'quota outside 0–100% or not a whole number'),
  severityValue: c('KP412', 'error', 'severity or priority is not a whole number'),
  badCandidate: c('KP413', 'error', 'candidate is not another declared disposition'),
  equalSeverity: c('KP414', 'warning', 'dispositions of equal severity may fire together'),
  // KP5xx history and inheritance
  baseNotFound: c('KP501', 'error', 'base rule set not found'),
  extendsCycle: c('KP502', 'error', '`extends` forms a cycle'),
  overrideMissing: c('KP503', 'error', '`override` of a name the base does not define'),
  removeMissing: c('KP504', 'error', '`remove` of a name the base does not define'),
  needsOverride: c('KP505', 'error', 'redefinition of an inherited name without `override`'),
  baseHasProblems: c('KP506', 'error', 'the base rule set has problems'),
  historyMayBeMissing: c('KP507', 'warning', 'disposition condition reads history without a default'),
  badHistory: c('KP508', 'error', 'invalid history offset or year window'),
  removedStillUsed: c('KP509', 'error', 'a removed definition is still used'),
  badExtendsYear: c('KP510', 'error', '`extends` year is not an earlier year'),
} as const satisfies Record<string, CodeInfo>;

export type CodeName = keyof typeof CODES;

/** Optional parts of a diagnostic. */
export interface DiagnosticExtras {
  readonly related?: readonly RelatedInfo[];
  readonly suggestions?: readonly string[];
  readonly fix?: Fix;
  readonly severity?: Severity;
}

/** Builds a checker diagnostic; the severity is the code's unless `extras.severity` says otherwise. */
export function makeDiagnostic(name: CodeName, message: string, messageEn: string, span: Span, extras: DiagnosticExtras = {}): Diagnostic {
  const info = CODES[name];
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code: info.code,
    severity: extras.severity ?? info.severity,
    message,
    messageEn,
    span,
  };
  if (extras.related && extras.related.length > 0) d.related = extras.related;
  if (extras.suggestions && extras.suggestions.length > 0) d.suggestions = extras.suggestions;
  if (extras.fix) d.fix = extras.fix;
  return d;
}
