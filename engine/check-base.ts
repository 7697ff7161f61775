// Problems of base rule sets, summarised as one diagnostic at the `extends` clause of the checked file.
import type * as ast from '../grammar/ast.ts';
import type { Diagnostic, RelatedInfo } from '../grammar/diagnostic.ts';
import { makeDiagnostic } from './check-codes.ts';

/** A diagnostic located in some file other than the checked one. */
export interface BaseProblem {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

/** Most problems listed as related places; the count in the message is always complete. */
const MAX_RELATED = 50;

/**
 * One error at `extends` when the base (or its own bases, or base definitions in the context of
 * this file) has errors. Warnings of a base stay with the base: they are reported when the base
 * itself is checked, and repeating them in every later year would bury this year's own.
 */
export function summariseBase(basePath: string, ext: ast.NumberLit, problems: readonly BaseProblem[]): Diagnostic | undefined {
  const seen = new Set<string>();
  const errors: BaseProblem[] = [];
  for (const p of problems) {
    const d = p.diagnostic;
    if (d.severity !== 'error') continue;
    const key = `${p.file}\u0000${d.code}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(p);
  }
  if (errors.length === 0) return undefined;
  const first = errors[0];
  const related: RelatedInfo[] = errors.slice(0, MAX_RELATED).map(p => ({
    message: `${p.diagnostic.code} ${p.diagnostic.message}`, span: p.diagnostic.span, file: p.file,
  }));
  return makeDiagnostic('baseHasProblems',
    `基础规则集 ${ext.text}（${basePath}）有 ${errors.length} 个错误，首个在 ${first.file}：${first.diagnostic.code} ${first.diagnostic.message}`,
    `the base rule set ${ext.text} (${basePath}) has ${errors.length} error(s); the first, in ${first.file}: ${first.diagnostic.code} ${first.diagnostic.messageEn ?? first.diagnostic.message}`,
    ext.span, { related });
}
