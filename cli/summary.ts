// `kaoping summary` (the `npm start` job): evaluates 2013, 2014 and 2015 over the seed data, each
// year with its own rule set, and prints the counts of decisions and grades, by county-level area
// and by township class, with the three-year totals the Quzhou report gives.
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { compareIds as byCodePoint, type YearResult } from '../engine/result.ts';
import { UsageError, type Io } from './io.ts';
import { prepare, readArgs } from './eval.ts';
import { renderTable, type Align } from './format-table.ts';

const USAGE = '用法 / usage: kaoping summary [--rules DIR] [--data DIR] [--years 2013,2014,2015] [--format table|json]';

/** The dispositions, lightest first, and the grades, as the seed rules name them. */
export const DISPOSITION_ORDER = ['诫勉谈话', '组织调整', '召回', '岗位调整', '调离岗位', '降职', '免职'] as const;
export const GRADE_ORDER = ['优秀', '称职', '基本称职', '不称职'] as const;
const UNGRADED = '未定等次';
const NOT_TOWNSHIP = '非乡镇干部';
const UNKNOWN_AREA = '（未注明）';

/** Counts of one slice (a year, an area, a township class): decisions, grades and cadre-years. */
export interface Counts {
  cadres: number;
  /** Cadre-years with at least one disposition fired (人次). */
  handled: number;
  decisions: Record<string, number>;
  grades: Record<string, number>;
}

export interface Summary {
  readonly years: readonly number[];
  readonly byYear: Record<number, Counts>;
  /** By 地区 (county-level area, or 市直), all years together. */
  readonly byArea: Record<string, Counts>;
  /** By the class of the cadre's township (非乡镇干部 for others), all years together. */
  readonly byClass: Record<string, Counts>;
  readonly total: Counts;
  /** The report's three figures: cadre-years handled, 调离岗位, 降职 or 免职. */
  readonly figures: { readonly handled: number; readonly transferred: number; readonly demotedOrRemoved: number };
}

function emptyCounts(): Counts {
  return { cadres: 0, handled: 0, decisions: {}, grades: {} };
}

function add(c: Counts, decision: string | null, handled: boolean, grade: string): void {
  c.cadres++;
  if (handled) c.handled++;
  if (decision) c.decisions[decision] = (c.decisions[decision] ?? 0) + 1;
  c.grades[grade] = (c.grades[grade] ?? 0) + 1;
}

/**
 * Counts the results of several years. `areaOf(year, id)` says a cadre's county-level area (the
 * data's 地区 column; the rules do not read it). The township class is the rules' 所在类别.
 */
export function summarize(results: ReadonlyMap<number, YearResult>, areaOf: (year: number, id: string) => string | undefined): Summary {
  const years = [...results.keys()].sort((a, b) => a - b);
  const byYear: Record<number, Counts> = {};
  const byArea: Record<string, Counts> = {};
  const byClass: Record<string, Counts> = {};
  const total = emptyCounts();
  for (const y of years) {
    const yc = (byYear[y] = emptyCounts());
    for (const r of results.get(y)!.results) {
      const grade = typeof r.values.年度等次 === 'string' ? r.values.年度等次 : UNGRADED;
      const handled = r.dispositions.length > 0;
      const area = areaOf(y, r.id) ?? UNKNOWN_AREA;
      const cls = typeof r.values.所在类别 === 'string' ? r.values.所在类别 : NOT_TOWNSHIP;
      for (const c of [yc, (byArea[area] ??= emptyCounts()), (byClass[cls] ??= emptyCounts()), total]) add(c, r.decision, handled, grade);
    }
  }
  const d = total.decisions;
  return {
    years, byYear, byArea, byClass, total,
    figures: { handled: total.handled, transferred: d.调离岗位 ?? 0, demotedOrRemoved: (d.降职 ?? 0) + (d.免职 ?? 0) },
  };
}

const AREA_ORDER = ['市直', '柯城区', '衢江区', '江山市', '常山县', '开化县', '龙游县'];
const CLASS_ORDER = ['经济型', '生态型', '复合型', NOT_TOWNSHIP];

/** Keys in a stated order first, then any others in code-point order. */
function ordered(keys: readonly string[], preferred: readonly string[]): string[] {
  const rest = keys.filter(k => !preferred.includes(k)).sort(byCodePoint);
  return [...preferred.filter(k => keys.includes(k)), ...rest];
}

