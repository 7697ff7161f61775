// The people of the seed data: teams (ranking groups), fictitious cadres with names and titles,
// and who sits where in each year — with retirements, rotations and the moves dispositions cause.
import { Prng } from './prng.ts';
import { CITY_LEVEL, type County, type Disposition, type Post } from './catalogue.ts';
import type { Department, Township } from './places.ts';

export type TeamKind = 'county' | 'deptLead' | 'deptStaff' | 'twLead' | 'twMid';

/** A ranking group (班子): a leadership team, or a group of staff or middle-level cadres. */
export interface Team {
  /** The group's label, written in the 班子 column; unique. */
  readonly id: string;
  readonly kind: TeamKind;
  readonly post: Post;
  /** 地区: the county-level area, or 市直 for city departments. */
  readonly area: County | typeof CITY_LEVEL;
  /** 所在单位: the unit whose 优秀 quota the members share. */
  readonly unit: string;
  readonly townshipId?: string;
  readonly size: number;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly gender: '男' | '女';
  readonly birthYear: number;
}

/** A cadre's seat in one year. */
export interface Seat {
  readonly teamId: string;
  readonly title: string;
  readonly principal: boolean;
  /** Months in the post this year (a newcomer appointed mid-year has fewer than 12). */
  readonly months: number;
}

/** Who sits where in one year, by cadre id. */
export type Roster = Map<string, Seat>;

/** The cadre of the report: organisation committee member of a township in 龙游县. */
export const YE_NAME = '叶某';
const YE_TITLE = '组织委员';

const SURNAMES = '王陈张吴徐周李刘杨黄郑胡朱林何金毛姜江程余汪方祝应傅蒋童邵郭潘鲁柴占宋华夏翁廖施楼俞詹'.split('');
const GIVEN = '建国华明伟军平红丽勇斌峰强俊杰涛超磊敏静燕芳霞英春海林文志忠荣辉新宏晓立德永良卫东锋刚波晨琳洁婷雪慧颖鹏飞洪跃进利民'.split('');

/** Draws fictitious names; never produces the report's 叶某, which is given to one cadre only. */
export class Namer {
  constructor(private readonly prng: Prng) {}
  next(): { name: string; gender: '男' | '女'; birthYear: number } {
    const surname = this.prng.pick(SURNAMES);
    const given = this.prng.pick(GIVEN) + (this.prng.chance(0.8) ? this.prng.pick(GIVEN) : '');
    return { name: surname + given, gender: this.prng.chance(0.74) ? '男' : '女', birthYear: this.prng.int(1958, 1988) };
  }
}

function countyTitles(county: County): string[] {
  const short = county.endsWith('区') ? '区' : county.endsWith('市') ? '市' : '县';
  return [`${short}委书记`, `${short}长`, `${short}委副书记`, `常务副${short}长`, '纪委书记', '组织部长', '宣传部长', '政法委书记', '统战部长', `副${short}长`];
}

function deptHeadTitle(dept: string): [string, string] {
  if (dept.endsWith('局')) return ['局长', '副局长'];
  if (dept === '团市委') return ['书记', '副书记'];
  if (dept === '市妇联' || dept === '市总工会' || dept === '市科协') return ['主席', '副主席'];
  return ['主任', '副主任'];
}

function townshipTitles(kind: Township['kind']): string[] {
  const head = kind === '街道' ? '主任' : kind === '镇' ? '镇长' : '乡长';
  const deputy = kind === '街道' ? '副主任' : kind === '镇' ? '副镇长' : '副乡长';
  const first = kind === '街道' ? '党工委书记' : '党委书记';
  const congress = kind === '街道' ? '人大工委主任' : '人大主席';
  return [first, head, kind === '街道' ? '党工委副书记' : '党委副书记', congress, '纪委书记', YE_TITLE, '宣传委员', '武装部长', deputy];
}

const MID_TITLES = ['农业站站长', '财政所所长', '党政办主任', '社会事务办主任', '综治中心主任', '城建办主任', '经济发展办主任', '干事', '干事', '干事'];
const STAFF_TITLES = ['科长', '副科长', '主任科员', '副主任科员', '科员', '科员'];

/** The title of the i-th seat of a team (seats past the fixed list repeat the last, usually a deputy). */
function titleOf(team: Team, i: number, townships: Map<string, Township>, prng: Prng): { title: string; principal: boolean } {
  switch (team.kind) {
    case 'county': {
      const list = countyTitles(team.area as County);
      return { title: list[Math.min(i, list.length - 1)], principal: i < 2 };
    }
    case 'deptLead': {
      const [head, deputy] = deptHeadTitle(team.unit);
      const list = [head, '党组副书记', deputy, '纪检组长', deputy, deputy, '总师'];
      return { title: list[Math.min(i, list.length - 1)], principal: i === 0 };
    }
    case 'twLead': {
      const list = townshipTitles(townships.get(team.townshipId!)!.kind);
      return { title: list[Math.min(i, list.length - 1)], principal: i < 2 };
    }
    case 'twMid': return { title: prng.pick(MID_TITLES), principal: false };
    case 'deptStaff': return { title: prng.pick(STAFF_TITLES), principal: false };
  }
}

