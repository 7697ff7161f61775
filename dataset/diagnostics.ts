// Data diagnostics (KP6xx): placed by file, line and column, Chinese-first with English, capped.
import type { LocatedDiagnostic, Severity } from '../grammar/diagnostic.ts';
import { compareIds as byCodePoint } from '../engine/result.ts';

/**
 * A problem in a dataset file. In a CSV file `line` is the line where the record starts and
 * `column` the 1-based number of the offending column (as a spreadsheet counts them); in
 * `dataset.yaml` they are the text position.
 */
export interface DataDiagnostic extends LocatedDiagnostic {
  readonly messageEn: string;
}

/** Codes of the data stage; stable once shipped (docs/diagnostics.md, KP6xx). */
export const DataCode = {
  manifestSyntax: 'KP601',
  manifestShape: 'KP602',
  fileMissing: 'KP603',
  notInManifest: 'KP604',
  yearNotInData: 'KP605',
  csvSyntax: 'KP610',
  fieldCount: 'KP611',
  duplicateHeader: 'KP612',
  columnMissing: 'KP613',
  keyColumnMissing: 'KP614',
  valueRequired: 'KP620',
  notNumber: 'KP621',
  outOfRange: 'KP622',
  notMember: 'KP623',
  badDate: 'KP624',
  badBool: 'KP625',
  duplicateId: 'KP630',
  unknownId: 'KP631',
  unknownOwner: 'KP632',
  unknownUnit: 'KP633',
  dateOutsideYear: 'KP634',
  periodReversed: 'KP635',
  earlierYearColumn: 'KP640',
} as const;

export type DataCodeName = keyof typeof DataCode;

/** How many diagnostics a load keeps by default; the rest are only counted. */
export const DEFAULT_DIAGNOSTIC_LIMIT = 100;

/**
 * Collects diagnostics up to a limit and counts the rest, so a file with a million bad rows is
 * reported in bounded memory while the total stays exact. The ones kept are the first in
 * file, line, column order — not merely the first found — so the report does not depend on the
 * order in which files were read.
 */
export class DiagnosticSink {
  private readonly kept: DataDiagnostic[] = [];
  omitted = 0;
  errors = 0;

  constructor(private readonly limit: number = DEFAULT_DIAGNOSTIC_LIMIT) {}

  add(d: DataDiagnostic): void {
    if (d.severity === 'error') this.errors++;
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareDataDiagnostics(this.kept[mid], d) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.limit) {
      this.omitted++;
      return;
    }
    this.kept.splice(lo, 0, d);
    if (this.kept.length > this.limit) {
      this.kept.pop();
      this.omitted++;
    }
  }

  report(code: DataCodeName, severity: Severity, file: string, line: number, column: number, message: string, messageEn: string): void {
    this.add({ file, line, column, endLine: line, endColumn: column, severity, code: DataCode[code], message, messageEn });
  }

  error(code: DataCodeName, file: string, line: number, column: number, message: string, messageEn: string): void {
    this.report(code, 'error', file, line, column, message, messageEn);
  }

  warning(code: DataCodeName, file: string, line: number, column: number, message: string, messageEn: string): void {
    this.report(code, 'warning', file, line, column, message, messageEn);
  }

  /** The kept diagnostics in file, line, column, code order. */
  sorted(): DataDiagnostic[] {
    return [...this.kept];
  }
}

/** File (code-point order), then line, column, code, message. */
export function compareDataDiagnostics(a: DataDiagnostic, b: DataDiagnostic): number {
  return byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column || byCodePoint(a.code, b.code) || byCodePoint(a.message, b.message);
}

/** `file:line:col: severity CODE message` in the chosen language. */
export function formatDataDiagnostic(d: DataDiagnostic, lang: 'zh' | 'en' = 'zh'): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${lang === 'en' ? d.messageEn : d.message}`;
}

/** The closing line when diagnostics were left out. */
export function omittedLine(omitted: number, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'en' ? `… and ${omitted} more problems not shown` : `……另有 ${omitted} 个问题未列出`;
}
