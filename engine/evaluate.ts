// Runs a compiled rule set on one year of a dataset: binds the year's columns to slots, runs the schedule,
// evaluates earlier years on demand for history (same rules, memoised per year), and presents the results.
import type { Diagnostic } from '../grammar/diagnostic.ts';
import { emptySpan, type Span } from '../grammar/span.ts';
import type { Column, Dataset, EntityTable, YearData } from './dataset.ts';
import type { YearResult } from './result.ts';
import type { CompiledRuleSet, Exec, Storage } from './compile.ts';
import { isCodePair } from './compile.ts';
import type { Level, Slot, Step } from './plan.ts';
import { rankGroups, type RankState } from './rank.ts';
import { ColumnArena, sharedBytes, type ColumnAllocator } from './arena.ts';
import { gradeMembers } from './grade.ts';
import { groupAggregate, groupIds, periodAggregate, rowAggregate } from './aggregate.ts';
import { alignByIds, fetchAligned, idOrder, streakStep } from './history.ts';
import { evalDiagnostic, levelOutput, toYearResult, type LevelOutput } from './dispose.ts';

export type { LevelOutput } from './dispose.ts';

/** A slot's values as stored (see Storage in compile.ts); every read gives a number, NaN when missing. */
export type SlotColumn = Float64Array | Float32Array | Uint8Array;

/** A fresh (zeroed) column of `n` members in the given storage. */
function column(columns: ColumnAllocator, storage: Storage, n: number): SlotColumn {
  return storage === 'byte' ? columns.uint8(n) : storage === 'single' ? columns.float32(n) : columns.float64(n);
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Shares evaluated years between calls (e.g. the editor previewing several years of one draft). */
  readonly cache?: EvaluationCache;
}

/** The outcome of one year, columnar, with its presentation form. */
export interface Evaluation {
  readonly year: number;
  readonly cadres: LevelOutput;
  /** Unit levels by unit kind. */
  readonly units: ReadonlyMap<string, LevelOutput>;
  /** KP7xx: year absent from the data, columns missing or of the wrong kind, unknown labels. */
  readonly diagnostics: readonly Diagnostic[];
  /** Per cadre (and unit) values, dispositions, decision, candidates and flags; allocates, for presentation. */
  toYearResult(): YearResult;
}

/** Texts and groups as ids shared by every year of a session, so they compare across years. */
export class Interner {
  readonly labels: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let k = this.ids.get(text);
    if (k === undefined) { k = this.labels.length; this.labels.push(text); this.ids.set(text, k); }
    return k;
  }
}

/** Memoised year contexts of one compiled rule set over one dataset. */
export class Session {
  readonly interner = new Interner();
  readonly diagnostics = new Map<string, Diagnostic>();
  private readonly contexts = new Map<string, YearContext>();
  constructor(readonly compiled: CompiledRuleSet, readonly dataset: Dataset) {}

  /** The year's context: `current` runs every step, `past` only what history reads. */
  context(year: number, mode: 'current' | 'past'): YearContext {
    const key = `${year}:${mode}`;
    let c = this.contexts.get(key);
    if (!c) {
      if (mode === 'past') {
        const full = this.contexts.get(`${year}:current`);
        if (full) return full;
      }
      c = new YearContext(this, year, this.dataset.years.find(y => y.year === year), mode);
      this.contexts.set(key, c);
      c.run(mode === 'current' ? this.compiled.current : this.compiled.past);
    }
    return c;
  }

  report(d: Diagnostic): void {
    const key = `${d.code}|${d.message}`;
    if (!this.diagnostics.has(key)) this.diagnostics.set(key, d);
  }
}

/** Sessions by compiled rule set and dataset; pass one to `evaluate` to reuse earlier years. */
export class EvaluationCache {
  private readonly sessions = new WeakMap<CompiledRuleSet, WeakMap<Dataset, Session>>();
  session(compiled: CompiledRuleSet, dataset: Dataset): Session {
    let m = this.sessions.get(compiled);
    if (!m) { m = new WeakMap(); this.sessions.set(compiled, m); }
    let s = m.get(dataset);
    if (!s) { s = new Session(compiled, dataset); m.set(dataset, s); }
    return s;
  }
}

