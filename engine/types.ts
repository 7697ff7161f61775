// The type and unit rules of the language: type constants, names for messages, and the algebra of operators.
import type { Type } from './model.ts';

type SimpleKind = 'points' | 'percent' | 'number' | 'count' | 'bool' | 'text' | 'group' | 'date';

function simple(kind: SimpleKind): Type {
  return Object.freeze({ kind });
}

/** Shared instances of the simple types (compare by `kind`, never by identity). */
export const T = {
  points: simple('points'),
  percent: simple('percent'),
  number: simple('number'),
  count: simple('count'),
  bool: simple('bool'),
  text: simple('text'),
  group: simple('group'),
  date: simple('date'),
  error: Object.freeze({ kind: 'error' }) as Type,
} as const;

/**
 * The pseudo-enum of `决定`/`decision`: its members are the dispositions of the level.
 * Grades and events catalogues are enums too: a grade's value is `enum <grade name>` (members:
 * its levels), an events table's 情形 field is `enum <table name>` (members: its situations).
 */
export const DECISION_ENUM = '决定';

export function enumType(enumName: string): Type {
  return { kind: 'enum', enumName };
}

export function unitRefType(unitKind: string): Type {
  return { kind: 'unitRef', unitKind };
}

export function rowsType(table: string, field?: string): Type {
  return field === undefined ? { kind: 'rows', table } : { kind: 'rows', table, field };
}

/** The written built-in type names (both languages) → type. */
export const BUILTIN_TYPE_KINDS: ReadonlyMap<string, SimpleKind> = new Map<string, SimpleKind>([
  ['points', 'points'], ['分值', 'points'],
  ['percent', 'percent'], ['百分比', 'percent'],
  ['number', 'number'], ['数值', 'number'],
  ['count', 'count'], ['次数', 'count'],
  ['bool', 'bool'], ['是否', 'bool'],
  ['text', 'text'], ['文本', 'text'],
  ['group', 'group'], ['分组', 'group'],
  ['date', 'date'], ['日期', 'date'],
]);

export function builtinType(name: string): Type | undefined {
  const k = BUILTIN_TYPE_KINDS.get(name);
  return k ? T[k] : undefined;
}

export function isError(t: Type): boolean {
  return t.kind === 'error';
}

/** points, percent, number, count: the kinds arithmetic works on. */
export function isNumeric(t: Type): boolean {
  return t.kind === 'points' || t.kind === 'percent' || t.kind === 'number' || t.kind === 'count';
}

/** Kinds that may only be compared for (in)equality and set membership. */
export function isDiscrete(t: Type): boolean {
  return t.kind === 'text' || t.kind === 'group' || t.kind === 'enum' || t.kind === 'unitRef';
}

/** What `within` accepts: a value that splits people into groups. */
export function isGroupable(t: Type): boolean {
  return t.kind === 'group' || t.kind === 'enum' || t.kind === 'unitRef' || t.kind === 'text' || t.kind === 'error';
}

export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'enum' && b.kind === 'enum') return a.enumName === b.enumName;
  if (a.kind === 'unitRef' && b.kind === 'unitRef') return a.unitKind === b.unitKind;
  if (a.kind === 'rows' && b.kind === 'rows') return a.table === b.table && a.field === b.field;
  return true;
}

const NAMES_ZH: Record<string, string> = {
  points: '分值', percent: '百分比', number: '数值', count: '次数', bool: '是否', text: '文本',
  group: '分组', date: '日期', error: '未知',
};

/** A type as a reader would name it, in Chinese or English. */
export function typeName(t: Type, lang: 'zh' | 'en'): string {
  switch (t.kind) {
    case 'enum': return t.enumName;
    case 'unitRef': return lang === 'zh' ? `单位 ${t.unitKind}` : `unit ${t.unitKind}`;
    case 'rows': {
      const what = t.field === undefined ? t.table : `${t.table}.${t.field}`;
      return lang === 'zh' ? `明细行 ${what}` : `rows ${what}`;
    }
    default: return lang === 'zh' ? NAMES_ZH[t.kind] : t.kind === 'bool' ? 'yes/no' : t.kind === 'error' ? 'unknown' : t.kind;
  }
}

/** Outcome of an operator rule: a type, or the reason it is refused (the caller words the diagnostic). */
export type Rule =
  | { readonly ok: true; readonly type: Type }
  | { readonly ok: false; readonly reason: 'percentMix' | 'bool' | 'discrete' | 'mismatch' };

function ok(type: Type): Rule {
  return { ok: true, type };
}

