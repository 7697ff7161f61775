// Syntax errors in plain words: Chevrotain's recognition errors (carrying what was expected, as
// JSON from the parser's message provider) become positioned Chinese/English diagnostics.
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Diagnostic } from './diagnostic.ts';
import type { ExpectedInfo } from './parser-errors.ts';
import { spanOfToken, type Span } from './span.ts';
import { KEYWORDS } from './vocabulary.ts';

type Words = readonly [zh: string, en: string];

const TOKEN_WORDS: Record<string, Words> = {
  Percent: ['百分比，如 30%', 'a percentage such as 30%'],
  Number: ['数字', 'a number'],
  String: ['带引号的文字，如 "…"', 'text in quotes such as "…"'],
  Word: ['名称', 'a name'],
  SoftKeyword: ['名称', 'a name'],
  Colon: ['冒号 “:”', "a colon ':'"],
  Equals: ['“=”', "'='"],
  EqEq: ['“==”', "'=='"],
  Comma: ['逗号 “,”', "a comma ','"],
  Semicolon: ['分号 “;”', "a semicolon ';'"],
  LBrace: ['“{”', "'{'"],
  RBrace: ['“}”', "a closing '}'"],
  LParen: ['“(”', "'('"],
  CallParen: ['“(”', "'('"],
  Callee: ['函数名', 'a function name'],
  RParen: ['“)”', "a closing ')'"],
  Arrow: ['“=>”', "'=>'"],
  DotDot: ['“..”，如 0..100', "'..' as in 0..100"],
  Minus: ['“-”', "'-'"],
  GreaterEq: ['“>=”', "'>='"],
  Greater: ['“>”', "'>'"],
  BinaryOperator: ['运算符', 'an operator'],
  EOF: ['文件结束', 'the end of the file'],
};
for (const k of KEYWORDS) TOKEN_WORDS[`Kw_${k.id}`] = [`“${k.zh[0]}”`, `'${k.en}'`];

/** What a rule expects when none of its alternatives matched: one phrase, not a list of tokens. */
const RULE_WORDS: Readonly<Record<string, Words>> = {
  expression: ['值或表达式', 'a value or an expression'],
  operand: ['值或表达式', 'a value or an expression'],
  name: ['名称', 'a name'],
  item: ['定义，如 得分、输入、处置', 'a definition such as score, input or disposition'],
  definition: ['定义，如 得分、输入、处置', 'a definition such as score, input or disposition'],
  pattern: ['枚举成员或数字', 'an enum member or a number'],
  callArg: ['参数', 'an argument'],
  matchArm: ['分支，如 A => 1', 'an arm such as A => 1'],
  tierArm: ['分档，如 完成率 >= 90% => 100', 'a tier such as 完成率 >= 90% => 100'],
  quota: ['名额比例或人数，如 15% 或 3', 'a share or a number such as 15% or 3'],
  testStep: ['“已知”或“预期”', "'given' or 'expect'"],
  assignment: ['“=”', "'='"],
  header: ['年度，如 2013', 'a year such as 2013'],
  tableRow: ['枚举成员或“否则”', "an enum member or 'else'"],
  signedNumber: ['数字', 'a number'],
};

/** Expected tokens whose meaning depends on the rule they are missing from. */
const IN_RULE: Readonly<Record<string, Words>> = {
  'weightItem/Percent': ['权重，如 30%', 'a weight such as 30%'],
  'header/Number': ['年度，如 2014', 'a year such as 2014'],
  'scoreDef/Number': ['保留的小数位数，如 2', 'a number of decimals such as 2'],
  'operand/Minus': ['“-”，如 @-1', "'-' as in @-1"],
  'operand/Number': ['年数，如 @-1', 'a number of years as in @-1'],
  'testStep/Word': ['人员或单位的名称', 'the name of a person or unit'],
  'testStep/Word|String': ['人员或单位的名称', 'the name of a person or unit'],
  'typeRef/Word': ['类型，如 分值、百分比 或枚举名', 'a type such as points, percent or an enum name'],
  'inputDef/Colon': ['冒号 “:” 和类型', "a colon ':' and a type"],
};

/** Expectations that depend on the rule the failing one was called from (`typeRef>name`: a type). */
const IN_PARENT: Readonly<Record<string, Words>> = {
  'typeRef>name': ['类型，如 分值、百分比 或枚举名', 'a type such as points, percent or an enum name'],
};

