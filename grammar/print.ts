// The formatter: a RuleFile back to text in one canonical layout, keywords in one language, comments kept.
//
// Layout: 2-space indentation; lines up to 100 columns (a CJK character counts two); the header,
// then definitions separated by a blank line, except that consecutive one-line definitions of the
// same kind (a run of inputs, of enums, of removes…) stay together; an own-line comment before a
// definition starts a new run. Weights rows, events
// situations, grade levels, match and tiers arms, test steps and unit members are one per line.
// Enums, records, periods, tables, weighted blocks, call arguments and given/expect facts stay on
// one line when they fit and hold no comment, otherwise one element per line. Long `and`/`or`
// chains, rank clauses and disposition clauses break before each part. Parentheses are printed
// as written; numbers keep their written digits (`1.50`). Elements of a block are separated by
// line breaks alone, except where the next one would read as part of this one (an arm starting
// with `-`, a name spelled like a definition keyword at the end): there the element ends with `;`.
// Comments: see print-comments.ts.
import type { Comment, Item, KeywordLang, RuleFile, UnitBlock } from './ast.ts';
import { attachComments } from './print-comments.ts';
import { commentsOf, commentText, danglingDocs, declaredNames, kw, quote, withComments, type PrintContext } from './print-context.ts';
import { definitionDoc, headerDoc, testDoc } from './print-defs.ts';
import { layout, type Doc } from './print-doc.ts';

export interface FormatOptions {
  /** Keyword language of the output; default: the file's own (`file.keywordLang`). */
  readonly lang?: KeywordLang;
  /**
   * The text the file was parsed from. With it, a comment written at the end of a line stays at
   * the end of that line; without it, every comment is printed on a line of its own.
   */
  readonly source?: string;
}

const WIDTH = 100;
const INDENT = 2;

function render(doc: Doc, width: number): string {
  return layout(doc, { width, indentWidth: INDENT });
}

function commentLines(comments: readonly Comment[]): string[] {
  return comments.map(commentText);
}

function renderUnit(ctx: PrintContext, u: UnitBlock, width: number): string {
  const a = commentsOf(ctx, u);
  const lines = commentLines(a.leading);
  const open = `${u.override ? kw(ctx, 'override') + ' ' : ''}${kw(ctx, 'unit')} ${u.name.name} {${a.open.map(c => '  ' + commentText(c)).join('')}`;
  const body = renderItems(ctx, u.items, width - INDENT);
  const dangling = commentLines(a.dangling);
  const inner = [...(body ? body.split('\n') : []), ...(body && dangling.length > 0 ? [''] : []), ...dangling];
  const close = `${u.source ? ` ${kw(ctx, 'source')} ${quote(u.source)}` : ''}${a.trailing.map(c => '  ' + commentText(c)).join('')}`;
  if (inner.length === 0 && a.open.length === 0) {
    lines.push(`${open}}${close}`);
  } else {
    lines.push(open, ...inner.map(l => (l === '' ? '' : ' '.repeat(INDENT) + l)), `}${close}`);
  }
  return lines.join('\n');
}

function renderItem(ctx: PrintContext, item: Item, width: number): string {
  switch (item.kind) {
    case 'UnitBlock': return renderUnit(ctx, item, width);
    case 'Remove': return render(withComments(ctx, item, [kw(ctx, 'remove'), ' ', item.name.name]), width);
    case 'TestCase': return render(withComments(ctx, item, testDoc(ctx, item)), width);
    default: return render(withComments(ctx, item, definitionDoc(ctx, item)), width);
  }
}

/**
 * Items separated by blank lines, except runs of one-line items of the same kind. Own-line comments
 * before an item do not count as its lines, and they open a new run: a commented run of inputs
 * reads as a paragraph under its comment.
 */
function renderItems(ctx: PrintContext, items: readonly Item[], width: number): string {
  let out = '';
  let prev: { kind: string; oneLine: boolean } | undefined;
  for (const item of items) {
    const text = renderItem(ctx, item, width);
    const leading = commentsOf(ctx, item).leading.length;
    const oneLine = text.split('\n').length === leading + 1;
    if (prev) out += prev.oneLine && oneLine && leading === 0 && prev.kind === item.kind ? '\n' : '\n\n';
    out += text;
    prev = { kind: item.kind, oneLine };
  }
  return out;
}

/**
 * Formats a rule file. `format(parse(format(x)))` equals `format(x)`, and the result parses to
 * the same tree as the input (spans aside). Built-in type and function names are written in the
 * target language too, unless the file declares a name equal to one of their forms.
 */
export function format(file: RuleFile, options: FormatOptions = {}): string {
  const ctx: PrintContext = {
    lang: options.lang ?? file.keywordLang,
    comments: attachComments(file, options.source),
    declared: declaredNames(file),
  };
  const parts: string[] = [];
  if (file.header) parts.push(render(withComments(ctx, file.header, headerDoc(ctx, file.header)), WIDTH));
  const items = renderItems(ctx, file.items, WIDTH);
  if (items) parts.push(items);
  const dangling = commentsOf(ctx, file).dangling;
  if (dangling.length > 0) parts.push(render(danglingDocs(dangling), WIDTH).replace(/^\n/, ''));
  return parts.length > 0 ? parts.join('\n\n') + '\n' : '';
}
