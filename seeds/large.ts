// Large synthetic datasets for benchmarks, built straight into the columnar Dataset the evaluator
// reads (no CSV), with the inputs of rules/2015.kp (and 承诺考绩, so 2013's rules run on it too).
// Unlike the seed data nothing is planned: values are drawn around each cadre's level, and the
// rules decide whatever they decide.
import { Prng } from './prng.ts';
import {
  CHARACTERISTIC, CHARACTERISTIC_NAMES, COMMON_INDICATORS, MORAL_CLASSES, POSTS, SITUATIONS, TOWNSHIP_CLASSES, VETO_TYPES,
} from './catalogue.ts';
import type { Column, Dataset, EntityTable, RowTable, YearData } from '../engine/dataset.ts';

export interface LargeOptions {
  /** Cadres per year (the same cadres every year). */
  readonly cadres: number;
  /** Years, ascending; default 2012–2015 (three years of history before 2015). */
  readonly years?: readonly number[];
  readonly seed?: number;
}

/** Which columns hold yes/no, percent and enum values (for writing them back as CSV). */
export const LARGE_BOOL_COLUMNS: readonly string[] = ['是主要负责人', '派驻重点项目', '受处分'];
export const LARGE_PERCENT_COLUMNS: readonly string[] = ['目标完成率'];

const MORAL_ITEMS = MORAL_CLASSES.flatMap(c => c.items);
const SITUATION_NAMES = SITUATIONS.map(s => s.name);
const SITUATION_POINTS = Float64Array.from(SITUATIONS.map(s => s.points));

function num(values: Float64Array): Column {
  return { kind: 'number', values };
}

function code(values: Int32Array, labels: readonly string[]): Column {
  return { kind: 'code', values, labels };
}

/** Days since 1970-01-01 of 1 January of `year` (proleptic Gregorian, UTC calendar arithmetic). */
function dayOfNewYear(year: number): number {
  const y = year - 1;
  return 365 * (year - 1970) + (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) - 477;
}

interface Structure {
  readonly ids: string[];
  readonly names: string[];
  readonly post: Int32Array;
  readonly principal: Float64Array;
  readonly team: Int32Array;
  readonly teamLabels: string[];
  readonly unit: Int32Array;
  readonly unitLabels: string[];
  readonly township: Int32Array;
  readonly townshipIds: string[];
  readonly townshipClass: Int32Array;
  readonly level: Float64Array;
}