function wordsFor(info: ExpectedInfo): Words {
  const inRule = IN_RULE[`${info.rule}/${info.expected.join('|')}`];
  if (inRule) return inRule;
  if (info.expected.length === 1) {
    return TOKEN_WORDS[info.expected[0]] ?? RULE_WORDS[info.rule] ?? ['其他内容', 'something else'];
  }
  const ruleWords = RULE_WORDS[info.rule];
  if (ruleWords) return ruleWords;
  const listed = info.expected.slice(0, 4).map(e => TOKEN_WORDS[e] ?? [e, e]);
  return [listed.map(w => w[0]).join('或'), listed.map(w => w[1]).join(' or ')];
}

const isWordLike = (token: IToken): boolean => /^[\p{L}\p{N}_·]/u.test(token.image);

/** The token quoted for a message: words bare, punctuation in quotes. */
function shown(token: IToken, lang: 'zh' | 'en'): string {
  const image = token.image.length > 20 ? `${token.image.slice(0, 20)}…` : token.image;
  if (isWordLike(token)) return image;
  return lang === 'zh' ? `“${image}”` : `'${image}'`;
}

const isReal = (token: IToken | undefined): token is IToken =>
  !!token && token.tokenType?.name !== 'EOF' && !token.isInsertedInRecovery && !Number.isNaN(token.startOffset);

/** A syntax diagnostic, and the offset of the item it belongs to (for one-error-per-item filtering). */
export interface SyntaxError {
  readonly diagnostic: Diagnostic;
  readonly owner: number;
}

/** Converts one recognition error into a diagnostic in plain words. */
export function syntaxError(e: IRecognitionException, text: string): SyntaxError {
  let info: ExpectedInfo;
  try {
    info = JSON.parse(e.message) as ExpectedInfo;
  } catch {
    info = { rule: '', expected: [] };
  }
  const stack = e.context?.ruleStack ?? [];
  const parent = stack.length >= 2 ? stack[stack.length - 2] : '';
  const [zh, en] = IN_PARENT[`${parent}>${info.rule}`] ?? wordsFor(info);
  const found = isReal(e.token) ? e.token : undefined;
  const previous = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const prev = isReal(previous) ? previous : undefined;
  let span: Span;
  let owner: number;
  const sameLine = !!found && (!prev || !text.slice(spanOfToken(prev).end, found.startOffset).includes('\n'));
  if (found && sameLine) {
    span = spanOfToken(found);
    owner = found.startOffset;
  } else if (prev) {
    const end = spanOfToken(prev).end;
    span = { start: end, end };
    owner = prev.startOffset;
  } else {
    span = { start: text.length, end: text.length };
    owner = text.length;
  }
  const where = prev ? [`${shown(prev, 'zh')} 之后应为`, ` after ${shown(prev, 'en')}`] : ['此处应为', ''];
  const tail = !found ? ['，但文件已结束', ', but the file ends']
    : sameLine ? [`，而此处是 ${shown(found, 'zh')}`, `, found ${shown(found, 'en')}`]
      : ['，但这一行已结束', ', but the line ends'];
  return {
    diagnostic: {
      code: 'KP120', severity: 'error', span,
      message: `${where[0]}${zh}${tail[0]}`,
      messageEn: `expected ${en}${where[1]}${tail[1]}`,
    },
    owner,
  };
}

/** Tokens that cannot start a definition, skipped by the parser up to the next one. */
export function junkError(first: IToken): Diagnostic {
  if (first.tokenType.name === 'Kw_ruleset') {
    return {
      code: 'KP131', severity: 'error', span: spanOfToken(first),
      message: '规则集标题只能写一次，且应写在文件开头', messageEn: 'the ruleset header comes once, at the start of the file',
    };
  }
  return {
    code: 'KP121', severity: 'error', span: spanOfToken(first),
    message: `此处应为定义（如 得分、输入、处置），而此处是 ${shown(first, 'zh')}；已跳到下一个定义`,
    messageEn: `expected a definition (score, input, disposition, …), found ${shown(first, 'en')}; skipped to the next definition`,
  };
}

/** Nesting past the limit, over the text that was skipped because of it. */
export function depthError(span: Span, max: number): Diagnostic {
  return {
    code: 'KP122', severity: 'error', span,
    message: `表达式嵌套过深（超过 ${max} 层），请拆成几个得分或定义`,
    messageEn: `expression nested too deeply (more than ${max} levels); split it into several definitions`,
  };
}
