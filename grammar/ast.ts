// The public syntax tree of a Kaoping rule file: a discriminated union on `kind`, every node with a span.
// It records what was written (names are unresolved); engine/ resolves and checks it.
import type { Span } from './span.ts';
import type { Expr, MatchArm, NumberLit, PercentLit, RangeLit, StringLit, TierArm } from './ast-expr.ts';
import type { Assignment, Expect, Given, TestCase } from './ast-tests.ts';

export type * from './ast-expr.ts';
export type * from './ast-tests.ts';

export type KeywordLang = 'zh' | 'en';

export interface Ident {
  readonly kind: 'Ident';
  readonly name: string;
  readonly span: Span;
}

export interface Comment {
  readonly text: string; // including the leading '#'
  readonly span: Span;
}

/** A whole rule file. Parts that failed to parse are left out; their diagnostics say why. */
export interface RuleFile {
  readonly kind: 'RuleFile';
  readonly header?: Header;
  readonly items: readonly Item[];
  readonly comments: readonly Comment[];
  /** The language most of the file's keywords are written in (ties: zh); the formatter's default. */
  readonly keywordLang: KeywordLang;
  readonly span: Span;
}

/** `ruleset "衢州市干部考评" year 2014 extends 2013` */
export interface Header {
  readonly kind: 'Header';
  readonly title: StringLit;
  readonly year?: NumberLit;
  readonly extends?: NumberLit;
  readonly source?: StringLit;
  readonly span: Span;
}

export type Item = Definition | Remove | TestCase | UnitBlock;

/** `remove 召回` — drops a definition inherited through `extends`. */
export interface Remove {
  readonly kind: 'Remove';
  readonly name: Ident;
  readonly span: Span;
}

/** `unit 乡镇 { … }` — a kind of unit (township, department) with definitions evaluated per unit. */
export interface UnitBlock {
  readonly kind: 'UnitBlock';
  readonly override: boolean;
  readonly name: Ident;
  readonly items: readonly (Definition | Remove)[];
  readonly source?: StringLit;
  readonly span: Span;
}

export type Definition =
  | EnumDef
  | InputDef
  | RecordsDef
  | EventsDef
  | PeriodsDef
  | ScoreDef
  | WeightsDef
  | TableDef
  | RankDef
  | GradeDef
  | DispositionDef;

interface DefinitionBase {
  /** `override` — replaces a definition of the same name inherited through `extends`. */
  readonly override: boolean;
  readonly name: Ident;
  /** `source "衢委办〔2013〕12号 第三条"` — the legal basis, shown wherever the definition is explained. */
  readonly source?: StringLit;
  readonly span: Span;
}

/** `enum 乡镇类别 { 经济型 生态型 复合型 }` */
export interface EnumDef extends DefinitionBase {
  readonly kind: 'EnumDef';
  readonly members: readonly Ident[];
}

/** A type as written: a built-in (points, 百分比, …), an enum name or a unit kind, with an optional range. */
export interface TypeRef {
  readonly kind: 'TypeRef';
  readonly name: Ident;
  readonly range?: RangeLit;
  readonly span: Span;
}

/** `input 综合考核, 承诺考绩: points 0..100 optional` — one definition per name, sharing type and flags. */
export interface InputDef extends DefinitionBase {
  readonly kind: 'InputDef';
  /** All names declared together; `name` is the first. */
  readonly names: readonly Ident[];
  readonly type: TypeRef;
  readonly optional: boolean;
}

export interface FieldDecl {
  readonly kind: 'FieldDecl';
  readonly name: Ident;
  readonly type: TypeRef;
  readonly optional: boolean;
  readonly span: Span;
}

/** `records 测评票 { 评价人: 评价人类别, 票: 票等 }` — several rows per cadre (or unit) and year. */
export interface RecordsDef extends DefinitionBase {
  readonly kind: 'RecordsDef';
  readonly fields: readonly FieldDecl[];
}

/** One situation of an events catalogue: `推进工作不力 -3 "推进重点工作不力"`. */
export interface Situation {
  readonly kind: 'Situation';
  readonly name: Ident;
  readonly points: NumberLit;
  readonly description?: StringLit;
  readonly source?: StringLit;
  readonly span: Span;
}

/**
 * `events 效情形 { 推进工作不力 -3 "…" … }` — dated rows, each naming a situation of the catalogue.
 * Every row has the implicit fields 日期/date, 情形/situation and 分值/points (the catalogue's
 * points unless the row gives its own); `fields` declares any further ones.
 */
export interface EventsDef extends DefinitionBase {
  readonly kind: 'EventsDef';
  readonly situations: readonly Situation[];
  readonly fields: readonly FieldDecl[];
}

