// Prints an explanation tree: each value with its definition's place (file:line) and legal
// source (依据), its formula, and the values that went into it, indented below — down to a
// chosen depth, marking where a subtree is cut.
import { LineMap, type Span } from '../grammar/span.ts';
import type { RuleSetModel, Type } from '../engine/model.ts';
import type { Explanation } from '../engine/explain.ts';
import { formatValue, valueTypes, type Lang } from './format-value.ts';

/** An explanation node as engine/explain.ts produces it (the printer reads nothing else). */
export type ExplainNode = Explanation;

export interface ExplainFormatOptions {
  readonly lang: Lang;
  /** The dataset folder, prepended to data origins so the paths open from where the command ran. */
  readonly dataDir?: string;
  /** How many levels below the root to show (the root is level 0); unlimited when absent. */
  readonly depth?: number;
}

/** What is printed of a node: itself, its shown children, and whether children were cut off. */
interface Shown {
  readonly node: ExplainNode;
  readonly children: readonly Shown[];
  readonly cut: boolean;
}

/**
 * The tree as printed down to `depth`. A repeat says 见上 only when its original was shown with its
 * children above; when the cut hid them, the original is shown in the repeat's place instead.
 */
function shownTree(root: ExplainNode, depth: number): Shown {
  const expanded = new Set<ExplainNode>();
  const visit = (n: ExplainNode, level: number): Shown => {
    const node = n.original && !expanded.has(n.original) ? n.original : n;
    if (node.children.length === 0) return { node, children: [], cut: false };
    if (level >= depth) return { node, children: [], cut: true };
    expanded.add(node);
    return { node, children: node.children.map(c => visit(c, level + 1)), cut: false };
  };
  return visit(root, 0);
}

function joinPath(dir: string | undefined, file: string): string {
  if (!dir || dir === '.') return file;
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}

/** Where definitions are, for `file:line`: the texts of the rule file and its bases. */
export class SourceIndex {
  private readonly maps = new Map<string, LineMap>();
  constructor(private readonly files: readonly { readonly file: string; readonly text: string }[]) {}

  line(file: string, span: Span): number | undefined {
    let m = this.maps.get(file);
    if (!m) {
      const f = this.files.find(x => x.file === file);
      if (!f) return undefined;
      m = new LineMap(f.text);
      this.maps.set(file, m);
    }
    return m.position(span.start).line;
  }
}

/** Line breaks inside a cell or a label would break the tree's indentation. */
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, '⏎');
}

/** A formula written over several lines, on one line: its indentation is the rule file's, not the tree's. */
function flatFormula(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ');
}

function typeFor(node: ExplainNode, types: ReadonlyMap<string, Type>): Type | undefined {
  return types.get(node.definition?.name ?? node.label);
}

function headLine(node: ExplainNode, types: ReadonlyMap<string, Type>, index: SourceIndex, o: ExplainFormatOptions): string {
  const en = o.lang === 'en';
  const label = oneLine(node.label);
  const value = oneLine(formatValue(node.value, typeFor(node, types), o.lang));
  let s = label;
  if (node.year !== undefined) s += en ? ` (${node.year})` : `（${node.year} 年）`;
  // A label that already states its value (决定：免职, 决定：无) is not followed by it again.
  const stated = !node.definition && (label.endsWith(value) || (node.value === null && /[：:]/.test(label)));
  if (!stated) s += ` = ${value}`;
  const d = node.definition;
  if (d) {
    const line = index.line(d.file, d.span);
    s += `  [${d.file}${line === undefined ? '' : `:${line}`}]`;
    if (d.source) s += en ? `  source: ${d.source}` : `  依据：${d.source}`;
  }
  if (node.origin) s += `  [${en ? 'data' : '数据'} ${joinPath(o.dataDir, node.origin.file)}:${node.origin.line}]`;
  return s;
}

/**
 * The tree as indented text. Value types are looked up by definition name in the cadre level
 * and every unit level, so percent values print as percentages.
 */
export function formatExplanation(root: ExplainNode, model: RuleSetModel, o: ExplainFormatOptions): string {
  const lang = o.lang;
  const types = new Map<string, Type>(valueTypes(model));
  for (const u of model.units) for (const [k, t] of valueTypes(model, u.unitKind)) if (!types.has(k)) types.set(k, t);
  const index = new SourceIndex(model.files);
  const out: string[] = [];
  const walk = (s: Shown, lead: string, childLead: string) => {
    const node = s.node;
    out.push(lead + headLine(node, types, index, o));
    const kids = s.children;
    const below = kids.length > 0 || s.cut;
    if (node.formula && node.formula !== node.label) out.push(`${childLead}${below ? '│  ' : '   '}${lang === 'en' ? 'formula: ' : '公式：'}${flatFormula(node.formula)}`);
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      walk(k, childLead + (last ? '└─ ' : '├─ '), childLead + (last ? '   ' : '│  '));
    });
    if (s.cut) out.push(`${childLead}└─ ${lang === 'en' ? '… (use --depth to see more)' : '…（用 --depth 查看更深）'}`);
  };
  walk(shownTree(root, o.depth ?? Infinity), '', '');
  return out.join('\n') + '\n';
}

/**
 * The tree as JSON: definitions with file and line instead of offsets. Down to `depth` levels below
 * the root (unlimited when absent); a node whose children were cut has `"truncated": true`.
 */
export function explanationJson(root: ExplainNode, model: RuleSetModel, dataDir?: string, depth?: number): object {
  const index = new SourceIndex(model.files);
  const convert = ({ node: n, children, cut }: Shown): object => ({
    label: n.label,
    ...(n.definition ? {
      definition: {
        name: n.definition.name,
        file: n.definition.file,
        line: index.line(n.definition.file, n.definition.span) ?? null,
        ...(n.definition.source ? { source: n.definition.source } : {}),
      },
    } : {}),
    ...(n.formula ? { formula: n.formula } : {}),
    ...(n.year !== undefined ? { year: n.year } : {}),
    ...(n.origin ? { origin: { file: joinPath(dataDir, n.origin.file), line: n.origin.line } } : {}),
    value: typeof n.value === 'number' && !Number.isFinite(n.value) ? null : n.value,
    ...(cut ? { truncated: true } : {}),
    children: children.map(convert),
  });
  return convert(shownTree(root, depth ?? Infinity));
}
