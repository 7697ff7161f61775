// What every part of the formatter shares: the target keyword language, built-in name translation, comments, blocks.
import type { Comment, KeywordLang, Node, RuleFile, StringLit } from './ast.ts';
import type { AttachedComments, CommentMap } from './print-comments.ts';
import { breakParent, group, hardline, indent, join, line, lineSuffix, type Doc } from './print-doc.ts';
import { ITEM_START_IDS } from './tokens.ts';
import { BUILTINS, keywordOf, keywordText, type BuiltinKind } from './vocabulary.ts';

/** Formatting state for one file. */
export interface PrintContext {
  readonly lang: KeywordLang;
  readonly comments: CommentMap;
  /** Every name the file itself declares; a built-in is not translated into one of these. */
  readonly declared: ReadonlySet<string>;
}

/** A keyword in the target language (the first Chinese form for zh). */
export function kw(ctx: PrintContext, id: string): string {
  return keywordText(id, ctx.lang);
}

/**
 * A built-in type or function name in the target language. Left as written when the file
 * declares a name equal to either form, because then the name may mean the file's own definition.
 */
export function builtinName(ctx: PrintContext, kind: BuiltinKind, written: string): string {
  const b = BUILTINS.find(x => x.builtin === kind && (x.en === written || x.zh.includes(written)));
  if (!b) return written;
  const target = ctx.lang === 'en' ? b.en : b.zh[0];
  if (target === written || ctx.declared.has(target) || ctx.declared.has(written)) return written;
  return target;
}

/** The names a file declares anywhere: definitions, inputs, enum members, fields, situations, units. */
export function declaredNames(file: RuleFile): Set<string> {
  const names = new Set<string>();
  const visit = (items: RuleFile['items']) => {
    for (const item of items) {
      if (item.kind === 'TestCase') continue;
      if (item.kind === 'Remove') {
        names.add(item.name.name);
        continue;
      }
      names.add(item.name.name);
      switch (item.kind) {
        case 'UnitBlock': visit(item.items); break;
        case 'InputDef': for (const n of item.names) names.add(n.name); break;
        case 'EnumDef': for (const m of item.members) names.add(m.name); break;
        case 'RecordsDef':
        case 'PeriodsDef': for (const f of item.fields) names.add(f.name.name); break;
        case 'EventsDef':
          for (const s of item.situations) names.add(s.name.name);
          for (const f of item.fields) names.add(f.name.name);
          break;
        default: break;
      }
    }
  };
  visit(file.items);
  return names;
}

/**
 * A string literal. The language has no escapes and a string ends at its line, so a value with
 * an ASCII `"` is written in Chinese quotes `“…”`, which may hold it.
 */
export function quote(s: StringLit | string): string {
  const value = typeof s === 'string' ? s : s.value;
  if (/[\r\n]/.test(value) || (value.includes('"') && value.includes('”'))) {
    // Only a hand-built tree can hold such a value: no source text parses to one.
    throw new Error(`string value cannot be written in Kaoping: ${JSON.stringify(value)}`);
  }
  return value.includes('"') ? `“${value}”` : `"${value}"`;
}

const none: AttachedComments = { leading: [], trailing: [], open: [], dangling: [] };

export function commentsOf(ctx: PrintContext, node: object): AttachedComments {
  return ctx.comments.get(node) ?? none;
}

export function commentText(c: Comment): string {
  return c.text.replace(/\s+$/, '');
}

/** Wraps a line-level node's doc with its own-line comments before and its end-of-line comment after. */
export function withComments(ctx: PrintContext, node: Node, doc: Doc): Doc {
  const a = commentsOf(ctx, node);
  if (a.leading.length === 0 && a.trailing.length === 0) return doc;
  const parts: Doc[] = [];
  for (const c of a.leading) parts.push(commentText(c), hardline);
  parts.push(doc);
  for (const c of a.trailing) parts.push(lineSuffix('  ' + commentText(c)), breakParent);
  return parts;
}

/** Own-line comments, each preceded by a line break (for the end of a block). */
export function danglingDocs(comments: readonly Comment[]): Doc[] {
  return comments.map(c => [hardline, commentText(c)]);
}

/** How the elements of a `{ … }` block are laid out. */
export type BlockStyle =
  /** One element per line, always. */
  | { readonly kind: 'lines' }
  /** On one line when it fits and holds no comment (elements joined by `flatSep`), else one per line. */
  | { readonly kind: 'fill'; readonly flatSep: string; readonly breakSep: string };

/** The name a text ends with (the letters of names; see tokens.ts). */
const NAME_AT_END = /[A-Za-z0-9_\u00b7\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19]+$/;

/** The last text a doc prints (end-of-line comments aside). */
function lastText(doc: Doc): string | undefined {
  if (typeof doc === 'string') return doc.trim() === '' ? undefined : doc;
  if (Array.isArray(doc)) {
    const parts = doc as readonly Doc[];
    for (let i = parts.length - 1; i >= 0; i--) {
      const t = lastText(parts[i]);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  return d.t === 'group' || d.t === 'indent' ? lastText(d.doc) : undefined;
}

/**
 * Whether an element ends with a name spelled like a keyword that starts a definition (`单位`,
 * `得分`, …). The parser reads such a word followed by a name as the next definition, so the
 * element needs an explicit `;` before the next one.
 */
function endsWithItemKeyword(doc: Doc): boolean {
  const word = lastText(doc)?.match(NAME_AT_END)?.[0];
  const k = word ? keywordOf(word) : undefined;
  return k !== undefined && ITEM_START_IDS.has(k.id);
}

/**
 * `head { elements }` — elements already wrapped with their comments; `owner` carries dangling
 * comments. Elements are separated by line breaks (or `flatSep` on one line); an element that
 * would otherwise run into the next ends with `;` (see `endsWithItemKeyword`; callers add their
 * own cases through `needsSep`).
 */
export function block(
  ctx: PrintContext, head: Doc, owner: object, elements: readonly Doc[], style: BlockStyle, needsSep?: readonly boolean[],
): Doc {
  const attached = commentsOf(ctx, owner);
  const dangling = danglingDocs(attached.dangling);
  const open: Doc[] = attached.open.map(c => [lineSuffix('  ' + commentText(c)), breakParent]);
  if (elements.length === 0 && dangling.length === 0 && open.length === 0) return [head, ' {}'];
  const last = elements.length - 1;
  const explicit = (i: number) => i < last && (needsSep?.[i] === true || endsWithItemKeyword(elements[i]));
  if (style.kind === 'lines') {
    const body = elements.flatMap((e, i) => [i > 0 ? hardline : '', e, explicit(i) ? ';' : '']);
    return [head, ' {', ...open, indent([...(elements.length > 0 ? [hardline] : []), ...body, ...dangling]), hardline, '}'];
  }
  const body = elements.flatMap((e, i): Doc[] => {
    if (i === last) return [e];
    const sep = explicit(i) ? ';' : style.breakSep;
    const flat = explicit(i) && style.flatSep.startsWith(',') ? style.flatSep.slice(1) : style.flatSep;
    return [e, sep, { t: 'line', flat, hard: false }];
  });
  return group([head, ' {', ...open, indent([...(elements.length > 0 ? [line] : []), ...body, ...dangling]), line, '}']);
}
