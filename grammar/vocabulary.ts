// The bilingual vocabulary: every keyword and built-in name in its English and Chinese forms.
// The lexer, the formatter (`--lang`), the checker and the editor's completion all read this table.

export interface Word {
  /** Canonical id (the English form). */
  readonly id: string;
  readonly en: string;
  /** Chinese forms; the first is canonical (what `fmt --lang zh` writes), the rest are accepted synonyms. */
  readonly zh: readonly string[];
  /** One line for completion and hover, Chinese. */
  readonly doc: string;
}

/** Reserved words. An identifier that merely contains one (年度得分, 按时完成率) is still an identifier. */
export const KEYWORDS: readonly Word[] = [
  { id: 'ruleset', en: 'ruleset', zh: ['规则集'], doc: '规则集标题' },
  { id: 'year', en: 'year', zh: ['年度'], doc: '规则集适用年度' },
  { id: 'extends', en: 'extends', zh: ['继承'], doc: '继承某年度的规则集' },
  { id: 'override', en: 'override', zh: ['覆盖'], doc: '覆盖继承来的同名定义' },
  { id: 'remove', en: 'remove', zh: ['删除'], doc: '删除继承来的定义' },
  { id: 'unit', en: 'unit', zh: ['单位'], doc: '单位层级（乡镇、部门）及其定义' },
  { id: 'enum', en: 'enum', zh: ['枚举'], doc: '枚举类型' },
  { id: 'input', en: 'input', zh: ['输入'], doc: '输入数据项' },
  { id: 'optional', en: 'optional', zh: ['可缺'], doc: '允许缺失的输入' },
  { id: 'records', en: 'records', zh: ['明细'], doc: '每人每年多行的明细数据' },
  { id: 'events', en: 'events', zh: ['事件'], doc: '带日期的情形事件及其分值' },
  { id: 'periods', en: 'periods', zh: ['时段'], doc: '带起止日期的时段数据' },
  { id: 'score', en: 'score', zh: ['得分'], doc: '计算得分（数值）' },
  { id: 'define', en: 'define', zh: ['定义'], doc: '计算任意类型的值' },
  { id: 'round', en: 'round', zh: ['保留'], doc: '保留小数位数（四舍五入）' },
  { id: 'weights', en: 'weights', zh: ['权重'], doc: '按类别的权重表' },
  { id: 'table', en: 'table', zh: ['参数表'], doc: '按类别的参数表' },
  { id: 'by', en: 'by', zh: ['按'], doc: '按某类别或某得分' },
  { id: 'weighted', en: 'weighted', zh: ['加权'], doc: '加权求和' },
  { id: 'rank', en: 'rank', zh: ['排名'], doc: '组内排名' },
  { id: 'desc', en: 'desc', zh: ['降序'], doc: '从高到低' },
  { id: 'asc', en: 'asc', zh: ['升序'], doc: '从低到高' },
  { id: 'within', en: 'within', zh: ['组内'], doc: '在同组之内' },
  { id: 'where', en: 'where', zh: ['限于'], doc: '只计符合条件的' },
  { id: 'tiebreak', en: 'tiebreak', zh: ['并列按'], doc: '并列时再比较' },
  { id: 'grade', en: 'grade', zh: ['等次'], doc: '评定等次' },
  { id: 'quota', en: 'quota', zh: ['限额'], doc: '等次名额比例或人数' },
  { id: 'up', en: 'up', zh: ['进一'], doc: '名额向上取整' },
  { id: 'down', en: 'down', zh: ['去尾'], doc: '名额向下取整' },
  { id: 'nearest', en: 'nearest', zh: ['四舍五入'], doc: '名额四舍五入' },
  { id: 'unless', en: 'unless', zh: ['除非'], doc: '条件成立时不得评为该等次' },
  { id: 'ungraded', en: 'ungraded', zh: ['不定等次'], doc: '不确定等次的情形' },
  { id: 'disposition', en: 'disposition', zh: ['处置'], doc: '组织处置' },
  { id: 'severity', en: 'severity', zh: ['等级'], doc: '处置轻重等级，大者为重' },
  { id: 'priority', en: 'priority', zh: ['优先'], doc: '同等级处置的先后' },
  { id: 'when', en: 'when', zh: ['当'], doc: '触发条件' },
  { id: 'candidates', en: 'candidates', zh: ['候选'], doc: '需经组织认定的可选处置' },
  { id: 'because', en: 'because', zh: ['理由'], doc: '处置理由' },
  { id: 'source', en: 'source', zh: ['依据'], doc: '政策依据（文件、条款）' },
  { id: 'match', en: 'match', zh: ['匹配'], doc: '按取值分情况' },
  { id: 'tiers', en: 'tiers', zh: ['分档'], doc: '按条件分档，先满足者为准' },
  { id: 'if', en: 'if', zh: ['如果'], doc: '条件取值' },
  { id: 'then', en: 'then', zh: ['则'], doc: '条件成立时' },
  { id: 'else', en: 'else', zh: ['否则'], doc: '其余情况' },
  { id: 'and', en: 'and', zh: ['且', '并且'], doc: '并且' },
  { id: 'or', en: 'or', zh: ['或', '或者'], doc: '或者' },
  { id: 'not', en: 'not', zh: ['非', '不是'], doc: '否定' },
  { id: 'in', en: 'in', zh: ['属于'], doc: '属于集合之一' },
  { id: 'true', en: 'true', zh: ['是'], doc: '真' },
  { id: 'false', en: 'false', zh: ['否'], doc: '假' },
  { id: 'missing', en: 'missing', zh: ['缺失'], doc: '缺失值' },
  { id: 'test', en: 'test', zh: ['测试'], doc: '规则集自带的测试用例' },
  { id: 'given', en: 'given', zh: ['已知'], doc: '测试的已知数据' },
  { id: 'expect', en: 'expect', zh: ['预期'], doc: '测试的预期结果' },
];

