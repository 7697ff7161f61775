// `kaoping eval --rules R --data D --year Y`: checks the rules, validates the data, evaluates the
// year and prints a table, CSV or JSON. Also the shared setup `explain` uses.
import { formatLocated, hasErrors, locate, type Diagnostic } from '../grammar/diagnostic.ts';
import { LineMap } from '../grammar/span.ts';
import { analyze } from '../engine/pipeline.ts';
import { compile, type CompiledRuleSet } from '../engine/compile.ts';
import { evaluate, type Evaluation } from '../engine/evaluate.ts';
import type { Dataset } from '../engine/dataset.ts';
import type { RuleSetModel } from '../engine/model.ts';
import { UsageError, type Io } from './io.ts';
import { loadRules } from './load-rules.ts';
import { dataDiagnosticLines, loadDatasetFolder } from './load-dataset.ts';
import { dataHash, engineHash, rulesHash } from './hash.ts';
import { formatResultJson, type Hashes } from './format-json.ts';
import { formatResultCsv, formatUnitCsv } from './format-csv.ts';
import { formatYearTable } from './format-table.ts';
import type { Lang } from './format-value.ts';

/** Options shared by the commands that evaluate a year. */
export interface RunOptions {
  readonly rules: string;
  readonly data: string;
  readonly year: number;
  readonly lang: Lang;
}

/** A small argument reader: `--name value` or `--name=value`, flags without a value, no positionals. */
export function readArgs(args: readonly string[], usage: string, valued: readonly string[], flags: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (flags.includes(name) && eq < 0) {
      out.set(name, 'true');
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`${a.startsWith('-') ? '未知选项 / unknown option' : '多余的参数 / unexpected argument'}: ${a}\n${usage}`);
    const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (v === undefined || v === '') throw new UsageError(`${name} 需要取值 / needs a value\n${usage}`);
    out.set(name, v);
  }
  return out;
}

/** Reads `--rules`, `--data`, `--year` (required) and `--lang`. */
export function runOptions(a: ReadonlyMap<string, string>, usage: string): RunOptions {
  const rules = a.get('--rules');
  const data = a.get('--data');
  const yearText = a.get('--year');
  if (!rules || !data || !yearText) throw new UsageError(usage);
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year 应为四位数年度 / must be a four-digit year: ${yearText}\n${usage}`);
  const lang = a.get('--lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en\n${usage}`);
  return { rules, data, year: Number(yearText), lang };
}

/** Everything a year's evaluation needs, checked and loaded. */
export interface Prepared {
  readonly model: RuleSetModel;
  readonly compiled: CompiledRuleSet;
  readonly dataset: Dataset;
  readonly evaluation: Evaluation;
  readonly hashes: Hashes;
}

function printRuleDiagnostics(file: string, text: string, ds: readonly Diagnostic[], lang: Lang, io: Io): void {
  const lines = new LineMap(text);
  for (const d of ds) if (d.severity === 'error') io.err(formatLocated(locate(file, lines, d, lang)) + '\n');
}

function printEvalDiagnostics(ds: readonly Diagnostic[], lang: Lang, io: Io): void {
  for (const d of ds) io.err(`${d.severity} ${d.code} ${lang === 'en' && d.messageEn ? d.messageEn : d.message}\n`);
}

/**
 * Checks the rules and loads the data; prints why on stderr and returns undefined when either
 * has an error (nothing is evaluated on invalid rules or half-valid data).
 */
export function prepare(o: RunOptions, io: Io): Prepared | undefined {
  const en = o.lang === 'en';
  const rules = loadRules(o.rules, io);
  const analysis = analyze(rules.text, { path: rules.path, loadBase: rules.loadBase });
  if (hasErrors(analysis.diagnostics)) {
    printRuleDiagnostics(rules.path, rules.text, analysis.diagnostics, o.lang, io);
    io.err(en ? 'the rules have errors; nothing evaluated\n' : '规则有错误，未计算\n');
    return undefined;
  }
  const model = analysis.model;
  const { result, files } = loadDatasetFolder(o.data, model, io, { year: o.year });
  for (const line of dataDiagnosticLines(o.data, result, o.lang)) io.err(line + '\n');
  if (!result.dataset) {
    io.err(en ? `${result.errorCount} errors in the data; nothing evaluated\n` : `数据有 ${result.errorCount} 个错误，未计算\n`);
    return undefined;
  }
  const compiled = compile(model);
  const evaluation = evaluate(compiled, result.dataset, o.year);
  printEvalDiagnostics(evaluation.diagnostics, o.lang, io);
  if (hasErrors(evaluation.diagnostics)) return undefined;
  const hashes: Hashes = {
    rules: rulesHash(model.files.map(f => f.text)),
    data: dataHash(files),
    engine: engineHash(),
  };
  return { model, compiled, dataset: result.dataset, evaluation, hashes };
}

const USAGE = '用法 / usage: kaoping eval --rules FILE --data DIR --year YEAR [--format table|csv|json] [--lang zh|en] [--values 名称,…] [--units]';

/** Evaluates a year; exit 0 with the results, 1 on rule, data or evaluation errors, 2 on usage. */
export async function run(args: string[], io: Io): Promise<number> {
  const a = readArgs(args, USAGE, ['--rules', '--data', '--year', '--format', '--lang', '--values'], ['--units']);
  const o = runOptions(a, USAGE);
  const format = a.get('--format') ?? 'table';
  if (format !== 'table' && format !== 'csv' && format !== 'json') throw new UsageError(`--format 只能是 table、csv 或 json / must be table, csv or json\n${USAGE}`);
  const values = a.get('--values')?.split(/[,，]/).map(s => s.trim()).filter(s => s !== '');
  const p = prepare(o, io);
  if (!p) return 1;
  const result = p.evaluation.toYearResult();
  if (values) {
    const known = new Set(result.results.flatMap(r => Object.keys(r.values)));
    const unknown = values.filter(v => !known.has(v));
    if (result.results.length > 0 && unknown.length > 0) throw new UsageError(`--values 中没有这些值 / no such values: ${unknown.join(', ')}`);
  }
  if (format === 'json') io.out(formatResultJson(result, p.hashes, p.model.units.length > 0));
  else if (format === 'csv') io.out(a.has('--units') ? formatUnitCsv(p.model, result, o.lang) : formatResultCsv(p.model, result, o.lang));
  else io.out(formatYearTable(p.model, result, p.dataset.name, { lang: o.lang, values }));
  return 0;
}
