// The checked model: what the checker hands to the compiler — the merged rule set (after
// `extends`/`override`/`remove`), every name resolved, every expression typed, definitions in
// dependency order. Plain data plus side tables keyed by AST node; no behaviour.
import type * as ast from '../grammar/ast.ts';

/**
 * The types of the language. `percent` values are fractions (30% = 0.3).
 * Enums beyond `enum` definitions: a grade's value is `enum <grade name>` (members: its levels);
 * an events table's 情形 field is `enum <table name>` (members: its situations); `决定`/decision
 * is `enum 决定` (members: the level's dispositions).
 */
export type Type =
  | { readonly kind: 'points' | 'percent' | 'number' | 'count' | 'bool' | 'text' | 'group' | 'date' }
  | { readonly kind: 'enum'; readonly enumName: string }
  /** A link from a cadre to a unit of the given kind. */
  | { readonly kind: 'unitRef'; readonly unitKind: string }
  /**
   * A set of rows (records/events/periods), possibly filtered; only aggregates consume it.
   * With `field`, the values of that field over the rows (`效情形.分值`).
   */
  | { readonly kind: 'rows'; readonly table: string; readonly field?: string }
  /** Unknown after an error; suppresses follow-on diagnostics. */
  | { readonly kind: 'error' };

/** Which rule file a definition came from: the file's own, or a base year through `extends`. */
export interface Origin {
  readonly file: string;
  readonly year?: number;
}

export interface EnumInfo {
  readonly name: string;
  readonly members: readonly string[];
  readonly def: ast.EnumDef;
  readonly origin: Origin;
}

export interface FieldInfo {
  readonly name: string;
  readonly type: Type;
  readonly optional: boolean;
  /** Implicit fields (日期, 情形, 分值, 起, 止) have no declaration. */
  readonly decl?: ast.FieldDecl;
}

export interface RowTableInfo {
  readonly name: string;
  readonly kind: 'records' | 'events' | 'periods';
  /** Declared and implicit fields; implicit ones use their canonical Chinese names (日期, 情形, 分值, 起, 止). */
  readonly fields: readonly FieldInfo[];
  /** Events only: the catalogue, in written order. */
  readonly situations: readonly { readonly name: string; readonly points: number; readonly description?: string }[];
  readonly def: ast.RecordsDef | ast.EventsDef | ast.PeriodsDef;
  readonly origin: Origin;
}

export interface InputInfo {
  readonly name: string;
  readonly type: Type;
  readonly optional: boolean;
  /** The accepted data range, in the type's own values (`percent 0..200` is 0 to 2). */
  readonly range?: { readonly low: number; readonly high: number };
  readonly def: ast.InputDef;
  readonly origin: Origin;
}

/** A computed definition: score/define, weights, table, rank, grade or disposition. */
export interface ComputedInfo {
  readonly name: string;
  readonly type: Type;
  readonly def: ast.ScoreDef | ast.WeightsDef | ast.TableDef | ast.RankDef | ast.GradeDef | ast.DispositionDef;
  /** Names (at this level, or `unitKind.name` for unit values) read in the same year. */
  readonly deps: readonly string[];
  readonly origin: Origin;
}

/** One level of evaluation: cadres, or the units of one kind. */
export interface LevelModel {
  readonly level: 'cadre' | 'unit';
  /** For units: the kind's name (乡镇). */
  readonly unitKind?: string;
  readonly inputs: readonly InputInfo[];
  readonly tables: readonly RowTableInfo[];
  /** Computed definitions in dependency order (a definition comes after everything it reads). */
  readonly computed: readonly ComputedInfo[];
}

/** How one name in an expression was resolved. */
export type Resolution =
  | { readonly kind: 'input'; readonly level: 'cadre' | 'unit'; readonly name: string }
  | { readonly kind: 'computed'; readonly level: 'cadre' | 'unit'; readonly name: string }
  | { readonly kind: 'table'; readonly name: string }
  | { readonly kind: 'field'; readonly table: string; readonly field: string }
  | { readonly kind: 'member'; readonly enumName: string; readonly member: string }
  /** A situation of an events catalogue (compared with the 情形 field). */
  | { readonly kind: 'situation'; readonly table: string; readonly situation: string }
  /** A disposition's name used as a value (did it fire) — or, compared with 决定, the member. */
  | { readonly kind: 'disposition'; readonly name: string }
  | { readonly kind: 'decision' }
  /** `link.name`: a value of the unit the cadre is linked to through input `link`. */
  | { readonly kind: 'unitValue'; readonly link: string; readonly unitKind: string; readonly name: string }
  | { readonly kind: 'builtinFunction'; readonly id: string };

export interface RuleSetModel {
  readonly title: string;
  readonly year?: number;
  readonly extendsYear?: number;
  readonly enums: readonly EnumInfo[];
  readonly cadre: LevelModel;
  readonly units: readonly LevelModel[];
  /** Dispositions in decision order (severity desc, then priority desc, then written order). */
  readonly dispositions: readonly string[];
  /** Resolution of every NameRef, MemberAccess (when it is a unit value, member or field) and Call callee. */
  readonly resolutions: ReadonlyMap<ast.Node, Resolution>;
  /** Type of every expression node. */
  readonly types: ReadonlyMap<ast.Expr, Type>;
  /** Language tests of this file (not inherited). */
  readonly tests: readonly ast.TestCase[];
  /** Every definition's origin file, for explanations and diagnostics in base files. */
  readonly files: readonly { readonly file: string; readonly year?: number; readonly text: string }[];
}
