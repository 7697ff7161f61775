// Language tests, part two: evaluate the years a test expects and compare every `expect` with
// the result — pass, or fail with each differing value (expected vs actual) and where it was stated.
import type * as ast from '../grammar/ast.ts';
import type { Diagnostic } from '../grammar/diagnostic.ts';
import type { Span } from '../grammar/span.ts';
import type { RuleSetModel } from './model.ts';
import type { EntityResult, Value, YearResult } from './result.ts';
import { compile, type CompiledRuleSet } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { decEq } from './decimal.ts';
import { buildTestDataset, constantValue, stepYear, subjectId, testDiagnostic } from './lang-tests-data.ts';

export { buildTestDataset } from './lang-tests-data.ts';

/** One expectation that did not hold. */
export interface ExpectFailure {
  readonly year: number;
  readonly subject: string;
  readonly unitKind?: string;
  readonly name: string;
  readonly expected: Value;
  /** Undefined when the subject has no result in that year. */
  readonly actual: Value | undefined;
  /** The assignment in the `expect` step. */
  readonly span: Span;
}

export interface TestOutcome {
  readonly title: string;
  readonly span: Span;
  readonly passed: boolean;
  readonly failures: readonly ExpectFailure[];
  /** KP8xx problems of the test itself (and KP7xx of its evaluation); any error fails the test. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Equality as a person reads it: numbers on their decimal value, everything else exactly. */
export function sameValue(expected: Value, actual: Value | undefined): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return decEq(expected, actual);
  return expected === actual;
}

function actualOf(model: RuleSetModel, entity: EntityResult, a: ast.Assignment): Value {
  const r = model.resolutions.get(a.name);
  if (r?.kind === 'decision') return entity.decision;
  if (r?.kind === 'disposition') return entity.dispositions.some(d => d.name === a.name.name);
  return entity.values[a.name.name] ?? null;
}

function findEntity(result: YearResult, step: ast.Expect, id: string): EntityResult | undefined {
  if (step.unitKind) return result.units.find(u => u.unitKind === step.unitKind!.name && u.id === id);
  return result.results.find(r => r.id === id);
}

/** Runs one test: builds its data, evaluates each year it expects, compares. */
export function runTest(model: RuleSetModel, compiled: CompiledRuleSet, test: ast.TestCase): TestOutcome {
  const { dataset, diagnostics } = buildTestDataset(model, test);
  const failures: ExpectFailure[] = [];
  const results = new Map<number, YearResult>();
  const expects = test.steps.filter((s): s is ast.Expect => s.kind === 'Expect');
  if (expects.length === 0) {
    diagnostics.push(testDiagnostic('KP806', `测试“${test.title.value}”没有“预期”，不检验任何结果`, `the test "${test.title.value}" has no \`expect\` and checks nothing`, test.title.span, 'warning'));
  }
  for (const step of expects) {
    const year = stepYear(model, step);
    if (year === undefined) continue;
    let result = results.get(year);
    if (!result) {
      const ev = evaluate(compiled, dataset, year);
      diagnostics.push(...ev.diagnostics.map(d => ({ ...d, span: step.span })));
      result = ev.toYearResult();
      results.set(year, result);
    }
    const id = subjectId(step.subject);
    const entity = findEntity(result, step, id);
    if (!entity) {
      const who = step.unitKind ? `单位 ${step.unitKind.name} ${id}` : id;
      diagnostics.push(testDiagnostic('KP803', `${year} 年没有给出 ${who}，无从预期`, `${step.unitKind ? `unit ${step.unitKind.name} ` : ''}${id} is not given in ${year}; nothing to expect`, step.subject.span));
      continue;
    }
    for (const a of step.assignments) {
      const expected = constantValue(model, a.value);
      if (expected === undefined) {
        diagnostics.push(testDiagnostic('KP802', '“预期”的值须是常量（数、百分比、文字、是/否、成员名或缺失）', 'an `expect` value must be a constant (number, percent, text, yes/no, member or missing)', a.value.span));
        continue;
      }
      const actual = actualOf(model, entity, a);
      if (!sameValue(expected, actual)) {
        failures.push({ year, subject: id, unitKind: step.unitKind?.name, name: a.name.name, expected, actual, span: a.span });
      }
    }
  }
  const passed = failures.length === 0 && !diagnostics.some(d => d.severity === 'error');
  return { title: test.title.value, span: test.span, passed, failures, diagnostics };
}

/** Runs every test of a checked rule file (its own tests, not inherited ones), in written order. */
export function runLanguageTests(model: RuleSetModel, compiled: CompiledRuleSet = compile(model)): TestOutcome[] {
  return model.tests.map(t => runTest(model, compiled, t));
}

/** A value in a test message: missing, yes/no in words; numbers and names as they are. */
export function showTestValue(v: Value | undefined, lang: 'zh' | 'en'): string {
  if (v === undefined) return lang === 'en' ? '(no result)' : '（无结果）';
  if (v === null) return lang === 'en' ? 'missing' : '缺失';
  if (typeof v === 'boolean') return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  return String(v);
}

/**
 * A failure as a KP801 diagnostic at the expectation: `2014 甲 年度得分：预期 81，实际 80`.
 * `show` formats values (the CLI passes one that knows percent types).
 */
export function failureDiagnostic(f: ExpectFailure, show: (v: Value | undefined, lang: 'zh' | 'en') => string = showTestValue): Diagnostic {
  const who = `${f.year} ${f.unitKind ? `${f.unitKind} ` : ''}${f.subject} ${f.name}`;
  return testDiagnostic('KP801',
    `${who}：预期 ${show(f.expected, 'zh')}，实际 ${show(f.actual, 'zh')}`,
    `${who}: expected ${show(f.expected, 'en')}, got ${show(f.actual, 'en')}`, f.span);
}
