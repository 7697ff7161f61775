// Syntax errors as data: the message provider records what was expected (as JSON, put into words
// by syntax-errors.ts), and a cache keeps Chevrotain from recomputing it for every error.
import {
  EarlyExitException, NoViableAltException, type IParserErrorMessageProvider, type IToken, type TokenType,
} from 'chevrotain';

/**
 * What a syntax error expected, as data: the parser's messages carry this as JSON and
 * syntax-errors.ts turns it into Chinese and English words.
 */
export interface ExpectedInfo {
  readonly rule: string;
  /** Names of the token types that would have been accepted (first tokens of each alternative). */
  readonly expected: readonly string[];
}

const firstTokens = (paths: TokenType[][][] | TokenType[][]): string[] => {
  const names = new Set<string>();
  for (const p of paths.flat(1) as (TokenType[] | TokenType)[]) {
    const first = Array.isArray(p) ? p[0] : p;
    if (first) names.add(first.name);
  }
  return [...names];
};

/** The message provider given to the parser. */
export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: o => JSON.stringify({ rule: o.ruleName, expected: [o.expected.name] }),
  buildNotAllInputParsedMessage: o => JSON.stringify({ rule: o.ruleName, expected: ['EOF'] }),
  buildNoViableAltMessage: o => JSON.stringify({ rule: o.ruleName, expected: firstTokens(o.expectedPathsPerAlt) }),
  buildEarlyExitMessage: o => JSON.stringify({ rule: o.ruleName, expected: firstTokens(o.expectedIterationPaths) }),
};

/** The parts of Chevrotain's (unexported) error raising that cacheErrorMessages wraps. */
export interface ErrorInternals {
  raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never;
  raiseEarlyExitException(occurrence: number, prodType: unknown, userDefinedErrMsg: string | undefined): never;
  getCurrRuleFullName(): string;
  SAVE_ERROR(e: Error): Error;
  LA(k: number): IToken;
}

/**
 * Chevrotain recomputes the grammar's lookahead paths for the message of every "no viable
 * alternative" and "early exit" error, which made one syntax error cost a quarter of a
 * millisecond. Our messages depend only on the rule and the production, so each is built once.
 */
export function cacheErrorMessages(p: ErrorInternals): void {
  const noAlt = p.raiseNoAltException.bind(p);
  const earlyExit = p.raiseEarlyExitException.bind(p);
  const messages = new Map<string, string>();
  const cached = (key: string, raise: () => never): string => {
    const known = messages.get(key);
    if (known !== undefined) return known;
    try {
      raise();
    } catch (e) {
      messages.set(key, (e as Error).message);
      throw e;
    }
  };
  p.raiseNoAltException = (occurrence, errMsgTypes) => {
    const message = cached(`alt ${p.getCurrRuleFullName()} ${occurrence}`, () => noAlt(occurrence, errMsgTypes));
    throw p.SAVE_ERROR(new NoViableAltException(message, p.LA(1), p.LA(0)));
  };
  p.raiseEarlyExitException = (occurrence, prodType, userDefinedErrMsg) => {
    const message = cached(`exit ${p.getCurrRuleFullName()} ${occurrence} ${String(prodType)}`, () => earlyExit(occurrence, prodType, userDefinedErrMsg));
    throw p.SAVE_ERROR(new EarlyExitException(message, p.LA(1), p.LA(0)));
  };
}
