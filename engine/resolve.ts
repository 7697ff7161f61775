// Symbol tables of the merged rule set: one scope per level (cadre, each unit kind), lookup and "did you mean".
import type * as ast from '../grammar/ast.ts';
import type { Origin } from './model.ts';
import { IMPLICIT_FIELD_FORMS } from './builtins.ts';
import { compareIds as byCodePoint } from './result.ts';

/** One merged definition (an input declared with several names gives one entry per name). */
export interface DefEntry {
  readonly kind: 'def';
  readonly name: string;
  readonly ident: ast.Ident;
  readonly def: ast.Definition;
  readonly origin: Origin;
}

/** A unit kind with its merged definitions. */
export interface UnitEntry {
  readonly kind: 'unit';
  readonly name: string;
  readonly ident: ast.Ident;
  readonly block: ast.UnitBlock;
  readonly items: readonly DefEntry[];
  readonly origin: Origin;
}

export type Entry = DefEntry | UnitEntry;

export type ComputedDef = ast.ScoreDef | ast.WeightsDef | ast.TableDef | ast.RankDef | ast.GradeDef | ast.DispositionDef;
export type RowsDef = ast.RecordsDef | ast.EventsDef | ast.PeriodsDef;

export interface FieldSym {
  /** Canonical name (implicit fields: 日期, 情形, 分值, 起, 止). */
  readonly name: string;
  readonly decl?: ast.FieldDecl;
  readonly implicit: 'date' | 'situation' | 'points' | 'from' | 'to' | undefined;
}

export type Sym =
  | { readonly kind: 'enum'; readonly name: string; readonly entry: DefEntry; readonly def: ast.EnumDef; readonly members: ReadonlySet<string> }
  | { readonly kind: 'input'; readonly name: string; readonly entry: DefEntry; readonly def: ast.InputDef }
  | {
    readonly kind: 'rows'; readonly name: string; readonly entry: DefEntry; readonly def: RowsDef;
    readonly fields: ReadonlyMap<string, FieldSym>; readonly situations: ReadonlySet<string>;
  }
  | { readonly kind: 'computed'; readonly name: string; readonly entry: DefEntry; readonly def: ComputedDef }
  | { readonly kind: 'unit'; readonly name: string; readonly entry: UnitEntry; readonly scope: LevelScope };

export type RowsSym = Extract<Sym, { kind: 'rows' }>;
export type ComputedSym = Extract<Sym, { kind: 'computed' }>;

/** A member a bare name may stand for: of an enum, or a level of a grade. */
export interface MemberSym {
  readonly enumName: string;
  readonly member: string;
}

/** The names visible at one level. Unit levels see the top level's enums and unit kinds through `parent`. */
export class LevelScope {
  readonly symbols = new Map<string, Sym>();
  /** Symbols in merged order. */
  readonly order: Sym[] = [];
  /** Bare member names → the enums and grades having that member (own and parent's). */
  readonly members = new Map<string, MemberSym[]>();

  constructor(
    readonly level: 'cadre' | 'unit',
    readonly unitKind: string | undefined,
    readonly parent: LevelScope | undefined,
  ) {}

  add(sym: Sym): void {
    if (this.symbols.has(sym.name)) return;
    this.symbols.set(sym.name, sym);
    this.order.push(sym);
  }

  addMember(m: MemberSym): void {
    const list = this.members.get(m.member);
    if (!list) this.members.set(m.member, [m]);
    else if (!list.some(x => x.enumName === m.enumName)) list.push(m);
  }

  /** Own symbols first; from the parent only enums and unit kinds (a unit cannot read cadre values). */
  lookup(name: string): Sym | undefined {
    const own = this.symbols.get(name);
    if (own) return own;
    const up = this.parent?.lookup(name);
    return up && (up.kind === 'enum' || up.kind === 'unit') ? up : undefined;
  }

  /** Every name a reader could have meant at this level, for suggestions. */
  visibleNames(): string[] {
    const names = [...this.symbols.keys()];
    if (this.parent) for (const s of this.parent.order) if (s.kind === 'enum' || s.kind === 'unit') names.push(s.name);
    return names;
  }

