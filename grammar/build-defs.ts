// Definitions from what their rules read: the checks of clause order the grammar leaves open
// (repeats, omissions, whole numbers) and the node shapes, kept in one place per kind.
import type { IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { between, type Ctx, type CtxMark, numberOf, once, percentOf, stringOf, wholeNumber } from './build-util.ts';
import { keywordIdOf } from './lexer.ts';
import { spanOfToken, type Span } from './span.ts';

/** What every definition has, in the order its node lists it. */
export interface Base {
  readonly override: boolean;
  readonly name: A.Ident;
  readonly source: A.StringLit | undefined;
  readonly span: Span;
}

/** `within a, b` as read: its expressions, their span, and where the context stood before them. */
export interface WithinList {
  readonly list: A.Expr[];
  readonly span: Span;
  readonly mark: CtxMark;
}

/**
 * Keeps the first `within` of a clause list. A repeated one is reported (and breaks the definition)
 * but never built: what its expressions reported is taken back.
 */
export function addWithin(ctx: Ctx, lists: WithinList[], list: WithinList): void {
  if (lists.length > 0) ctx.rollback(list.mark);
  lists.push(list);
}

function firstWithin(ctx: Ctx, lists: readonly WithinList[]): A.Expr[] {
  once(ctx, lists, '组内', 'within');
  return lists.length > 0 ? lists[0].list : [];
}

/** The definition's `source`, reported when written twice. */
export function sourceOf(ctx: Ctx, sources: readonly A.StringLit[]): A.StringLit | undefined {
  return once(ctx, sources, '依据', 'source');
}

function tokenSpans(tokens: readonly IToken[]): { span: Span }[] {
  return tokens.map(t => ({ span: spanOfToken(t) }));
}

export function typeRef(name: A.Ident, range: A.RangeLit | undefined): A.TypeRef {
  return { kind: 'TypeRef', name, range, span: range ? between(name.span, range.span) : name.span };
}

export function scoreDef(ctx: Ctx, b: Base, form: 'score' | 'define', expr: A.Expr, roundTok: IToken | undefined): A.ScoreDef {
  const round = roundTok ? wholeNumber(ctx, numberOf(roundTok), '保留位数', 'the number of decimals') : undefined;
  return { kind: 'ScoreDef', override: b.override, name: b.name, source: b.source, span: b.span, form, expr, round };
}

export function rankDef(
  ctx: Ctx, b: Base, key: A.SortKey, within: readonly WithinList[], wheres: readonly A.Expr[],
  tiebreakKws: readonly IToken[], tiebreak: A.SortKey[],
): A.RankDef {
  const list = firstWithin(ctx, within);
  const where = once(ctx, wheres, '限于', 'where');
  once(ctx, tokenSpans(tiebreakKws), '并列按', 'tiebreak');
  return {
    kind: 'RankDef', override: b.override, name: b.name, source: b.source, span: b.span,
    key, within: list, where, tiebreak,
  };
}

export function gradeLevel(
  ctx: Ctx, name: A.Ident, opTok: IToken | undefined, threshold: A.Expr | undefined,
  quotas: readonly A.Quota[], unlesses: readonly A.Expr[], span: Span,
): A.GradeLevel {
  return {
    kind: 'GradeLevel', name,
    op: opTok ? (opTok.tokenType.name === 'Greater' ? '>' : '>=') : undefined,
    threshold, quota: once(ctx, quotas, '限额', 'quota'), unless: once(ctx, unlesses, '除非', 'unless'),
    span,
  };
}

export function gradeDef(
  ctx: Ctx, b: Base, by: A.Expr, where: A.Expr | undefined, levels: A.GradeLevel[], ungraded: readonly A.Expr[],
): A.GradeDef {
  const ungradedWhen = once(ctx, ungraded, '不定等次', 'ungraded');
  return {
    kind: 'GradeDef', override: b.override, name: b.name, source: b.source, span: b.span,
    by, where, levels, ungradedWhen,
  };
}

export function quota(ctx: Ctx, amountTok: IToken, within: readonly WithinList[], roundings: readonly IToken[], span: Span): A.Quota {
  const amount = amountTok.tokenType.name === 'Percent' ? percentOf(amountTok) : numberOf(amountTok);
  const list = firstWithin(ctx, within);
  const rounding = once(ctx, roundings.map(t => ({ id: keywordIdOf(t) as A.QuotaRounding, span: spanOfToken(t) })), '取整方式', 'rounding');
  return { kind: 'Quota', amount, within: list, rounding: rounding?.id, span };
}

/** The clauses of a disposition, in the order written. */
export interface DispositionClauses {
  readonly severity: A.NumberLit[];
  readonly priority: A.NumberLit[];
  readonly when: A.Expr[];
  readonly because: IToken[];
  readonly candidateKws: IToken[];
  readonly candidates: A.Ident[];
}

export function dispositionDef(ctx: Ctx, b: Base, c: DispositionClauses): A.DispositionDef {
  const severity = once(ctx, c.severity, '等级', 'severity');
  const priority = once(ctx, c.priority, '优先', 'priority');
  const when = once(ctx, c.when, '当', 'when');
  const because = once(ctx, c.because.map(stringOf), '理由', 'because');
  once(ctx, tokenSpans(c.candidateKws), '候选', 'candidates');
  const missing = (zh: string, en: string, example: string): void => {
    ctx.error('KP124', b.name.span, `处置 ${b.name.name} 缺少“${zh}”，如 ${example}`,
      `disposition ${b.name.name} needs \`${en}\`, as in ${example}`);
  };
  if (!severity) missing('等级', 'severity', 'severity 3 / 等级 3');
  if (!when) missing('当', 'when', 'when 目标完成率 < 80% / 当 目标完成率 < 80%');
  if (severity) wholeNumber(ctx, severity, '处置等级', 'severity');
  if (priority) wholeNumber(ctx, priority, '优先', 'priority');
  return {
    kind: 'DispositionDef', override: b.override, name: b.name, source: b.source, span: b.span,
    severity: severity ?? { kind: 'NumberLit', value: 0, text: '0', span: b.name.span },
    priority,
    when: when ?? { kind: 'MissingLit', span: b.name.span },
    candidates: c.candidates,
    because,
  };
}

/** The ruleset header; a year written as text is accepted with a fix, anything else reported. */
export function header(
  ctx: Ctx, titleTok: IToken, yearTok: IToken | undefined, extTok: IToken | undefined, source: A.StringLit | undefined, span: Span,
): A.Header {
  const title = stringOf(titleTok);
  let ext: A.NumberLit | undefined;
  if (extTok && extTok.tokenType.name === 'String') {
    const s = stringOf(extTok);
    const extSpan = spanOfToken(extTok);
    const digits = s.value.trim();
    if (/^\d+$/.test(digits)) {
      ctx.diagnostics.push({
        code: 'KP126', severity: 'error', span: extSpan,
        message: `继承的年度应直接写数字：${digits}`, messageEn: `write the inherited year as a number: ${digits}`,
        fix: { title: `改为 ${digits}`, edits: [{ span: extSpan, text: digits }] },
      });
      ext = { kind: 'NumberLit', value: Number(digits), text: digits, span: extSpan };
    } else {
      ctx.error('KP126', extSpan, '“继承”之后应为年度，如 2013', '`extends` must be followed by a year such as 2013');
    }
  } else if (extTok) {
    ext = wholeNumber(ctx, numberOf(extTok), '年度', 'a year');
  }
  const year = yearTok ? wholeNumber(ctx, numberOf(yearTok), '年度', 'a year') : undefined;
  return {
    kind: 'Header', title,
    ...(year ? { year } : {}), ...(ext ? { extends: ext } : {}), ...(source ? { source } : {}),
    span,
  };
}

/** One `given` or `expect` step of a test. */
export function testStep(
  ctx: Ctx, head: IToken, yearTok: IToken | undefined, unitKind: A.Ident | undefined, subjectTok: IToken,
  table: A.Ident | undefined, assignments: A.Assignment[], end: IToken,
): A.Given | A.Expect {
  const year = yearTok ? wholeNumber(ctx, numberOf(yearTok), '年度', 'a year') : undefined;
  const subject = subjectTok.tokenType.name === 'String'
    ? stringOf(subjectTok)
    : { kind: 'Ident' as const, name: subjectTok.image, span: spanOfToken(subjectTok) };
  const span = between(spanOfToken(head), spanOfToken(end));
  const common = { ...(year ? { year } : {}), ...(unitKind ? { unitKind } : {}), subject, assignments, span };
  if (keywordIdOf(head) === 'expect') {
    if (table) ctx.error('KP130', table.span, '“预期”不能指定明细表', '`expect` cannot name a table of rows');
    return { kind: 'Expect', ...common };
  }
  return { kind: 'Given', ...common, ...(table ? { table } : {}) };
}
