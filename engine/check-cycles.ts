// Dependency graphs of a level: strongly connected components, same-year cycles (with the path), topological order.
import type { CheckContext } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import type { ComputedSym } from './resolve.ts';
import { DECISION_ENUM } from './types.ts';

/**
 * Tarjan's algorithm without recursion. Components come out dependencies first (edges point from
 * a node to what it reads); roots are taken in `nodes` order and edges in the order given, so the
 * result is deterministic.
 */
export function stronglyConnected(nodes: readonly string[], edges: (n: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; succ: readonly string[]; i: number }[] = [];
    const enter = (n: string) => {
      index.set(n, counter);
      low.set(n, counter);
      counter++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, succ: edges(n), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (top.i < top.succ.length) {
        const w = top.succ[top.i++];
        if (!index.has(w)) enter(w);
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== top.node);
        out.push(scc.reverse());
      }
    }
  }
  return out;
}

/** One cycle through `start` inside a component, as the list of names ending back at `start`. */
function cyclePath(start: string, members: ReadonlySet<string>, edges: (n: string) => readonly string[]): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q];
    for (const w of edges(n)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const back: string[] = [];
        for (let at = n; at !== start; at = prev.get(at)!) back.push(at);
        return [start, ...back.reverse(), start];
      }
      if (!prev.has(w)) {
        prev.set(w, n);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * Checks the same-year dependencies of one level's computed definitions for cycles and returns
 * them in dependency order. `决定` stands for all dispositions, so a disposition reading the
 * decision of the same year is a cycle.
 */
export function orderLevel(ctx: CheckContext, computed: readonly ComputedSym[]): ComputedSym[] {
  const byName = new Map(computed.map(c => [c.name, c]));
  const dispositions = computed.filter(c => c.def.kind === 'DispositionDef').map(c => c.name);
  const memo = new Map<string, readonly string[]>();
  const edges = (n: string): readonly string[] => {
    const known = memo.get(n);
    if (known) return known;
    const sym = byName.get(n);
    const deps = n === DECISION_ENUM && !sym ? dispositions
      : [...(sym ? ctx.deps.get(sym) ?? [] : [])].filter(d => byName.has(d) || (d === DECISION_ENUM && dispositions.length > 0));
    memo.set(n, deps);
    return deps;
  };
  const nodes = computed.map(c => c.name);
  const components = stronglyConnected(nodes, edges);
  for (const scc of components) {
    const members = new Set(scc);
    const selfLoop = scc.length === 1 && edges(scc[0]).includes(scc[0]);
    if (scc.length === 1 && !selfLoop) continue;
    const inOrder = computed.filter(c => members.has(c.name));
    const at = inOrder.find(c => c.entry.origin.file === ctx.mainFile) ?? inOrder[0];
    if (!at) continue;
    const path = cyclePath(at.name, members, edges).join(' → ');
    ctx.inFile(at.entry.origin.file, () => ctx.report(makeDiagnostic('cycle', `循环依赖：${path}（同一年的值不能互相引用；引用往年的值请用 @-1）`,
      `cycle among same-year definitions: ${path} (read an earlier year with @-1)`, at.def.name.span)));
  }
  return components.flat().flatMap(n => (byName.has(n) ? [byName.get(n)!] : []));
}
