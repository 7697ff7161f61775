// The evaluation plan: plain data between the checked model and the executable. Values live in slots
// (one column per value per level); steps fill slots in dependency order; expressions are row-wise.
import type { Span } from '../grammar/span.ts';
import type { Type } from './model.ts';

/**
 * How a slot's numbers are read. Every value is a double, NaN when missing:
 * numbers and percents as such, bools 0/1, dates as day numbers, everything discrete as a code.
 */
export type ValueKind = 'number' | 'bool' | 'date' | 'code';

/** What a code means. */
export type CodeSpace =
  /** An index into fixed labels: enum members, grade levels, dispositions (决定), situations. */
  | { readonly kind: 'labels'; readonly labels: readonly string[] }
  /** Texts and groups: an id in the evaluation's intern table (same text → same id, across years). */
  | { readonly kind: 'intern' }
  /** A unit link: the row of that unit in the unit level's table of the same year. */
  | { readonly kind: 'unit'; readonly level: number };

export type SlotRole = 'input' | 'field' | 'computed' | 'hidden' | 'disposition' | 'decision';

export interface Slot {
  readonly index: number;
  /** Definition, input or field name; hidden slots are named after their purpose, for debugging only. */
  readonly name: string;
  readonly role: SlotRole;
  readonly type: Type;
  readonly value: ValueKind;
  readonly codes?: CodeSpace;
  /** Events' 分值: a row without its own points takes its situation's points from this catalogue. */
  readonly catalogue?: { readonly situationSlot: number; readonly points: readonly number[] };
  /** Whether the year result shows it (inputs and definitions, not hidden slots or dispositions). */
  readonly presented: boolean;
}

export interface Level {
  readonly index: number;
  readonly kind: 'cadre' | 'unit' | 'rows';
  /** 'cadre', the unit kind, or the rows table. */
  readonly name: string;
  /** Rows levels: the entity level that owns the rows. */
  readonly owner?: number;
  readonly rowsKind?: 'records' | 'events' | 'periods';
  readonly slots: Slot[];
}

/** Where a slot of another level is read from. */
export type Via =
  /** From a row to its owner (an aggregate's `where` reading the cadre's values). */
  | { readonly kind: 'owner' }
  /** Through a unit link input of the current level. */
  | { readonly kind: 'link'; readonly slot: number };

export interface RankRef {
  readonly rank: number;
  readonly via?: Via;
}

export type ArithOp = '+' | '-' | '*' | '/';
export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ValueFn = 'abs' | 'floor' | 'ceil' | 'has' | 'month' | 'quarter' | 'min' | 'max' | 'clamp' | 'sum' | 'mean';

/** A row-wise expression: evaluated for one member (or one row) at a time. */
export type PExpr =
  | { readonly op: 'num'; readonly value: number }
  /** A text constant, compared with intern codes. */
  | { readonly op: 'text'; readonly text: string }
  /** A unit's id as a constant, compared with link values of that unit level. */
  | { readonly op: 'unitId'; readonly level: number; readonly id: string }
  | { readonly op: 'slot'; readonly level: number; readonly slot: number; readonly via?: Via }
  | { readonly op: 'neg' | 'not'; readonly a: PExpr }
  | { readonly op: 'arith'; readonly fn: ArithOp; readonly a: PExpr; readonly b: PExpr }
  /** `exact`: codes, compared as they are; otherwise decimal comparison of numbers. */
  | { readonly op: 'cmp'; readonly fn: CmpOp; readonly exact: boolean; readonly a: PExpr; readonly b: PExpr }
  | { readonly op: 'and' | 'or'; readonly a: PExpr; readonly b: PExpr }
  | { readonly op: 'coalesce'; readonly a: PExpr; readonly b: PExpr }
  | { readonly op: 'if'; readonly cond: PExpr; readonly then: PExpr; readonly else: PExpr }
  /** First arm whose value equals the subject; `otherwise` (or missing) when none. */
  | {
    readonly op: 'match'; readonly exact: boolean; readonly subject: PExpr;
    readonly arms: readonly { readonly values: readonly number[]; readonly value: PExpr }[]; readonly otherwise?: PExpr;
  }
  | { readonly op: 'tiers'; readonly arms: readonly { readonly cond: PExpr; readonly value: PExpr }[]; readonly otherwise?: PExpr }
  | { readonly op: 'in'; readonly exact: boolean; readonly a: PExpr; readonly set: readonly PExpr[] }
  | { readonly op: 'fn'; readonly fn: ValueFn; readonly args: readonly PExpr[] }
  | { readonly op: 'round'; readonly digits: number; readonly a: PExpr }
  /** Σ item·weight / divisor with integer weights (see decimal.ts); 0 weights are left out when lowering. */
  | { readonly op: 'weighted'; readonly items: readonly { readonly e: PExpr; readonly w: number }[]; readonly divisor: number }
  /** A value chosen by an enum key: cases[member index]; missing key → missing. */
  | { readonly op: 'byKey'; readonly key: PExpr; readonly cases: readonly PExpr[] }
  | {
    readonly op: 'rankTest'; readonly test: 'bottom' | 'top' | 'last' | 'first' | 'size';
    readonly rank: RankRef; readonly amount?: PExpr; readonly share: boolean;
  };

