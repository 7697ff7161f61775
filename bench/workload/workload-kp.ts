// Writes the reference workload in the Kaoping language, with the weights of spec.ts (bench/workload/workload.kp is its output).
import {
  CLASSES, COMPOSITE_SOURCES, DIMENSIONS, indicatorsOf, TRIGGER, WEIGHTS_BP, WORKLOAD_YEAR, type DimensionSpec,
} from './spec.ts';

/** A weight in basis points as a percentage literal with two decimals (834 → "8.34%", 3000 → "30%"). */
export function percentText(bp: number): string {
  if (bp % 100 === 0) return `${bp / 100}%`;
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** A threshold fraction as a percentage literal (0.9 → "90%"). */
function fractionText(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function weightsTable(dim: DimensionSpec): string[] {
  const names = indicatorsOf(dim);
  const lines = [`权重 ${dim.name}权重 按 category {`];
  WEIGHTS_BP[dim.name].forEach((row, c) => {
    lines.push(`  ${CLASSES[c]}: ${names.map((name, k) => `${name} ${percentText(row[k])}`).join(', ')}`);
  });
  lines.push('}');
  return lines;
}

function dimensionScore(dim: DimensionSpec): string {
  const deductions = dim.deductions.map(d => ` - ${d.input} * ${d.points}`).join('');
  return `得分 ${dim.name} = 最大(0, 加权 ${dim.name}权重${deductions})`;
}

/** The whole rule file. Deterministic: the same text on every run. */
export function workloadRules(): string {
  const inputList = (prefix: string, count: number): string =>
    Array.from({ length: count }, (_, k) => `${prefix}${k + 1}`).join(', ');
  const lines = [
    '# 基准工作负载：43 项输入、按乡镇类别加权的三个维度、六项来源的综合分、班子内排名、三个触发条件。',
    '# Reference workload of `npm run bench`; written by bench/workload/workload-kp.ts from bench/workload/spec.ts.',
    `规则集 "基准工作负载" 年度 ${WORKLOAD_YEAR}`,
    '',
    `枚举 乡镇类别 { ${CLASSES.join(' ')} }`,
    '',
    '输入 category: 乡镇类别',
    '输入 team: 分组',
    '输入 prev_pct: 百分比 0..100          # 上年班子内位置（1 为末位）',
    ...DIMENSIONS.map(dim => `输入 ${inputList(dim.prefix, dim.count)}: 分值 0..100`),
    '输入 d1, d2, d3: 次数',
    '输入 s1, s2, s3: 分值 0..100',
    '',
  ];
  for (const dim of DIMENSIONS) lines.push(...weightsTable(dim), '');
  for (const dim of DIMENSIONS) lines.push(dimensionScore(dim));
  lines.push(
    `得分 composite = 加权 { ${COMPOSITE_SOURCES.map(s => `${s.name} ${percentText(s.bp)}`).join(', ')} }`,
    '',
    '排名 teamRank = composite 降序 组内 team',
    '得分 pct = teamRank / 组内人数(teamRank)',
    '',
    `处置 X 等级 3 当 pct > ${TRIGGER.pct} 且 prev_pct > ${fractionText(TRIGGER.prevPct)} 理由 "连续两年位于班子末段"`,
    `处置 Y 等级 2 当 composite < ${TRIGGER.composite} 理由 "综合分低于 ${TRIGGER.composite}"`,
    `处置 Z 等级 1 当 d3 >= ${TRIGGER.d3} 且 dimC < ${TRIGGER.dimC} 理由 "情形多且效维度偏低"`,
  );
  return lines.join('\n') + '\n';
}