/** The ranking groups: county leadership, department leadership and staff, township leadership and middle level. */
export function buildTeams(townships: readonly Township[], departments: readonly Department[], prng: Prng, yeTownshipId: string): Team[] {
  const teams: Team[] = [];
  const counties = [...new Set(townships.map(t => t.county))];
  for (const county of counties) {
    teams.push({ id: `${county}县级领导班子`, kind: 'county', post: '市管领导干部', area: county, unit: `${county}县级领导`, size: prng.int(10, 12) });
  }
  for (const d of departments) {
    teams.push({ id: `${d.name}领导班子`, kind: 'deptLead', post: '市管领导干部', area: CITY_LEVEL, unit: d.name, size: prng.int(5, 7) });
    const groups = prng.chance(0.55) ? 2 : 1;
    for (let g = 1; g <= groups; g++) {
      teams.push({ id: `${d.name}干部${g === 1 ? '一' : '二'}组`, kind: 'deptStaff', post: '市直干部', area: CITY_LEVEL, unit: d.name, size: prng.int(5, 12) });
    }
  }
  for (const t of townships) {
    const lo = t.kind === '街道' ? 5 : t.kind === '乡' ? 6 : 7;
    const hi = t.kind === '街道' ? 8 : t.kind === '乡' ? 9 : 12;
    const size = t.id === yeTownshipId ? 10 : prng.int(lo, hi);
    teams.push({ id: `${t.name}领导班子`, kind: 'twLead', post: '乡镇干部', area: t.county, unit: t.name, townshipId: t.id, size });
    const groups = prng.chance(0.45) ? 2 : 1;
    for (let g = 1; g <= groups; g++) {
      teams.push({ id: `${t.name}中层${g === 1 ? '一' : '二'}组`, kind: 'twMid', post: '乡镇干部', area: t.county, unit: t.name, townshipId: t.id, size: prng.int(5, 12) });
    }
  }
  return teams;
}

/** The population and its first year's seats. */
export function initialRoster(teams: readonly Team[], townships: Map<string, Township>, prng: Prng, yeTownshipId: string):
  { people: Person[]; roster: Roster; ye: string } {
  const namer = new Namer(prng.fork('names'));
  const people: Person[] = [];
  const roster: Roster = new Map();
  let ye = '';
  for (const team of teams) {
    for (let i = 0; i < team.size; i++) {
      const id = `C${String(people.length + 1).padStart(5, '0')}`;
      const { title, principal } = titleOf(team, i, townships, prng);
      const isYe = team.kind === 'twLead' && team.townshipId === yeTownshipId && title === YE_TITLE;
      const drawn = namer.next();
      people.push({ id, name: isYe ? YE_NAME : drawn.name, gender: isYe ? '男' : drawn.gender, birthYear: isYe ? 1976 : drawn.birthYear });
      if (isYe) ye = id;
      roster.set(id, { teamId: team.id, title, principal, months: isYe || prng.chance(0.96) ? 12 : prng.int(2, 11) });
    }
  }
  if (!ye) throw new Error('no seat for 叶某');
  return { people, roster, ye };
}

/** Members of each team in a roster, ids in code-point order. */
export function membersByTeam(roster: Roster): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, seat] of roster) {
    let list = out.get(seat.teamId);
    if (!list) out.set(seat.teamId, (list = []));
    list.push(id);
  }
  for (const list of out.values()) list.sort();
  return out;
}

export interface RosterContext {
  readonly teams: readonly Team[];
  readonly teamById: Map<string, Team>;
  readonly townships: Map<string, Township>;
  readonly people: Person[];
  readonly namer: Namer;
  /** Cadres who must stay in their seat this year (叶某 until his removal). */
  readonly pinned: ReadonlySet<string>;
}

/** Where a disposition sends a cadre the next year. */
function destinationKind(kind: TeamKind, d: Disposition): TeamKind | 'same' {
  switch (d) {
    case '岗位调整':
    case '调离岗位':
      return kind;
    case '降职':
    case '免职':
      return kind === 'county' || kind === 'deptLead' ? 'deptStaff' : kind === 'twLead' ? 'twMid' : 'same';
    default:
      return 'same';
  }
}

/**
 * Next year's seats: last year's, after the moves that last year's decided dispositions cause,
 * a few retirements and rotations, and newcomers in the vacancies.
 */
