// CST → AST for each kind of definition (enum, input, rows, score, weights, table, rank, grade,
// disposition), including the checks of clause order the grammar leaves open (repeats, omissions).
import type { CstNode } from 'chevrotain';
import type * as A from './ast.ts';
import type { ExprBuilder } from './from-cst-expr.ts';
import {
  between, cstSpan, Ctx, identOf, numberOf, percentOf, signedNumberOf, stringOf, sub, subs, tok, toks, wholeNumber,
} from './from-cst-util.ts';
import { keywordIdOf } from './lexer.ts';
import { spanOfToken } from './span.ts';

interface Base {
  readonly override: boolean;
  readonly name: A.Ident;
  readonly source?: A.StringLit;
  readonly span: A.Ident['span'];
}

/** Reports a clause written more than once (`what`: the clause keyword in both languages). */
function once<T extends { span: A.Ident['span'] }>(ctx: Ctx, values: readonly T[], zh: string, en: string): T | undefined {
  for (const extra of values.slice(1)) {
    ctx.error('KP123', extra.span, `“${zh}”重复`, `\`${en}\` is written more than once`);
  }
  return values[0];
}

function sourceOf(ctx: Ctx, clauses: readonly CstNode[]): A.StringLit | undefined {
  return once(ctx, clauses.map(c => stringOf(tok(c, 'String')!)), '依据', 'source');
}

function typeRefOf(ctx: Ctx, x: ExprBuilder, n: CstNode): A.TypeRef {
  const name = identOf(ctx, sub(n, 'name')!);
  const rangeNode = sub(n, 'range');
  const range = rangeNode ? x.range(rangeNode) : undefined;
  return { kind: 'TypeRef', name, range, span: range ? between(name.span, range.span) : name.span };
}

function fieldOf(ctx: Ctx, x: ExprBuilder, n: CstNode): A.FieldDecl {
  return {
    kind: 'FieldDecl', name: identOf(ctx, sub(n, 'name')!), type: typeRefOf(ctx, x, sub(n, 'typeRef')!),
    optional: !!tok(n, 'Kw_optional'), span: cstSpan(n),
  };
}

function sortKeyOf(x: ExprBuilder, n: CstNode): A.SortKey {
  const expr = x.expr(sub(n, 'expression')!);
  const dir = tok(n, 'Kw_asc') ?? tok(n, 'Kw_desc');
  return {
    kind: 'SortKey', expr, direction: dir && keywordIdOf(dir) === 'asc' ? 'asc' : 'desc',
    span: dir ? between(expr.span, spanOfToken(dir)) : expr.span,
  };
}

function exprList(x: ExprBuilder, lists: readonly CstNode[]): A.Expr[] {
  return lists.flatMap(l => subs(l, 'expression').map(e => x.expr(e)));
}

/** A `definition` node (with its optional `override`) → the definition it holds. */
export function definitionOf(ctx: Ctx, x: ExprBuilder, d: CstNode): A.Definition {
  let n = d;
  for (const key in d.children) if (key !== 'Kw_override') n = d.children[key][0] as CstNode;
  // Built as plain literals with every field present (optional ones possibly undefined): object
  // spreads here were a measurable part of parsing a large file.
  const override = !!tok(d, 'Kw_override');
  const name = identOf(ctx, sub(n, 'name')!);
  const source = sourceOf(ctx, subs(n, 'sourceClause'));
  const span = cstSpan(d);
  switch (n.name) {
    case 'enumDef':
      return { kind: 'EnumDef', override, name, source, span, members: subs(n, 'member').map(m => identOf(ctx, m)) };
    case 'inputDef': {
      const names = subs(n, 'name').map(m => identOf(ctx, m));
      return {
        kind: 'InputDef', override, name, source, span, names, type: typeRefOf(ctx, x, sub(n, 'typeRef')!),
        optional: !!tok(n, 'Kw_optional'),
      };
    }
    case 'rowsDef': {
      const fields = subs(n, 'fieldDecl').map(f => fieldOf(ctx, x, f));
      return tok(n, 'Kw_records')
        ? { kind: 'RecordsDef', override, name, source, span, fields }
        : { kind: 'PeriodsDef', override, name, source, span, fields };
    }
    case 'eventsDef':
      return {
        kind: 'EventsDef', override, name, source, span,
        situations: subs(n, 'situation').map(s => situationOf(ctx, s)),
        fields: subs(n, 'fieldDecl').map(f => fieldOf(ctx, x, f)),
      };
    case 'scoreDef': {
      const roundTok = tok(n, 'Number');
      const round = roundTok ? wholeNumber(ctx, numberOf(roundTok), '保留位数', 'the number of decimals') : undefined;
      return {
        kind: 'ScoreDef', override, name, source, span, form: tok(n, 'Kw_define') ? 'define' : 'score',
        expr: x.expr(sub(n, 'expression')!), round,
      };
    }
    case 'weightsDef':
      return {
        kind: 'WeightsDef', override, name, source, span, by: x.expr(sub(n, 'expression')!),
        rows: subs(n, 'weightsRow').map(r => ({
          kind: 'WeightsRow', member: identOf(ctx, sub(r, 'name')!),
          items: subs(r, 'weightItem').map(i => x.weightItem(i)), span: cstSpan(r),
        })),
      };
    case 'tableDef':
      return {
        kind: 'TableDef', override, name, source, span, by: x.expr(sub(n, 'expression')!),
        rows: subs(n, 'tableRow').map(r => ({
          kind: 'TableRow', member: tok(r, 'Kw_else') ? 'else' : identOf(ctx, sub(r, 'name')!),
          value: x.expr(sub(r, 'expression')!), span: cstSpan(r),
        })),
      };
    case 'rankDef':
      return rankOf(ctx, x, n, { override, name, source, span });
    case 'gradeDef':
      return gradeOf(ctx, x, n, { override, name, source, span });
    default:
      return dispositionOf(ctx, x, n, { override, name, source, span });
  }
}

