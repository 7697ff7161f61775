// Plan → executable: runs of row-wise steps fused into one generated loop each; barrier steps (ranks,
// grades, aggregates, history) run as kernels of their own. No name from a rule file enters generated
// code: slots become array parameters by position, constants are numbers printed by us or table entries.
import type { RuleSetModel } from './model.ts';
import { stepReads as readsOf, type PExpr, type Plan, type Slot, type Step } from './plan.ts';
import { lower } from './lower.ts';
import { ceilDecimal, decEq, decLe, decLt, floorDecimal, roundDecimal } from './decimal.ts';
import { monthOf, quarterOf } from './dates.ts';
import { boundaryCount } from './rank.ts';

/** What a generated kernel needs bound, in parameter order. */
export type Bind =
  | { readonly kind: 'values'; readonly level: number; readonly slot: number }
  /** Code inputs and fields: the raw codes and the translation table (entry 0 is missing). */
  | { readonly kind: 'codes' | 'table'; readonly level: number; readonly slot: number }
  /** A rank's positions, its members' groups and its group offsets (a group's size is a difference of offsets). */
  | { readonly kind: 'rank'; readonly rank: number; readonly part: 'pos' | 'group' | 'start' }
  | { readonly kind: 'owner'; readonly level: number };

/**
 * How a written slot is stored: bytes for conditions (0/1), singles for codes into fixed labels (small
 * integers or NaN, exact in 32 bits; half the memory of doubles), doubles for everything else.
 */
export type Storage = 'byte' | 'single' | 'double';

export function storageOf(s: Slot, condition: boolean): Storage {
  if (condition) return 'byte';
  return s.value === 'code' && s.codes?.kind === 'labels' ? 'single' : 'double';
}

export type KernelFn = (n: number, arrays: readonly unknown[], consts: Float64Array) => void;

export type Exec =
  | {
    readonly kind: 'kernel'; readonly level: number; readonly run: KernelFn; readonly binds: readonly Bind[];
    /** Slots written, each into a fresh array of its storage before the run. */
    readonly writes: readonly number[];
    readonly storage: readonly Storage[];
    /** Constants resolved per evaluation: texts (intern ids) and unit ids (row of the unit that year). */
    readonly consts: readonly ({ readonly text: string } | { readonly level: number; readonly id: string })[];
    /** The generated source, for debugging and tests. */
    readonly source: string;
  }
  | { readonly kind: 'step'; readonly step: Step };

/** A rule set ready to evaluate on any dataset and year. */
export interface CompiledRuleSet {
  readonly model: RuleSetModel;
  readonly plan: Plan;
  /** The year asked for runs every step it shows or decides with. */
  readonly current: readonly Exec[];
  /** Earlier years run only what history reads (history bodies, streaks and what they need). */
  readonly past: readonly Exec[];
  /** Which steps of plan.steps run in earlier years. */
  readonly pastSteps: ReadonlySet<Step>;
}

/** Plans the rule set once; the result is reused for every evaluation. */
export function compile(model: RuleSetModel): CompiledRuleSet {
  const plan = lower(model);
  const pastSteps = closure(plan, plan.historyRoots);
  // The year asked for needs every shown value, disposition and decision; history-only bodies it skips.
  const roots = plan.steps.filter(s => plan.levels[s.level].slots[s.slot].role !== 'hidden');
  const currentSteps = closure(plan, roots.map(s => ({ level: s.level, slot: s.slot })));
  return {
    model, plan, pastSteps,
    current: schedule(plan, plan.steps.filter(s => currentSteps.has(s))),
    past: schedule(plan, plan.steps.filter(s => pastSteps.has(s))),
  };
}

/** The steps filling `roots` and everything they read in the same year. */
function closure(plan: Plan, roots: readonly { level: number; slot: number }[]): Set<Step> {
  const writer = new Map<string, Step>();
  for (const s of plan.steps) writer.set(`${s.level}:${s.slot}`, s);
  const out = new Set<Step>();
  const visit = (level: number, slot: number) => {
    const s = writer.get(`${level}:${slot}`);
    if (!s || out.has(s)) return;
    out.add(s);
    for (const [l, sl] of readsOf(s, plan)) visit(l, sl);
  };
  for (const r of roots) visit(r.level, r.slot);
  return out;
}

