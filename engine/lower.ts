// Lowering: checked model → plan. Names become slots, barrier sub-expressions (aggregates, ranks, history)
// become hidden slots filled by their own steps, and steps are put in dependency order.
import type * as ast from '../grammar/ast.ts';
import type { ComputedInfo, LevelModel, Resolution, RuleSetModel, Type } from './model.ts';
import type { AggFn, BoundarySite, CodeSpace, DispositionPlan, Level, Operand, PExpr, Plan, RankPlan, Slot, Step, ValueKind } from './plan.ts';
import { orderSteps } from './plan.ts';
import { scaledWeights } from './decimal.ts';
import { collectSites } from './rank.ts';
import { dispositionOrder } from './dispose.ts';
import { parseDate } from './dates.ts';

/** The pseudo-enum of `决定`: its members are the level's dispositions. */
export const DECISION = '决定';

/** Lowering state shared by the expression and call lowerers. */
export class Lowering {
  readonly levels: Level[] = [];
  readonly steps: Step[] = [];
  readonly ranks: RankPlan[] = [];
  readonly sites: BoundarySite[] = [];
  readonly dispositions: DispositionPlan[] = [];
  readonly historyRoots: { level: number; slot: number }[] = [];
  /** Entity level index by unit kind ('' for cadres); rows level by table name. */
  readonly entityByKind = new Map<string, number>();
  readonly rowsByTable = new Map<string, number>();
  readonly levelModels = new Map<number, LevelModel>();
  readonly decisionSlot: number[] = [];
  private readonly rankBySlot = new Map<string, number>();

  constructor(readonly model: RuleSetModel) {}

  type(e: ast.Expr): Type {
    return this.model.types.get(e) ?? { kind: 'error' };
  }

  res(n: ast.Node): Resolution | undefined {
    return this.model.resolutions.get(n);
  }

  /** Text of a node as written (for messages and explanations). */
  text(n: { span: ast.Node['span'] }, file?: string): string {
    const f = this.model.files.find(x => x.file === file) ?? this.model.files[0];
    return f ? f.text.slice(n.span.start, n.span.end) : '';
  }

  slotOf(level: number, name: string): number {
    const s = this.levels[level].slots.find(x => x.name === name && x.role !== 'hidden');
    if (!s) throw new Error(`lower: no slot ${name} at level ${this.levels[level].name}`);
    return s.index;
  }

  addSlot(level: number, s: Omit<Slot, 'index'>): number {
    const slots = this.levels[level].slots;
    slots.push({ ...s, index: slots.length });
    return slots.length - 1;
  }

  /** A new hidden slot at `level`, filled by a step built from its index. */
  hidden(level: number, name: string, value: ValueKind, codes: CodeSpace | undefined, make: (slot: number) => Step): number {
    const type: Type = value === 'bool' ? { kind: 'bool' } : value === 'date' ? { kind: 'date' } : { kind: 'number' };
    const slot = this.addSlot(level, { name, role: 'hidden', type, value, codes, presented: false });
    this.steps.push(make(slot));
    return slot;
  }

  /** The slot holding an expression's value at `level` (reusing a plain slot reference). */
  toSlot(e: PExpr, level: number, name: string, value: ValueKind = 'number', codes?: CodeSpace): number {
    if (e.op === 'slot' && e.level === level && !e.via) return e.slot;
    return this.hidden(level, name, value, codes, slot => ({ kind: 'compute', level, slot, expr: e }));
  }

  /** Value kind and code space of a type at a level. */
  kindOf(t: Type, level: number): { value: ValueKind; codes?: CodeSpace } {
    switch (t.kind) {
      case 'bool': return { value: 'bool' };
      case 'date': return { value: 'date' };
      case 'text': case 'group': return { value: 'code', codes: { kind: 'intern' } };
      case 'unitRef': return { value: 'code', codes: { kind: 'unit', level: this.entityByKind.get(t.unitKind) ?? -1 } };
      case 'enum': return { value: 'code', codes: { kind: 'labels', labels: this.labelsOf(t.enumName, level) } };
      default: return { value: 'number' };
    }
  }

