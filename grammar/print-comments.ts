// Attaches each `#` comment of a parsed file to a line-level node, so the formatter can print it back in place.
import type { Comment, Node, RuleFile } from './ast.ts';
import type { Span } from './span.ts';

/** The comments the printer writes around one node. */
export interface AttachedComments {
  /** Own-line comments printed just before the node, in source order. */
  readonly leading: Comment[];
  /** At most one comment at the end of the node's last line. */
  readonly trailing: Comment[];
  /** At most one comment at the end of a block's first line, after its `{`. */
  readonly open: Comment[];
  /** Own-line comments inside a block after its last element (before `}`, or at the end of the file). */
  readonly dangling: Comment[];
}

/** Comments keyed by the node they belong to (by identity). */
export type CommentMap = ReadonlyMap<object, AttachedComments>;

type Anchor = Node;

/**
 * The elements of a block that the formatter puts on lines of their own (items, enum members,
 * rows, arms, levels, steps, assignments, weighted items), in source order; undefined when the
 * node is not such a block. Comments are only ever attached to these, so a comment never ends
 * up in the middle of a line.
 */
export function lineElements(node: Node): readonly Anchor[] | undefined {
  switch (node.kind) {
    case 'RuleFile': return node.header ? [node.header, ...node.items] : node.items;
    case 'UnitBlock': return node.items;
    case 'EnumDef': return node.members;
    case 'RecordsDef':
    case 'PeriodsDef': return node.fields;
    case 'EventsDef': return [...node.situations, ...node.fields].sort((a, b) => a.span.start - b.span.start);
    case 'WeightsDef':
    case 'TableDef': return node.rows;
    case 'GradeDef': return node.ungradedWhen ? [...node.levels, node.ungradedWhen] : node.levels;
    case 'TestCase': return node.steps;
    case 'Given':
    case 'Expect': return node.assignments;
    case 'Match':
    case 'Tiers': return node.arms;
    case 'Weighted': return node.items;
    default: return undefined;
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && 'kind' in v && 'span' in v;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end;
}

/** The direct child of `node` whose span contains `s`, if any. */
function childContaining(node: Node, s: Span): Node | undefined {
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v) && contains(v.span, s)) return v;
    } else if (isNode(value) && value !== node && contains(value.span, s)) {
      return value;
    }
  }
  return undefined;
}

function sameLine(text: string | undefined, from: number, to: number): boolean {
  if (text === undefined) return false;
  const between = text.slice(from, to);
  return !/[\n\r]/.test(between);
}

/** Whether something other than blanks stands before `offset` on its line. */
function endOfLine(text: string | undefined, offset: number): boolean {
  if (text === undefined) return false;
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000')) i--;
  return i >= 0 && text[i] !== '\n' && text[i] !== '\r';
}

/**
 * Decides where each comment goes. A comment is inside the deepest block (see `lineElements`)
 * that contains it. Within that block it is trailing for the element that ends on its line just
 * before it; else, ending a line before the first element, it stays after the block's `{`; else
 * it is leading for the next element, else dangling at the end of the block. A comment
 * inside an element that has no block of its own (the middle of an expression) becomes a leading
 * comment of that element: moved up, never lost. Without `source`, line positions are unknown and
 * no comment is treated as trailing.
 */
export function attachComments(file: RuleFile, source?: string): CommentMap {
  const map = new Map<object, AttachedComments>();
  const slot = (n: object): AttachedComments => {
    let a = map.get(n);
    if (!a) {
      a = { leading: [], trailing: [], open: [], dangling: [] };
      map.set(n, a);
    }
    return a;
  };
  const ordered = [...file.comments].sort((a, b) => a.span.start - b.span.start);
  for (const c of ordered) {
    const path: Node[] = [file];
    for (;;) {
      const next = childContaining(path[path.length - 1], c.span);
      if (!next) break;
      path.push(next);
    }
    let i = path.length - 1;
    while (i > 0 && lineElements(path[i]) === undefined) i--;
    const block = path[i];
    const elements = lineElements(block)!;
    const inside = path[i + 1];
    if (inside && elements.includes(inside)) {
      slot(inside).leading.push(c);
      continue;
    }
    let before: Anchor | undefined;
    let after: Anchor | undefined;
    for (const e of elements) {
      if (e.span.end <= c.span.start) before = e;
      else if (e.span.start >= c.span.end && !after) after = e;
    }
    if (before && sameLine(source, before.span.end, c.span.start) && slot(before).trailing.length === 0) {
      slot(before).trailing.push(c);
    } else if (!before && block !== file && endOfLine(source, c.span.start) && slot(block).open.length === 0) {
      slot(block).open.push(c);
    } else if (after) {
      slot(after).leading.push(c);
    } else {
      slot(block).dangling.push(c);
    }
  }
  return map;
}
