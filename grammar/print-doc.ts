// A small Wadler-style document algebra and its layout: the formatter builds a Doc, this turns it into text.
// Decisions depend only on the Doc (never on the original layout), which makes formatting idempotent.

/** A document: text, or a structure that the layout turns into text. */
export type Doc =
  | string
  | readonly Doc[]
  | { readonly t: 'line'; readonly flat: string; readonly hard: boolean }
  | { readonly t: 'group'; readonly doc: Doc; broken?: boolean }
  | { readonly t: 'indent'; readonly doc: Doc }
  | { readonly t: 'suffix'; readonly text: string }
  | { readonly t: 'breakParent' };

/** A space when the enclosing group fits on one line, a newline otherwise. */
export const line: Doc = { t: 'line', flat: ' ', hard: false };
/** Nothing when the enclosing group fits on one line, a newline otherwise. */
export const softline: Doc = { t: 'line', flat: '', hard: false };
/** Always a newline; every enclosing group breaks. */
export const hardline: Doc = { t: 'line', flat: '', hard: true };
/** Forces every enclosing group to break (used beside end-of-line comments). */
export const breakParent: Doc = { t: 'breakParent' };

/** Lays out `doc` on one line if it fits, otherwise breaks its own lines (not those of inner groups). */
export function group(doc: Doc): Doc {
  return { t: 'group', doc };
}

/** Lines broken inside `doc` are indented one level more. */
export function indent(doc: Doc): Doc {
  return { t: 'indent', doc };
}

/**
 * Text held back until the end of the current line: a trailing `# comment` stays after the
 * separator that follows its node (`a 30%,  # note`).
 */
export function lineSuffix(text: string): Doc {
  return { t: 'suffix', text };
}

/** Joins docs with a separator. */
export function join(sep: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(sep);
    out.push(d);
  });
  return out;
}

export interface LayoutOptions {
  /** Maximum line width in display columns (a CJK character counts two). */
  readonly width: number;
  readonly indentWidth: number;
}

/** Marks every group that contains a hard line or a breakParent as broken; returns whether `doc` does. */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) {
    let any = false;
    for (const d of doc as readonly Doc[]) if (propagateBreaks(d)) any = true;
    return any;
  }
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.t) {
    case 'line': return d.hard;
    case 'breakParent': return true;
    case 'suffix': return false;
    case 'indent': return propagateBreaks(d.doc);
    case 'group': {
      const inner = propagateBreaks(d.doc);
      if (inner) d.broken = true;
      return inner;
    }
  }
}

/** Display width: East Asian wide and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

type Mode = 'flat' | 'break';
interface Cmd { readonly ind: number; readonly mode: Mode; readonly doc: Doc }

/**
 * Whether `next` laid out flat, followed by the rest of the line, fits in `room` columns.
 * The rest is measured up to its first line break in its own mode.
 */
function fits(next: Cmd, rest: readonly Cmd[], room: number): boolean {
  const stack: Cmd[] = [next];
  let restIdx = rest.length;
  while (room >= 0) {
    let cmd = stack.pop();
    if (!cmd) {
      if (restIdx === 0) return true;
      cmd = rest[--restIdx];
    }
    const { mode, doc } = cmd;
    if (typeof doc === 'string') { room -= displayWidth(doc); continue; }
    if (Array.isArray(doc)) {
      const parts = doc as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--) stack.push({ ind: cmd.ind, mode, doc: parts[i] });
      continue;
    }
    const d = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (d.t) {
      case 'line':
        if (mode === 'break' || d.hard) return true;
        room -= d.flat.length;
        break;
      case 'group':
        stack.push({ ind: cmd.ind, mode: d.broken ? 'break' : mode, doc: d.doc });
        break;
      case 'indent':
        stack.push({ ind: cmd.ind, mode, doc: d.doc });
        break;
      case 'suffix':
      case 'breakParent':
        break;
    }
  }
  return false;
}

/** Renders a Doc to text: trailing spaces trimmed, end-of-line suffixes placed before each newline. */
export function layout(root: Doc, options: LayoutOptions): string {
  propagateBreaks(root);
  const out: string[] = [];
  let lineText = '';
  let column = 0;
  let suffixes: string[] = [];
  const endLine = () => {
    if (suffixes.length > 0) {
      lineText += suffixes.join('');
      suffixes = [];
    }
    out.push(lineText.replace(/[ \t]+$/, ''));
    lineText = '';
  };
  const stack: Cmd[] = [{ ind: 0, mode: 'break', doc: root }];
  while (stack.length > 0) {
    const cmd = stack.pop()!;
    const { ind, mode, doc } = cmd;
    if (typeof doc === 'string') {
      lineText += doc;
      column += displayWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      const parts = doc as readonly Doc[];
      for (let i = parts.length - 1; i >= 0; i--) stack.push({ ind, mode, doc: parts[i] });
      continue;
    }
    const d = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (d.t) {
      case 'group': {
        const flat = !d.broken && fits({ ind, mode: 'flat', doc: d.doc }, stack, options.width - column);
        stack.push({ ind, mode: flat ? 'flat' : 'break', doc: d.doc });
        break;
      }
      case 'indent':
        stack.push({ ind: ind + options.indentWidth, mode, doc: d.doc });
        break;
      case 'line':
        if (mode === 'flat' && !d.hard) {
          lineText += d.flat;
          column += d.flat.length;
        } else {
          endLine();
          lineText = ' '.repeat(ind);
          column = ind;
        }
        break;
      case 'suffix':
        suffixes.push(d.text);
        break;
      case 'breakParent':
        break;
    }
  }
  endLine();
  return out.join('\n');
}