/** The data and computed columns of one level in one year. */
export interface LevelData {
  readonly n: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly owner?: Int32Array;
  /** Doubles; bytes (0/1) for conditions such as a disposition having fired; singles for codes and ranks. */
  readonly values: (SlotColumn | undefined)[];
  readonly codes: (Int32Array | undefined)[];
  readonly tables: (Float64Array | undefined)[];
  /** Row index per unit id (unit levels), for links and unit-id constants. */
  unitIndex?: Map<string, number>;
}

const EMPTY_TABLE: EntityTable = { ids: [], names: [], columns: new Map() };

/** One year evaluated with the compiled rules. */
export class YearContext {
  readonly levels: LevelData[];
  readonly ranks: (RankState | undefined)[];
  readonly gradeTies = new Map<number, Map<number, number>>();
  private readonly groupsBySlots = new Map<string, { gid: Int32Array; count: number }>();
  /** The year's computed columns, released together when the context is dropped. */
  private readonly columns: ColumnAllocator;

  constructor(readonly session: Session, readonly year: number, readonly data: YearData | undefined, readonly mode: 'current' | 'past') {
    const plan = session.compiled.plan;
    this.ranks = plan.ranks.map(() => undefined);
    this.levels = plan.levels.map(l => this.shell(l));
    this.columns = new ColumnArena(plannedColumnBytes(mode === 'current' ? session.compiled.current : session.compiled.past, this.levels));
    if (data) for (const l of plan.levels) this.bindLevel(l);
  }

  private entityTable(l: Level): EntityTable {
    if (!this.data) return EMPTY_TABLE;
    return l.kind === 'cadre' ? this.data.cadres : this.data.units.get(l.name) ?? EMPTY_TABLE;
  }

  private shell(l: Level): LevelData {
    const slots = l.slots.length;
    const arr = <T>() => new Array<T | undefined>(slots).fill(undefined);
    if (l.kind === 'rows') {
      const rt = this.data?.rows.get(l.name);
      const owner = rt?.owner ?? new Int32Array(0);
      return { n: owner.length, ids: [], names: [], owner, values: arr(), codes: arr(), tables: arr() };
    }
    const t = this.entityTable(l);
    return { n: t.ids.length, ids: t.ids, names: t.names, values: arr(), codes: arr(), tables: arr() };
  }

  private bindLevel(l: Level): void {
    const ld = this.levels[l.index];
    const columns = l.kind === 'rows' ? this.data!.rows.get(l.name)?.columns : this.entityTable(l).columns;
    for (const s of l.slots) {
      if (s.role !== 'input' && s.role !== 'field') continue;
      this.bindSlot(l, ld, s, columns?.get(s.name));
    }
    for (const s of l.slots) if (s.catalogue) ld.values[s.index] = this.catalogued(ld, s);
  }

  /** Where an input or field is declared, for data diagnostics. */
  private declSpan(l: Level, s: Slot): Span {
    const model = this.session.compiled.model;
    const levels = [model.cadre, ...model.units];
    if (l.kind === 'rows') return levels.flatMap(m => m.tables).find(t => t.name === l.name)?.def.span ?? emptySpan;
    const lm = l.kind === 'cadre' ? model.cadre : model.units.find(u => u.unitKind === l.name);
    return lm?.inputs.find(i => i.name === s.name)?.def.span ?? emptySpan;
  }

