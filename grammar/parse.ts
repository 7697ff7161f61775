// The grammar's entry point: text → tokens → AST (built while parsing), with every lexing and
// syntax diagnostic, at most one syntax error per definition, and no exception for any input.
import type { IToken } from 'chevrotain';
import type { Item, KeywordLang, RuleFile } from './ast.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { depthError, junkError, syntaxError, type SyntaxError } from './syntax-errors.ts';
import { keywordIdOf, lex } from './lexer.ts';
import { MAX_NESTING_DEPTH, parser, parseTokens, type ParsedFile } from './parser.ts';
import type { Span } from './span.ts';
import { KEYWORDS } from './vocabulary.ts';

export { MAX_NESTING_DEPTH };

export interface ParseOptions {
  /** Deepest expression nesting accepted; default and upper bound MAX_NESTING_DEPTH (the call stack allows no more). */
  readonly maxDepth?: number;
}

export interface ParseResult {
  /** The AST of every part that parsed; broken definitions are left out. */
  readonly file: RuleFile;
  /** Lexing and syntax diagnostics (codes KP100–KP199), sorted by position. */
  readonly diagnostics: Diagnostic[];
}

const englishForms = new Set(KEYWORDS.map(k => k.en));

/** Parses a rule file. Never throws: every problem in the text becomes a diagnostic. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const maxDepth = Math.max(1, Math.min(options.maxDepth ?? MAX_NESTING_DEPTH, MAX_NESTING_DEPTH));
  try {
    return parseUnguarded(text, maxDepth);
  } catch (e) {
    // Only a defect in the parser itself gets here; report it rather than crash the caller.
    const detail = e instanceof Error ? e.message : String(e);
    return {
      file: { kind: 'RuleFile', items: [], comments: [], keywordLang: 'zh', span: { start: 0, end: text.length } },
      diagnostics: [{
        code: 'KP199', severity: 'error', span: { start: 0, end: 0 },
        message: `解析器内部错误：${detail}`, messageEn: `internal parser error: ${detail}`,
      }],
    };
  }
}

function parseUnguarded(text: string, maxDepth: number): ParseResult {
  const lexed = lex(text);
  const parsed = parseTokens(lexed.tokens, maxDepth);
  const errors = parser.errors.slice();
  const depthSpans = parser.depthErrors.map(d => d.span);
  const ctx = parser.ctx;

  // Each item (and each definition inside a unit) owns the text from its start to the next one's.
  const starts = scopeStarts(parsed);
  const scopeOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const deepScopes = new Set<number>();
  for (const span of depthSpans) {
    // An empty skip sits at the end of the previous token, so it belongs to the item before.
    const scope = scopeOf(span.start === span.end ? span.start - 1 : span.start);
    if (deepScopes.has(scope)) continue;
    deepScopes.add(scope);
    diagnostics.push(depthError(span, maxDepth));
  }
  const reported = new Set<number>();
  for (const e of errors.map(err => syntaxError(err, text)).sort(byOwner)) {
    const scope = scopeOf(e.owner);
    if (scope >= 0 && (reported.has(scope) || deepScopes.has(scope))) continue;
    if (scope >= 0) reported.add(scope);
    diagnostics.push(e.diagnostic);
  }
  diagnostics.push(...junkDiagnostics(parsed));
  diagnostics.push(...ctx.diagnostics);
  diagnostics.sort(compareDiagnostics);

  const header = parsed.header?.value;
  const items: Item[] = [];
  for (const item of parsed.items) if (item.value) items.push(item.value);
  const file: RuleFile = {
    kind: 'RuleFile', ...(header ? { header } : {}), items, comments: lexed.comments,
    keywordLang: keywordLangOf(lexed.tokens, ctx.keywordsAsNames), span: { start: 0, end: text.length },
  };
  return { file, diagnostics: dedupe(diagnostics) };
}

function byOwner(a: SyntaxError, b: SyntaxError): number {
  return a.owner - b.owner;
}

/** Start offsets, sorted, of the places one syntax error at most is reported in: each item and each definition inside a unit. */
function scopeStarts(parsed: ParsedFile): number[] {
  const starts: number[] = [];
  if (parsed.header) starts.push(parsed.header.span.start);
  for (const item of parsed.items) {
    starts.push(item.span.start);
    if (item.unit) for (const m of item.unit.members) starts.push(m.span.start);
  }
  return starts.sort((a, b) => a - b);
}

/** One diagnostic per run of skipped tokens, unless it only continues a definition already reported. */
function junkDiagnostics(parsed: ParsedFile): Diagnostic[] {
  const parts: { span: Span; recovered: boolean }[] = [...parsed.items];
  if (parsed.header) parts.push(parsed.header);
  const out: Diagnostic[] = [];
  for (const first of parsed.junk) {
    let prev: { span: Span; recovered: boolean } | undefined;
    for (const it of parts) if (it.span.start < first.startOffset && (!prev || it.span.start > prev.span.start)) prev = it;
    if (prev && prev.recovered) continue;
    out.push(junkError(first));
  }
  return out;
}

/** The language most keywords were written in; keywords that served as names do not count. Ties → zh. */
function keywordLangOf(tokens: readonly IToken[], asNames: readonly IToken[]): KeywordLang {
  const skip = new Set(asNames);
  let zh = 0;
  let en = 0;
  for (const t of tokens) {
    if (!keywordIdOf(t) || skip.has(t)) continue;
    if (englishForms.has(t.image)) en++;
    else if (/^[\u3400-\u9fff]/.test(t.image)) zh++;
  }
  return en > zh ? 'en' : 'zh';
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const last = out[out.length - 1];
    if (last && last.code === d.code && last.span.start === d.span.start && last.span.end === d.span.end) continue;
    out.push(d);
  }
  return out;
}