function refuse(reason: 'percentMix' | 'bool' | 'discrete' | 'mismatch'): Rule {
  return { ok: false, reason };
}

/** Why a non-numeric operand is refused in arithmetic. */
function nonNumeric(a: Type, b: Type): Rule | undefined {
  if (a.kind === 'bool' || b.kind === 'bool') return refuse('bool');
  if (isDiscrete(a) || isDiscrete(b)) return refuse('discrete');
  if (!isNumeric(a) || !isNumeric(b)) return refuse('mismatch');
  return undefined;
}

/** points/count/number mix freely: points if any points, else number if any number, else count. */
function mixUnits(a: Type, b: Type): Type {
  if (a.kind === 'points' || b.kind === 'points') return T.points;
  if (a.kind === 'number' || b.kind === 'number') return T.number;
  return T.count;
}

/** `a + b`, `a - b`, and the join of numeric branches: percent only with percent. */
export function addType(a: Type, b: Type): Rule {
  if (isError(a) || isError(b)) return ok(T.error);
  const bad = nonNumeric(a, b);
  if (bad) return bad;
  if ((a.kind === 'percent') !== (b.kind === 'percent')) return refuse('percentMix');
  return a.kind === 'percent' ? ok(T.percent) : ok(mixUnits(a, b));
}

/** `a * b`: a percent scales the other operand and keeps its unit. */
export function mulType(a: Type, b: Type): Rule {
  if (isError(a) || isError(b)) return ok(T.error);
  const bad = nonNumeric(a, b);
  if (bad) return bad;
  if (a.kind === 'percent') return ok(b);
  if (b.kind === 'percent') return ok(a);
  return ok(mixUnits(a, b));
}

/**
 * `a / b`: like over like is a plain ratio (number); dividing by a plain number or count keeps
 * the dividend's unit; anything else is a number.
 */
export function divType(a: Type, b: Type): Rule {
  if (isError(a) || isError(b)) return ok(T.error);
  const bad = nonNumeric(a, b);
  if (bad) return bad;
  if (a.kind === b.kind) return ok(T.number);
  if (b.kind === 'number' || b.kind === 'count') return ok(a.kind === 'count' ? T.number : a);
  return ok(T.number);
}

/** `<`, `<=`, `>`, `>=`: numbers (percent only with percent) or dates. */
export function orderType(a: Type, b: Type): Rule {
  if (isError(a) || isError(b)) return ok(T.bool);
  if (a.kind === 'date' && b.kind === 'date') return ok(T.bool);
  const bad = nonNumeric(a, b);
  if (bad) return bad;
  if ((a.kind === 'percent') !== (b.kind === 'percent')) return refuse('percentMix');
  return ok(T.bool);
}

/** `==`, `!=`: like with like; numbers by the numeric rule; text and groups interchangeably. */
export function equalityType(a: Type, b: Type): Rule {
  if (isError(a) || isError(b)) return ok(T.bool);
  if (isNumeric(a) && isNumeric(b)) {
    return (a.kind === 'percent') !== (b.kind === 'percent') ? refuse('percentMix') : ok(T.bool);
  }
  return compatibleValues(a, b) ? ok(T.bool) : refuse('mismatch');
}

/** Whether two non-numeric values can be compared for equality or stand in the same set. */
export function compatibleValues(a: Type, b: Type): boolean {
  if (isError(a) || isError(b)) return true;
  const textLike = (t: Type) => t.kind === 'text' || t.kind === 'group';
  if (textLike(a) && textLike(b)) return true;
  if (a.kind === 'unitRef' && b.kind === 'text') return true;
  if (a.kind === 'text' && b.kind === 'unitRef') return true;
  if (a.kind === 'date' && b.kind === 'text') return true;
  if (a.kind === 'text' && b.kind === 'date') return true;
  if (isNumeric(a) && isNumeric(b)) return (a.kind === 'percent') === (b.kind === 'percent');
  return sameType(a, b);
}

/**
 * The common type of alternatives (if/match/tiers arms, table rows, `??`): numeric ones join by
 * the addition rule; others must agree.
 */
export function joinType(a: Type, b: Type): Rule {
  if (isError(a)) return ok(b);
  if (isError(b)) return ok(a);
  if (isNumeric(a) && isNumeric(b)) return addType(a, b);
  if (a.kind === 'text' && b.kind === 'group') return ok(T.group);
  if (a.kind === 'group' && b.kind === 'text') return ok(T.group);
  return sameType(a, b) ? ok(a) : refuse('mismatch');
}
