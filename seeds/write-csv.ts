// Writes the seed data as a dataset folder (dataset.yaml + CSV files, the format the loader reads).
// Output is a pure function of the data: the same data always gives byte-identical files.
import { CHARACTERISTIC_NAMES, COMMON_INDICATORS } from './catalogue.ts';
import type { SeedData } from './build.ts';
import type { CadreRecord } from './records.ts';

/** One CSV field, quoted when RFC 4180 requires it. */
function field(v: string | number | boolean | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV text: header and rows, LF line ends, a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return [header, ...rows].map(r => r.map(field).join(',')).join('\n') + '\n';
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const RECORD_COLUMNS = [
  'id', '岗位', '职务', '是主要负责人', '地区', '班子', '所在单位', '所在乡镇', '本年任职月数',
  '综合考核', '承诺考绩', '重点任务', '民主测评', '领导点评', '单位评价', '目标完成率', '派驻重点项目', '受处分',
  '履职尽责', '年度目标', '交办任务', '党风廉政', '共性指标', '特色指标',
] as const;

function recordRow(c: CadreRecord): (string | number | boolean | undefined)[] {
  return [
    c.id, c.post, c.title, c.principal, c.area, c.team, c.unit, c.township, c.months,
    c.comprehensive, c.commitment, c.keyTask, c.democratic, c.leaderComment, c.unitEval, c.completion, c.seconded, c.punished,
    c.duty, c.targets, c.assigned, c.integrity, c.common, c.characteristic,
  ];
}

function manifest(data: SeedData): string {
  const years = data.years.map(y => y.year).join(', ');
  return `# 衢州市干部考评种子数据（人物与乡镇名称均为虚构；六个县级行政区为真实名称）
# 由 seeds/generate.ts 生成，种子 ${data.seed}；请勿手工修改，重新生成即可。
name: 衢州市（虚构数据）
description: 2012–2015 年衢州市干部德能效考评的虚构数据，结构与数字依据 2015 年《从严治庸 不能者下》报道
years: [${years}]
cadres: cadres.csv
records: records/{year}.csv
units:
  乡镇:
    file: townships.csv
    records: township-records/{year}.csv
rows:
  效情形:
    file: events/{year}.csv
  德考察:
    file: moral/{year}.csv
  月度督查:
    file: inspections/{year}.csv
  否决事项:
    file: vetoes/{year}.csv
    owner: 乡镇
`;
}

/** Every file of the dataset folder, by relative path. */
export function datasetFiles(data: SeedData): Map<string, string> {
  const files = new Map<string, string>();
  files.set('dataset.yaml', manifest(data));
  files.set('cadres.csv', toCsv(['id', 'name', '性别', '出生年份'],
    [...data.people].sort(byId).map(p => [p.id, p.name, p.gender, p.birthYear])));
  files.set('townships.csv', toCsv(['id', 'name', '县市区', '类别', '类型'],
    data.townships.map(t => [t.id, t.name, t.county, t.cls, t.kind])));
  for (const y of data.years) {
    files.set(`records/${y.year}.csv`, toCsv(RECORD_COLUMNS, [...y.cadres].sort(byId).map(recordRow)));
    files.set(`township-records/${y.year}.csv`, toCsv(
      ['id', '类别', ...COMMON_INDICATORS.map(c => c.name), ...CHARACTERISTIC_NAMES, '满意度', '加分'],
      [...y.townships].sort(byId).map(t => [t.id, t.cls, ...COMMON_INDICATORS.map(c => t.common[c.name]),
        ...CHARACTERISTIC_NAMES.map(n => t.characteristic[n]), t.satisfaction, t.bonus])));
    const rowOrder = <T extends { id: string }>(key: (r: T) => string) => (a: T, b: T) =>
      byId(a, b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    files.set(`events/${y.year}.csv`, toCsv(['id', '日期', '情形', '分值'],
      [...y.events].sort(rowOrder(e => e.date + e.situation)).map(e => [e.id, e.date, e.situation, e.points])));
    files.set(`moral/${y.year}.csv`, toCsv(['id', '项目', '扣分', '事实'],
      [...y.moral].sort(rowOrder(m => m.item)).map(m => [m.id, m.item, m.deduction, m.fact])));
    files.set(`inspections/${y.year}.csv`, toCsv(['id', '月份', '扣分', '事由'],
      [...y.inspections].sort(rowOrder(i => String(i.month).padStart(2, '0'))).map(i => [i.id, i.month, i.deduction, i.reason])));
    files.set(`vetoes/${y.year}.csv`, toCsv(['id', '事项', '说明'],
      [...y.vetoes].sort(byId).map(v => [v.id, v.type, v.note])));
  }
  return files;
}