  /** Members of an enum-like type: enum, grade levels, situations, or the level's dispositions. */
  labelsOf(enumName: string, level: number): readonly string[] {
    const en = this.model.enums.find(x => x.name === enumName);
    if (en) return en.members;
    const entity = this.entityOf(level);
    const lm = this.levelModels.get(entity);
    if (enumName === DECISION) return this.dispositions.filter(d => d.level === entity).map(d => d.name);
    for (const m of [lm, this.model.cadre, ...this.model.units]) {
      const g = m?.computed.find(c => c.name === enumName && c.def.kind === 'GradeDef');
      if (g && g.def.kind === 'GradeDef') return g.def.levels.map(l => l.name.name);
      const tb = m?.tables.find(x => x.name === enumName);
      if (tb) return tb.situations.map(s => s.name);
    }
    return [];
  }

  entityOf(level: number): number {
    const l = this.levels[level];
    return l.kind === 'rows' ? l.owner! : level;
  }

  rankIndex(level: number, name: string): number {
    const r = this.rankBySlot.get(`${level}:${name}`);
    if (r === undefined) throw new Error(`lower: ${name} is not a rank`);
    return r;
  }

  registerRank(level: number, name: string, slot: number): number {
    const index = this.ranks.length;
    this.ranks.push({ index, name, level, slot });
    this.rankBySlot.set(`${level}:${name}`, index);
    return index;
  }

  /** Lowers an expression at `ctx.level` (an entity level), or in the rows of `ctx.rows` inside a `where`. */
  expr(e: ast.Expr, ctx: Ctx, expected?: Type): PExpr {
    switch (e.kind) {
      case 'NumberLit': case 'PercentLit': return { op: 'num', value: e.value };
      case 'BoolLit': return { op: 'num', value: e.value ? 1 : 0 };
      case 'MissingLit': return { op: 'num', value: NaN };
      case 'StringLit': return this.stringConst(e.value, expected ?? this.type(e));
      case 'Paren': return this.expr(e.expr, ctx, expected);
      case 'NameRef': case 'MemberAccess': return this.name(e, ctx);
      case 'Unary': return e.op === '-' ? { op: 'neg', a: this.expr(e.operand, ctx) } : { op: 'not', a: this.expr(e.operand, ctx) };
      case 'Binary': return this.binary(e, ctx);
      case 'InSet': {
        const t = this.type(e.value);
        return { op: 'in', exact: !numericLike(t), a: this.expr(e.value, ctx), set: e.set.map(x => this.expr(x, ctx, t)) };
      }
      case 'If': return { op: 'if', cond: this.expr(e.cond, ctx), then: this.expr(e.then, ctx), else: this.expr(e.else, ctx) };
      case 'Match': return this.match(e, ctx);
      case 'Tiers': {
        const arms = e.arms.filter(a => a.cond !== 'else').map(a => ({ cond: this.expr(a.cond as ast.Expr, ctx), value: this.expr(a.value, ctx) }));
        const other = e.arms.find(a => a.cond === 'else');
        return { op: 'tiers', arms, otherwise: other ? this.expr(other.value, ctx) : undefined };
      }
      case 'Weighted': return e.table ? this.weightsTable(e.table.name, ctx) : this.weighted(e.items ?? [], ctx);
      case 'History': return this.history(e.expr, e.yearsBack, ctx);
      case 'Call': return lowerCall(this, e, ctx);
    }
  }

  stringConst(text: string, t: Type): PExpr {
    if (t.kind === 'date') return { op: 'num', value: parseDate(text) };
    if (t.kind === 'unitRef') return { op: 'unitId', level: this.entityByKind.get(t.unitKind) ?? -1, id: text };
    return { op: 'text', text };
  }