export function nextRoster(prev: Roster, decided: ReadonlyMap<string, Disposition>, ctx: RosterContext, prng: Prng): Roster {
  const roster: Roster = new Map();
  const ids = [...prev.keys()].sort();
  const size = new Map<string, number>();
  const bump = (team: string, by: number) => size.set(team, (size.get(team) ?? 0) + by);
  const movers: { id: string; from: Team; to: TeamKind; d: Disposition }[] = [];
  for (const id of ids) {
    const seat = prev.get(id)!;
    const team = ctx.teamById.get(seat.teamId)!;
    const d = decided.get(id);
    if (!ctx.pinned.has(id) && !d && prng.chance(0.025)) continue; // retired or left
    const dest = d ? destinationKind(team.kind, d) : 'same';
    if (dest !== 'same') {
      movers.push({ id, from: team, to: dest, d: d! });
      continue;
    }
    const title = d === '降职' || d === '免职' ? (team.kind === 'twMid' ? '干事' : '科员') : seat.title;
    roster.set(id, { teamId: seat.teamId, title, principal: title === seat.title && seat.principal, months: 12 });
    bump(seat.teamId, 1);
  }
  for (const m of movers) {
    // Dispositions move people out of their unit; prefer the same county for township cadres.
    const options = ctx.teams.filter(t => t.kind === m.to && t.unit !== m.from.unit && (size.get(t.id) ?? 0) < 12 &&
      (m.from.area === t.area || m.to === 'deptStaff' || m.to === 'deptLead' || m.to === 'county'));
    const sameArea = options.filter(t => t.area === m.from.area);
    const to = prng.pick(sameArea.length > 0 ? sameArea : options);
    const title = m.d === '降职' || m.d === '免职' ? (to.kind === 'twMid' ? '干事' : '科员') : titleFor(to, prng, ctx);
    roster.set(m.id, { teamId: to.id, title, principal: false, months: 12 });
    bump(to.id, 1);
  }
  // Rotations between teams of the same kind keep sizes; newcomers fill what is left below size.
  const movable = [...roster.keys()].filter(id => !ctx.pinned.has(id) && !decided.has(id)).sort();
  for (const id of movable) {
    if (!prng.chance(0.02)) continue;
    const seat = roster.get(id)!;
    const team = ctx.teamById.get(seat.teamId)!;
    if (team.kind === 'county' || (size.get(team.id) ?? 0) <= 5) continue;
    const options = ctx.teams.filter(t => t.kind === team.kind && t.id !== team.id && (size.get(t.id) ?? 0) < t.size);
    if (options.length === 0) continue;
    const to = prng.pick(options);
    roster.set(id, { teamId: to.id, title: team.kind === 'twMid' || team.kind === 'deptStaff' ? seat.title : titleFor(to, prng, ctx), principal: false, months: 12 });
    bump(team.id, -1);
    bump(to.id, 1);
  }
  for (const team of ctx.teams) {
    const need = team.size - (size.get(team.id) ?? 0);
    for (let i = 0; i < need; i++) {
      const id = `C${String(ctx.people.length + 1).padStart(5, '0')}`;
      const drawn = ctx.namer.next();
      ctx.people.push({ id, name: drawn.name, gender: drawn.gender, birthYear: drawn.birthYear });
      roster.set(id, { teamId: team.id, title: titleFor(team, prng, ctx), principal: false, months: prng.int(2, 12) });
      bump(team.id, 1);
    }
  }
  restorePrincipals(roster, ctx);
  return roster;
}

/** A deputy's title for someone joining a team (the last, repeating entry of the team's title list). */
function titleFor(team: Team, prng: Prng, ctx: RosterContext): string {
  const deputySeat = team.kind === 'twLead' ? 8 : team.kind === 'county' ? 9 : 4;
  return titleOf(team, deputySeat, ctx.townships, prng).title;
}

/**
 * Every leadership team keeps its principal posts filled: when a principal left, the first
 * deputy (by id) takes the title, so a township always has one 书记 and one head.
 */
function restorePrincipals(roster: Roster, ctx: RosterContext): void {
  const byTeam = membersByTeam(roster);
  for (const team of ctx.teams) {
    if (team.kind === 'twMid' || team.kind === 'deptStaff') continue;
    const members = byTeam.get(team.id) ?? [];
    const wanted = team.kind === 'deptLead' ? 1 : 2;
    for (let i = 0; i < wanted; i++) {
      // Principal titles of leadership teams are fixed by seat; no draw is involved.
      const { title } = titleOf(team, i, ctx.townships, new Prng(0));
      if (members.some(id => roster.get(id)!.title === title)) continue;
      const heir = members.find(id => !roster.get(id)!.principal && !ctx.pinned.has(id) && roster.get(id)!.title !== YE_TITLE);
      if (!heir) continue;
      const seat = roster.get(heir)!;
      roster.set(heir, { ...seat, title, principal: true });
    }
  }
}
