// The only import surface of engine/: checking, compiling, evaluating and explaining rule sets.
export * from './model.ts';
export * from './dataset.ts';
export * from './result.ts';
export { check, type CheckOptions, type CheckResult } from './check.ts';
export { compile, type CompiledRuleSet } from './compile.ts';
export { evaluate, type EvaluateOptions } from './evaluate.ts';
export { evaluateReference } from './reference.ts';
export { explain, type Explanation } from './explain.ts';