  private bindSlot(l: Level, ld: LevelData, s: Slot, col: Column | undefined): void {
    const where = l.kind === 'rows' ? `${l.name}.${s.name}` : s.name;
    const span = this.declSpan(l, s);
    if (!col) {
      if (!s.catalogue) this.session.report(evalDiagnostic('KP702', 'warning', `数据中没有“${where}”列，按缺失处理`, `the data has no column "${where}"; treated as missing`, span));
    } else if (isCodePair(s) !== (col.kind === 'code')) {
      this.session.report(evalDiagnostic('KP703', 'error', `数据中“${where}”列的类型与规则不符，按缺失处理`, `column "${where}" has the wrong kind for the rules; treated as missing`, span));
      col = undefined;
    }
    if (isCodePair(s)) {
      ld.codes[s.index] = col?.kind === 'code' ? col.values : this.columns.int32(ld.n).fill(-1);
      ld.tables[s.index] = this.translation(s, col?.kind === 'code' ? col.labels : [], where, span);
    } else {
      ld.values[s.index] = col && col.kind !== 'code' ? col.values : this.columns.float64(ld.n).fill(NaN);
    }
  }

  /** Events' points: the row's own, else its situation's from the catalogue. */
  private catalogued(ld: LevelData, s: Slot): Float64Array {
    const own = ld.values[s.index];
    const cat = s.catalogue!;
    const codes = ld.codes[cat.situationSlot], table = ld.tables[cat.situationSlot];
    const out = this.columns.float64(ld.n);
    for (let r = 0; r < ld.n; r++) {
      const v = own ? own[r] : NaN;
      if (v === v) { out[r] = v; continue; }
      const sit = codes && table ? table[codes[r] + 1] : NaN;
      out[r] = sit === sit ? cat.points[sit] : NaN;
    }
    return out;
  }

  /** Code → value in the slot's code space (entry 0 stands for missing). */
  private translation(s: Slot, labels: readonly string[], where: string, span: Span): Float64Array {
    const t = new Float64Array(labels.length + 1);
    t[0] = NaN;
    const codes = s.codes!;
    const unknown: string[] = [];
    labels.forEach((label, c) => {
      let v: number;
      if (codes.kind === 'labels') v = codes.labels.indexOf(label);
      else if (codes.kind === 'intern') v = this.session.interner.id(label);
      else v = this.unitIndex(codes.level).get(label) ?? -1;
      if (v < 0) unknown.push(label);
      t[c + 1] = v < 0 ? NaN : v;
    });
    if (unknown.length > 0) {
      const list = unknown.slice(0, 5).join('、');
      const [code, zh, en] = codes.kind === 'unit'
        ? ['KP704', `“${where}”指向 ${this.year} 年数据中没有的单位：${list}，按缺失处理`, `"${where}" links to units absent in ${this.year}: ${list}; treated as missing`]
        : ['KP705', `“${where}”中有不属于其类型的取值：${list}，按缺失处理`, `"${where}" has values outside its type: ${list}; treated as missing`];
      this.session.report(evalDiagnostic(code, 'warning', zh, en, span));
    }
    return t;
  }

  unitIndex(level: number): Map<string, number> {
    const ld = this.levels[level];
    if (!ld.unitIndex) {
      ld.unitIndex = new Map();
      ld.ids.forEach((id, k) => { if (!ld.unitIndex!.has(id)) ld.unitIndex!.set(id, k); });
    }
    return ld.unitIndex;
  }

  /** A slot's values as numbers (code inputs translated once and kept). */
  values(level: number, slot: number): SlotColumn | undefined {
    const ld = this.levels[level];
    const v = ld.values[slot];
    if (v || !this.data) return v;
    const codes = ld.codes[slot], table = ld.tables[slot];
    if (!codes || !table) return undefined;
    const out = this.columns.float64(ld.n);
    for (let i = 0; i < ld.n; i++) out[i] = table[codes[i] + 1];
    ld.values[slot] = out;
    return out;
  }

  run(schedule: readonly Exec[]): void {
    if (!this.data) return;
    for (const e of schedule) {
      if (e.kind === 'kernel') this.kernel(e);
      else this.step(e.step);
    }
  }

