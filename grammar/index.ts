// The only import surface of grammar/: text → tokens → AST, the formatter, diagnostics and spans.
export * from './ast.ts';
export * from './span.ts';
export * from './diagnostic.ts';
export * from './vocabulary.ts';
export { parse, type ParseResult, type ParseOptions, MAX_NESTING_DEPTH } from './parse.ts';
export { tokenize, type TokenInfo } from './lexer.ts';
export { format, type FormatOptions } from './print.ts';