/** `periods 任职 { 职务: 职务类别 }` — rows with the implicit date fields 起/from and 止/to (open end allowed). */
export interface PeriodsDef extends DefinitionBase {
  readonly kind: 'PeriodsDef';
  readonly fields: readonly FieldDecl[];
}

/**
 * `score 年度得分 = … round 2` (a number) and `define 不得评优 = …` (any type).
 * `round` states the rounding point: the stored value is rounded half away from zero in decimal.
 */
export interface ScoreDef extends DefinitionBase {
  readonly kind: 'ScoreDef';
  /** `score` declares a number; `define` any type (bool, enum member, …). */
  readonly form: 'score' | 'define';
  readonly expr: Expr;
  readonly round?: NumberLit;
}

/** One `name pct` item of a weighted block or weights row. */
export interface WeightItem {
  readonly kind: 'WeightItem';
  readonly expr: Expr;
  readonly weight: PercentLit;
  readonly span: Span;
}

export interface WeightsRow {
  readonly kind: 'WeightsRow';
  readonly member: Ident;
  readonly items: readonly WeightItem[];
  readonly span: Span;
}

/** `weights 能权重 by 类别 { 经济型: 共性指标 60%, 特色指标 40% … }` — a weighted sum chosen by category. */
export interface WeightsDef extends DefinitionBase {
  readonly kind: 'WeightsDef';
  readonly by: Expr;
  readonly rows: readonly WeightsRow[];
}

export interface TableRow {
  readonly kind: 'TableRow';
  /** A member of the key's enum, or `else`. */
  readonly member: Ident | 'else';
  readonly value: Expr;
  readonly span: Span;
}

/** `table 难度系数 by 类别 { 经济型: 1.0  生态型: 1.2  else: 1.1 }` — a parameter per category. */
export interface TableDef extends DefinitionBase {
  readonly kind: 'TableDef';
  readonly by: Expr;
  readonly rows: readonly TableRow[];
}

export type Direction = 'desc' | 'asc';

export interface SortKey {
  readonly kind: 'SortKey';
  readonly expr: Expr;
  readonly direction: Direction;
  readonly span: Span;
}

/**
 * `rank 班子排名 = 年度得分 desc within 班子 where 岗位 == 乡镇干部 tiebreak 民主测评 desc`
 * Rank 1 is the best; members tied on every key share a rank; order among them is by id.
 */
export interface RankDef extends DefinitionBase {
  readonly kind: 'RankDef';
  readonly key: SortKey;
  readonly within: readonly Expr[];
  readonly where?: Expr;
  readonly tiebreak: readonly SortKey[];
}

export type QuotaRounding = 'down' | 'up' | 'nearest';

export interface Quota {
  readonly kind: 'Quota';
  /** A share (`15%`) or a count (`3`). */
  readonly amount: PercentLit | NumberLit;
  readonly within: readonly Expr[];
  /** How a fractional quota is rounded; default `down`. */
  readonly rounding?: QuotaRounding;
  readonly span: Span;
}

/** `优秀 >= 90 quota 15% within 单位 unless 受处分` — the last level usually has no threshold. */
export interface GradeLevel {
  readonly kind: 'GradeLevel';
  readonly name: Ident;
  readonly op?: '>=' | '>';
  readonly threshold?: Expr;
  readonly quota?: Quota;
  /** A gate: when true, this level is out of reach (the next level applies); the score is untouched. */
  readonly unless?: Expr;
  readonly span: Span;
}

/** `grade 等次 by 年度得分 { … ungraded when 任职不满半年 }` */
export interface GradeDef extends DefinitionBase {
  readonly kind: 'GradeDef';
  readonly by: Expr;
  readonly where?: Expr;
  readonly levels: readonly GradeLevel[];
  /** When true the person is not graded (value missing, shown as 未定等次). */
  readonly ungradedWhen?: Expr;
}

/**
 * `disposition 免职 severity 5 when … because "…"`. All that fire are recorded; the highest
 * severity (then `priority`) decides. With `candidates`, firing proposes a set of dispositions a
 * person must choose from and confirm, instead of deciding.
 */
export interface DispositionDef extends DefinitionBase {
  readonly kind: 'DispositionDef';
  readonly severity: NumberLit;
  readonly priority?: NumberLit;
  readonly when: Expr;
  readonly candidates: readonly Ident[];
  readonly because?: StringLit;
}

export type Node =
  | RuleFile | Header | Item | Definition | TypeRef | FieldDecl | Situation | WeightItem | WeightsRow
  | TableRow | SortKey | Quota | GradeLevel | Given | Expect | Assignment | Expr | MatchArm | TierArm
  | RangeLit | Ident;
