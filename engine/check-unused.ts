// Unused declarations: inputs, enums, rows and tables of the checked file that nothing reads.
import type { CheckContext } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import type { LevelScope, Sym } from './resolve.ts';

/**
 * Scores, ranks, grades, dispositions and `define`s are results in their own right (they are
 * shown and explained), so only what exists to be read is reported: inputs, enums, records/
 * events/periods, weights tables and parameter tables.
 */
function describe(sym: Sym): [string, string] | undefined {
  switch (sym.kind) {
    case 'input': return ['输入', 'input'];
    case 'enum': return ['枚举', 'enum'];
    case 'rows': return ['明细', 'rows'];
    case 'computed':
      if (sym.def.kind === 'WeightsDef') return ['权重表', 'weights table'];
      if (sym.def.kind === 'TableDef') return ['参数表', 'parameter table'];
      return undefined;
    default: return undefined;
  }
}

export function checkUnused(ctx: CheckContext, scope: LevelScope): void {
  for (const sym of scope.order) {
    if (sym.kind === 'unit') {
      checkUnused(ctx, sym.scope);
      continue;
    }
    const what = describe(sym);
    if (!what || ctx.used.has(sym) || sym.entry.origin.file !== ctx.mainFile) continue;
    ctx.report(makeDiagnostic('unused', `${what[0]} ${sym.name} 未被使用`, `${what[1]} ${sym.name} is never used`, sym.entry.ident.span));
  }
}
