// The seed data's structure and plan: six areas, 104 classed townships, teams of 5–12, about 3,000
// cadres a year, 叶某's seat, the river-litter case, and a plan that adds up to the report.
import { describe, expect, it, beforeAll } from 'vitest';
import { buildSeed, verifyPlan, type SeedData } from './build.ts';
import { COUNTIES } from './catalogue.ts';
import { membersByTeam, YE_NAME } from './people.ts';
import { evaluateRuleSet } from './mirror-decide.ts';

describe('the seed data', () => {
  let seed: SeedData;
  beforeAll(() => {
    seed = buildSeed();
  });

  it('has the six county-level areas, 104 classed townships with distinct names', () => {
    expect([...new Set(seed.townships.map(t => t.county))]).toEqual([...COUNTIES]);
    expect(seed.townships.length).toBe(104);
    expect(new Set(seed.townships.map(t => t.name)).size).toBe(104);
    for (const cls of ['经济型', '生态型', '复合型']) expect(seed.townships.filter(t => t.cls === cls).length).toBeGreaterThan(20);
  });

  it('seats about 3,000 cadres a year in teams of 5 to 12', () => {
    for (const [year, roster] of seed.rosters) {
      expect(roster.size, String(year)).toBeGreaterThan(2900);
      expect(roster.size, String(year)).toBeLessThan(3200);
      for (const [team, members] of membersByTeam(roster)) {
        expect(members.length, `${year} ${team}`).toBeGreaterThanOrEqual(5);
        expect(members.length, `${year} ${team}`).toBeLessThanOrEqual(12);
      }
    }
    const kinds = new Set(seed.teams.map(t => t.post));
    expect(kinds).toEqual(new Set(['市管领导干部', '市直干部', '乡镇干部']));
  });

  it('seats 叶某 as organisation committee member of a 龙游县 township, 2012 to 2014', () => {
    expect(seed.people.filter(p => p.name === YE_NAME).map(p => p.id)).toEqual([seed.ye]);
    for (const y of [2012, 2013, 2014]) {
      const seat = seed.rosters.get(y)!.get(seed.ye)!;
      const team = seed.teams.find(t => t.id === seat.teamId)!;
      expect(seat.title).toBe('组织委员');
      expect(team.area).toBe('龙游县');
      expect(team.kind).toBe('twLead');
    }
    expect(seed.plan.cases.get(2014)!.get(seed.ye)?.decision).toBe('免职');
  });

  it('plans the report\'s totals for 2013–2015', () => {
    let handled = 0;
    let transferred = 0;
    let down = 0;
    for (const y of [2013, 2014, 2015]) {
      for (const c of seed.plan.cases.get(y)!.values()) {
        handled++;
        if (c.decision === '调离岗位') transferred++;
        if (c.decision === '降职' || c.decision === '免职') down++;
      }
    }
    expect({ handled, transferred, down }).toEqual({ handled: 147, transferred: 38, down: 53 });
  });

  it('records the June 2014 river-litter deduction for a county leader of 常山县', () => {
    const y2014 = seed.years.find(y => y.year === 2014)!;
    const row = y2014.inspections.find(i => i.id === seed.riverLitter.id && i.month === 6 && i.reason?.includes('河道垃圾'));
    expect(row).toBeDefined();
    expect(y2014.cadres.find(c => c.id === seed.riverLitter.id)!.area).toBe('常山县');
  });

  it('dates every event within its year', () => {
    for (const y of seed.years) {
      for (const e of y.events) expect(e.date.startsWith(`${y.year}-`)).toBe(true);
    }
  });

  it('is decided by the restated rules exactly as planned, also when a later year\'s rules read it as history', () => {
    expect(() => verifyPlan(seed.years, seed.plan)).not.toThrow();
    const ev2015 = evaluateRuleSet(2015, seed.years);
    expect(ev2015.map(e => e.year)).toEqual([2012, 2013, 2014, 2015]);
  });
});

describe('another seed', () => {
  it('also meets the plan (the construction does not depend on one lucky seed)', () => {
    const other = buildSeed(7);
    expect(other.years.length).toBe(4);
    expect(other.plan.cases.get(2015)!.size).toBe(57);
  });
});