function schedule(plan: Plan, steps: readonly Step[]): Exec[] {
  const out: Exec[] = [];
  let run: Extract<Step, { kind: 'compute' }>[] = [];
  const flush = () => {
    if (run.length) out.push(generate(plan, run));
    run = [];
  };
  for (const s of steps) {
    if (s.kind === 'compute') {
      if (run.length && run[0].level !== s.level) flush();
      run.push(s);
    } else {
      flush();
      out.push({ kind: 'step', step: s });
    }
  }
  flush();
  return out;
}

/** A number as JavaScript source: only digits, sign, point, exponent, or NaN/Infinity forms. */
function num(v: number): string {
  if (v !== v) return 'NaN';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${String(v)})` : String(v);
}

const HELPERS = {
  lt: (a: number, b: number) => (decLt(a, b) ? 1 : 0),
  le: (a: number, b: number) => (decLe(a, b) ? 1 : 0),
  eq: (a: number, b: number) => (decEq(a, b) ? 1 : 0),
  ne: (a: number, b: number) => (a === a && b === b && !decEq(a, b) ? 1 : 0),
  nex: (a: number, b: number) => (a === a && b === b && a !== b ? 1 : 0),
  not: (a: number) => (a === a ? (a === 1 ? 0 : 1) : NaN),
  and: (a: number, b: number) => (a === 1 && b === 1 ? 1 : 0),
  or: (a: number, b: number) => (a === 1 || b === 1 ? 1 : 0),
  div: (a: number, b: number) => (b === 0 ? NaN : a / b),
  rnd: roundDecimal,
  floor: floorDecimal,
  ceil: ceilDecimal,
  month: monthOf,
  quarter: quarterOf,
  clamp: (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi),
  /** A rank test on one member: missing when unranked or the amount is missing. */
  rt: (test: number, pos: number, size: number, amount: number, share: number) => {
    if (pos === 0) return NaN;
    switch (test) {
      case 0: { const c = boundaryCount(size, amount, share === 1); return c !== c ? NaN : pos > size - c ? 1 : 0; }
      case 1: { const c = boundaryCount(size, amount, share === 1); return c !== c ? NaN : pos <= c ? 1 : 0; }
      case 2: return pos === size ? 1 : 0;
      case 3: return pos === 1 ? 1 : 0;
      default: return size;
    }
  },
};
const TESTS = ['bottom', 'top', 'last', 'first', 'size'];

/** Whether a slot is read as raw codes plus a translation table. */
export function isCodePair(s: Slot): boolean {
  return (s.role === 'input' || s.role === 'field') && s.value === 'code';
}

class Gen {
  readonly binds: Bind[] = [];
  readonly bindIndex = new Map<string, number>();
  readonly consts: ({ text: string } | { level: number; id: string })[] = [];
  temps = 0;
  /** Slots computed earlier in this kernel, by slot: the local holding the value. */
  readonly locals = new Map<number, string>();
  /**
   * Code inputs of this level translated once per record at the top of the loop body (a class read by
   * every weighted dimension costs one table lookup, not one per dimension). Reads are pure, so hoisting
   * them ahead of the conditional parts that use them changes no value.
   */
  readonly hoisted: string[] = [];
  private readonly hoistedBySlot = new Map<number, string>();

  constructor(readonly plan: Plan, readonly level: number) {}

  bind(b: Bind): string {
    const key = JSON.stringify(b);
    let k = this.bindIndex.get(key);
    if (k === undefined) {
      k = this.binds.length;
      this.binds.push(b);
      this.bindIndex.set(key, k);
    }
    return `b${k}`;
  }

  temp(): string {
    return `t${this.temps++}`;
  }

  /** Reading slot `slot` of `level` at index expression `ix`. */
  read(level: number, slot: number, ix: string): string {
    if (level === this.level && ix === 'i') {
      const local = this.locals.get(slot);
      if (local) return local;
    }
    const s = this.plan.levels[level].slots[slot];
    if (isCodePair(s) && level === this.level && ix === 'i') {
      let local = this.hoistedBySlot.get(slot);
      if (!local) {
        local = `k${slot}`;
        this.hoistedBySlot.set(slot, local);
        this.hoisted.push(`    const ${local} = ${this.bind({ kind: 'table', level, slot })}[${this.bind({ kind: 'codes', level, slot })}[i] + 1];`);
      }
      return local;
    }
    if (isCodePair(s)) {
      return `${this.bind({ kind: 'table', level, slot })}[${this.bind({ kind: 'codes', level, slot })}[${ix}] + 1]`;
    }
    return `${this.bind({ kind: 'values', level, slot })}[${ix}]`;
  }

  /** Index expression for a value of another level reached by `via`, wrapping `body(ix)` for missing links. */
  via(v: { kind: 'owner' } | { kind: 'link'; slot: number } | undefined, body: (ix: string) => string): string {
    if (!v) return body('i');
    if (v.kind === 'owner') return body(this.bind({ kind: 'owner', level: this.level }) + '[i]');
    const t = this.temp();
    return `((${t} = ${this.read(this.level, v.slot, 'i')}) === ${t} ? ${body(t)} : NaN)`;
  }

  expr(e: PExpr): string {
    switch (e.op) {
      case 'num': return num(e.value);
      case 'text': this.consts.push({ text: e.text }); return `K[${this.consts.length - 1}]`;
      case 'unitId': this.consts.push({ level: e.level, id: e.id }); return `K[${this.consts.length - 1}]`;
      case 'slot': return this.via(e.via, ix => this.read(e.level, e.slot, ix));
      case 'neg': return `(-${this.expr(e.a)})`;
      case 'not': return `H_not(${this.expr(e.a)})`;
      case 'arith':
        if (e.fn === '/') { const t = this.temp(); return `((${t} = ${this.expr(e.b)}) === 0 ? NaN : ${this.expr(e.a)} / ${t})`; }
        return `(${this.expr(e.a)} ${e.fn} ${this.expr(e.b)})`;
      case 'cmp': return this.cmp(e.fn, e.exact, this.expr(e.a), this.expr(e.b));
      // Operands are pure, so evaluating the second only when needed changes nothing.
      case 'and': return `(${this.expr(e.a)} === 1 && ${this.expr(e.b)} === 1 ? 1 : 0)`;
      case 'or': return `(${this.expr(e.a)} === 1 || ${this.expr(e.b)} === 1 ? 1 : 0)`;
      case 'coalesce': { const t = this.temp(); return `((${t} = ${this.expr(e.a)}) === ${t} ? ${t} : ${this.expr(e.b)})`; }
      case 'if': return `(${this.expr(e.cond)} === 1 ? ${this.expr(e.then)} : ${this.expr(e.else)})`;
      case 'match': {
        const t = this.temp();
        let out = e.otherwise ? this.expr(e.otherwise) : 'NaN';
        for (let k = e.arms.length - 1; k >= 0; k--) {
          const a = e.arms[k];
          const test = a.values.map(v => (e.exact ? `${t} === ${num(v)}` : `H_eq(${t}, ${num(v)}) === 1`)).join(' || ');
          out = `(${test || 'false'}) ? ${this.expr(a.value)} : ${out}`;
        }
        return `((${t} = ${this.expr(e.subject)}) !== ${t} ? NaN : ${out})`;
      }
      case 'tiers': {
        let out = e.otherwise ? this.expr(e.otherwise) : 'NaN';
        for (let k = e.arms.length - 1; k >= 0; k--) out = `(${this.expr(e.arms[k].cond)} === 1 ? ${this.expr(e.arms[k].value)} : ${out})`;
        return out;
      }
      case 'in': {
        const t = this.temp();
        const test = e.set.map(x => (e.exact ? `${t} === ${this.expr(x)}` : `H_eq(${t}, ${this.expr(x)}) === 1`)).join(' || ');
        return `((${t} = ${this.expr(e.a)}), (${test || 'false'}) ? 1 : 0)`;
      }
      case 'fn': return this.fn(e.fn, e.args.map(a => this.expr(a)));
      case 'round': return `H_rnd(${this.expr(e.a)}, ${e.digits})`;
      case 'weighted': {
        if (e.items.length === 0) return '0';
        return `((${e.items.map(it => `${this.expr(it.e)} * ${num(it.w)}`).join(' + ')}) / ${num(e.divisor)})`;
      }
      case 'byKey': {
        const table = this.weightTable(e.cases);
        if (table) {
          // Every row weights the same items: index the weights by the key instead of branching on it,
          // since the key (a township class) varies record by record and defeats branch prediction.
          // A missing or unknown key selects an extra row of NaN weights over a NaN divisor, which gives
          // the same missing result as a test would, without a branch around the sum (measured: the
          // branch kept the sum from being optimised as one straight expression).
          const m = table.items.length, rows = table.divisors.length;
          const w = this.constArray([...table.weights, ...new Array<number>(m).fill(NaN)]);
          const d = this.constArray([...table.divisors, NaN]);
          const t = this.temp(), o = this.temp();
          const sum = table.items.map((it, j) => `${this.expr(it)} * ${w}[${o} + ${j}]`).join(' + ');
          return `(${t} = ${this.expr(e.key)}, ${t} = ${t} >= 0 && ${t} < ${rows} ? ${t} : ${rows}, ${o} = (${t} * ${m}) | 0, (${sum}) / ${d}[${t} | 0])`;
        }
        const t = this.temp();
        let out = 'NaN';
        for (let k = e.cases.length - 1; k >= 0; k--) out = `${t} === ${k} ? ${this.expr(e.cases[k])} : ${out}`;
        return `((${t} = ${this.expr(e.key)}), ${out})`;
      }
      case 'rankTest': {
        const r = this.plan.ranks[e.rank.rank];
        const test = TESTS.indexOf(e.test);
        const amount = e.amount ? this.expr(e.amount) : 'NaN';
        const pos = this.bind({ kind: 'rank', rank: r.index, part: 'pos' });
        const start = this.bind({ kind: 'rank', rank: r.index, part: 'start' });
        const grouped = this.plan.steps.some(s => s.kind === 'rank' && s.rank === r.index && s.within.length > 0);
        const group = grouped ? this.bind({ kind: 'rank', rank: r.index, part: 'group' }) : '';
        // Unranked members (position 0) never reach their group's offsets.
        const size = (ix: string) => {
          if (!grouped) return `(${start}[1] - ${start}[0])`;
          const g = this.temp();
          return `((${g} = ${group}[${ix}]) < 0 ? 0 : ${start}[${g} + 1] - ${start}[${g}])`;
        };
        if (e.test === 'size') {
          const t = this.temp();
          return this.via(e.rank.via, ix => `((${t} = ${pos}[${ix}]) === 0 ? NaN : ${size(ix)})`);
        }
        return this.via(e.rank.via, ix => `H_rt(${test}, ${pos}[${ix}], ${size(ix)}, ${amount}, ${e.share ? 1 : 0})`);
      }
    }
  }

  /** Constant arrays handed to the kernel (weights tables); bound to locals c0, c1, … before the loop. */
  readonly arrays: Float64Array[] = [];

  constArray(values: readonly number[]): string {
    this.arrays.push(Float64Array.from(values));
    return `c${this.arrays.length - 1}`;
  }

  /** When every case is a weighted sum of the same item expressions: their items and weights per case. */
  weightTable(cases: readonly PExpr[]): { items: PExpr[]; weights: number[]; divisors: number[] } | undefined {
    if (cases.length === 0 || !cases.every(c => c.op === 'weighted')) return undefined;
    const ws = cases as Extract<PExpr, { op: 'weighted' }>[];
    const key = JSON.stringify(ws[0].items.map(it => it.e));
    if (ws[0].items.length === 0 || ws.some(c => JSON.stringify(c.items.map(it => it.e)) !== key)) return undefined;
    return { items: ws[0].items.map(it => it.e), weights: ws.flatMap(c => c.items.map(it => it.w)), divisors: ws.map(c => c.divisor) };
  }

  /**
   * Comparisons inline their fast path: decided on the doubles when they are clearly apart (beyond
   * 1e-13 relative), else the helper decides on the decimal digits (decimal.ts).
   */
  cmp(fn: string, exact: boolean, a: string, b: string): string {
    if (exact) {
      if (fn === '==') return `(${a} === ${b} ? 1 : 0)`;
      if (fn === '!=') return `H_nex(${a}, ${b})`;
    }
    const lt = (x: string, y: string) => {
      const p = this.temp(), q = this.temp();
      return `((${p} = ${x}) < (${q} = ${y}) ? (${q} - ${p} > 1e-13 * (Math.abs(${p}) + Math.abs(${q})) ? 1 : H_lt(${p}, ${q})) : 0)`;
    };
    const le = (x: string, y: string) => {
      const p = this.temp(), q = this.temp();
      return `((${p} = ${x}) <= (${q} = ${y}) ? 1 : ${p} - ${q} > 1e-13 * (Math.abs(${p}) + Math.abs(${q})) ? 0 : H_le(${p}, ${q}))`;
    };
    switch (fn) {
      case '<': return lt(a, b);
      case '<=': return le(a, b);
      case '>': return lt(b, a);
      case '>=': return le(b, a);
      case '==': return `H_eq(${a}, ${b})`;
      default: return `H_ne(${a}, ${b})`;
    }
  }

  fn(fn: string, args: string[]): string {
    switch (fn) {
      case 'abs': return `Math.abs(${args[0]})`;
      case 'has': { const t = this.temp(); return `((${t} = ${args[0]}) === ${t} ? 1 : 0)`; }
      case 'floor': case 'ceil': case 'month': case 'quarter': return `H_${fn}(${args[0]})`;
      case 'clamp': return `H_clamp(${args[0]}, ${args[1]}, ${args[2]})`;
      case 'min': return `Math.min(${args.join(', ')})`;
      case 'max': return `Math.max(${args.join(', ')})`;
      case 'sum': return `(${args.join(' + ')})`;
      case 'mean': return `((${args.join(' + ')}) / ${args.length})`;
      default: throw new Error(`compile: unknown function ${fn}`);
    }
  }
}

/** One fused loop over the members (or rows) of a level computing a run of row-wise steps. */
function generate(plan: Plan, run: readonly Extract<Step, { kind: 'compute' }>[]): Exec {
  const level = run[0].level;
  const g = new Gen(plan, level);
  const body: string[] = [];
  for (const s of run) {
    let v = g.expr(s.expr);
    if (s.round !== undefined) v = `H_rnd(${v}, ${s.round})`;
    if (s.condition) v = `(${v} === 1 ? 1 : 0)`;
    const local = `v${s.slot}`;
    body.push(`    const ${local} = ${v};`);
    body.push(`    ${g.bind({ kind: 'values', level, slot: s.slot })}[i] = ${local};`);
    g.locals.set(s.slot, local);
  }
  const helperNames = Object.keys(HELPERS);
  const src = [
    '"use strict";',
    `const ${helperNames.map(h => `H_${h} = H.${h}`).join(', ')};`,
    'return function kernel(n, A, K) {',
    ...g.binds.map((_, k) => `  const b${k} = A[${k}];`),
    ...g.arrays.map((_, k) => `  const c${k} = C[${k}];`),
    g.temps ? `  let ${Array.from({ length: g.temps }, (_, k) => `t${k}`).join(', ')};` : '',
    '  for (let i = 0; i < n; i++) {',
    ...g.hoisted,
    ...body,
    '  }',
    '};',
  ].join('\n');
  const run2 = new Function('H', 'C', src)(HELPERS, g.arrays) as KernelFn;
  return {
    kind: 'kernel', level, run: run2, binds: g.binds, writes: run.map(s => s.slot), storage: run.map(s => storageOf(plan.levels[level].slots[s.slot], s.condition === true)),
    consts: g.consts, source: src,
  };
}
