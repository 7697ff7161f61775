// Writes a large, valid rule file of a chosen number of lines for the parse+check benchmark: many indicator groups, each a realistic slice of a scheme.
import { CLASSES } from './workload/spec.ts';

const SITUATIONS = 38;

/** The file's fixed head: header, enums, shared inputs, an events catalogue with 38 situations. */
function head(): string[] {
  const lines = [
    '# 解析与检查基准：按指标组重复的大型规则文件。',
    '# Parse+check benchmark input: one block per indicator group; every block is a small evaluation scheme.',
    '规则集 "解析基准" 年度 2015',
    '',
    `枚举 乡镇类别 { ${CLASSES.join(' ')} }`,
    '枚举 岗位类别 { 市管领导干部 乡镇干部 市直干部 }',
    '输入 岗位: 岗位类别',
    '输入 类别: 乡镇类别',
    '输入 班子: 分组',
    '输入 所在单位: 分组',
    '输入 受处分: 是否',
    '输入 目标完成率: 百分比 0..200',
    '',
    '事件 效情形 {',
  ];
  for (let k = 1; k <= SITUATIONS; k++) lines.push(`  情形${k} -${(k % 5) + 1} "第${k}种情形"`);
  lines.push('}', '得分 效 = 限定(100 + 合计(效情形.分值), 0, 100)', '');
  return lines;
}

/** One indicator group: 6 inputs, a weights table by class, scores, a rank, a grade and two dispositions. */
function block(g: number): string[] {
  const x = (k: number): string => `组${g}指标${k}`;
  const lines = [`# 第 ${g} 组指标`];
  for (let k = 1; k <= 6; k++) lines.push(`输入 ${x(k)}: 分值 0..100`);
  lines.push(`输入 组${g}扣分: 次数`);
  lines.push(`权重 组${g}权重 按 类别 {`);
  lines.push(`  ${CLASSES[0]}: ${x(1)} 30%, ${x(2)} 20%, ${x(3)} 15%, ${x(4)} 15%, ${x(5)} 10%, ${x(6)} 10%`);
  lines.push(`  ${CLASSES[1]}: ${x(1)} 10%, ${x(2)} 10%, ${x(3)} 20%, ${x(4)} 20%, ${x(5)} 25.5%, ${x(6)} 14.5%`);
  lines.push(`  ${CLASSES[2]}: ${x(1)} 16.67%, ${x(2)} 16.67%, ${x(3)} 16.66%, ${x(4)} 16.67%, ${x(5)} 16.67%, ${x(6)} 16.66%`);
  lines.push('}');
  lines.push(`得分 组${g}能 = 最大(0, 加权 组${g}权重 - 组${g}扣分 * 2)`);
  lines.push(`得分 组${g}领导 = 加权 { ${x(1)} 40%, ${x(2)} 30%, ${x(3)} 30% }`);
  lines.push(`得分 组${g}分 = 匹配 岗位 {`);
  lines.push(`  市管领导干部 => 组${g}领导`);
  lines.push(`  乡镇干部 => 组${g}能`);
  lines.push(`  否则 => (组${g}能 + 组${g}领导) / 2`);
  lines.push('}');
  lines.push(`得分 组${g}总分 = 加权 { 组${g}分 70%, 效 30% } 保留 2`);
  lines.push(`排名 组${g}排名 = 组${g}总分 降序 组内 班子 并列按 ${x(1)} 降序`);
  lines.push(`等次 组${g}等次 按 组${g}总分 {`);
  lines.push(`  优秀 >= 90 限额 15% 组内 所在单位 除非 受处分`);
  lines.push('  称职 >= 70');
  lines.push('  基本称职 >= 60');
  lines.push('  不称职');
  lines.push('}');
  lines.push(`处置 组${g}诫勉 等级 ${2 * g} 当 组${g}总分 < 60 且 目标完成率 < 100%`);
  lines.push(`  理由 "第${g}组综合得分低于 60 且未完成年度目标"`);
  lines.push(`  依据 "示例文件〔2015〕${g}号"`);
  lines.push(`处置 组${g}调整 等级 ${2 * g + 1} 当 末位(组${g}排名) 且 计数(效情形 限于 情形 == 情形${(g % SITUATIONS) + 1}) >= 2`);
  lines.push(`  理由 "第${g}组班子末位且同类情形两次以上"`);
  lines.push('');
  return lines;
}

/**
 * A rule file of exactly `lineCount` lines (the last line ends with a newline). Blocks are
 * added while they fit; the remaining lines are filled with further input declarations.
 */
export function parseCheckSource(lineCount: number): string {
  const lines = head();
  for (let g = 1; ; g++) {
    const next = block(g);
    if (lines.length + next.length > lineCount) break;
    lines.push(...next);
  }
  for (let k = 1; lines.length < lineCount; k++) lines.push(`输入 补充指标${k}: 分值 0..100 可缺`);
  return lines.join('\n') + '\n';
}