  private name(e: ast.NameRef | ast.MemberAccess, ctx: Ctx): PExpr {
    const r = this.res(e);
    if (!r) throw new Error(`lower: unresolved name at ${e.span.start}`);
    const entity = ctx.level;
    const fromOwner = ctx.rows !== undefined ? { kind: 'owner' as const } : undefined;
    switch (r.kind) {
      case 'input': case 'computed': {
        const level = r.level === 'cadre' ? this.entityByKind.get('')! : entity;
        return { op: 'slot', level, slot: this.slotOf(level, r.name), via: fromOwner };
      }
      case 'field': {
        const rows = this.rowsByTable.get(r.table)!;
        return { op: 'slot', level: rows, slot: this.slotOf(rows, r.field) };
      }
      case 'member': return { op: 'num', value: this.labelsOf(r.enumName, entity).indexOf(r.member) };
      case 'situation': return { op: 'num', value: this.labelsOf(r.table, entity).indexOf(r.situation) };
      case 'disposition': {
        const t = this.type(e);
        if (t.kind === 'enum') return { op: 'num', value: this.labelsOf(DECISION, entity).indexOf(r.name) };
        return { op: 'slot', level: entity, slot: this.slotOf(entity, r.name), via: fromOwner };
      }
      case 'decision': return { op: 'slot', level: entity, slot: this.decisionSlot[entity], via: fromOwner };
      case 'unitValue': {
        const unit = this.entityByKind.get(r.unitKind)!;
        const link = this.slotOf(entity, r.link);
        if (fromOwner) {
          // Inside a where: read the owner's link, then the unit (through a hidden slot at the owner level).
          const at = this.toSlot({ op: 'slot', level: unit, slot: this.slotOf(unit, r.name), via: { kind: 'link', slot: link } }, entity, `${r.link}.${r.name}`);
          return { op: 'slot', level: entity, slot: at, via: fromOwner };
        }
        return { op: 'slot', level: unit, slot: this.slotOf(unit, r.name), via: { kind: 'link', slot: link } };
      }
      case 'table': throw new Error('lower: rows used outside an aggregate');
      case 'builtinFunction': throw new Error('lower: function used as a value');
    }
  }

  private binary(e: ast.Binary, ctx: Ctx): PExpr {
    const lt = this.type(e.left), rt = this.type(e.right);
    switch (e.op) {
      case '+': case '-': case '*': case '/':
        return { op: 'arith', fn: e.op, a: this.expr(e.left, ctx), b: this.expr(e.right, ctx) };
      case 'and': case 'or': return { op: e.op, a: this.expr(e.left, ctx), b: this.expr(e.right, ctx) };
      case '??': return { op: 'coalesce', a: this.expr(e.left, ctx), b: this.expr(e.right, ctx) };
      default: {
        const exact = !numericLike(lt) || !numericLike(rt);
        return { op: 'cmp', fn: e.op, exact, a: this.expr(e.left, ctx, rt), b: this.expr(e.right, ctx, lt) };
      }
    }
  }

  private match(e: ast.Match, ctx: Ctx): PExpr {
    const t = this.type(e.subject);
    const labels = t.kind === 'enum' ? this.labelsOf(t.enumName, ctx.level) : [];
    const arms: { values: number[]; value: PExpr }[] = [];
    let otherwise: PExpr | undefined;
    for (const a of e.arms) {
      if (a.patterns === 'else') { otherwise = this.expr(a.value, ctx); continue; }
      const values = a.patterns.map(p => (p.kind === 'NumberLit' ? p.value : labels.indexOf(p.name)));
      arms.push({ values, value: this.expr(a.value, ctx) });
    }
    return { op: 'match', exact: t.kind !== 'error' && !numericLike(t), subject: this.expr(e.subject, ctx), arms, otherwise };
  }

  weighted(items: readonly ast.WeightItem[], ctx: Ctx): PExpr {
    const { weights, divisor } = scaledWeights(items.map(i => i.weight.text));
    const out: { e: PExpr; w: number }[] = [];
    items.forEach((it, k) => { if (weights[k] !== 0) out.push({ e: this.expr(it.expr, ctx), w: weights[k] }); });
    return { op: 'weighted', items: out, divisor };
  }

  private weightsTable(name: string, ctx: Ctx): PExpr {
    const info = this.findComputed(ctx.level, name);
    if (!info || info.def.kind !== 'WeightsDef') throw new Error(`lower: ${name} is not a weights table`);
    const def = info.def;
    return this.byKey(def.by, ctx, m => {
      const row = def.rows.find(r => r.member.name === m);
      return row ? this.weighted(row.items, ctx) : undefined;
    });
  }

