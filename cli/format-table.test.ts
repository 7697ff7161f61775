// The readable table: CJK-aware alignment, main values, decisions, candidates and flags.
import { describe, expect, it } from 'vitest';
import { displayWidth, formatYearTable, renderTable } from './format-table.ts';
import { formatNumber, formatValue } from './format-value.ts';
import { fixtureModelWithValues } from '../dataset/testing/fixture-model.ts';
import { sampleResult } from './testing/sample-result.ts';

describe('displayWidth and renderTable', () => {
  it('counts East Asian wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('考评')).toBe(4);
    expect(displayWidth('ＡＢ（）')).toBe(8);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('aligns mixed-width cells, numbers to the right', () => {
    expect(renderTable(['名', 'score'], [['甲', '1'], ['ab', '61.5']], ['left', 'right'])).toBe(
      '名  score\n' +
      '--  -----\n' +
      '甲      1\n' +
      'ab   61.5\n');
  });
});

describe('formatValue', () => {
  it('shows percent as %, missing as 缺失, yes/no in words, and no binary noise', () => {
    expect(formatValue(0.88, { kind: 'percent' }, 'zh')).toBe('88%');
    expect(formatValue(0.1 + 0.2, { kind: 'percent' }, 'zh')).toBe('30%');
    expect(formatValue(0.1 + 0.2, { kind: 'number' }, 'zh')).toBe('0.3');
    expect(formatValue(null, { kind: 'points' }, 'zh')).toBe('缺失');
    expect(formatValue(null, { kind: 'points' }, 'en')).toBe('missing');
    expect(formatValue(true, { kind: 'bool' }, 'zh')).toBe('是');
    expect(formatValue('优秀', undefined, 'en')).toBe('优秀');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1234567.125)).toBe('1234567.125');
  });
});

describe('formatYearTable', () => {
  it('prints the main values with decision and fired dispositions, then flags and units', () => {
    const text = formatYearTable(fixtureModelWithValues(), sampleResult(), '测试数据', { lang: 'zh' });
    expect(text).toBe([
      '测试规则 · 2014 年 · 数据：测试数据 · 共 3 人',
      '',
      '编号  姓名         年度得分  完成度  班子排名  等次      决定                 处置',
      '----  -----------  --------  ------  --------  --------  -------------------  --------------',
      'c02   欧阳建国         61.5     30%         2  基本称职  诫勉谈话             诫勉谈话',
      'c01   甲              90.25    100%         1  优秀',
      'c10   Smith, "Jr"      缺失    缺失      缺失  缺失      候选：调离岗位/降职  不适宜担任现职',
      '',
      '提示（请人工复核）：',
      '  c01 甲 · 等次：优秀限额边界处并列',
      '',
      '单位：乡镇 (1)',
      '',
      '编号  名称',
      '----  ----',
      't1    一乡',
      '',
    ].join('\n'));
  });

  it('shows chosen values, in English', () => {
    const text = formatYearTable(fixtureModelWithValues(), sampleResult(), 'd', { lang: 'en', values: ['目标完成率', '受处分'] });
    expect(text.split('\n').slice(0, 5)).toEqual([
      '测试规则 · 2014 · data: d · 3 cadres',
      '',
      'id   name         目标完成率  受处分   decision               fired',
      '---  -----------  ----------  -------  ---------------------  --------------',
      'c02  欧阳建国            88%  no       诫勉谈话               诫勉谈话',
    ]);
  });
});
