// Random valid rule files for property and fuzz tests: as ASTs (dummy spans) or as formatted text.
// One generator serves both: fast-check drives it through a shrinkable tape of choices, and
// `generateProgramText(seed)` drives it through a seeded PRNG for tests that do not use fast-check.
import fc from 'fast-check';
import type {
  Assignment, Definition, DispositionDef, EventsDef, Expect, FieldDecl, Given, GradeDef, GradeLevel, Header,
  InputDef, Item, KeywordLang, RankDef, Remove, RuleFile, SortKey, TableRow, TestCase, TypeRef, UnitBlock, WeightsRow,
} from '../ast.ts';
import { format } from '../print.ts';
import { BUILTINS } from '../vocabulary.ts';
import {
  Gen, genExpr, genName, genNumberText, genPlainName, genRefName, genString, genWeightItems, ident, num, pct, range, seededChoices,
  str, tapeChoices, type Choices, type Scope,
} from './arbitrary-expr.ts';

export { genExpr, Gen, seededChoices, tapeChoices, type Choices, type Scope } from './arbitrary-expr.ts';

const S = { start: 0, end: 0 } as const;
const TYPES = BUILTINS.filter(b => b.builtin === 'type');

/** How big generated programs get. */
export interface GenSize {
  /** Most top-level items (default 8). */
  readonly maxItems?: number;
  /** Deepest expression nesting (default 3). */
  readonly maxDepth?: number;
}

interface Ctx {
  readonly g: Gen;
  readonly scope: Scope;
  readonly depth: number;
}

function fresh(c: Ctx): string {
  const name = genName(c.g);
  c.scope.names.push(name);
  return name;
}

function expr(c: Ctx, depth = c.depth) {
  return genExpr(c.g, c.scope, depth);
}

function maybeSource(c: Ctx) {
  return c.g.chance(1, 6) ? { source: str(genString(c.g)) } : {};
}

function genType(c: Ctx): TypeRef {
  const { g } = c;
  const builtin = g.chance(3, 4);
  const t = g.pick(TYPES);
  const name = builtin ? (g.chance(1, 2) ? t.en : g.pick(t.zh)) : genRefName(g, c.scope);
  const r = g.chance(1, 3) ? { range: g.chance(1, 2) ? range('0', g.pick(['100', '200', '50'])) : range('-2', '0') } : {};
  return { kind: 'TypeRef', name: ident(name), ...r, span: S };
}

function genField(c: Ctx): FieldDecl {
  return { kind: 'FieldDecl', name: ident(fresh(c)), type: genType(c), optional: c.g.chance(1, 4), span: S };
}

function genEvents(c: Ctx, base: { override: boolean; name: ReturnType<typeof ident> }): EventsDef {
  const { g } = c;
  const situations = g.times(1, 4, () => ({
    kind: 'Situation' as const,
    name: ident(fresh(c)),
    points: num(g.pick(['-3', '-5', '-0.5', '2', '0', '-10'])),
    ...(g.chance(1, 2) ? { description: str(genString(g)) } : {}),
    ...maybeSource(c),
    span: S,
  }));
  return { kind: 'EventsDef', ...base, situations, fields: g.times(0, 2, () => genField(c)), ...maybeSource(c), span: S };
}

function sortKey(c: Ctx): SortKey {
  return { kind: 'SortKey', expr: expr(c, 1), direction: c.g.pick(['desc', 'asc'] as const), span: S };
}

function genRank(c: Ctx, base: { override: boolean; name: ReturnType<typeof ident> }): RankDef {
  const { g } = c;
  return {
    kind: 'RankDef', ...base, key: sortKey(c),
    within: g.times(0, 2, () => expr(c, 0)),
    ...(g.chance(1, 3) ? { where: expr(c) } : {}),
    tiebreak: g.times(0, 2, () => sortKey(c)),
    ...maybeSource(c), span: S,
  };
}