  /** A value chosen by the member of an enum key; members without a case give missing. */
  byKey(keyExpr: ast.Expr, ctx: Ctx, caseOf: (member: string) => PExpr | undefined): PExpr {
    const t = this.type(keyExpr);
    const labels = t.kind === 'enum' ? this.labelsOf(t.enumName, ctx.level) : [];
    const cases = labels.map(m => caseOf(m) ?? { op: 'num' as const, value: NaN });
    return { op: 'byKey', key: this.expr(keyExpr, ctx), cases };
  }

  findComputed(level: number, name: string): ComputedInfo | undefined {
    return this.levelModels.get(this.entityOf(level))?.computed.find(c => c.name === name);
  }

  /** `body@-back`: the body's slot is evaluated in the earlier year and aligned by id. */
  history(body: ast.Expr, back: number, ctx: Ctx): PExpr {
    const level = ctx.level;
    const b = this.expr(body, { level });
    const kind = this.kindOf(this.type(body), level);
    const bodySlot = this.toSlot(b, level, `history-body`, kind.value, kind.codes);
    return this.historyOf(level, bodySlot, back, kind.value, kind.codes, ctx);
  }

  historyOf(level: number, bodySlot: number, back: number, value: ValueKind, codes: CodeSpace | undefined, ctx: Ctx): PExpr {
    this.historyRoots.push({ level, slot: bodySlot });
    const slot = this.hidden(level, `history-${back}`, value, codes, s => ({ kind: 'history', level, slot: s, body: bodySlot, back }));
    return { op: 'slot', level, slot, via: ctx.rows !== undefined ? { kind: 'owner' } : undefined };
  }

  /** Slots for aggregate pieces at an entity level. */
  entitySlot(e: ast.Expr, level: number, name: string): number {
    const k = this.kindOf(this.type(e), level);
    return this.toSlot(this.expr(e, { level }), level, name, k.value, k.codes);
  }

  /** A `where` over rows, as a slot of the rows level. */
  rowsSlot(e: ast.Expr, entity: number, rows: number, name: string): number {
    return this.toSlot(this.expr(e, { level: entity, rows }), rows, name, 'bool');
  }

  operand(e: ast.Expr | undefined, level: number, name: string): Operand | undefined {
    if (!e) return undefined;
    const inner = e.kind === 'Paren' ? e.expr : e;
    if (inner.kind === 'NumberLit' || inner.kind === 'PercentLit') return { value: inner.value };
    return { slot: this.entitySlot(e, level, name) };
  }

}

/** Where an expression is lowered: an entity level, and inside a rows `where`, the rows level. */
export interface Ctx {
  readonly level: number;
  readonly rows?: number;
}

function numericLike(t: Type): boolean {
  return t.kind === 'points' || t.kind === 'percent' || t.kind === 'number' || t.kind === 'count' || t.kind === 'date' || t.kind === 'error';
}

/** Model → plan. Throws only on broken invariants (a model the checker accepted is always lowered). */
export function lower(model: RuleSetModel): Plan {
  const L = new Lowering(model);
  declareLevels(L);
  for (const [level, lm] of L.levelModels) lowerLevel(L, level, lm);
  for (const site of collectSites(model)) {
    const level = L.entityByKind.get(site.unitKind ?? '')!;
    L.sites.push({ rank: L.rankIndex(level, site.rank), test: site.test, amount: site.amount, share: site.share, text: site.text });
  }
  const steps = orderSteps(L.levels, L.steps, L.ranks);
  return {
    title: model.title, levels: L.levels, steps, ranks: L.ranks, sites: L.sites, dispositions: L.dispositions,
    decisionSlot: L.levels.map((_, i) => L.decisionSlot[i] ?? -1), historyRoots: L.historyRoots,
  };
}

