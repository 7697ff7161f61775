// Parses one CSV file with csv-parse, keeping the line where each record starts so that every
// problem in it can be reported as file:line:column.
import { parse } from 'csv-parse/sync';
import type { DiagnosticSink } from './diagnostics.ts';

export interface CsvRecord {
  /** 1-based line of the record's first character. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  /** Header cells, trimmed. */
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

interface Parsed {
  record: string[];
  raw: string;
  info: { lines: number };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * The line a record starts on. csv-parse reports the line a record ends on, and miscounts
 * lines when the file uses CRLF — so line ends are normalised to LF first, and the record's
 * own line breaks (inside quoted cells) are subtracted, ignoring the skipped empty lines
 * that csv-parse prepends to the raw text.
 */
function startLine(p: Parsed): number {
  let raw = p.raw.replace(/^\n+/, '');
  if (raw.endsWith('\n')) raw = raw.slice(0, -1);
  return p.info.lines - countNewlines(raw);
}

/** The line of the quote that is never closed: csv-parse reports only where the file ended. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let inQuote = false;
  let openedAt = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuote = !inQuote;
      if (inQuote) openedAt = line;
    } else if (c === 10) line++;
  }
  return inQuote ? openedAt : line;
}

/**
 * Parses the text; on malformed CSV (an unclosed quote, a stray quote) reports it and returns
 * undefined. Records whose cell count differs from the header's are reported and left out.
 */
export function parseCsv(file: string, text: string, sink: DiagnosticSink): CsvTable | undefined {
  const normalised = text.replace(/\r\n?/g, '\n');
  let parsed: Parsed[];
  try {
    parsed = parse(normalised, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Parsed[];
  } catch (e) {
    const err = e as { code?: string; message?: string; lines?: number };
    const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(normalised)
      : typeof err.lines === 'number' && err.lines > 0 ? err.lines : 1;
    const why = err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? ['引号未闭合', 'a quote is not closed']
      : err.code === 'INVALID_OPENING_QUOTE' || err.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? ['引号位置不当（单元格内的引号须写成两个 ""，整格用引号括起）', 'a misplaced quote (write a quote inside a cell as "" and quote the whole cell)']
        : [err.message ?? 'CSV 无法解析', err.message ?? 'cannot parse the CSV'];
    sink.error('csvSyntax', file, line, 1, `CSV 格式错误：${why[0]}`, `malformed CSV: ${why[1]}`);
    return undefined;
  }
  if (parsed.length === 0) {
    sink.error('keyColumnMissing', file, 1, 1, '文件为空，缺少表头行', 'the file is empty: no header row');
    return undefined;
  }
  const header = parsed[0].record.map(h => h.trim());
  const records: CsvRecord[] = [];
  for (let i = 1; i < parsed.length; i++) {
    const p = parsed[i];
    const line = startLine(p);
    const cells = p.record;
    // A spreadsheet export may pad a line with empty cells; only a real mismatch is an error.
    if (cells.length !== header.length && !(cells.length > header.length && cells.slice(header.length).every(c => c.trim() === ''))) {
      const column = Math.min(cells.length, header.length) + 1;
      sink.error('fieldCount', file, line, column,
        `该行有 ${cells.length} 列，表头有 ${header.length} 列`,
        `the record has ${cells.length} cells, the header ${header.length}`);
      continue;
    }
    records.push({ line, cells });
  }
  return { file, header, records };
}