function genGrade(c: Ctx, base: { override: boolean; name: ReturnType<typeof ident> }): GradeDef {
  const { g } = c;
  const n = g.int(1, 4);
  const levels: GradeLevel[] = [];
  for (let i = 0; i < n; i++) {
    const last = i === n - 1 && g.chance(1, 2);
    const quota = !last && g.chance(1, 3)
      ? {
          quota: {
            kind: 'Quota' as const,
            amount: g.chance(1, 2) ? pct(g.pick(['15', '20', '2.5'])) : num(g.pick(['3', '1'])),
            within: g.times(0, 2, () => expr(c, 0)),
            ...(g.chance(1, 2) ? { rounding: g.pick(['down', 'up', 'nearest'] as const) } : {}),
            span: S,
          },
        }
      : {};
    levels.push({
      kind: 'GradeLevel', name: ident(fresh(c)),
      ...(last ? {} : { op: g.pick(['>=', '>'] as const), threshold: expr(c, 1) }),
      ...quota,
      ...(g.chance(1, 4) ? { unless: expr(c) } : {}),
      span: S,
    });
  }
  return {
    kind: 'GradeDef', ...base, by: expr(c, 1),
    ...(g.chance(1, 4) ? { where: expr(c) } : {}),
    levels,
    ...(g.chance(1, 3) ? { ungradedWhen: expr(c) } : {}),
    ...maybeSource(c), span: S,
  };
}

function genDisposition(c: Ctx, base: { override: boolean; name: ReturnType<typeof ident> }): DispositionDef {
  const { g } = c;
  return {
    kind: 'DispositionDef', ...base,
    severity: num(String(g.int(1, 9))),
    ...(g.chance(1, 3) ? { priority: num(String(g.int(0, 3))) } : {}),
    when: expr(c),
    candidates: g.chance(1, 3) ? g.times(1, 3, () => ident(genRefName(g, c.scope))) : [],
    ...(g.chance(2, 3) ? { because: str(genString(g)) } : {}),
    ...maybeSource(c), span: S,
  };
}

/** One definition of a random kind. */
function genDefinition(c: Ctx): Definition {
  const { g } = c;
  const base = { override: g.chance(1, 8), name: ident(fresh(c)) };
  switch (g.int(0, 10)) {
    case 0: return { kind: 'EnumDef', ...base, members: g.times(1, 5, () => ident(fresh(c))), ...maybeSource(c), span: S };
    case 1: {
      const names = [base.name, ...g.times(0, 2, () => ident(fresh(c)))];
      const input: InputDef = { kind: 'InputDef', ...base, names, type: genType(c), optional: g.chance(1, 3), ...maybeSource(c), span: S };
      return input;
    }
    case 2: return { kind: 'RecordsDef', ...base, fields: g.times(1, 3, () => genField(c)), ...maybeSource(c), span: S };
    case 3: return genEvents(c, base);
    case 4: return { kind: 'PeriodsDef', ...base, fields: g.times(0, 2, () => genField(c)), ...maybeSource(c), span: S };
    case 5: {
      const round = g.chance(1, 3) ? { round: num(String(g.int(0, 4))) } : {};
      return { kind: 'ScoreDef', ...base, form: g.pick(['score', 'define'] as const), expr: expr(c), ...round, ...maybeSource(c), span: S };
    }
    case 6: {
      const rows: WeightsRow[] = g.times(1, 4, () => ({ kind: 'WeightsRow', member: ident(genRefName(g, c.scope)), items: genWeightItems(g, c.scope, 1), span: S }));
      return { kind: 'WeightsDef', ...base, by: expr(c, 1), rows, ...maybeSource(c), span: S };
    }
    case 7: {
      const rows: TableRow[] = g.times(1, 3, () => ({ kind: 'TableRow', member: ident(genRefName(g, c.scope)), value: expr(c, 1), span: S }));
      if (g.chance(1, 2)) rows.push({ kind: 'TableRow', member: 'else', value: num(genNumberText(g)), span: S });
      return { kind: 'TableDef', ...base, by: expr(c, 1), rows, ...maybeSource(c), span: S };
    }
    case 8: return genRank(c, base);
    case 9: return genGrade(c, base);
    default: return genDisposition(c, base);
  }
}