function declareLevels(L: Lowering): void {
  const model = L.model;
  const entities: LevelModel[] = [model.cadre, ...model.units];
  entities.forEach((lm, k) => {
    const kind = lm.level === 'cadre' ? '' : lm.unitKind!;
    L.levels.push({ index: k, kind: lm.level, name: lm.level === 'cadre' ? 'cadre' : kind, slots: [] });
    L.entityByKind.set(kind, k);
    L.levelModels.set(k, lm);
  });
  entities.forEach((lm, k) => {
    for (const t of lm.tables) {
      const index = L.levels.length;
      L.levels.push({ index, kind: 'rows', name: t.name, owner: k, rowsKind: t.kind, slots: [] });
      L.rowsByTable.set(t.name, index);
    }
  });
  // Dispositions first: the decision's code space (决定) is the level's dispositions in decision order.
  entities.forEach((lm, k) => declareDispositions(L, k, lm));
  entities.forEach((lm, k) => {
    for (const i of lm.inputs) L.addSlot(k, { name: i.name, role: 'input', type: i.type, ...L.kindOf(i.type, k), presented: true });
    for (const c of lm.computed) {
      if (c.def.kind === 'WeightsDef' || c.def.kind === 'DispositionDef') continue;
      const slot = L.addSlot(k, { name: c.name, role: 'computed', type: c.type, ...L.kindOf(c.type, k), presented: true });
      if (c.def.kind === 'RankDef') L.registerRank(k, c.name, slot);
    }
    for (const t of lm.tables) {
      const rows = L.rowsByTable.get(t.name)!;
      for (const f of t.fields) L.addSlot(rows, { name: f.name, role: 'field', type: f.type, ...L.kindOf(f.type, rows), presented: false });
      if (t.kind === 'events') {
        const points = L.levels[rows].slots.find(s => s.name === '分值');
        const sit = L.levels[rows].slots.find(s => s.name === '情形');
        if (points && sit) {
          L.levels[rows].slots[points.index] = { ...points, catalogue: { situationSlot: sit.index, points: t.situations.map(s => s.points) } };
        }
      }
    }
  });
}

function declareDispositions(L: Lowering, level: number, lm: LevelModel): void {
  const sorted = dispositionOrder(L.model, lm);
  for (const def of sorted) {
    const slot = L.addSlot(level, { name: def.name.name, role: 'disposition', type: { kind: 'bool' }, value: 'bool', presented: false });
    L.dispositions.push({
      name: def.name.name, level, slot, severity: def.severity.value, priority: def.priority?.value ?? 0,
      because: def.because?.value ?? null, candidates: def.candidates.map(x => x.name), span: def.span,
    });
  }
  if (sorted.length > 0) {
    const labels = sorted.map(d => d.name.name);
    L.decisionSlot[level] = L.addSlot(level, {
      name: DECISION, role: 'decision', type: { kind: 'enum', enumName: DECISION }, value: 'code', codes: { kind: 'labels', labels }, presented: false,
    });
  }
}

