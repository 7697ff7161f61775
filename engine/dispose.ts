// Outcomes: the decision among the fired dispositions (the first fired in decision order: severity, then
// priority, then written order; a decider with candidates proposes a set instead), and the presented
// per-member results — values, dispositions, decision, candidates, flags — of an evaluated year,
// with the orders and flags both evaluators share (decision order, declaration order of shown values, tie flags).
import type { Diagnostic, Severity } from '../grammar/diagnostic.ts';
import { emptySpan, type Span } from '../grammar/span.ts';
import type { Column } from './dataset.ts';
import { compareIds, type EntityResult, type ResultFlag, type UnitResult, type Value, type YearResult } from './result.ts';
import type { SlotColumn, YearContext } from './evaluate.ts';
import type { Slot } from './plan.ts';
import { presentNumber } from './decimal.ts';
import { formatDate } from './dates.ts';
import { boundaryOf, groupSizeOf, tieEndOf } from './rank.ts';
import type * as ast from '../grammar/ast.ts';
import type { LevelModel, RuleSetModel } from './model.ts';
import { idOrder } from './history.ts';


/** A KP7xx diagnostic of evaluation (data problems found while binding, a year absent). */
export function evalDiagnostic(code: string, severity: Severity, message: string, messageEn: string, span: Span = emptySpan): Diagnostic {
  return { code, severity, message, messageEn, span };
}

/** Columnar outputs of one entity level: read them directly for bulk work (benchmarks, exports). */
export interface LevelOutput {
  readonly kind: 'cadre' | 'unit';
  readonly name: string;
  readonly size: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /**
   * Raw doubles (NaN missing) of an input, a definition, a disposition (fired 1/0) or `决定` (index).
   * Conditions are kept as bytes; for them this returns a converted copy (use `fired` to avoid it).
   */
  numbers(name: string): Float64Array | undefined;
  /** A disposition's fired column (1/0) as the evaluator keeps it, without a copy. */
  fired(name: string): Uint8Array | undefined;
  /** An input's or definition's values as the evaluator keeps them (doubles, singles or bytes), without a copy. */
  stored(name: string): SlotColumn | undefined;
  /** A value as a dataset column: numbers and dates as doubles, discrete values as codes with labels. */
  column(name: string): Column | undefined;
  /** The deciding disposition's name, null when none or when it proposes candidates. */
  decision(member: number): string | null;
  /** The candidates proposed by the deciding disposition, empty otherwise. */
  candidates(member: number): readonly string[];
  /** Tie-at-boundary and quota-tie flags of a member, for a person to look at. */
  flags(member: number): readonly ResultFlag[];
}

function asDoubles(v: SlotColumn | undefined): Float64Array | undefined {
  return v === undefined || v instanceof Float64Array ? v : Float64Array.from(v);
}

function slotByName(ctx: YearContext, level: number, name: string): Slot | undefined {
  return ctx.session.compiled.plan.levels[level].slots.find(s => s.name === name && s.role !== 'hidden');
}

/** Labels of a code slot in this context (enum members, interned texts, unit ids). */
function labelsOf(ctx: YearContext, s: Slot): readonly string[] {
  const c = s.codes!;
  if (c.kind === 'labels') return c.labels;
  if (c.kind === 'intern') return ctx.session.interner.labels;
  return ctx.levels[c.level].ids;
}

/** One member's value as presented: numbers as decimals, bools, dates as YYYY-MM-DD, codes as names. */
export function presentValue(ctx: YearContext, level: number, s: Slot, member: number): Value {
  const v = ctx.values(level, s.index)?.[member] ?? NaN;
  if (v !== v) return null;
  switch (s.value) {
    case 'number': return presentNumber(v);
    case 'bool': return v === 1;
    case 'date': return formatDate(v);
    case 'code': return labelsOf(ctx, s)[v] ?? null;
  }
}

export function levelOutput(ctx: YearContext, level: number): LevelOutput {
  const plan = ctx.session.compiled.plan;
  const l = plan.levels[level];
  const ld = ctx.levels[level];
  const dispositions = plan.dispositions.filter(d => d.level === level);
  const fired = dispositions.map(d => ctx.values(level, d.slot));
  /** The deciding disposition: the first that fired in decision order (-1: none). */
  const decider = (i: number) => fired.findIndex(f => f?.[i] === 1);
  return {
    kind: l.kind === 'unit' ? 'unit' : 'cadre', name: l.name, size: ld.n, ids: ld.ids, names: ld.names,
    numbers: name => { const s = slotByName(ctx, level, name); return s ? asDoubles(ctx.values(level, s.index)) : undefined; },
    stored: name => { const s = slotByName(ctx, level, name); return s ? ctx.values(level, s.index) : undefined; },
    fired: name => {
      const d = dispositions.find(x => x.name === name);
      const v = d ? ctx.values(level, d.slot) : undefined;
      return v instanceof Uint8Array ? v : v ? Uint8Array.from(v) : undefined;
    },
    column: name => {
      const s = slotByName(ctx, level, name);
      const v = s ? asDoubles(ctx.values(level, s.index)) : undefined;
      if (!s || !v) return undefined;
      if (s.value === 'code') return { kind: 'code', values: Int32Array.from(v, x => (x === x ? x : -1)), labels: labelsOf(ctx, s) };
      return s.value === 'date' ? { kind: 'date', values: v } : { kind: 'number', values: v };
    },
    decision: i => { const d = decider(i); return d >= 0 && dispositions[d].candidates.length === 0 ? dispositions[d].name : null; },
    candidates: i => { const d = decider(i); return d >= 0 ? dispositions[d].candidates : []; },
    flags: i => flagsOf(ctx, level, i),
  };
}

