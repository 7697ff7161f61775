// Diagnostics as data: one shape for every stage (lexer, parser, checker, data, evaluation, tests).
import { LineMap, type Span } from './span.ts';

export type Severity = 'error' | 'warning' | 'info';

/** A text edit that fixes a diagnostic: replace `span` with `text`. */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

export interface Fix {
  /** Short label for a quick-fix menu, Chinese-first, e.g. "改为 30%". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedInfo {
  readonly message: string;
  readonly span: Span;
  /** Another file, when the related place is not in this one (e.g. the base rule set). */
  readonly file?: string;
}

/**
 * Stable codes: KP1xx lexing and parsing, KP2xx names and structure, KP3xx types and
 * units, KP4xx weights, grades and dispositions, KP5xx history and inheritance,
 * KP6xx data, KP7xx evaluation, KP8xx language tests. Codes never change meaning once shipped.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  /** Chinese message (the default). */
  readonly message: string;
  /** English message, for `--lang en` and the English UI. */
  readonly messageEn?: string;
  readonly span: Span;
  readonly related?: readonly RelatedInfo[];
  /** Names offered in "did you mean" form. */
  readonly suggestions?: readonly string[];
  readonly fix?: Fix;
}

/** A diagnostic placed in a file, with 1-based line/column, as the CLI and editor show it. */
export interface LocatedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export function locate(file: string, lines: LineMap, d: Diagnostic, lang: 'zh' | 'en' = 'zh'): LocatedDiagnostic {
  const s = lines.position(d.span.start);
  const e = lines.position(d.span.end);
  return {
    file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    severity: d.severity,
    code: d.code,
    message: lang === 'en' && d.messageEn ? d.messageEn : d.message,
  };
}

/** Orders diagnostics by position, then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** `file:line:col: severity CODE message` — the one-line form. */
export function formatLocated(d: LocatedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`;
}

export function hasErrors(ds: readonly { severity: Severity }[]): boolean {
  return ds.some(d => d.severity === 'error');
}

/** What every stage returns: a value (possibly partial) and its diagnostics. Stages never throw on user error. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}