export type BuiltinKind = 'type' | 'function' | 'field' | 'value';

export interface BuiltinName extends Word {
  readonly builtin: BuiltinKind;
}

/**
 * Built-in names are identifiers, not reserved words: the checker resolves them when no
 * definition of the same name exists. Both forms are always accepted.
 */
export const BUILTINS: readonly BuiltinName[] = [
  // types
  { builtin: 'type', id: 'points', en: 'points', zh: ['分值'], doc: '分数' },
  { builtin: 'type', id: 'percent', en: 'percent', zh: ['百分比'], doc: '百分比（如 95%）' },
  { builtin: 'type', id: 'number', en: 'number', zh: ['数值'], doc: '一般数值（系数、比值）' },
  { builtin: 'type', id: 'count', en: 'count', zh: ['次数'], doc: '非负整数计数' },
  { builtin: 'type', id: 'bool', en: 'bool', zh: ['是否'], doc: '是/否' },
  { builtin: 'type', id: 'text', en: 'text', zh: ['文本'], doc: '文字' },
  { builtin: 'type', id: 'group', en: 'group', zh: ['分组'], doc: '排名、限额所用的组（如班子）' },
  { builtin: 'type', id: 'date', en: 'date', zh: ['日期'], doc: '日期（年-月-日）' },
  // implicit fields of rows
  { builtin: 'field', id: 'date', en: 'date', zh: ['日期'], doc: '事件日期' },
  { builtin: 'field', id: 'situation', en: 'situation', zh: ['情形'], doc: '事件情形' },
  { builtin: 'field', id: 'points', en: 'points', zh: ['分值'], doc: '事件分值' },
  { builtin: 'field', id: 'from', en: 'from', zh: ['起'], doc: '时段开始日期' },
  { builtin: 'field', id: 'to', en: 'to', zh: ['止'], doc: '时段结束日期（可空：至今）' },
  // values
  { builtin: 'value', id: 'decision', en: 'decision', zh: ['决定'], doc: '本年决定的处置（最重者）' },
  // functions over values
  { builtin: 'function', id: 'abs', en: 'abs', zh: ['绝对值'], doc: '绝对值' },
  { builtin: 'function', id: 'clamp', en: 'clamp', zh: ['限定'], doc: 'clamp(x, 下限, 上限)' },
  { builtin: 'function', id: 'floor', en: 'floor', zh: ['向下取整'], doc: '向下取整' },
  { builtin: 'function', id: 'ceil', en: 'ceil', zh: ['向上取整'], doc: '向上取整' },
  { builtin: 'function', id: 'has', en: 'has', zh: ['有值'], doc: '不缺失时为是' },
  { builtin: 'function', id: 'month', en: 'month', zh: ['月份'], doc: '日期的月份 1–12' },
  { builtin: 'function', id: 'quarter', en: 'quarter', zh: ['季度'], doc: '日期的季度 1–4' },
  // aggregates: over rows (`where`), over group members (`within`), or over arguments
  { builtin: 'function', id: 'sum', en: 'sum', zh: ['合计'], doc: '求和' },
  { builtin: 'function', id: 'count', en: 'count', zh: ['计数'], doc: '行数或人数' },
  { builtin: 'function', id: 'mean', en: 'mean', zh: ['平均'], doc: '平均值' },
  { builtin: 'function', id: 'min', en: 'min', zh: ['最小'], doc: '最小值' },
  { builtin: 'function', id: 'max', en: 'max', zh: ['最大'], doc: '最大值' },
  { builtin: 'function', id: 'share', en: 'share', zh: ['占比'], doc: '符合条件的行所占比例' },
  // periods
  { builtin: 'function', id: 'days', en: 'days', zh: ['天数'], doc: '本年内时段合计天数' },
  { builtin: 'function', id: 'longest', en: 'longest', zh: ['最长连续'], doc: '本年内最长连续天数' },
  { builtin: 'function', id: 'overlap', en: 'overlap', zh: ['重叠天数'], doc: '两类时段在本年内重叠的天数' },
  { builtin: 'function', id: 'on', en: 'on', zh: ['当日在'], doc: 'on(时段, "12-31")：该日是否在时段内' },
  // ranks
  { builtin: 'function', id: 'bottom', en: 'bottom', zh: ['靠后'], doc: 'bottom(排名, 30%) 或 bottom(排名, 3)：位于末段' },
  { builtin: 'function', id: 'top', en: 'top', zh: ['靠前'], doc: 'top(排名, 10%)：位于前段' },
  { builtin: 'function', id: 'last', en: 'last', zh: ['末位'], doc: '组内最后一名' },
  { builtin: 'function', id: 'first', en: 'first', zh: ['首位'], doc: '组内第一名' },
  { builtin: 'function', id: 'size', en: 'size', zh: ['组内人数'], doc: '排名所在组的人数' },
  // history
  { builtin: 'function', id: 'streak', en: 'streak', zh: ['连续'], doc: '截至本年连续成立的年数' },
  { builtin: 'function', id: 'years', en: 'years', zh: ['累计年数'], doc: 'years(条件, -2..0)：窗口内成立的年数' },
];

const byForm = new Map<string, Word>();
for (const w of KEYWORDS) {
  byForm.set(w.en, w);
  for (const z of w.zh) byForm.set(z, w);
}

/** The keyword a written form stands for, in either language. */
export function keywordOf(form: string): Word | undefined {
  return byForm.get(form);
}

/** The canonical spelling of a keyword in one language. */
export function keywordText(id: string, lang: 'zh' | 'en'): string {
  const w = KEYWORDS.find(k => k.id === id);
  if (!w) throw new Error(`unknown keyword id ${id}`);
  return lang === 'en' ? w.en : w.zh[0];
}

/** Built-ins of one kind by written form (either language). */
export function builtinsOf(kind: BuiltinKind): Map<string, BuiltinName> {
  const m = new Map<string, BuiltinName>();
  for (const b of BUILTINS) {
    if (b.builtin !== kind) continue;
    m.set(b.en, b);
    for (const z of b.zh) m.set(z, b);
  }
  return m;
}