/** A grade threshold, a quota pool key and similar step operands: a slot of the step's level or a constant. */
export type Operand = { readonly slot: number } | { readonly value: number };

export interface SortKeyPlan {
  readonly slot: number;
  readonly desc: boolean;
}

export interface GradeLevelPlan {
  readonly name: string;
  readonly op: '>=' | '>' | undefined;
  readonly threshold?: Operand;
  /** Slot of the `unless` gate (true blocks the level). */
  readonly gate?: number;
  readonly quota?: {
    readonly share?: number;
    readonly count?: number;
    readonly rounding: 'down' | 'up' | 'nearest';
    readonly within: readonly number[];
  };
}

export type AggFn = 'sum' | 'count' | 'mean' | 'min' | 'max' | 'share';

export type Step =
  /** Fills `slot` row-wise; `round` is the definition's rounding point; `condition` stores 1 only for true. */
  | { readonly kind: 'compute'; readonly level: number; readonly slot: number; readonly expr: PExpr; readonly round?: number; readonly condition?: boolean }
  | {
    readonly kind: 'rank'; readonly level: number; readonly slot: number; readonly rank: number;
    readonly key: SortKeyPlan; readonly tiebreaks: readonly SortKeyPlan[]; readonly within: readonly number[]; readonly where?: number;
  }
  | {
    readonly kind: 'grade'; readonly level: number; readonly slot: number; readonly by: number;
    readonly where?: number; readonly ungraded?: number; readonly levels: readonly GradeLevelPlan[];
  }
  /** Over the members of the same group (`max(x within G where c)`). */
  | {
    readonly kind: 'groupAgg'; readonly level: number; readonly slot: number; readonly fn: AggFn;
    readonly value?: number; readonly within: readonly number[]; readonly where?: number;
  }
  /** Over the rows a member owns (`sum(效情形.分值 where c)`); `value`/`where` are slots of the rows level. */
  | {
    readonly kind: 'rowAgg'; readonly level: number; readonly slot: number; readonly fn: AggFn;
    readonly rows: number; readonly value?: number; readonly where?: number;
  }
  /** Periods of a member, clipped to the year and merged. */
  | {
    readonly kind: 'periodAgg'; readonly level: number; readonly slot: number; readonly fn: 'days' | 'longest' | 'overlap' | 'on';
    readonly rows: number; readonly where?: number; readonly rows2?: number; readonly where2?: number; readonly monthDay?: string;
  }
  /** `body@-back`: the body slot evaluated in an earlier year, aligned by id. */
  | { readonly kind: 'history'; readonly level: number; readonly slot: number; readonly body: number; readonly back: number }
  /** Consecutive years ending this one in which `cond` held. */
  | { readonly kind: 'streak'; readonly level: number; readonly slot: number; readonly cond: number };

export interface RankPlan {
  readonly index: number;
  readonly name: string;
  readonly level: number;
  readonly slot: number;
}

/** A `bottom/top/last/first` test on a rank with a constant amount: its boundary is checked for ties. */
export interface BoundarySite {
  readonly rank: number;
  readonly test: 'bottom' | 'top' | 'last' | 'first';
  readonly amount?: number;
  readonly share: boolean;
  /** As written, for the flag's message. */
  readonly text: string;
}

export interface DispositionPlan {
  readonly name: string;
  readonly level: number;
  readonly slot: number;
  readonly severity: number;
  readonly priority: number;
  readonly because: string | null;
  readonly candidates: readonly string[];
  readonly span: Span;
}

export interface Plan {
  readonly title: string;
  readonly levels: readonly Level[];
  /** All steps in an order where every step comes after the steps it reads in the same year. */
  readonly steps: readonly Step[];
  readonly ranks: readonly RankPlan[];
  readonly sites: readonly BoundarySite[];
  /** Per entity level, in decision order. */
  readonly dispositions: readonly DispositionPlan[];
  /** Per entity level: its decision slot (index by level; -1 for rows levels). */
  readonly decisionSlot: readonly number[];
  /** Slots evaluated in earlier years (history bodies and streaks), per level. */
  readonly historyRoots: readonly { readonly level: number; readonly slot: number }[];
}

/** The step that fills a slot. */
export function stepWrites(s: Step): { level: number; slot: number } {
  return { level: s.level, slot: s.slot };
}