  private kernel(e: Extract<Exec, { kind: 'kernel' }>): void {
    const ld = this.levels[e.level];
    e.writes.forEach((s, k) => { ld.values[s] = column(this.columns, e.storage[k], ld.n); });
    const arrays = e.binds.map(b => {
      switch (b.kind) {
        case 'values': return this.values(b.level, b.slot) ?? new Float64Array(this.levels[b.level].n).fill(NaN);
        case 'codes': return this.levels[b.level].codes[b.slot];
        case 'table': return this.levels[b.level].tables[b.slot];
        case 'owner': return this.levels[b.level].owner;
        case 'rank': return this.ranks[b.rank]![b.part];
      }
    });
    const K = new Float64Array(e.consts.length);
    e.consts.forEach((c, k) => {
      K[k] = 'text' in c ? this.session.interner.id(c.text) : this.unitIndex(c.level).get(c.id) ?? NaN;
    });
    e.run(ld.n, arrays, K);
  }

  private opt(level: number, slot: number | undefined): SlotColumn | null {
    return slot === undefined ? null : this.values(level, slot) ?? null;
  }

  /**
   * Dense group ids of members. A single code input whose labels are distinct and all known is its own
   * group id (code -1 is missing), so the common `within 班子` needs no pass over the members.
   */
  private groups(level: number, slots: readonly number[]): { gid: Int32Array; count: number } {
    // Ranks, grades and aggregates often group by the same slots; the values are final once computed.
    const key = `${level}:${slots.join(',')}`;
    const known = this.groupsBySlots.get(key);
    if (known) return known;
    const ld = this.levels[level];
    let out: { gid: Int32Array; count: number } | undefined;
    if (slots.length === 1) {
      const codes = ld.codes[slots[0]], table = ld.tables[slots[0]];
      if (codes && table && !ld.values[slots[0]] && distinctKnown(table)) out = { gid: codes, count: table.length - 1 };
    }
    out ??= groupIds(slots.map(s => this.values(level, s)!), ld.n);
    this.groupsBySlots.set(key, out);
    return out;
  }

  private step(s: Step): void {
    const L = s.level;
    const ld = this.levels[L];
    const n = ld.n;
    switch (s.kind) {
      case 'compute': throw new Error('evaluate: compute steps run in kernels');
      case 'rank': {
        const g = s.within.length ? this.groups(L, s.within) : null;
        const ord = idOrder(ld.ids);
        const state = rankGroups({
          n, key: { values: this.values(L, s.key.slot)!, desc: s.key.desc },
          tiebreaks: s.tiebreaks.map(t => ({ values: this.values(L, t.slot)!, desc: t.desc })),
          group: g ? g.gid : null, groupCount: g ? g.count : 1, include: this.opt(L, s.where),
          idOrder: ord.order, idRank: ord.rank, columns: this.columns,
        });
        this.ranks[s.rank] = state;
        ld.values[s.slot] = state.rank;
        break;
      }
      case 'grade': {
        const by = this.values(L, s.by)!;
        const where = this.opt(L, s.where), ungraded = this.opt(L, s.ungraded);
        const graded = this.columns.uint8(n);
        for (let i = 0; i < n; i++) graded[i] = by[i] === by[i] && (!where || where[i] === 1) && (!ungraded || ungraded[i] !== 1) ? 1 : 0;
        const out = gradeMembers({
          n, by, graded, idOrder: idOrder(ld.ids).order, idRank: idOrder(ld.ids).rank, columns: this.columns,
          levels: s.levels.map(l => {
            const pool = l.quota ? this.groups(L, l.quota.within) : undefined;
            return {
              op: l.op, gate: this.opt(L, l.gate) ?? undefined,
              threshold: l.threshold === undefined ? undefined : 'value' in l.threshold ? l.threshold.value : this.values(L, l.threshold.slot)!,
              quota: l.quota && pool ? { share: l.quota.share, count: l.quota.count, rounding: l.quota.rounding, pool: pool.gid, poolCount: pool.count } : undefined,
            };
          }),
        });
        ld.values[s.slot] = out.level;
        this.gradeTies.set(s.slot, out.tieFlags);
        break;
      }
      case 'groupAgg': {
        const g = this.groups(L, s.within);
        ld.values[s.slot] = groupAggregate(s.fn, n, g.gid, g.count, this.opt(L, s.value), this.opt(L, s.where));
        break;
      }
      case 'rowAgg': {
        const rows = this.levels[s.rows];
        ld.values[s.slot] = rowAggregate(s.fn, n, rows.owner!, this.opt(s.rows, s.value), this.opt(s.rows, s.where));
        break;
      }
      case 'periodAgg': {
        const part = (rows: number, where: number | undefined) => {
          const level = this.session.compiled.plan.levels[rows];
          const slot = (name: string) => level.slots.find(x => x.name === name)!.index;
          return { owner: this.levels[rows].owner!, from: this.values(rows, slot('起'))!, to: this.values(rows, slot('止'))!, where: this.opt(rows, where) };
        };
        const a = part(s.rows, s.where);
        const b = s.rows2 !== undefined ? part(s.rows2, s.where2) : null;
        ld.values[s.slot] = periodAggregate(s.fn, this.year, n, a, b, s.monthDay);
        break;
      }
      case 'history': {
        const prev = this.session.context(this.year - s.back, 'past');
        const align = alignByIds(prev.levels[L].ids, ld.ids);
        ld.values[s.slot] = fetchAligned(prev.data ? prev.values(L, s.body) : undefined, align);
        break;
      }
      case 'streak': {
        const cond = this.values(L, s.cond)!;
        const hasPrev = this.session.dataset.years.some(y => y.year === this.year - 1);
        const prev = hasPrev ? this.session.context(this.year - 1, 'past') : undefined;
        const align = prev ? alignByIds(prev.levels[L].ids, ld.ids) : undefined;
        ld.values[s.slot] = streakStep(cond, prev?.values(L, s.slot), align);
        break;
      }
    }
  }
}

