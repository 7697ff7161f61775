// The checker's entry: loads the base through `extends`, merges, resolves and types everything, runs every check.
import type * as ast from '../grammar/ast.ts';
import type { Diagnostic } from '../grammar/diagnostic.ts';
import { parse } from '../grammar/parse.ts';
import type { Origin, RuleSetModel, Type } from './model.ts';
import { CheckContext } from './check-context.ts';
import { CODES, makeDiagnostic } from './check-codes.ts';
import { orderLevel, stronglyConnected } from './check-cycles.ts';
import { checkDeclaration, symbolType } from './check-defs.ts';
import { checkEqualSeverity, decisionOrder } from './check-dispositions.ts';
import { checkMissingHistory } from './check-history.ts';
import { assembleModel, enumInfos, levelModel } from './check-model.ts';
import { checkTests } from './check-tests.ts';
import { checkUnused } from './check-unused.ts';
import { definitionExprs, walkExprs, writtenNames } from './check-walk.ts';
import { summariseBase, type BaseProblem } from './check-base.ts';
import { mergeItems } from './inherit.ts';
import { buildScope, type ComputedSym, type Entry, type LevelScope, type Sym } from './resolve.ts';
import { T } from './types.ts';

export interface CheckOptions {
  /** The file's path, as diagnostics and origins name it. */
  readonly path: string;
  readonly text: string;
  /** Finds the rule set of a year (for `extends`); undefined when there is none. */
  readonly loadBase?: (year: number) => { path: string; text: string } | undefined;
}

export interface CheckResult {
  /** The merged, resolved, typed rule set — produced even when there are errors. */
  readonly model: RuleSetModel;
  /** Diagnostics located in this file (problems of base files are summarised at `extends`). */
  readonly diagnostics: Diagnostic[];
}

/** Checks a parsed rule file, following `extends` through `options.loadBase`. */
export function check(file: ast.RuleFile, options: CheckOptions): CheckResult {
  const r = checkInChain(file, options, []);
  return { model: r.model, diagnostics: r.diagnostics };
}

interface Checked extends CheckResult {
  readonly entries: readonly Entry[];
  /** Every diagnostic of this file and its bases, by file (for summaries one level up). */
  readonly problems: readonly BaseProblem[];
}

interface Link {
  readonly path: string;
  readonly year?: number;
}

interface LoadedBase {
  readonly checked: Checked;
  readonly path: string;
}

function loadBase(file: ast.RuleFile, options: CheckOptions, chain: readonly Link[], report: (d: Diagnostic) => void): LoadedBase | undefined {
  const ext = file.header?.extends;
  if (!ext) return undefined;
  const year = file.header?.year?.value;
  if (year !== undefined && ext.value >= year) {
    report(makeDiagnostic('badExtendsYear', `继承的年度 ${ext.text} 应早于本年度 ${year}`, `extends ${ext.text}: the base must be an earlier year than ${year}`, ext.span));
  }
  const found = options.loadBase?.(ext.value);
  if (!found) {
    report(makeDiagnostic('baseNotFound', `找不到 ${ext.text} 年度的基础规则集（同一目录下年度为 ${ext.text} 的规则文件）`,
      `no base rule set for year ${ext.text} (a rule file of that year in the same folder)`, ext.span));
    return undefined;
  }
  const here: Link = { path: options.path, year };
  const loop = [...chain, here].findIndex(l => l.path === found.path);
  if (loop >= 0) {
    const names = [...chain, here].slice(loop).map(l => l.year ?? l.path);
    report(makeDiagnostic('extendsCycle', `继承形成循环：${[...names, ext.value].join(' → ')}`, `\`extends\` forms a cycle: ${[...names, ext.value].join(' → ')}`, ext.span));
    return undefined;
  }
  const parsed = parse(found.text);
  const baseYear = parsed.file.header?.year?.value;
  if (baseYear !== ext.value) {
    report(makeDiagnostic('badExtendsYear', `${found.path} 的年度是 ${baseYear ?? '（未写）'}，不是 ${ext.text}`,
      `${found.path} is the rule set of ${baseYear ?? '(no year)'}, not ${ext.text}`, ext.span));
  }
  const checked = checkInChain(parsed.file, { path: found.path, text: found.text, loadBase: options.loadBase }, [...chain, here]);
  // A cycle that closes in a base runs through this file too: say so here, where it is read.
  const cycle = checked.problems.find(p => p.diagnostic.code === CODES.extendsCycle.code);
  if (cycle) report({ ...cycle.diagnostic, span: ext.span });
  const parseProblems = parsed.diagnostics.map(d => ({ file: found.path, diagnostic: d }));
  const problems = [...parseProblems, ...checked.problems].filter(p => p.diagnostic.code !== CODES.extendsCycle.code);
  return { path: found.path, checked: { ...checked, problems } };
}

/** Every scope: the cadre level, then each unit kind. */
function scopesOf(root: LevelScope): LevelScope[] {
  return [root, ...root.order.flatMap(s => (s.kind === 'unit' ? [s.scope] : []))];
}

function computedOf(scope: LevelScope): ComputedSym[] {
  return scope.order.filter((s): s is ComputedSym => s.kind === 'computed');
}

/**
 * Checking order by written references, so that a definition's dependencies are typed before it
 * and the type recursion never runs deep (only inside a cycle).
 */
