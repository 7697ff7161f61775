// The plan under construction while lowering: levels and their slots, steps, ranks, and the lookups
// (slot of a name, value kind of a type, members of an enum) every lowerer shares.
import type * as ast from '../grammar/ast.ts';
import type { ComputedInfo, LevelModel, Resolution, RuleSetModel, Type } from './model.ts';
import type { BoundarySite, CodeSpace, DispositionPlan, Level, Operand, PExpr, RankPlan, Slot, Step, ValueKind } from './plan.ts';
import { DECISION_ENUM } from './types.ts';
import { lowerExpr } from './lower-expr.ts';

/** Where an expression is lowered: an entity level, and inside a rows `where`, the rows level. */
export interface Ctx {
  readonly level: number;
  readonly rows?: number;
}

/** Lowering state shared by the expression, call and definition lowerers. */
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
    if (enumName === DECISION_ENUM) return this.dispositions.filter(d => d.level === entity).map(d => d.name);
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

  findComputed(level: number, name: string): ComputedInfo | undefined {
    return this.levelModels.get(this.entityOf(level))?.computed.find(c => c.name === name);
  }

  /** Lowers an expression at `ctx.level` (an entity level), or in the rows of `ctx.rows` inside a `where`. */
  expr(e: ast.Expr, ctx: Ctx, expected?: Type): PExpr {
    return lowerExpr(this, e, ctx, expected);
  }

  /** A new hidden slot holding the year `back` years before of `bodySlot` (aligned by id). */
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