/** Slots a step reads in the same year, as [level, slot] pairs. */
export function stepReads(s: Step, plan: Plan): [number, number][] {
  const out: [number, number][] = [];
  const L = s.level;
  const add = (level: number, slot: number | undefined) => { if (slot !== undefined) out.push([level, slot]); };
  const op = (o: Operand | undefined) => { if (o && 'slot' in o) add(L, o.slot); };
  switch (s.kind) {
    case 'compute': exprReads(s.expr, L, plan, out); break;
    case 'rank':
      add(L, s.key.slot);
      for (const t of s.tiebreaks) add(L, t.slot);
      for (const w of s.within) add(L, w);
      add(L, s.where);
      break;
    case 'grade':
      add(L, s.by); add(L, s.where); add(L, s.ungraded);
      for (const g of s.levels) { op(g.threshold); add(L, g.gate); for (const w of g.quota?.within ?? []) add(L, w); }
      break;
    case 'groupAgg':
      add(L, s.value); add(L, s.where);
      for (const w of s.within) add(L, w);
      break;
    case 'rowAgg': add(s.rows, s.value); add(s.rows, s.where); break;
    case 'periodAgg':
      add(s.rows, s.where);
      if (s.rows2 !== undefined) add(s.rows2, s.where2);
      break;
    case 'history': break;
    case 'streak': add(L, s.cond); break;
  }
  return out;
}

/** Slots an expression reads (including link slots and rank slots) as [level, slot] pairs. */
export function exprReads(e: PExpr, level: number, plan: Plan, out: [number, number][]): void {
  const via = (v: Via | undefined) => { if (v?.kind === 'link') out.push([level, v.slot]); };
  switch (e.op) {
    case 'num': case 'text': case 'unitId': return;
    case 'slot': out.push([e.level, e.slot]); via(e.via); return;
    case 'neg': case 'not': exprReads(e.a, level, plan, out); return;
    case 'arith': case 'cmp': case 'and': case 'or': case 'coalesce':
      exprReads(e.a, level, plan, out); exprReads(e.b, level, plan, out); return;
    case 'if': exprReads(e.cond, level, plan, out); exprReads(e.then, level, plan, out); exprReads(e.else, level, plan, out); return;
    case 'match':
      exprReads(e.subject, level, plan, out);
      for (const a of e.arms) exprReads(a.value, level, plan, out);
      if (e.otherwise) exprReads(e.otherwise, level, plan, out);
      return;
    case 'tiers':
      for (const a of e.arms) { exprReads(a.cond, level, plan, out); exprReads(a.value, level, plan, out); }
      if (e.otherwise) exprReads(e.otherwise, level, plan, out);
      return;
    case 'in': exprReads(e.a, level, plan, out); for (const x of e.set) exprReads(x, level, plan, out); return;
    case 'fn': for (const x of e.args) exprReads(x, level, plan, out); return;
    case 'round': exprReads(e.a, level, plan, out); return;
    case 'weighted': for (const it of e.items) exprReads(it.e, level, plan, out); return;
    case 'byKey': exprReads(e.key, level, plan, out); for (const c of e.cases) exprReads(c, level, plan, out); return;
    case 'rankTest': {
      const r = plan.ranks[e.rank.rank];
      out.push([r.level, r.slot]);
      via(e.rank.via);
      if (e.amount) exprReads(e.amount, level, plan, out);
      return;
    }
  }
}

/**
 * Orders steps so that each comes after every step it reads in the same year (history reads earlier
 * years and adds no edge). Among ready steps, row-wise steps of the level just worked on go first, so
 * that the compiler can fuse runs of them into one loop; otherwise the order of emission is kept.
 */
export function orderSteps(levels: readonly Level[], steps: readonly Step[], ranks: readonly RankPlan[]): Step[] {
  const writer = new Map<string, number>();
  steps.forEach((s, k) => writer.set(`${s.level}:${s.slot}`, k));
  const planLike = { ranks } as unknown as Plan;
  const deps = steps.map(s => {
    const d = new Set<number>();
    for (const [l, sl] of stepReads(s, planLike)) {
      const w = writer.get(`${l}:${sl}`);
      if (w !== undefined) d.add(w);
    }
    return [...d];
  });
  const users: number[][] = steps.map(() => []);
  const missing = deps.map(d => d.length);
  deps.forEach((d, k) => { for (const w of d) users[w].push(k); });
  const ready: number[] = [];
  missing.forEach((m, k) => { if (m === 0) ready.push(k); });
  const out: Step[] = [];
  let lastLevel = -1;
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    let pick = ready.findIndex(k => steps[k].kind === 'compute' && steps[k].level === lastLevel);
    if (pick < 0) pick = 0;
    const k = ready.splice(pick, 1)[0];
    out.push(steps[k]);
    lastLevel = steps[k].level;
    for (const u of users[k]) if (--missing[u] === 0) ready.push(u);
  }
  if (out.length !== steps.length) throw new Error(`plan: cycle among steps at level ${levels[steps[0]?.level ?? 0]?.name}`);
  return out;
}