function genRemove(c: Ctx): Remove {
  return { kind: 'Remove', name: ident(genRefName(c.g, c.scope)), span: S };
}

function genUnit(c: Ctx): UnitBlock {
  const { g } = c;
  const items = g.times(0, 4, () => (g.chance(1, 8) ? genRemove(c) : genDefinition(c)));
  return { kind: 'UnitBlock', override: g.chance(1, 8), name: ident(fresh(c)), items, ...maybeSource(c), span: S };
}

function genAssignments(c: Ctx): Assignment[] {
  return c.g.times(0, 3, () => ({ kind: 'Assignment', name: ident(genRefName(c.g, c.scope)), value: expr(c, 1), span: S }));
}

function genStep(c: Ctx): Given | Expect {
  const { g } = c;
  const common = {
    ...(g.chance(2, 3) ? { year: num(String(g.int(2010, 2030))) } : {}),
    // The parser takes only a plain word here (a keyword-like name would start a definition).
    ...(g.chance(1, 5) ? { unitKind: ident(genPlainName(g)) } : {}),
    subject: g.chance(3, 4) ? ident(genPlainName(g)) : str(genString(g)),
    assignments: genAssignments(c),
    span: S,
  };
  if (g.chance(1, 3)) return { kind: 'Expect', ...common };
  return { kind: 'Given', ...common, ...(g.chance(1, 4) ? { table: ident(genRefName(g, c.scope)) } : {}) };
}

function genTest(c: Ctx): TestCase {
  return { kind: 'TestCase', title: str(genString(c.g)), steps: c.g.times(1, 4, () => genStep(c)), span: S };
}

function genHeader(c: Ctx): Header {
  const { g } = c;
  return {
    kind: 'Header', title: str(genString(g)),
    ...(g.chance(4, 5) ? { year: num(String(g.int(2010, 2030))) } : {}),
    ...(g.chance(1, 2) ? { extends: num(String(g.int(2009, 2029))) } : {}),
    ...maybeSource(c), span: S,
  };
}

/** A syntactically valid rule file (names need not resolve), every construct of the AST reachable. */
export function generateRuleFile(choices: Choices, size: GenSize = {}): RuleFile {
  const g = new Gen(choices);
  const c: Ctx = { g, scope: { names: [] }, depth: size.maxDepth ?? 3 };
  const header = g.chance(4, 5) ? { header: genHeader(c) } : {};
  const items: Item[] = g.times(0, size.maxItems ?? 8, () => {
    const k = g.int(0, 19);
    return k === 0 ? genRemove(c) : k === 1 ? genUnit(c) : k === 2 ? genTest(c) : genDefinition(c);
  });
  const keywordLang: KeywordLang = g.chance(1, 2) ? 'zh' : 'en';
  return { kind: 'RuleFile', ...header, items, comments: [], keywordLang, span: S };
}

/** A random program as formatted text, keywords in a random language; the same seed gives the same text. */
export function generateProgramText(seed: number, size: GenSize = {}): string {
  const file = generateRuleFile(seededChoices(seed), size);
  return format(file);
}

const tape = fc.array(fc.nat(), { minLength: 0, maxLength: 1000, size: 'max' });

/** fast-check: valid rule files as ASTs with dummy spans; shrinks toward fewer and simpler items. */
export function arbitraryRuleFile(size: GenSize = {}): fc.Arbitrary<RuleFile> {
  return tape.map(t => generateRuleFile(tapeChoices(t), size));
}

/** fast-check: valid programs as text in a random keyword language. */
export function arbitraryProgramText(size: GenSize = {}): fc.Arbitrary<string> {
  return arbitraryRuleFile(size).map(f => format(f));
}
