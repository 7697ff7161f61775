// Draws the several-rows-per-cadre data of one cadre-year: 效 events, 德 findings and on-site
// inspection deductions — ordinary noise, or what a planned case needs.
import { Prng, round1 } from './prng.ts';
import { MORAL_CLASSES, SITUATIONS, type Situation } from './catalogue.ts';
import type { EventRow, InspectionRow, MoralRow } from './records.ts';
import type { Spec } from './plan-outcomes.ts';

/** A date within the year, as YYYY-MM-DD (calendar arithmetic only, no clock). */
export function dateInYear(year: number, prng: Prng): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let day = prng.int(0, leap ? 365 : 364);
  let month = 0;
  while (day >= lengths[month]) day -= lengths[month++];
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
}

/** Ordinary slips: small deductions that never add up to a disposition on their own. */
const MINOR = SITUATIONS.filter(s => s.points >= -5 && s.name !== '推进重点项目不力');

/** Events whose points add up to exactly `deficit` (positive), aggravated rows carrying their own points. */
function eventsForDeficit(id: string, year: number, deficit: number, prng: Prng): EventRow[] {
  const rows: EventRow[] = [];
  let left = deficit;
  while (left > 0) {
    const fits = SITUATIONS.filter(s => -s.points <= left && s.name !== '推进重点项目不力');
    const s: Situation = prng.pick(fits);
    const aggravated = s.points - prng.int(1, 3);
    if (-aggravated <= left && prng.chance(0.15)) {
      rows.push({ id, date: dateInYear(year, prng), situation: s.name, points: aggravated });
      left += aggravated;
    } else {
      rows.push({ id, date: dateInYear(year, prng), situation: s.name });
      left += s.points;
    }
  }
  return rows;
}

/** The 效 events of one cadre-year. */
export function drawEvents(id: string, year: number, spec: Spec | undefined, prng: Prng): EventRow[] {
  if (spec?.efficacy) {
    const target = prng.int(Math.ceil(spec.efficacy[0]), Math.floor(spec.efficacy[1]));
    return eventsForDeficit(id, year, 100 - target, prng);
  }
  const rows: EventRow[] = [];
  if (spec?.projectEvents) {
    for (let i = 0; i < 2; i++) rows.push({ id, date: dateInYear(year, prng), situation: '推进重点项目不力' });
    return rows;
  }
  const r = prng.next();
  if (r < 0.13) {
    rows.push({ id, date: dateInYear(year, prng), situation: prng.pick(MINOR).name });
  } else if (r < 0.16) {
    const a = prng.pick(MINOR);
    const b = prng.pick(MINOR.filter(s => a.points + s.points >= -9));
    rows.push({ id, date: dateInYear(year, prng), situation: a.name }, { id, date: dateInYear(year, prng), situation: b.name });
  }
  return rows;
}

/** What a finding on an item of each class looks like (for the 事实 column). */
const FACTS: Readonly<Record<string, readonly string[]>> = {
  政治品德: ['在“三改一拆”中立场不坚定，执行打折扣', '对“五水共治”重大部署消极应付', '发表与组织决定不一致的言论', '不如实向组织报告个人事项'],
  职业道德: ['违规插手工程项目', '工作中推诿敷衍，群众反映强烈', '利用职务便利为亲友谋利', '公车私用'],
  社会公德: ['不参加社区活动，群众评价差', '酒后言行失当', '生活圈、交往圈复杂'],
  家庭美德: ['对家属疏于管教', '赡养老人问题被信访', '亲属借其影响经商'],
};

function classOf(item: string): string {
  return MORAL_CLASSES.find(c => c.items.includes(item))!.name;
}

/** The 德 findings of one cadre-year. */
export function drawMoral(id: string, spec: Spec | undefined, prng: Prng): MoralRow[] {
  const rows: MoralRow[] = [];
  if (spec?.moralLow) {
    // Serious findings in political integrity and professional ethics bring 德 well below 80.
    const political = MORAL_CLASSES[0].items;
    const professional = MORAL_CLASSES[1].items;
    const p = prng.int(45, 60);
    const z = prng.int(20, 40);
    const [a, b] = prng.sample(political, 2);
    const first = prng.int(Math.floor(p / 3), Math.ceil((2 * p) / 3));
    rows.push({ id, item: a, deduction: first, fact: prng.pick(FACTS.政治品德) });
    rows.push({ id, item: b, deduction: p - first, fact: prng.pick(FACTS.政治品德) });
    rows.push({ id, item: prng.pick(professional), deduction: z, fact: prng.pick(FACTS.职业道德) });
    return rows;
  }
  if (prng.chance(0.08)) {
    const cls = prng.pick(MORAL_CLASSES);
    const item = prng.pick(cls.items);
    rows.push({ id, item, deduction: prng.int(2, 6), fact: prng.pick(FACTS[classOf(item)]) });
  }
  return rows;
}

const INSPECTION_REASONS = [
  '承诺事项未按月推进', '重点项目现场进度滞后', '督查交办事项逾期未办结', '“三改一拆”任务现场核查未完成',
  '“五水共治”现场检查发现问题', '月度报告内容与现场不符',
];

/** On-site monthly inspection deductions of one cadre-year (ordinary noise). */
export function drawInspections(id: string, prng: Prng): InspectionRow[] {
  if (!prng.chance(0.04)) return [];
  const n = prng.chance(0.3) ? 2 : 1;
  const months = prng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], n).sort((a, b) => a - b);
  return months.map(month => ({ id, month, deduction: round1(prng.uniform(0.5, 2.5)), reason: prng.pick(INSPECTION_REASONS) }));
}
