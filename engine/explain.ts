// Explanations: for a value or the decision of one cadre (or unit), a tree of the definitions, formulas as
// written, the values that went in, down to input cells and rows. Only what decided the value is shown:
// the arm a match took, the branch of an if, the tiers tried up to the one that held, the grade levels passed over. Values come from the
// reference interpreter, which walks the AST exactly as the tree presents it (and agrees with the fast evaluator).
import type { Span } from '../grammar/span.ts';
import type * as ast from '../grammar/ast.ts';
import type { Dataset } from './dataset.ts';
import type { CompiledRuleSet } from './compile.ts';
import type { Value } from './result.ts';
import { presentRV, Reference, type Env, type RefYear } from './reference.ts';
import { dispositionOrder } from './dispose.ts';
import { explainGrade } from './explain-grade.ts';
import { distinct, explainBelow, explainParts, explainSubconditions } from './explain-parts.ts';

/** One node of an explanation. */
export interface Explanation {
  readonly label: string;
  /** The definition explained here, with its place in the rules and its legal basis. */
  readonly definition?: { readonly name: string; readonly span: Span; readonly file: string; readonly source?: string };
  /** The expression as written. */
  readonly formula?: string;
  readonly value: Value;
  /** The year, when it is not the year asked for (history). */
  readonly year?: number;
  /** Where an input cell or a row came from in the data. */
  readonly origin?: { readonly file: string; readonly line: number };
  /**
   * On a definition explained earlier in the tree (label `名（见上）`, no children): that first, full
   * node. A printer that cuts the tree at some depth may have hidden it, and then shows it here instead.
   */
  readonly original?: Explanation;
  readonly children: readonly Explanation[];
}

export type ExplainTarget =
  | { readonly cadre: string; readonly value?: string }
  | { readonly unitKind: string; readonly unit: string; readonly value?: string };

/** What every explainer needs: the reference, the text of the rules, and what was already explained. */
export interface ExplainContext {
  readonly ref: Reference;
  readonly year: number;
  readonly seen: Set<string>;
  /** The finished node of each definition explained so far (same keys as `seen`), for repeats to point at. */
  readonly done: Map<string, Explanation>;
  text(span: Span, file: string): string;
}

const MAX_DEPTH = 12;

/** Explains a value (or, without `value`, the decision and every fired disposition) of one cadre or unit. */
export function explain(compiled: CompiledRuleSet, dataset: Dataset, year: number, target: ExplainTarget): Explanation {
  const model = compiled.model;
  const ref = new Reference(model, dataset);
  const ctx: ExplainContext = {
    ref, year, seen: new Set(), done: new Map(),
    text: (span, file) => {
      const f = model.files.find(x => x.file === file) ?? model.files[0];
      return f ? f.text.slice(span.start, span.end) : '';
    },
  };
  const lk = 'cadre' in target ? '' : target.unitKind;
  const id = 'cadre' in target ? target.cadre : target.unit;
  const y = ref.year(year);
  const i = y ? y.indexOf(lk, id) : -1;
  if (!y || i < 0) return { label: `${id}：${year} 年数据中没有此${lk ? '单位' : '人'}`, value: null, children: [] };
  if (target.value !== undefined) return explainName(ctx, { y, lk, i }, target.value, 0);
  return explainDecision(ctx, { y, lk, i });
}

function definitionOf(ctx: ExplainContext, lk: string, name: string) {
  const lm = ctx.ref.level(lk);
  const info = lm.inputs.find(x => x.name === name) ?? lm.computed.find(x => x.name === name);
  return info;
}

/** The decision of a member with every disposition that fired, each with its sub-conditions. */
export function explainDecision(ctx: ExplainContext, env: Env): Explanation {
  const ref = ctx.ref;
  const d = ref.decider(env.y, env.lk, env.i);
  const fired = dispositionOrder(ref.model, ref.level(env.lk)).filter(x => ref.value(env.y, env.lk, x.name.name, env.i) === true);
  const value = d && d.candidates.length === 0 ? d.name.name : null;
  const label = d && d.candidates.length > 0 ? `决定：待组织认定，候选 ${d.candidates.map(c => c.name).join('、')}` : `决定：${value ?? '无'}`;
  return {
    label, value, year: env.y.year === ctx.year ? undefined : env.y.year,
    children: fired.map(x => explainName(ctx, env, x.name.name, 1)),
  };
}

/** An input or definition of a member, with the values that went into it. */
export function explainName(ctx: ExplainContext, env: Env, name: string, depth: number): Explanation {
  const ref = ctx.ref;
  const info = definitionOf(ctx, env.lk, name);
  const raw = ref.value(env.y, env.lk, name, env.i);
  const value = presentRV(raw, info?.type.kind ?? 'number');
  const year = env.y.year === ctx.year ? undefined : env.y.year;
  if (!info) return { label: name, value, year, children: [] };
  const def = info.def;
  const definition = { name, span: def.span, file: info.origin.file, source: def.source?.value };
  if (def.kind === 'InputDef') {
    return { label: name, definition, value, year, origin: inputOrigin(env.y, env.lk, env.i), children: [] };
  }
  const key = `${env.y.year}\u0000${env.lk}\u0000${env.i}\u0000${name}`;
  const formula = formulaOf(ctx, def, info.origin.file);
  if (ctx.seen.has(key) || depth > MAX_DEPTH) {
    // Definitions do not depend on themselves, so a seen key is finished: `done` has it.
    const original = ctx.done.get(key);
    if (original) return { label: `${name}（见上）`, definition, formula, value, year, original, children: [] };
    return { label: `${name}（从略）`, definition, formula, value, year, children: [] };
  }
  ctx.seen.add(key);
  const file = info.origin.file;
  let children: Explanation[];
  switch (def.kind) {
    // A condition shows its and/or operands; a formula that is one call (限定(…), 末位(…)) is already
    // shown as the formula, so its parts come directly.
    case 'ScoreDef': children = explainSubconditions(ctx, def.expr, env, depth, file); break;
    case 'TableDef': children = explainParts(ctx, def.by, env, depth, file); break;
    case 'RankDef': children = [
      ...explainParts(ctx, def.key.expr, env, depth, file),
      ...def.within.flatMap(w => explainParts(ctx, w, env, depth, file)),
      ...def.tiebreak.flatMap(t => explainParts(ctx, t.expr, env, depth, file)),
    ]; break;
    case 'GradeDef': children = explainGrade(ctx, name, def, env, depth, file); break;
    case 'DispositionDef': children = explainSubconditions(ctx, def.when, env, depth, file); break;
    case 'WeightsDef': children = []; break;
  }
  const because = def.kind === 'DispositionDef' && def.because ? `：${def.because.value}` : '';
  const node: Explanation = { label: `${name}${because}`, definition, formula, value, year, children: distinct(children) };
  ctx.done.set(key, node);
  return node;
}

function formulaOf(ctx: ExplainContext, def: ast.Definition, file: string): string {
  switch (def.kind) {
    case 'ScoreDef': return def.round ? ctx.text({ start: def.expr.span.start, end: def.round.span.end }, file) : ctx.text(def.expr.span, file);
    case 'DispositionDef': return ctx.text(def.when.span, file);
    default: return ctx.text(def.span, file);
  }
}

function inputOrigin(y: RefYear, lk: string, i: number): { file: string; line: number } | undefined {
  const o = y.table(lk).origin;
  return o ? { file: o.file, line: o.lines[i] } : undefined;
}