  /** Looks a bare member name up; own level first, then the parent's enums. */
  memberCandidates(name: string): readonly MemberSym[] {
    const own = this.members.get(name) ?? [];
    const up = this.parent?.memberCandidates(name) ?? [];
    if (up.length === 0) return own;
    if (own.length === 0) return up;
    return [...own, ...up.filter(u => !own.some(o => o.enumName === u.enumName))];
  }
}

function rowsSym(entry: DefEntry, def: RowsDef): RowsSym {
  const fields = new Map<string, FieldSym>();
  const implicit: [string, FieldSym['implicit']][] = def.kind === 'EventsDef'
    ? [['日期', 'date'], ['情形', 'situation'], ['分值', 'points']]
    : def.kind === 'PeriodsDef' ? [['起', 'from'], ['止', 'to']] : [];
  for (const [name, id] of implicit) fields.set(name, { name, implicit: id });
  for (const f of def.fields) if (f.name.name && !fields.has(f.name.name)) fields.set(f.name.name, { name: f.name.name, decl: f, implicit: undefined });
  const situations = new Set<string>();
  if (def.kind === 'EventsDef') for (const s of def.situations) situations.add(s.name.name);
  return { kind: 'rows', name: entry.name, entry, def, fields, situations };
}

/** The symbol of one merged definition entry. */
export function symbolOf(entry: DefEntry): Sym {
  const def = entry.def;
  switch (def.kind) {
    case 'EnumDef': return { kind: 'enum', name: entry.name, entry, def, members: new Set(def.members.map(m => m.name)) };
    case 'InputDef': return { kind: 'input', name: entry.name, entry, def };
    case 'RecordsDef': case 'EventsDef': case 'PeriodsDef': return rowsSym(entry, def);
    default: return { kind: 'computed', name: entry.name, entry, def };
  }
}

/** Builds the scope of one level from its merged entries (units get their own child scopes). */
export function buildScope(entries: readonly Entry[], level: 'cadre' | 'unit', unitKind?: string, parent?: LevelScope): LevelScope {
  const scope = new LevelScope(level, unitKind, parent);
  for (const e of entries) {
    if (e.kind === 'unit') {
      const child = new LevelScope('unit', e.name, scope);
      for (const item of e.items) addEntry(child, item);
      scope.add({ kind: 'unit', name: e.name, entry: e, scope: child });
    } else {
      addEntry(scope, e);
    }
  }
  return scope;
}

function addEntry(scope: LevelScope, e: DefEntry): void {
  const sym = symbolOf(e);
  scope.add(sym);
  if (sym.kind === 'enum') for (const m of sym.members) scope.addMember({ enumName: sym.name, member: m });
  if (sym.kind === 'computed' && sym.def.kind === 'GradeDef') {
    for (const l of sym.def.levels) if (l.name.name) scope.addMember({ enumName: sym.name, member: l.name.name });
  }
}

/** A field of a rows table by written name: declared names, implicit ones in either language. */
export function lookupField(rows: RowsSym, name: string): FieldSym | undefined {
  const direct = rows.fields.get(name);
  if (direct) return direct;
  const canonical = IMPLICIT_FIELD_FORMS.get(name);
  const f = canonical ? rows.fields.get(canonical) : undefined;
  return f && f.implicit ? f : undefined;
}

/** Edit distance over code points, with an early exit above `limit`. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[t.length];
}

/**
 * Names close to `name`, best first (ties by code point), at most `max`. A name counts as close
 * within one edit per three characters (at least one), so a single mistyped character of a
 * two-character Chinese name is still found.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const len = [...name].length;
  const limit = Math.max(1, Math.floor(len / 3));
  const scored: { n: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!c || c === name || seen.has(c)) continue;
    seen.add(c);
    const d = editDistance(name, c, limit);
    if (d <= limit && d < Math.max(len, [...c].length)) scored.push({ n: c, d });
  }
  scored.sort((x, y) => x.d - y.d || byCodePoint(x.n, y.n));
  return scored.slice(0, max).map(s => s.n);
}
