// A year's results written out by hand, to test the printers apart from the evaluator.
import type { YearResult } from '../../engine/result.ts';

/** Three cadres (given out of id order) and one township, with a tie flag, candidates and missing values. */
export function sampleResult(): YearResult {
  return {
    ruleset: '测试规则',
    year: 2014,
    results: [
      {
        id: 'c02', name: '欧阳建国',
        values: { 综合考核: 70, 目标完成率: 0.88, 受处分: false, 系数: 1.2, 年度得分: 61.5, 完成度: 0.1 + 0.2, 班子排名: 2, 等次: '基本称职', 诫勉谈话: true },
        dispositions: [{ name: '诫勉谈话', severity: 1, because: '未完成年度目标' }],
        decision: '诫勉谈话', candidates: [], flags: [],
      },
      {
        id: 'c01', name: '甲',
        values: { 综合考核: 85, 目标完成率: 1.2, 受处分: true, 系数: 1, 年度得分: 90.25, 完成度: 1, 班子排名: 1, 等次: '优秀', 诫勉谈话: false },
        dispositions: [], decision: null, candidates: [],
        flags: [{ code: 'quota-tie', definition: '等次', message: '优秀限额边界处并列' }],
      },
      {
        id: 'c10', name: 'Smith, "Jr"',
        values: { 综合考核: 90, 目标完成率: null, 受处分: null, 系数: null, 年度得分: null, 完成度: null, 班子排名: null, 等次: null, 诫勉谈话: false },
        dispositions: [{ name: '不适宜担任现职', severity: 4, because: null }],
        decision: null, candidates: ['调离岗位', '降职'], flags: [],
      },
    ],
    units: [
      { unitKind: '乡镇', id: 't1', name: '一乡', values: { 类别: '经济型', 总分: 82.5 }, dispositions: [], decision: null, candidates: [], flags: [] },
    ],
  };
}
