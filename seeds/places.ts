// The places of the seed data: the six real county-level areas of Quzhou, 104 townships and streets
// with fictitious names (each classed), and the city departments.
import { Prng } from './prng.ts';
import { COUNTIES, type County, type TownshipClass } from './catalogue.ts';

export interface Township {
  readonly id: string;
  readonly name: string;
  readonly county: County;
  readonly cls: TownshipClass;
  /** 镇, 乡 or 街道 — decides the titles of its leaders. */
  readonly kind: '镇' | '乡' | '街道';
}

export interface Department {
  readonly id: string;
  readonly name: string;
}

/** How many townships and streets each county-level area has (104 in all), and how many of them are streets. */
const COUNTY_PLAN: Readonly<Record<County, { readonly total: number; readonly streets: number; readonly mix: readonly [number, number, number] }>> = {
  // mix: relative odds of 经济型, 生态型, 复合型 for the non-street townships
  柯城区: { total: 12, streets: 6, mix: [3, 1, 3] },
  衢江区: { total: 21, streets: 2, mix: [2, 3, 3] },
  江山市: { total: 19, streets: 3, mix: [3, 2, 3] },
  常山县: { total: 14, streets: 2, mix: [2, 3, 2] },
  开化县: { total: 18, streets: 0, mix: [1, 5, 2] },
  龙游县: { total: 20, streets: 2, mix: [3, 2, 3] },
};

const FIRST = '云溪岭桥塘源坞坪杉枫竹梅兰桂松柏泉湖峰岩林青碧金玉安宁和丰华新东西南北长乐永清明双白黄紫茶樟杏莲荷'.split('');
const SECOND = '山溪岭桥塘源坞坪口田岗埠川洲渡湾阳里垄畈前头峰村庄'.split('');

/** The city's departments (generic names of municipal bodies). */
const DEPARTMENT_NAMES: readonly string[] = [
  '市发改委', '市经信委', '市教育局', '市科技局', '市民政局', '市司法局', '市财政局', '市人社局',
  '市国土资源局', '市环保局', '市住建局', '市交通运输局', '市水利局', '市农业局', '市林业局', '市商务局',
  '市文广新局', '市卫生计生委', '市审计局', '市统计局', '市安监局', '市工商局', '市质监局', '市食药监局',
  '市旅游委', '市城管执法局', '市规划局', '市粮食局', '市物价局', '市信访局', '市国资委', '市金融办',
  '市人防办', '市机关事务局', '市档案局', '市供销社', '市总工会', '团市委', '市妇联', '市科协',
];

function weightedPick(prng: Prng, odds: readonly number[]): number {
  const total = odds.reduce((a, b) => a + b, 0);
  let r = prng.uniform(0, total);
  for (let i = 0; i < odds.length; i++) {
    r -= odds[i];
    if (r < 0) return i;
  }
  return odds.length - 1;
}

/** Builds the 104 townships (fictitious names, unique) and the departments, deterministically. */
export function buildPlaces(prng: Prng): { townships: Township[]; departments: Department[] } {
  const used = new Set<string>();
  const townships: Township[] = [];
  const classes: readonly TownshipClass[] = ['经济型', '生态型', '复合型'];
  let n = 0;
  for (const county of COUNTIES) {
    const plan = COUNTY_PLAN[county];
    const p = prng.fork(`places:${county}`);
    for (let i = 0; i < plan.total; i++) {
      const kind: Township['kind'] = i < plan.streets ? '街道' : p.chance(0.6) ? '镇' : '乡';
      let stem = '';
      do stem = p.pick(FIRST) + p.pick(SECOND);
      while (used.has(stem) || stem[0] === stem[1]);
      used.add(stem);
      // Streets are the urban cores: economic. The rest follow the county's profile.
      const cls = kind === '街道' ? '经济型' : classes[weightedPick(p, plan.mix)];
      n++;
      townships.push({ id: `T${String(n).padStart(3, '0')}`, name: stem + kind, county, cls, kind });
    }
  }
  const departments = DEPARTMENT_NAMES.map((name, i) => ({ id: `D${String(i + 1).padStart(2, '0')}`, name }));
  return { townships, departments };
}