function lowerLevel(L: Lowering, level: number, lm: LevelModel): void {
  const ctx: Ctx = { level };
  for (const c of lm.computed) {
    const def = c.def;
    switch (def.kind) {
      case 'WeightsDef': break;
      case 'ScoreDef':
        L.steps.push({ kind: 'compute', level, slot: L.slotOf(level, c.name), expr: L.expr(def.expr, ctx), round: def.round?.value });
        break;
      case 'TableDef':
        L.steps.push({
          kind: 'compute', level, slot: L.slotOf(level, c.name),
          expr: L.byKey(def.by, ctx, m => {
            const row = def.rows.find(r => r.member !== 'else' && r.member.name === m) ?? def.rows.find(r => r.member === 'else');
            return row ? L.expr(row.value, ctx) : undefined;
          }),
        });
        break;
      case 'RankDef': {
        const slot = L.slotOf(level, c.name);
        L.steps.push({
          kind: 'rank', level, slot, rank: L.rankIndex(level, c.name),
          key: { slot: L.entitySlot(def.key.expr, level, `${c.name}.key`), desc: def.key.direction === 'desc' },
          tiebreaks: def.tiebreak.map((t, k) => ({ slot: L.entitySlot(t.expr, level, `${c.name}.tiebreak${k}`), desc: t.direction === 'desc' })),
          within: def.within.map((w, k) => L.entitySlot(w, level, `${c.name}.within${k}`)),
          where: def.where ? L.entitySlot(def.where, level, `${c.name}.where`) : undefined,
        });
        break;
      }
      case 'GradeDef':
        L.steps.push({
          kind: 'grade', level, slot: L.slotOf(level, c.name), by: L.entitySlot(def.by, level, `${c.name}.by`),
          where: def.where ? L.entitySlot(def.where, level, `${c.name}.where`) : undefined,
          ungraded: def.ungradedWhen ? L.entitySlot(def.ungradedWhen, level, `${c.name}.ungraded`) : undefined,
          levels: def.levels.map(g => ({
            name: g.name.name, op: g.op, threshold: L.operand(g.threshold, level, `${c.name}.${g.name.name}.threshold`),
            gate: g.unless ? L.entitySlot(g.unless, level, `${c.name}.${g.name.name}.unless`) : undefined,
            quota: g.quota ? {
              share: g.quota.amount.kind === 'PercentLit' ? g.quota.amount.value : undefined,
              count: g.quota.amount.kind === 'NumberLit' ? g.quota.amount.value : undefined,
              rounding: g.quota.rounding ?? 'down',
              within: g.quota.within.map((w, k) => L.entitySlot(w, level, `${c.name}.${g.name.name}.pool${k}`)),
            } : undefined,
          })),
        });
        break;
      case 'DispositionDef':
        L.steps.push({ kind: 'compute', level, slot: L.slotOf(level, c.name), expr: L.expr(def.when, ctx), condition: true });
        break;
    }
  }
  const d = L.dispositions.filter(x => x.level === level);
  if (d.length > 0) {
    // The first disposition that fired, in decision order; missing when none, or when it proposes candidates.
    L.steps.push({
      kind: 'compute', level, slot: L.decisionSlot[level],
      expr: { op: 'tiers', arms: d.map((x, k) => ({ cond: { op: 'slot', level, slot: x.slot }, value: { op: 'num', value: x.candidates.length ? NaN : k } })) },
    });
  }
}

function callId(L: Lowering, e: ast.Call): string {
  const r = L.res(e.callee) ?? L.res(e);
  if (r?.kind !== 'builtinFunction') throw new Error(`lower: unresolved function ${e.callee.name}`);
  return r.id;
}

function arg(e: ast.Call, k: number): ast.Expr {
  const a = e.args[k];
  if (!a || a.kind === 'RangeLit') throw new Error(`lower: argument ${k} of ${e.callee.name}`);
  return a;
}

