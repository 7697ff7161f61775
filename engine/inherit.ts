// `extends`: merges a file's items onto its base's definitions (override in place, remove, append new).
import type * as ast from '../grammar/ast.ts';
import type { Diagnostic } from '../grammar/diagnostic.ts';
import type { Origin } from './model.ts';
import type { DefEntry, Entry, UnitEntry } from './resolve.ts';
import { makeDiagnostic } from './check-codes.ts';

export interface MergeResult {
  /** Base entries first (overrides in their place, removed ones gone), then this file's new ones. */
  readonly entries: readonly Entry[];
  /** Names this file removed, by `levelKey(unitKind, name)`, for "removed but still used". */
  readonly removed: ReadonlyMap<string, ast.Remove>;
}

/** Key of a name at a level in `MergeResult.removed` (unit kind '' for the cadre level). */
export function levelKey(unitKind: string | undefined, name: string): string {
  return `${unitKind ?? ''}\u0000${name}`;
}

interface MergeEnv {
  readonly origin: Origin;
  /** Whether the file has an `extends` clause (changes the wording of override/remove errors). */
  readonly extending: boolean;
  /** The base could not be loaded: override/remove cannot be judged (its absence is reported once). */
  readonly baseUnavailable: boolean;
  readonly lang: ast.KeywordLang;
  readonly report: (d: Diagnostic) => void;
  readonly removed: Map<string, ast.Remove>;
}

/** The names an item defines (an input may declare several). */
function namesOf(item: ast.Definition | ast.UnitBlock): readonly ast.Ident[] {
  return item.kind === 'InputDef' ? item.names : [item.name];
}

/**
 * Merges `items` (one file's, in written order) onto `base`: the base's merged entries, undefined
 * without `extends`, or 'unavailable' when the base could not be loaded. Duplicates inside the
 * file keep the first definition.
 */
export function mergeItems(
  base: readonly Entry[] | 'unavailable' | undefined,
  items: readonly ast.Item[],
  origin: Origin,
  lang: ast.KeywordLang,
  report: (d: Diagnostic) => void,
): MergeResult {
  const env: MergeEnv = {
    origin, extending: base !== undefined, baseUnavailable: base === 'unavailable', lang, report, removed: new Map(),
  };
  const entries = mergeLevel(base === 'unavailable' ? [] : base ?? [], items, undefined, env);
  return { entries, removed: env.removed };
}

function mergeLevel<E extends Entry>(
  base: readonly E[],
  items: readonly ast.Item[],
  unitKind: string | undefined,
  env: MergeEnv,
): E[] {
  const slots: (Entry | undefined)[] = [...base];
  const index = new Map<string, number>();
  base.forEach((e, i) => index.set(e.name, i));
  const inherited = new Set(base.map(e => e.name));
  const own = new Map<string, ast.Ident>();

  for (const item of items) {
    if (item.kind === 'TestCase') continue;
    if (item.kind === 'Remove') {
      removeOne(item, unitKind, slots, index, inherited, own, env);
      continue;
    }
    for (const ident of namesOf(item)) {
      const name = ident.name;
      if (!name) continue;
      const first = own.get(name);
      if (first) {
        env.report(makeDiagnostic('duplicateDefinition', `重复定义：${name}`, `duplicate definition: ${name}`, ident.span, {
          related: [{ message: `${name} 首次定义于此 / first defined here`, span: first.span }],
        }));
        continue;
      }
      own.set(name, ident);
      const at = inherited.has(name) ? index.get(name) : undefined;
      const prior = at === undefined ? undefined : slots[at];
      if (item.override && prior === undefined && !env.baseUnavailable) {
        const msg = env.extending ? `基础规则集中没有 ${name}，不能覆盖` : `没有继承任何规则集，不能覆盖 ${name}`;
        const en = env.extending ? `cannot override ${name}: the base rule set does not define it` : `cannot override ${name}: the rule set extends nothing`;
        env.report(makeDiagnostic('overrideMissing', msg, en, ident.span));
      }
      if (!item.override && prior !== undefined && !(item.kind === 'UnitBlock' && prior.kind === 'unit')) {
        const kw = env.lang === 'zh' ? '覆盖 ' : 'override ';
        env.report(makeDiagnostic('needsOverride', `${name} 已在基础规则集中定义；重新定义请加“${kw.trim()}”`,
          `${name} is already defined in the base rule set; write \`override\` to redefine it`, ident.span, {
            fix: { title: `加上 ${kw.trim()}`, edits: [{ span: { start: item.span.start, end: item.span.start }, text: kw }] },
          }));
      }
      const entry = makeEntry(item, ident, prior, env);
      if (at !== undefined && prior !== undefined) {
        slots[at] = entry;
        // Replaced: a second definition of the same name in this file is a duplicate, not an override.
        inherited.delete(name);
      } else {
        index.set(name, slots.length);
        slots.push(entry);
      }
    }
  }
  return slots.filter((e): e is Entry => e !== undefined) as E[];
}

function removeOne(
  item: ast.Remove,
  unitKind: string | undefined,
  slots: (Entry | undefined)[],
  index: Map<string, number>,
  inherited: Set<string>,
  own: Map<string, ast.Ident>,
  env: MergeEnv,
): void {
  const name = item.name.name;
  if (!name) return;
  const at = index.get(name);
  if (at !== undefined && inherited.has(name) && slots[at] !== undefined && !own.has(name)) {
    slots[at] = undefined;
    inherited.delete(name);
    index.delete(name);
    env.removed.set(levelKey(unitKind, name), item);
    return;
  }
  if (env.baseUnavailable) return;
  const msg = env.extending ? `基础规则集中没有 ${name}，不能删除` : `没有继承任何规则集，不能删除 ${name}`;
  const en = env.extending ? `cannot remove ${name}: the base rule set does not define it` : `cannot remove ${name}: the rule set extends nothing`;
  env.report(makeDiagnostic('removeMissing', msg, en, item.name.span));
}

function makeEntry(item: ast.Definition | ast.UnitBlock, ident: ast.Ident, prior: Entry | undefined, env: MergeEnv): Entry {
  if (item.kind !== 'UnitBlock') return { kind: 'def', name: ident.name, ident, def: item, origin: env.origin };
  // A unit block without `override` refines the inherited unit item by item; with it, replaces it.
  const baseItems: readonly DefEntry[] = !item.override && prior?.kind === 'unit' ? prior.items : [];
  const items = mergeLevel<DefEntry>(baseItems, item.items, ident.name, env);
  const unit: UnitEntry = { kind: 'unit', name: ident.name, ident, block: item, items, origin: env.origin };
  return unit;
}