/** A rank test (`text`, as written) whose boundary fell inside a tie: the order of ids decided it. */
export function tieFlag(rank: string, text: string): ResultFlag {
  return { code: 'tie-at-boundary', definition: rank, message: `${text} 的界线落在并列者之间，按编号顺序确定` };
}

/** A grade level whose quota boundary fell inside a tie: the order of ids decided it. */
export function quotaTieFlag(grade: string, level: string): ResultFlag {
  return { code: 'quota-tie', definition: grade, message: `${level} 的名额界线落在并列者之间，按编号顺序确定` };
}

/** The order of a member's flags: definition, then code, then message (code points). */
export function compareFlags(a: ResultFlag, b: ResultFlag): number {
  return compareIds(a.definition, b.definition) || compareIds(a.code, b.code) || compareIds(a.message, b.message);
}

/** Flags of one member: boundaries of rank tests and grade quotas that fell inside a tie. */
function flagsOf(ctx: YearContext, level: number, i: number): ResultFlag[] {
  const plan = ctx.session.compiled.plan;
  const out: ResultFlag[] = [];
  for (const site of plan.sites) {
    const r = plan.ranks[site.rank];
    const st = ctx.ranks[site.rank];
    if (r.level !== level || !st || st.pos[i] === 0) continue;
    const b = boundaryOf(site.test, groupSizeOf(st, i), site.amount ?? NaN, site.share);
    if (st.rank[i] <= b && b < tieEndOf(st, i)) {
      out.push(tieFlag(r.name, site.text));
    }
  }
  for (const [slot, ties] of ctx.gradeTies) {
    const s = plan.levels[level].slots[slot];
    const L = ties.get(i);
    if (L === undefined || plan.steps.find(x => x.kind === 'grade' && x.slot === slot)?.level !== level) continue;
    const labels = s.codes?.kind === 'labels' ? s.codes.labels : [];
    out.push(quotaTieFlag(s.name, labels[L] ?? ''));
  }
  out.sort(compareFlags);
  return out;
}

function entityResults(ctx: YearContext, level: number): EntityResult[] {
  const plan = ctx.session.compiled.plan;
  const model = ctx.session.compiled.model;
  const l = plan.levels[level];
  const lm = l.kind === 'cadre' ? model.cadre : model.units.find(u => u.unitKind === l.name)!;
  const shown = declarationOrder(model, lm).map(name => slotByName(ctx, level, name)!).filter(Boolean);
  const ld = ctx.levels[level];
  const out = levelOutput(ctx, level);
  const dispositions = plan.dispositions.filter(d => d.level === level);
  const fired = dispositions.map(d => ctx.values(level, d.slot));
  const results: EntityResult[] = [];
  for (const i of idOrder(ld.ids).order) {
    const values: Record<string, Value> = {};
    for (const s of shown) values[s.name] = presentValue(ctx, level, s, i);
    results.push({
      id: ld.ids[i], name: ld.names[i] ?? '', values,
      dispositions: dispositions.filter((_, k) => fired[k]?.[i] === 1).map(d => ({ name: d.name, severity: d.severity, because: d.because })),
      decision: out.decision(i), candidates: out.candidates(i), flags: flagsOf(ctx, level, i),
    });
  }
  return results;
}

/** The presented result of an evaluated year (cadres in id order; units by kind, then id). */
export function toYearResult(ctx: YearContext): YearResult {
  const plan = ctx.session.compiled.plan;
  const units: UnitResult[] = [];
  const kinds = plan.levels.filter(l => l.kind === 'unit').sort((a, b) => compareIds(a.name, b.name));
  for (const k of kinds) for (const r of entityResults(ctx, k.index)) units.push({ ...r, unitKind: k.name });
  return { ruleset: ctx.session.compiled.model.title, year: ctx.year, results: entityResults(ctx, 0), units };
}

/** A level's dispositions in decision order: severity desc, then priority desc, then written order. */
export function dispositionOrder(model: RuleSetModel, lm: LevelModel): ast.DispositionDef[] {
  const defs = lm.computed.filter(c => c.def.kind === 'DispositionDef');
  const order = model.dispositions;
  return defs.map((c, k) => ({ c, k })).sort((a, b) => {
    const da = a.c.def as ast.DispositionDef, db = b.c.def as ast.DispositionDef;
    const ia = order.indexOf(a.c.name), ib = order.indexOf(b.c.name);
    if (ia >= 0 && ib >= 0) return ia - ib;
    return db.severity.value - da.severity.value || (db.priority?.value ?? 0) - (da.priority?.value ?? 0) || a.k - b.k;
  }).map(x => x.c.def as ast.DispositionDef);
}

/**
 * The names a year result shows for a level, in declaration order: by file (as listed in the model),
 * then by position in the file; inputs declared together keep their written order.
 */
export function declarationOrder(model: RuleSetModel, lm: LevelModel): string[] {
  const fileIndex = (f: string) => { const k = model.files.findIndex(x => x.file === f); return k < 0 ? model.files.length : k; };
  const entries: { name: string; file: number; start: number; sub: number }[] = [];
  for (const i of lm.inputs) entries.push({ name: i.name, file: fileIndex(i.origin.file), start: i.def.span.start, sub: i.def.names.findIndex(x => x.name === i.name) });
  for (const c of lm.computed) {
    if (c.def.kind === 'WeightsDef' || c.def.kind === 'DispositionDef') continue;
    entries.push({ name: c.name, file: fileIndex(c.origin.file), start: c.def.span.start, sub: 0 });
  }
  entries.sort((a, b) => a.file - b.file || a.start - b.start || a.sub - b.sub);
  return entries.map(e => e.name);
}