function sliceTable(title: string, slices: Record<string, Counts>, order: readonly string[]): string {
  const keys = ordered(Object.keys(slices), order);
  const headers = [title, '人数', '受处置人次', ...DISPOSITION_ORDER, ...GRADE_ORDER, UNGRADED];
  const rows = keys.map(k => {
    const c = slices[k];
    return [k, String(c.cadres), String(c.handled), ...DISPOSITION_ORDER.map(d => String(c.decisions[d] ?? 0)),
      ...[...GRADE_ORDER, UNGRADED].map(g => String(c.grades[g] ?? 0))];
  });
  return renderTable(headers, rows, headers.map((_, i): Align => (i === 0 ? 'left' : 'right')));
}

/** The summary as text: decisions and grades per year, then by area and by township class, then the totals. */
export function formatSummary(s: Summary, datasetName: string): string {
  const ys = s.years.map(String);
  const yearCol = (pick: (c: Counts) => number, withTotal: boolean) =>
    [...s.years.map(y => String(pick(s.byYear[y]))), ...(withTotal ? [String(pick(s.total))] : [])];
  const right = (n: number): Align[] => Array.from({ length: n }, (_, i) => (i === 0 ? 'left' : 'right'));
  const decisionRows = [
    ...DISPOSITION_ORDER.map(d => [d, ...yearCol(c => c.decisions[d] ?? 0, true)]),
    ['受处置人次（至少一项处置）', ...yearCol(c => c.handled, true)],
  ];
  const gradeRows = [...GRADE_ORDER, UNGRADED].map(g => [g, ...yearCol(c => c.grades[g] ?? 0, true)]);
  const parts = [
    `衢州市干部德能效考评 · 种子数据汇总 / summary of the seeded years — ${datasetName}`,
    `每年按当年的规则集计算（rules/${s.years[0]}.kp … rules/${s.years[s.years.length - 1]}.kp）；人物均为虚构。`,
    '',
    '一、处置决定（按决定计，人次） / decisions',
    renderTable(['处置', ...ys, '合计'], decisionRows, right(ys.length + 2)),
    '二、年度等次 / grades',
    renderTable(['等次', ...ys, '合计'], gradeRows, right(ys.length + 2)),
    '三、按县（市、区），三年合计 / by county-level area',
    sliceTable('地区', s.byArea, AREA_ORDER),
    '四、按乡镇类别，三年合计 / by township class',
    sliceTable('乡镇类别', s.byClass, CLASS_ORDER),
    `合计：${s.years[0]}–${s.years[s.years.length - 1]} 年共处置 ${s.figures.handled} 人次，其中调离岗位 ${s.figures.transferred} 人次，` +
      `降职、免职 ${s.figures.demotedOrRemoved} 人次。`,
    `Total: ${s.figures.handled} cadre-years handled, ${s.figures.transferred} transferred (调离岗位), ` +
      `${s.figures.demotedOrRemoved} demoted or removed (降职/免职).`,
    '',
  ];
  return parts.join('\n');
}

/** The 地区 of each cadre in one year's records file, when the data has that descriptive column. */
function readAreas(dataDir: string, year: number, io: Io): Map<string, string> {
  const file = path.join(dataDir, 'records', `${year}.csv`);
  const out = new Map<string, string>();
  if (!io.exists(file)) return out;
  const rows = parseCsv(io.readFile(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  for (const r of rows) if (r.id && r.地区) out.set(r.id, r.地区);
  return out;
}

/** Evaluates each year with its own rules and prints the summary; 1 when any year cannot be evaluated. */
export async function run(args: string[], io: Io): Promise<number> {
  const a = readArgs(args, USAGE, ['--rules', '--data', '--years', '--format']);
  const rulesDir = a.get('--rules') ?? 'rules';
  const dataDir = a.get('--data') ?? path.join('seeds', 'quzhou');
  const format = a.get('--format') ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format 只能是 table 或 json / must be table or json\n${USAGE}`);
  const yearsText = a.get('--years') ?? '2013,2014,2015';
  const years = yearsText.split(/[,，]/).map(s => s.trim());
  if (years.some(y => !/^\d{4}$/.test(y))) throw new UsageError(`--years 应为四位数年度，逗号分隔 / four-digit years, comma-separated\n${USAGE}`);
  const results = new Map<number, YearResult>();
  const areas = new Map<number, Map<string, string>>();
  let datasetName = dataDir;
  for (const y of years.map(Number)) {
    const p = prepare({ rules: path.join(rulesDir, `${y}.kp`), data: dataDir, year: y, lang: 'zh' }, io);
    if (!p) return 1;
    datasetName = p.dataset.name;
    results.set(y, p.evaluation.toYearResult());
    areas.set(y, readAreas(dataDir, y, io));
  }
  const summary = summarize(results, (y, id) => areas.get(y)?.get(id));
  io.out(format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary, datasetName));
  return 0;
}
