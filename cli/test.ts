// `kaoping test FILE…`: runs the language tests of each rule file; ✓/✗ per test, the differing
// values of a failure with where they were expected, a closing count; exit 1 on any failure.
import { formatLocated, hasErrors, locate } from '../grammar/diagnostic.ts';
import { LineMap } from '../grammar/span.ts';
import { analyze } from '../engine/pipeline.ts';
import { failureDiagnostic, runLanguageTests, showTestValue, type ExpectFailure, type TestOutcome } from '../engine/lang-tests.ts';
import type { Value } from '../engine/result.ts';
import { UsageError, type Io } from './io.ts';
import { loadRules } from './load-rules.ts';
import { formatValue, valueTypes, type Lang } from './format-value.ts';
import type { RuleSetModel } from '../engine/model.ts';

const USAGE = '用法 / usage: kaoping test [--lang zh|en] FILE…';

function parseArgs(args: readonly string[]): { files: string[]; lang: Lang } {
  const files: string[] = [];
  let lang: Lang = 'zh';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en\n${USAGE}`);
      lang = v;
    } else if (a.startsWith('-')) {
      throw new UsageError(`未知选项 / unknown option: ${a}\n${USAGE}`);
    } else files.push(a);
  }
  if (files.length === 0) throw new UsageError(USAGE);
  return { files, lang };
}

function failureLine(model: RuleSetModel, file: string, lines: LineMap, f: ExpectFailure, lang: Lang): string {
  const type = valueTypes(model, f.unitKind).get(f.name);
  const show = (v: Value | undefined, l: Lang) => (v === undefined ? showTestValue(v, l) : formatValue(v, type, l));
  return formatLocated(locate(file, lines, failureDiagnostic(f, show), lang));
}

function printOutcome(model: RuleSetModel, file: string, lines: LineMap, o: TestOutcome, lang: Lang, io: Io): void {
  io.out(`${o.passed ? '✓' : '✗'} ${o.title}\n`);
  const problems = [
    ...o.diagnostics.map(d => ({ start: d.span.start, text: formatLocated(locate(file, lines, d, lang)) })),
    ...o.failures.map(f => ({ start: f.span.start, text: failureLine(model, file, lines, f, lang) })),
  ].sort((a, b) => a.start - b.start);
  for (const p of problems) io.out(`    ${p.text}\n`);
}

/** Runs the tests of every file; a file whose rules have errors counts as failed and runs none. */
export async function run(args: string[], io: Io): Promise<number> {
  const o = parseArgs(args);
  let passed = 0;
  let failed = 0;
  let broken = false;
  for (const file of o.files) {
    const rules = loadRules(file, io);
    const analysis = analyze(rules.text, { path: rules.path, loadBase: rules.loadBase });
    const lines = new LineMap(rules.text);
    if (o.files.length > 1) io.out(`${file}\n`);
    if (hasErrors(analysis.diagnostics)) {
      for (const d of analysis.diagnostics) if (d.severity === 'error') io.out(formatLocated(locate(file, lines, d, o.lang)) + '\n');
      io.out(o.lang === 'en' ? `${file}: the rules have errors; tests not run\n` : `${file}：规则有错误，未运行测试\n`);
      broken = true;
      continue;
    }
    const outcomes = runLanguageTests(analysis.model);
    if (outcomes.length === 0) io.out(o.lang === 'en' ? `${file}: no tests\n` : `${file}：没有测试\n`);
    for (const t of outcomes) {
      printOutcome(analysis.model, file, lines, t, o.lang, io);
      if (t.passed) passed++;
      else failed++;
    }
  }
  const summary = `${passed} passed, ${failed} failed`;
  io.out(o.lang === 'en' ? `${summary}\n` : `${summary}（通过 ${passed} 项，失败 ${failed} 项）\n`);
  return failed > 0 || broken ? 1 : 0;
}