function checkingOrder(scope: LevelScope): ComputedSym[] {
  const computed = computedOf(scope);
  const byName = new Map(computed.map(c => [c.name, c]));
  const edges = (n: string) => writtenNames(byName.get(n)!.def).filter(m => byName.has(m));
  return stronglyConnected(computed.map(c => c.name), edges).flat().map(n => byName.get(n)!);
}

function registerEnums(ctx: CheckContext, scope: LevelScope): void {
  for (const s of scope.order) {
    ctx.scopeOf.set(s, scope);
    if (ctx.enums.has(s.name)) continue;
    if (s.kind === 'enum') ctx.enums.set(s.name, { kind: 'enum', name: s.name, members: s.def.members.map(m => m.name), sym: s });
    else if (s.kind === 'rows' && s.def.kind === 'EventsDef') ctx.enums.set(s.name, { kind: 'situations', name: s.name, members: [...s.situations], sym: s });
    else if (s.kind === 'computed' && s.def.kind === 'GradeDef') ctx.enums.set(s.name, { kind: 'grade', name: s.name, members: s.def.levels.map(l => l.name.name), sym: s });
  }
}

/**
 * Parts of an expression that an error stopped the checker from reaching (the arguments of an
 * unknown function, say) are typed `error`, so every expression node has a type.
 */
function typeTheRest(ctx: CheckContext, scopes: readonly LevelScope[], tests: readonly ast.TestCase[]): void {
  const roots: ast.Expr[] = [];
  for (const s of scopes) for (const c of computedOf(s)) roots.push(...definitionExprs(c.def));
  for (const t of tests) for (const step of t.steps) for (const a of step.assignments) roots.push(a.value);
  walkExprs(roots, e => {
    if (!ctx.types.has(e)) ctx.types.set(e, T.error);
  });
}

function checkInChain(file: ast.RuleFile, options: CheckOptions, chain: readonly Link[]): Checked {
  const year = file.header?.year?.value;
  const origin: Origin = year === undefined ? { file: options.path } : { file: options.path, year };
  const own: Diagnostic[] = [];
  const report = (d: Diagnostic) => own.push(d);
  const base = loadBase(file, options, chain, report);
  const baseEntries = base ? base.checked.entries : file.header?.extends ? 'unavailable' as const : undefined;
  const merged = mergeItems(baseEntries, file.items, origin, file.keywordLang, report);

  const memo = new Map<Sym, Type>();
  const ctx: CheckContext = new CheckContext(options.path, merged.removed, sym => symbolType(ctx, sym, memo));
  ctx.diagnostics.set(options.path, own);
  ctx.texts.set(options.path, options.text);
  for (const f of base?.checked.model.files ?? []) ctx.texts.set(f.file, f.text);
  const root = buildScope(merged.entries, 'cadre');
  ctx.root = root;
  const scopes = scopesOf(root);
  for (const s of scopes) registerEnums(ctx, s);

  for (const s of scopes) {
    for (const sym of s.order) {
      if (sym.kind === 'enum' || sym.kind === 'input' || sym.kind === 'rows') ctx.inFile(sym.entry.origin.file, () => checkDeclaration(ctx, sym, ctx.symType));
    }
    for (const sym of checkingOrder(s)) ctx.symType(sym);
  }
  const tests = file.items.filter((i): i is ast.TestCase => i.kind === 'TestCase');
  checkTests(ctx, tests);

  const levels = scopes.map(s => {
    const ordered = orderLevel(ctx, computedOf(s));
    const dispositions = computedOf(s).filter(c => c.def.kind === 'DispositionDef') as (ComputedSym & { def: ast.DispositionDef })[];
    checkMissingHistory(ctx, s, ordered, dispositions);
    checkEqualSeverity(ctx, dispositions);
    return { model: levelModel(ctx, s, ordered), dispositions };
  });
  checkUnused(ctx, root);
  // Only an error stops the checker short of an expression; a clean run needs no second walk.
  if ([...ctx.diagnostics.values()].some(list => list.some(d => d.severity === 'error'))) typeTheRest(ctx, scopes, tests);

  const files = [{ file: options.path, ...(year === undefined ? {} : { year }), text: options.text }, ...(base?.checked.model.files ?? [])];
  const model = assembleModel(ctx, {
    header: file.header,
    enums: enumInfos(root),
    cadre: levels[0].model,
    units: levels.slice(1).map(l => l.model),
    dispositions: decisionOrder(levels[0].dispositions),
    tests,
    files,
  });

  const elsewhere: BaseProblem[] = [];
  for (const [f, list] of ctx.diagnostics) if (f !== options.path) for (const d of list) elsewhere.push({ file: f, diagnostic: d });
  const baseProblems = [...(base?.checked.problems ?? []), ...elsewhere];
  const summary = base && file.header?.extends ? summariseBase(base.path, file.header.extends, baseProblems) : undefined;
  const ownDiagnostics = ctx.diagnostics.get(options.path) ?? [];
  const diagnostics = summary ? [...ownDiagnostics, summary] : ownDiagnostics;
  // One level up, the summary lists the problems themselves, not this file's summary of them.
  const problems = [...ownDiagnostics.map(d => ({ file: options.path, diagnostic: d })), ...baseProblems];
  return { model, diagnostics, entries: merged.entries, problems };
}