/** Teams of 5–12 in a row; a township has a leadership team and a middle-level group. */
function buildStructure(n: number, prng: Prng): Structure {
  const width = String(n).length;
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    ids[i] = `L${String(i + 1).padStart(width, '0')}`;
    names[i] = `干部${i + 1}`;
  }
  const post = new Int32Array(n);
  const principal = new Float64Array(n);
  const team = new Int32Array(n);
  const unit = new Int32Array(n);
  const township = new Int32Array(n).fill(-1);
  const level = new Float64Array(n);
  const teamNames: string[] = [];
  const unitNames: string[] = [];
  const townshipIds: string[] = [];
  const classes: number[] = [];
  let i = 0;
  let townshipTeams = 0;
  while (i < n) {
    const size = Math.min(n - i, prng.int(5, 12));
    const r = prng.next();
    const kind = r < 0.08 ? 0 : r < 0.38 ? 1 : 2; // 市管领导干部, 市直干部, 乡镇干部
    let tw = -1;
    if (kind === 2) {
      if (townshipTeams % 2 === 0) {
        townshipIds.push(`T${townshipIds.length + 1}`);
        classes.push(prng.int(0, 2));
      }
      tw = townshipIds.length - 1;
      townshipTeams++;
    }
    const t = teamNames.length;
    teamNames.push(`班子${t + 1}`);
    const u = kind === 2 ? tw : unitNames.length;
    if (kind !== 2) unitNames.push(`单位${u + 1}`);
    for (let k = 0; k < size; k++, i++) {
      post[i] = kind;
      principal[i] = kind !== 1 && k < 2 ? 1 : 0;
      team[i] = t;
      unit[i] = kind === 2 ? -2 - tw : u;
      township[i] = tw;
      level[i] = Math.min(94, Math.max(72, prng.normal(85, 2.5)));
    }
  }
  // Code-point ordered labels, as the loader makes them; units of townships are named after them.
  const unitAll = [...unitNames, ...townshipIds.map(id => `${id}乡镇`)];
  const unitSorted = [...unitAll].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const unitCode = new Map(unitSorted.map((l, k) => [l, k]));
  for (let k = 0; k < n; k++) {
    const label = unit[k] >= 0 ? unitNames[unit[k]] : `${townshipIds[-2 - unit[k]]}乡镇`;
    unit[k] = unitCode.get(label)!;
  }
  const teamSorted = [...teamNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const teamCode = new Map(teamSorted.map((l, k) => [l, k]));
  const teamRemap = Int32Array.from(teamNames, l => teamCode.get(l)!);
  for (let k = 0; k < n; k++) team[k] = teamRemap[team[k]];
  const twSorted = [...townshipIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const twCode = new Map(twSorted.map((l, k) => [l, k]));
  const twRemap = Int32Array.from(townshipIds, l => twCode.get(l)!);
  for (let k = 0; k < n; k++) if (township[k] >= 0) township[k] = twRemap[township[k]];
  const townshipClass = new Int32Array(twSorted.length);
  townshipIds.forEach((id, k) => { townshipClass[twCode.get(id)!] = classes[k]; });
  return {
    ids, names, post, principal, team, teamLabels: teamSorted, unit, unitLabels: unitSorted, township,
    townshipIds: twSorted, townshipClass, level,
  };
}

function townshipTable(s: Structure, prng: Prng): EntityTable {
  const m = s.townshipIds.length;
  const columns = new Map<string, Column>();
  columns.set('类别', code(Int32Array.from(s.townshipClass), TOWNSHIP_CLASSES));
  for (const c of COMMON_INDICATORS) {
    const v = new Float64Array(m);
    for (let k = 0; k < m; k++) v[k] = Math.round(c.max * prng.uniform(0.7, 0.98) * 10) / 10;
    columns.set(c.name, num(v));
  }
  for (const name of CHARACTERISTIC_NAMES) {
    const v = new Float64Array(m).fill(NaN);
    for (let k = 0; k < m; k++) {
      if (CHARACTERISTIC[TOWNSHIP_CLASSES[s.townshipClass[k]]].some(c => c.name === name)) v[k] = Math.round(prng.uniform(60, 98) * 10) / 10;
    }
    columns.set(name, num(v));
  }
  const sat = new Float64Array(m);
  const bonus = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    sat[k] = Math.round(prng.uniform(6.5, 9.8) * 10) / 10;
    bonus[k] = prng.chance(0.5) ? 0 : Math.round(prng.uniform(0.5, 6) * 10) / 10;
  }
  columns.set('满意度', num(sat));
  columns.set('加分', num(bonus));
  return { ids: s.townshipIds, names: s.townshipIds.map(id => `${id}乡镇`), columns };
}

/** Rows drawn per owner with probability `p` of one row (and p² of two). */
function drawOwners(n: number, p: number, prng: Prng): Int32Array {
  const owners: number[] = [];
  for (let i = 0; i < n; i++) {
    if (prng.next() < p) {
      owners.push(i);
      if (prng.next() < p) owners.push(i);
    }
  }
  return Int32Array.from(owners);
}

