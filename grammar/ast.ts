// The public syntax tree of a Kaoping rule file: a discriminated union on `kind`, every node with a span.
// It records what was written (names are unresolved); engine/ resolves and checks it.
import type { Span } from './span.ts';

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

// ---------- language tests ----------

/** `given 2014 甲 { 岗位 = 乡镇干部, 班子 = "一乡" }` — facts of one cadre (or unit, or one record row). */
export interface Given {
  readonly kind: 'Given';
  readonly year?: NumberLit;
  /** For a unit: the unit kind (`given 2014 unit 乡镇 某乡 { … }`). */
  readonly unitKind?: Ident;
  readonly subject: Ident | StringLit;
  /** A row of this records/events/periods table (`given 甲 效情形 { … }`). */
  readonly table?: Ident;
  readonly assignments: readonly Assignment[];
  readonly span: Span;
}

/** `expect 2014 甲 { 决定 = 免职, 年度得分 = 61.5 }` */
export interface Expect {
  readonly kind: 'Expect';
  readonly year?: NumberLit;
  readonly unitKind?: Ident;
  readonly subject: Ident | StringLit;
  readonly assignments: readonly Assignment[];
  readonly span: Span;
}

export interface Assignment {
  readonly kind: 'Assignment';
  readonly name: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `test "叶某连续末位被免职" { given … expect … }` */
export interface TestCase {
  readonly kind: 'TestCase';
  readonly title: StringLit;
  readonly steps: readonly (Given | Expect)[];
  readonly span: Span;
}

// ---------- expressions ----------

export type Expr =
  | NumberLit
  | PercentLit
  | StringLit
  | BoolLit
  | MissingLit
  | NameRef
  | MemberAccess
  | Unary
  | Binary
  | InSet
  | Call
  | History
  | If
  | Match
  | Tiers
  | Weighted
  | Paren;

export interface NumberLit {
  readonly kind: 'NumberLit';
  readonly value: number;
  /** The digits as written (after full-width normalisation), so the formatter keeps `1.50`. */
  readonly text: string;
  readonly span: Span;
}

/** `30%` — value is the fraction (0.3); `text` is the number as written ("30"). */
export interface PercentLit {
  readonly kind: 'PercentLit';
  readonly value: number;
  readonly text: string;
  readonly span: Span;
}

export interface StringLit {
  readonly kind: 'StringLit';
  readonly value: string;
  readonly span: Span;
}

/** `true`/`是`, `false`/`否` */
export interface BoolLit {
  readonly kind: 'BoolLit';
  readonly value: boolean;
  readonly span: Span;
}

/** `missing`/`缺失` */
export interface MissingLit {
  readonly kind: 'MissingLit';
  readonly span: Span;
}

/** A bare name: a definition, an enum member, a field inside `where`, or a built-in (决定/decision). */
export interface NameRef {
  readonly kind: 'NameRef';
  readonly name: Ident;
  readonly span: Span;
}

/** `所在乡镇.乡镇排名` (a unit's value), `效情形.分值` (a field of rows), `乡镇类别.经济型` (a member). */
export interface MemberAccess {
  readonly kind: 'MemberAccess';
  readonly object: Expr;
  readonly member: Ident;
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'Unary';
  readonly op: '-' | 'not';
  readonly operand: Expr;
  readonly span: Span;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or' | '??';

export interface Binary {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `岗位 in {市管领导干部, 市直干部}` */
export interface InSet {
  readonly kind: 'InSet';
  readonly value: Expr;
  readonly set: readonly Expr[];
  readonly span: Span;
}

/**
 * `f(args)`, including aggregates: `sum(效情形.分值 where 月份(日期) == 6)` over rows,
 * `max(年度得分 within 班子)` over the members of a group, `years(cond, -2..0)` over years.
 */
export interface Call {
  readonly kind: 'Call';
  readonly callee: Ident;
  readonly args: readonly (Expr | RangeLit)[];
  readonly within?: readonly Expr[];
  /** The filter written after the first argument (or after `within` when there is no argument). */
  readonly where?: Expr;
  /**
   * Present only when an argument after the first has its own filter
   * (`overlap(任职 where 职务 == 书记, 任职 where 职务 == 乡镇长)`): `argWhere[i]` filters `args[i]`.
   */
  readonly argWhere?: readonly (Expr | undefined)[];
  readonly span: Span;
}

/** `expr@-k`: the value k years earlier for the same cadre (or unit). */
export interface History {
  readonly kind: 'History';
  readonly expr: Expr;
  /** A positive number of years back (the `k` of `@-k`). */
  readonly yearsBack: number;
  readonly span: Span;
}

/** `if c then a else b` / `如果 c 则 a 否则 b` */
export interface If {
  readonly kind: 'If';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly span: Span;
}

export interface MatchArm {
  readonly kind: 'MatchArm';
  /** Enum members or numbers; `else` as the last arm. */
  readonly patterns: readonly (Ident | NumberLit)[] | 'else';
  readonly value: Expr;
  readonly span: Span;
}

/** `match 岗位 { 市管领导干部 => …  乡镇干部 => …  else => missing }` */
export interface Match {
  readonly kind: 'Match';
  readonly subject: Expr;
  readonly arms: readonly MatchArm[];
  readonly span: Span;
}

export interface TierArm {
  readonly kind: 'TierArm';
  readonly cond: Expr | 'else';
  readonly value: Expr;
  readonly span: Span;
}

/** `tiers { 完成率 >= 90% => 200  完成率 >= 80% => 190  else => 0 }` — the first true condition wins. */
export interface Tiers {
  readonly kind: 'Tiers';
  readonly arms: readonly TierArm[];
  readonly span: Span;
}

/** `weighted { 综合考核 30%, 承诺考绩 20% }` or `weighted 能权重` (a weights table). */
export interface Weighted {
  readonly kind: 'Weighted';
  readonly items?: readonly WeightItem[];
  readonly table?: Ident;
  readonly span: Span;
}

/** Parentheses as written, kept so the formatter and explanations show the author's grouping. */
export interface Paren {
  readonly kind: 'Paren';
  readonly expr: Expr;
  readonly span: Span;
}

/** `0..100`, `-2..0` — in type ranges and year windows. */
export interface RangeLit {
  readonly kind: 'RangeLit';
  readonly low: NumberLit;
  readonly high: NumberLit;
  readonly span: Span;
}

export type Node =
  | RuleFile | Header | Item | Definition | TypeRef | FieldDecl | Situation | WeightItem | WeightsRow
  | TableRow | SortKey | Quota | GradeLevel | Given | Expect | Assignment | Expr | MatchArm | TierArm
  | RangeLit | Ident;
