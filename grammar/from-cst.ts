// CST → AST for the file, its header and every definition. Items that recovery touched, or that
// turn out unusable, are left out (their diagnostics say why); everything else is kept.
import type { CstNode } from 'chevrotain';
import type * as A from './ast.ts';
import { ExprBuilder } from './from-cst-expr.ts';
import {
  between, cstSpan, Ctx, expressionDepth, identOf, isRecovered, numberOf, stringOf, sub, subs, tok, wholeNumber,
} from './from-cst-util.ts';
import { keywordIdOf } from './lexer.ts';
import { spanOfToken } from './span.ts';
import { definitionOf } from './from-cst-defs.ts';

/** Converts a parsed file; `broken` holds offsets of errors that make the item containing them unusable. */
export function toRuleFile(cst: CstNode, ctx: Ctx, broken: readonly number[], recovered: boolean): {
  header?: A.Header;
  items: A.Item[];
} {
  const x = new ExprBuilder(ctx);
  const touched = (n: CstNode): boolean => {
    if (recovered && isRecovered(n)) return true;
    if (broken.length === 0) return false;
    const s = cstSpan(n);
    return broken.some(o => o >= s.start && o < s.end);
  };
  /** Runs `build` with a fresh `broken` flag; undefined when the item cannot be used. */
  const attempt = <T>(n: CstNode, build: () => T): T | undefined => {
    if (touched(n)) return undefined;
    ctx.broken = false;
    const value = build();
    if (ctx.broken) return undefined;
    // Each nesting level takes at least one character, so only long definitions can be too deep.
    const span = cstSpan(n);
    if (span.end - span.start > ctx.maxDepth && expressionDepth(value) > ctx.maxDepth) {
      ctx.error('KP122', span, `表达式嵌套过深（超过 ${ctx.maxDepth} 层），请拆成几个得分或定义`,
        `expression nested too deeply (more than ${ctx.maxDepth} levels); split it into several definitions`);
      return undefined;
    }
    return value;
  };
  const headerNode = sub(cst, 'header');
  const header = headerNode ? attempt(headerNode, () => headerOf(ctx, headerNode)) : undefined;
  const items: A.Item[] = [];
  for (const itemNode of subs(cst, 'item')) {
    const unit = sub(itemNode, 'unitBlock');
    const item = unit
      ? unitOf(ctx, x, unit, attempt)
      : attempt(itemNode, () => itemOf(ctx, x, itemNode));
    if (item) items.push(item);
  }
  return { ...(header ? { header } : {}), items };
}

function headerOf(ctx: Ctx, n: CstNode): A.Header {
  const title = stringOf(tok(n, 'title')!);
  const yearTok = tok(n, 'year');
  const extTok = tok(n, 'extends');
  const source = sub(n, 'sourceClause');
  let ext: A.NumberLit | undefined;
  if (extTok && extTok.tokenType.name === 'String') {
    const s = stringOf(extTok);
    const span = spanOfToken(extTok);
    const digits = s.value.trim();
    if (/^\d+$/.test(digits)) {
      ctx.diagnostics.push({
        code: 'KP126', severity: 'error', span,
        message: `继承的年度应直接写数字：${digits}`, messageEn: `write the inherited year as a number: ${digits}`,
        fix: { title: `改为 ${digits}`, edits: [{ span, text: digits }] },
      });
      ext = { kind: 'NumberLit', value: Number(digits), text: digits, span };
    } else {
      ctx.error('KP126', span, '“继承”之后应为年度，如 2013', '`extends` must be followed by a year such as 2013');
    }
  } else if (extTok) {
    ext = wholeNumber(ctx, numberOf(extTok), '年度', 'a year');
  }
  const year = yearTok ? wholeNumber(ctx, numberOf(yearTok), '年度', 'a year') : undefined;
  const src = source ? stringOf(tok(source, 'String')!) : undefined;
  return {
    kind: 'Header', title,
    ...(year ? { year } : {}), ...(ext ? { extends: ext } : {}), ...(src ? { source: src } : {}),
    span: cstSpan(n),
  };
}

function itemOf(ctx: Ctx, x: ExprBuilder, n: CstNode): A.Item {
  const remove = sub(n, 'remove');
  if (remove) return removeOf(ctx, remove);
  const test = sub(n, 'testCase');
  if (test) return testOf(ctx, x, test);
  return definitionOf(ctx, x, sub(n, 'definition')!);
}

function removeOf(ctx: Ctx, n: CstNode): A.Remove {
  return { kind: 'Remove', name: identOf(ctx, sub(n, 'name')!), span: cstSpan(n) };
}

type Attempt = <T>(n: CstNode, build: () => T) => T | undefined;

function unitOf(ctx: Ctx, x: ExprBuilder, n: CstNode, attempt: Attempt): A.UnitBlock | undefined {
  const nameNode = sub(n, 'name');
  const lbrace = tok(n, 'LBrace');
  if (!nameNode || isRecovered(nameNode) || !lbrace || lbrace.isInsertedInRecovery) return undefined;
  const items: (A.Definition | A.Remove)[] = [];
  for (const d of subs(n, 'definition')) {
    const def = attempt(d, () => definitionOf(ctx, x, d));
    if (def) items.push(def);
  }
  for (const r of subs(n, 'remove')) {
    const rem = attempt(r, () => removeOf(ctx, r));
    if (rem) items.push(rem);
  }
  items.sort((a, b) => a.span.start - b.span.start);
  const source = sub(n, 'sourceClause');
  const src = source && !isRecovered(source) ? stringOf(tok(source, 'String')!) : undefined;
  return {
    kind: 'UnitBlock', override: !!tok(n, 'Kw_override'), name: identOf(ctx, nameNode), items,
    ...(src ? { source: src } : {}), span: cstSpan(n),
  };
}

function testOf(ctx: Ctx, x: ExprBuilder, n: CstNode): A.TestCase {
  const steps = subs(n, 'testStep').map((s): A.Given | A.Expect => {
    const head = tok(s, 'Kw_given') ?? tok(s, 'Kw_expect')!;
    const yearTok = tok(s, 'year');
    const year = yearTok ? wholeNumber(ctx, numberOf(yearTok), '年度', 'a year') : undefined;
    const unitKind = sub(s, 'unitKind') ? identOf(ctx, sub(s, 'unitKind')!) : undefined;
    const subjectTok = tok(s, 'subject')!;
    const subject = subjectTok.tokenType.name === 'String'
      ? stringOf(subjectTok)
      : { kind: 'Ident' as const, name: subjectTok.image, span: spanOfToken(subjectTok) };
    const assignments = subs(s, 'assignment').map((a): A.Assignment => {
      const name = identOf(ctx, sub(a, 'name')!);
      const value = x.expr(sub(a, 'expression')!);
      return { kind: 'Assignment', name, value, span: between(name.span, value.span) };
    });
    const span = between(spanOfToken(head), spanOfToken(tok(s, 'RBrace')!));
    const common = { ...(year ? { year } : {}), ...(unitKind ? { unitKind } : {}), subject, assignments, span };
    if (keywordIdOf(head) === 'expect') {
      if (sub(s, 'table')) {
        ctx.error('KP130', identOf(ctx, sub(s, 'table')!).span, '“预期”不能指定明细表', '`expect` cannot name a table of rows');
      }
      return { kind: 'Expect', ...common };
    }
    const table = sub(s, 'table') ? identOf(ctx, sub(s, 'table')!) : undefined;
    return { kind: 'Given', ...common, ...(table ? { table } : {}) };
  });
  return { kind: 'TestCase', title: stringOf(tok(n, 'title')!), steps, span: cstSpan(n) };
}