function yearData(year: number, s: Structure, shared: Map<string, Column>, prng: Prng): YearData {
  const n = s.ids.length;
  const columns = new Map<string, Column>(shared);
  // A year's own form around the cadre's lasting level, so that rank order changes from year to year.
  const level = new Float64Array(n);
  for (let i = 0; i < n; i++) level[i] = s.level[i] + prng.uniform(-6, 6);
  const around = (spread: number) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Math.round(Math.min(100, Math.max(0, level[i] + prng.uniform(-spread, spread))) * 10) / 10;
    return v;
  };
  const comprehensive = around(6);
  for (let i = 0; i < n; i++) if (s.post[i] === 2) comprehensive[i] = NaN;
  columns.set('综合考核', num(comprehensive));
  for (const name of ['承诺考绩', '重点任务', '民主测评', '领导点评', '单位评价']) columns.set(name, num(around(4)));
  const completion = new Float64Array(n);
  const seconded = new Float64Array(n);
  const punished = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    completion[i] = Math.round(prng.uniform(0.93, 1.3) * 1000) / 1000;
    seconded[i] = prng.next() < 0.03 ? 1 : 0;
    punished[i] = prng.next() < 0.006 ? 1 : 0;
  }
  columns.set('目标完成率', num(completion));
  columns.set('派驻重点项目', num(seconded));
  columns.set('受处分', num(punished));
  const forPost = (posts: readonly number[]) => {
    const v = around(5);
    for (let i = 0; i < n; i++) if (!posts.includes(s.post[i])) v[i] = NaN;
    return v;
  };
  columns.set('履职尽责', num(forPost([0, 1])));
  columns.set('年度目标', num(forPost([0, 1])));
  columns.set('交办任务', num(forPost([0])));
  columns.set('党风廉政', num(forPost([0])));
  columns.set('共性指标', num(forPost([2])));
  columns.set('特色指标', num(forPost([2])));
  const rows = new Map<string, RowTable>();
  const first = dayOfNewYear(year);
  {
    const owner = drawOwners(n, 0.15, prng);
    const dates = new Float64Array(owner.length);
    const situations = new Int32Array(owner.length);
    const points = new Float64Array(owner.length);
    for (let k = 0; k < owner.length; k++) {
      dates[k] = first + prng.int(0, 364);
      situations[k] = prng.int(0, SITUATIONS.length - 1);
      points[k] = SITUATION_POINTS[situations[k]];
    }
    rows.set('效情形', { owner, columns: new Map<string, Column>([
      ['日期', { kind: 'date', values: dates }], ['情形', code(situations, SITUATION_NAMES)], ['分值', num(points)],
    ]) });
  }
  {
    const owner = drawOwners(n, 0.06, prng);
    const items = new Int32Array(owner.length);
    const deductions = new Float64Array(owner.length);
    for (let k = 0; k < owner.length; k++) {
      items[k] = prng.int(0, MORAL_ITEMS.length - 1);
      deductions[k] = prng.int(2, 30);
    }
    rows.set('德考察', { owner, columns: new Map<string, Column>([['项目', code(items, MORAL_ITEMS)], ['扣分', num(deductions)]]) });
  }
  {
    const owner = drawOwners(n, 0.04, prng);
    const months = new Float64Array(owner.length);
    const deductions = new Float64Array(owner.length);
    for (let k = 0; k < owner.length; k++) {
      months[k] = prng.int(1, 12);
      deductions[k] = Math.round(prng.uniform(0.5, 2.5) * 10) / 10;
    }
    rows.set('月度督查', { owner, columns: new Map<string, Column>([['月份', num(months)], ['扣分', num(deductions)]]) });
  }
  {
    const owner = drawOwners(s.townshipIds.length, 0.01, prng);
    const types = new Int32Array(owner.length);
    for (let k = 0; k < owner.length; k++) types[k] = prng.int(0, VETO_TYPES.length - 1);
    rows.set('否决事项', { owner, columns: new Map<string, Column>([['事项', code(types, VETO_TYPES)]]) });
  }
  return {
    year,
    cadres: { ids: s.ids, names: s.names, columns },
    units: new Map([['乡镇', townshipTable(s, prng)]]),
    rows,
  };
}

/**
 * A large dataset for benchmarks: `cadres` cadres in teams of 5–12 (the same cadres each
 * year), townships of the three classes, and the row tables, for each year. Deterministic in
 * `seed`. Memory is about 24 numeric columns × 8 bytes × cadres × years.
 */
export function generateLargeDataset(options: LargeOptions): { dataset: Dataset } {
  const years = [...(options.years ?? [2012, 2013, 2014, 2015])].sort((a, b) => a - b);
  const prng = new Prng(options.seed ?? 1);
  const s = buildStructure(options.cadres, prng.fork('structure'));
  const n = s.ids.length;
  // Inputs that do not change from year to year share one array across years.
  const shared = new Map<string, Column>([
    ['岗位', code(s.post, POSTS)],
    ['是主要负责人', num(s.principal)],
    ['班子', code(s.team, s.teamLabels)],
    ['所在单位', code(s.unit, s.unitLabels)],
    ['所在乡镇', code(s.township, s.townshipIds)],
    ['本年任职月数', num(new Float64Array(n).fill(12))],
  ]);
  return {
    dataset: {
      name: `大规模测试数据（${options.cadres} 人 × ${years.length} 年）`,
      years: years.map(y => yearData(y, s, shared, prng.fork(`year:${y}`))),
    },
  };
}