/** Builtin calls: plain functions, aggregates (rows, group, values), periods, rank tests, streak and years. */
function lowerCall(L: Lowering, e: ast.Call, ctx: Ctx): PExpr {
  const id = callId(L, e);
  const level = ctx.level;
  const via = ctx.rows !== undefined ? { kind: 'owner' as const } : undefined;
  const ref = (slot: number): PExpr => ({ op: 'slot', level, slot, via });
  switch (id) {
    case 'abs': case 'floor': case 'ceil': case 'has': case 'month': case 'quarter': case 'clamp':
      return { op: 'fn', fn: id, args: e.args.map((_, k) => L.expr(arg(e, k), ctx)) };
    case 'sum': case 'count': case 'mean': case 'min': case 'max': case 'share': {
      const fn = id as AggFn;
      if (e.within) {
        const value = e.args[0] ? L.entitySlot(arg(e, 0), level, `${id}.value`) : undefined;
        const within = e.within.map((w, k) => L.entitySlot(w, level, `${id}.within${k}`));
        const where = e.where ? L.entitySlot(e.where, level, `${id}.where`) : undefined;
        return ref(L.hidden(level, id, 'number', undefined, slot => ({ kind: 'groupAgg', level, slot, fn, value, within, where })));
      }
      const first = e.args[0] && e.args[0].kind !== 'RangeLit' ? e.args[0] : undefined;
      const t = first ? L.type(first) : undefined;
      if (first && t?.kind === 'rows') {
        const rows = L.rowsByTable.get(t.table)!;
        const value = t.field !== undefined ? L.slotOf(rows, t.field) : undefined;
        const where = e.where ? L.rowsSlot(e.where, level, rows, `${id}.where`) : undefined;
        const isDate = value !== undefined && (fn === 'min' || fn === 'max') && L.levels[rows].slots[value].value === 'date';
        return ref(L.hidden(level, id, isDate ? 'date' : 'number', undefined, slot => ({ kind: 'rowAgg', level, slot, fn, rows, value, where })));
      }
      const args = e.args.map((_, k) => L.expr(arg(e, k), ctx));
      return { op: 'fn', fn: id === 'count' || id === 'share' ? 'sum' : id, args };
    }
    case 'days': case 'longest': case 'overlap': case 'on': {
      const table = (x: ast.Expr) => { const t = L.type(x); return t.kind === 'rows' ? L.rowsByTable.get(t.table)! : -1; };
      const rows = table(arg(e, 0));
      const where = e.where ? L.rowsSlot(e.where, level, rows, `${id}.where`) : undefined;
      const rows2 = id === 'overlap' ? table(arg(e, 1)) : undefined;
      const w2 = e.argWhere?.[1];
      const where2 = rows2 !== undefined && w2 ? L.rowsSlot(w2, level, rows2, `${id}.where2`) : undefined;
      const second = e.args[1];
      const monthDay = id === 'on' && second && second.kind === 'StringLit' ? second.value : undefined;
      const value = id === 'on' ? 'bool' : 'number';
      return ref(L.hidden(level, id, value, undefined, slot => ({ kind: 'periodAgg', level, slot, fn: id, rows, where, rows2, where2, monthDay })));
    }
    case 'bottom': case 'top': case 'last': case 'first': case 'size': {
      const target = arg(e, 0);
      const r = L.res(target);
      let rank: number;
      let rankVia: { kind: 'link'; slot: number } | undefined;
      if (r?.kind === 'unitValue') {
        rank = L.rankIndex(L.entityByKind.get(r.unitKind)!, r.name);
        rankVia = { kind: 'link', slot: L.slotOf(level, r.link) };
      } else if (r?.kind === 'computed') {
        rank = L.rankIndex(level, r.name);
      } else throw new Error('lower: rank test without a rank');
      const amountExpr = id === 'bottom' || id === 'top' ? arg(e, 1) : undefined;
      const share = amountExpr ? L.type(amountExpr).kind === 'percent' : false;
      const test: PExpr = { op: 'rankTest', test: id, rank: { rank, via: rankVia }, amount: amountExpr ? L.expr(amountExpr, { level }) : undefined, share };
      return ctx.rows !== undefined ? ref(L.toSlot(test, level, id, id === 'size' ? 'number' : 'bool')) : test;
    }
    case 'streak': {
      const cond = L.toSlot(L.expr(arg(e, 0), { level }), level, 'streak.cond', 'bool');
      const slot = L.hidden(level, 'streak', 'number', undefined, s => ({ kind: 'streak', level, slot: s, cond }));
      L.historyRoots.push({ level, slot });
      return ref(slot);
    }
    case 'years': {
      const cond = L.toSlot(L.expr(arg(e, 0), { level }), level, 'years.cond', 'bool');
      const w = e.args[1];
      if (!w || w.kind !== 'RangeLit') throw new Error('lower: years without a window');
      let sum: PExpr | undefined;
      for (let k = w.low.value; k <= w.high.value; k++) {
        const v: PExpr = k === 0 ? { op: 'slot', level, slot: cond } : L.historyOf(level, cond, -k, 'bool', undefined, { level });
        const one: PExpr = { op: 'if', cond: v, then: { op: 'num', value: 1 }, else: { op: 'num', value: 0 } };
        sum = sum ? { op: 'arith', fn: '+', a: sum, b: one } : one;
      }
      const total = sum ?? { op: 'num', value: 0 };
      return ctx.rows !== undefined ? ref(L.toSlot(total, level, 'years')) : total;
    }
    default: throw new Error(`lower: unknown function ${id}`);
  }
}