function situationOf(ctx: Ctx, s: CstNode): A.Situation {
  const desc = tok(s, 'String');
  const source = sub(s, 'sourceClause');
  return {
    kind: 'Situation', name: identOf(ctx, sub(s, 'name')!), points: signedNumberOf(sub(s, 'signedNumber')!),
    description: desc ? stringOf(desc) : undefined,
    source: source ? stringOf(tok(source, 'String')!) : undefined,
    span: cstSpan(s),
  };
}

function rankOf(ctx: Ctx, x: ExprBuilder, n: CstNode, base: Base): A.RankDef {
  const withinLists = subs(n, 'within');
  once(ctx, withinLists.map(cstSpanned), '组内', 'within');
  const where = once(ctx, subs(n, 'where').map(e => x.expr(e)), '限于', 'where');
  const tiebreakKw = toks(n, 'Kw_tiebreak');
  once(ctx, tiebreakKw.map(t => ({ span: spanOfToken(t) })), '并列按', 'tiebreak');
  return {
    kind: 'RankDef', ...base, key: sortKeyOf(x, sub(n, 'key')!), within: exprList(x, withinLists.slice(0, 1)),
    where, tiebreak: subs(n, 'tiebreak').map(k => sortKeyOf(x, k)),
  };
}

function cstSpanned(n: CstNode): { span: A.Ident['span'] } {
  return { span: cstSpan(n) };
}

function gradeOf(ctx: Ctx, x: ExprBuilder, n: CstNode, base: Base): A.GradeDef {
  const where = sub(n, 'where') ? x.expr(sub(n, 'where')!) : undefined;
  const ungraded = once(ctx, subs(n, 'ungraded').map(u => x.expr(sub(u, 'expression')!)), '不定等次', 'ungraded');
  const levels = subs(n, 'gradeLevel').map((l): A.GradeLevel => {
    const opTok = tok(l, 'op');
    const threshold = sub(l, 'threshold') ? x.expr(sub(l, 'threshold')!) : undefined;
    const quota = once(ctx, subs(l, 'quota').map(q => quotaOf(ctx, x, q)), '限额', 'quota');
    const unless = once(ctx, subs(l, 'unless').map(e => x.expr(e)), '除非', 'unless');
    return {
      kind: 'GradeLevel', name: identOf(ctx, sub(l, 'name')!),
      op: opTok ? (opTok.tokenType.name === 'Greater' ? '>' : '>=') : undefined,
      threshold, quota, unless,
      span: cstSpan(l),
    };
  });
  return {
    kind: 'GradeDef', ...base, by: x.expr(sub(n, 'by')!), where, levels, ungradedWhen: ungraded,
  };
}

function quotaOf(ctx: Ctx, x: ExprBuilder, q: CstNode): A.Quota {
  const amountTok = tok(q, 'amount')!;
  const amount = amountTok.tokenType.name === 'Percent' ? percentOf(amountTok) : numberOf(amountTok);
  const withinLists = subs(q, 'within');
  once(ctx, withinLists.map(cstSpanned), '组内', 'within');
  const rounding = once(ctx, toks(q, 'rounding').map(t => ({ id: keywordIdOf(t) as A.QuotaRounding, span: spanOfToken(t) })), '取整方式', 'rounding');
  return {
    kind: 'Quota', amount, within: exprList(x, withinLists.slice(0, 1)),
    rounding: rounding?.id, span: cstSpan(q),
  };
}

function dispositionOf(ctx: Ctx, x: ExprBuilder, n: CstNode, base: Base): A.DispositionDef {
  const severity = once(ctx, subs(n, 'severity').map(signedNumberOf), '等级', 'severity');
  const priority = once(ctx, subs(n, 'priority').map(signedNumberOf), '优先', 'priority');
  const when = once(ctx, subs(n, 'when').map(e => x.expr(e)), '当', 'when');
  const because = once(ctx, toks(n, 'because').map(stringOf), '理由', 'because');
  const candidateKw = toks(n, 'Kw_candidates');
  once(ctx, candidateKw.map(t => ({ span: spanOfToken(t) })), '候选', 'candidates');
  const missing = (zh: string, en: string, example: string): void => {
    ctx.error('KP124', base.name.span, `处置 ${base.name.name} 缺少“${zh}”，如 ${example}`,
      `disposition ${base.name.name} needs \`${en}\`, as in ${example}`);
  };
  if (!severity) missing('等级', 'severity', 'severity 3 / 等级 3');
  if (!when) missing('当', 'when', 'when 目标完成率 < 80% / 当 目标完成率 < 80%');
  if (severity) wholeNumber(ctx, severity, '处置等级', 'severity');
  if (priority) wholeNumber(ctx, priority, '优先', 'priority');
  return {
    kind: 'DispositionDef', ...base,
    severity: severity ?? { kind: 'NumberLit', value: 0, text: '0', span: base.name.span },
    priority,
    when: when ?? { kind: 'MissingLit', span: base.name.span },
    candidates: subs(n, 'candidate').map(c => identOf(ctx, c)),
    because,
  };
}

