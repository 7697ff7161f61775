// The only import surface of engine/: checking, compiling, evaluating and explaining rule sets.
export * from './model.ts';
export * from './dataset.ts';
export * from './result.ts';
export { check, type CheckOptions, type CheckResult } from './check.ts';
export { compile, type CompiledRuleSet } from './compile.ts';
export { evaluate, type EvaluateOptions } from './evaluate.ts';
export { evaluateReference } from './reference.ts';
export { explain, type Explanation } from './explain.ts';
export { analyze, STAGES, type Analysis, type AnalyzeOptions, type Stage } from './pipeline.ts';
export { datasetSpec, toJsonSchema, type DatasetSpec, type FileSpec, type ColumnSpec } from './schema.ts';
export { runLanguageTests, runTest, buildTestDataset, type TestOutcome, type ExpectFailure } from './lang-tests.ts';