const STORAGE_BYTES: Record<Storage, number> = { byte: 1, single: 4, double: 8 };

/** What the schedule will take from the year's arena: kernel outputs, rank state and grade levels. */
function plannedColumnBytes(schedule: readonly Exec[], levels: readonly LevelData[]): number {
  let total = 0;
  for (const e of schedule) {
    if (e.kind === 'kernel') {
      const n = levels[e.level].n;
      for (const s of e.storage) total += sharedBytes(STORAGE_BYTES[s] * n);
    } else if (e.step.kind === 'rank') {
      const n = levels[e.step.level].n;
      total += sharedBytes((n < 1 << 24 ? 4 : 8) * n) + 2 * sharedBytes(4 * n);
    } else if (e.step.kind === 'grade') {
      const n = levels[e.step.level].n;
      total += sharedBytes(8 * n) + sharedBytes(n);
    }
  }
  return total;
}

function distinctKnown(table: Float64Array): boolean {
  const seen = new Set<number>();
  for (let k = 1; k < table.length; k++) {
    const v = table[k];
    if (v !== v || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** Evaluates `year` of the dataset with the compiled rules (history years with the same rules). */
export function evaluate(compiled: CompiledRuleSet, dataset: Dataset, year: number, options: EvaluateOptions = {}): Evaluation {
  const session = options.cache ? options.cache.session(compiled, dataset) : new Session(compiled, dataset);
  const diagnostics: Diagnostic[] = [];
  if (!dataset.years.some(y => y.year === year)) {
    diagnostics.push(evalDiagnostic('KP701', 'error', `数据中没有 ${year} 年`, `the data has no year ${year}`));
  }
  const ctx = session.context(year, 'current');
  diagnostics.push(...session.diagnostics.values());
  const plan = compiled.plan;
  const units = new Map<string, LevelOutput>();
  for (const l of plan.levels) if (l.kind === 'unit') units.set(l.name, levelOutput(ctx, l.index));
  return {
    year,
    cadres: levelOutput(ctx, 0),
    units,
    diagnostics,
    toYearResult: () => toYearResult(ctx),
  };
}
