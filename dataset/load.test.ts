// Loading dataset folders: the good fixture builds the expected columns; each bad fixture
// reports exactly the expected file:line:column problems and builds nothing.
import { describe, expect, it } from 'vitest';
import { loadDataset, formatDataDiagnostic, type DatasetFile } from './index.ts';
import { fixtureFiles } from './testing/fixtures.ts';
import { fixtureModel, input } from './testing/fixture-model.ts';
import type { Column, Dataset } from '../engine/dataset.ts';

const lines = (files: readonly DatasetFile[], year?: number, model = fixtureModel()) =>
  loadDataset(files, model, year === undefined ? {} : { year }).diagnostics.map(d => formatDataDiagnostic(d));

const values = (c: Column | undefined) => (c ? Array.from(c.values) : undefined);
const labels = (c: Column | undefined) => (c && c.kind === 'code' ? c.labels : undefined);

describe('loadDataset on the good fixture', () => {
  const result = loadDataset(fixtureFiles('good'), fixtureModel());
  const ds = result.dataset!;
  const y2014 = ds.years[1];

  it('loads without diagnostics, years ascending', () => {
    expect(result.diagnostics).toEqual([]);
    expect(ds.name).toBe('测试数据');
    expect(ds.years.map(y => y.year)).toEqual([2013, 2014]);
  });

  it('orders cadres by id and names them from the list', () => {
    expect(y2014.cadres.ids).toEqual(['c01', 'c02', 'c03']);
    expect(y2014.cadres.names).toEqual(['甲', '乙', '丙']);
    // records/2014.csv is CRLF with a blank line: c01 on line 3, c02 on line 2, c03 on line 5.
    expect(Array.from(y2014.cadres.origin!.lines)).toEqual([3, 2, 5]);
  });

  it('stores typed columns: percent as a fraction, bools as 0/1, codes into labels', () => {
    const c = y2014.cadres.columns;
    expect(values(c.get('综合考核'))).toEqual([85, 70, 90]); // renamed from zhkh; " 85 " trimmed
    expect(values(c.get('目标完成率'))).toEqual([1.2, 0.88, 1]); // "120%", full-width ８８, 100
    expect(values(c.get('受处分'))).toEqual([1, 0, NaN]);
    expect(values(c.get('谈话次数'))).toEqual([0, 1, NaN]);
    expect(c.get('到任日期')?.kind).toBe('date');
    expect(values(c.get('到任日期'))).toEqual([NaN, Date.UTC(2012, 2, 1) / 86_400_000, NaN]);
    expect(labels(c.get('岗位'))).toEqual(['市管领导干部', '乡镇干部', '市直干部']);
    expect(values(c.get('岗位'))).toEqual([1, 1, 0]);
    expect(labels(c.get('班子'))).toEqual(['一乡班子', '市领导']);
    expect(values(c.get('所在乡镇'))).toEqual([0, 0, -1]);
    expect(c.has('多余列')).toBe(false);
  });

  it('fills optional columns an earlier year lacks with missing values', () => {
    expect(values(ds.years[0].cadres.columns.get('受处分'))).toEqual([NaN, NaN]);
  });

  it('builds unit tables per year with names from the list', () => {
    const t = y2014.units.get('乡镇')!;
    expect(t.ids).toEqual(['t1', 't2']);
    expect(t.names).toEqual(['一乡', '二镇']);
    expect(values(t.columns.get('类别'))).toEqual([2, 1]);
    expect(values(t.columns.get('总分'))).toEqual([82.5, 77]);
  });

  it('links rows to owners and orders them by owner, then content', () => {
    const ev = y2014.rows.get('效情形')!;
    expect(Array.from(ev.owner)).toEqual([0, 0, 1]);
    expect(Array.from(ev.origin!.lines)).toEqual([5, 3, 2]);
    expect(values(ev.columns.get('分值'))).toEqual([NaN, NaN, -4]);
    expect(labels(ev.columns.get('情形'))).toEqual(['推进工作不力', '不敢担当']);
    expect(labels(ev.columns.get('备注'))).toEqual(['河道垃圾\n未清理']);
    const periods = y2014.rows.get('任职')!;
    expect(values(periods.columns.get('止'))).toEqual([NaN, Date.UTC(2014, 5, 30) / 86_400_000]);
    expect(Array.from(y2014.rows.get('乡镇督查')!.owner)).toEqual([0]);
  });

  it('loads only the years up to the one evaluated', () => {
    const r = loadDataset(fixtureFiles('good'), fixtureModel(), { year: 2013 });
    expect(r.dataset!.years.map(y => y.year)).toEqual([2013]);
  });

  it('builds the same dataset whatever the order of rows in the files', () => {
    const shuffled = fixtureFiles('good').map(f => {
      if (!f.path.endsWith('.csv')) return f;
      const [head, ...rest] = f.text.replace(/\r\n/g, '\n').split('\n').filter(l => l !== '');
      // Multi-line quoted cells are kept whole by rejoining the one continuation line this fixture has.
      const rows: string[] = [];
      for (const l of rest) if (l.startsWith('未清理')) rows[rows.length - 1] += '\n' + l; else rows.push(l);
      return { path: f.path, text: [head, ...rows.reverse()].join('\n') + '\n' };
    });
    const a = loadDataset(fixtureFiles('good'), fixtureModel()).dataset!;
    const b = loadDataset(shuffled, fixtureModel()).dataset!;
    expect(strip(b)).toEqual(strip(a));
    expect(Array.from(b.years[1].rows.get('效情形')!.origin!.lines)).not.toEqual(Array.from(a.years[1].rows.get('效情形')!.origin!.lines));
  });
});

/** The dataset without its origins (line numbers legitimately change when rows move). */
function strip(d: Dataset) {
  return d.years.map(y => ({
    cadres: { ...y.cadres, origin: undefined, columns: [...y.cadres.columns].map(([k, c]) => [k, Array.from(c.values), labels(c)]) },
    units: [...y.units].map(([k, u]) => [k, u.ids, [...u.columns].map(([n, c]) => [n, Array.from(c.values)])]),
    rows: [...y.rows].map(([k, r]) => [k, Array.from(r.owner), [...r.columns].map(([n, c]) => [n, Array.from(c.values), labels(c)])]),
  }));
}

describe('loadDataset on bad data', () => {
  it('reports every bad cell and cross-file link with file:line:column, and builds nothing', () => {
    const r = loadDataset(fixtureFiles('bad-rows'), fixtureModel());
    expect(r.dataset).toBeUndefined();
    expect(r.errorCount).toBe(24);
    expect(r.diagnostics.map(d => formatDataDiagnostic(d))).toEqual([
      'cadres.csv:7:1: error KP630 编号「c06」重复（第 6 行已有）',
      'events/2014.csv:3:1: error KP632 编号「c09」不是 2014 年的干部',
      'events/2014.csv:4:2: error KP634 事件日期 2013-12-31 不在 2014 年内',
      'events/2014.csv:5:3: error KP623 「情形」的值「迟到」不是「效情形」目录中的情形（可选：推进工作不力、不敢担当）',
      'events/2014.csv:6:2: error KP620 「日期」不可为空（该输入未声明为可缺）',
      'inspections/2014.csv:3:1: error KP632 编号「t3」不是 2014 年的「乡镇」单位',
      'inspections/2014.csv:4:2: error KP611 该行有 1 列，表头有 2 列',
      'periods/2014.csv:2:3: error KP635 时段止日 2014-04-01 早于起日 2014-05-01',
      'periods/2014.csv:3:2: error KP624 「起」的值「2014/05/01」不是有效日期（应为 YYYY-MM-DD）',
      'periods/2014.csv:4:4: error KP623 「职务」的值「副书记」不是 职务类别 的成员（可选：书记、乡镇长）',
      'records/2014.csv:2:5: error KP621 「综合考核」的值「八十」不是数值',
      'records/2014.csv:3:2: error KP623 「岗位」的值「乡长」不是 岗位类别 的成员（可选：市管领导干部、乡镇干部、市直干部）',
      'records/2014.csv:4:5: error KP622 「综合考核」的值 101 超出范围 0..100',
      'records/2014.csv:4:6: error KP622 「目标完成率」的值 250% 超出范围 0%..200%',
      'records/2014.csv:4:7: error KP625 「受处分」的值「也许」不是是否值（可写 是、否、true、false、1、0）',
      'records/2014.csv:4:8: error KP622 「谈话次数」的值 -1 不能为负数',
      'records/2014.csv:4:9: error KP624 「到任日期」的值「2014-02-30」不是有效日期（应为 YYYY-MM-DD）',
      'records/2014.csv:5:1: error KP631 编号「c04」不在干部名单中',
      'records/2014.csv:6:3: error KP620 「班子」不可为空（该输入未声明为可缺）',
      'records/2014.csv:6:8: error KP621 「谈话次数」的值「2.5」不是非负整数',
      'records/2014.csv:7:4: error KP633 「所在乡镇」的值「t9」不是本年的 乡镇 单位编号',
      'records/2014.csv:8:1: error KP630 编号「c01」在本年重复（第 2 行已有）',
      'township-records/2014.csv:3:2: error KP623 「类别」的值「工业型」不是 乡镇类别 的成员（可选：经济型、生态型、复合型）',
      'township-records/2014.csv:4:1: error KP630 编号「t1」在本年重复（第 2 行已有）',
    ]);
  });

  it('gives every message in English too', () => {
    const r = loadDataset(fixtureFiles('bad-rows'), fixtureModel());
    const en = r.diagnostics.map(d => formatDataDiagnostic(d, 'en'));
    expect(en).toContain('records/2014.csv:4:6: error KP622 "目标完成率": 250% is outside 0%..200%');
    expect(en).toContain('events/2014.csv:3:1: error KP632 the id "c09" is not a cadre of 2014');
    expect(r.diagnostics.every(d => d.messageEn.length > 0 && d.messageEn !== d.message)).toBe(true);
  });

  it('reports missing files, uncovered tables, header problems and malformed CSV', () => {
    expect(lines(fixtureFiles('bad-structure'))).toEqual([
      'dataset.yaml:4:10: error KP603 文件 records/2013.csv 不存在',
      'dataset.yaml:10:3: error KP604 清单 rows 下缺少明细表「任职」（规则中有此表）',
      'dataset.yaml:12:12: error KP604 明细表「效情形」的行在规则中属于 cadre（干部），清单写的是 乡镇',
      'dataset.yaml:14:11: error KP603 文件 inspections/2013.csv 不存在',
      'dataset.yaml:14:11: error KP603 文件 inspections/2014.csv 不存在',
      'dataset.yaml:16:12: warning KP602 清单 有未知的键「generator」（已忽略）',
      'events/2013.csv:2:1: error KP610 CSV 格式错误：引号未闭合',
      'records/2014.csv:1:5: error KP612 表头「班子」重复（第 3 列已有）',
      'records/2014.csv:1:6: error KP613 缺少规则所需的列「目标完成率」',
      'townships.csv:1:1: error KP614 缺少「name」列',
    ]);
  });

  it('reports a missing manifest and a year the dataset does not have', () => {
    expect(lines([])).toEqual(['dataset.yaml:1:1: error KP603 缺少清单文件 dataset.yaml']);
    expect(lines(fixtureFiles('good'), 2016)).toEqual(['dataset.yaml:3:8: error KP605 数据中没有 2016 年（有：2013、2014）']);
  });

  it('treats a column an earlier year lacks as missing with a warning, but requires it in the year evaluated', () => {
    const base = fixtureModel();
    const model = { ...base, cadre: { ...base.cadre, inputs: [...base.cadre.inputs, input('新指标', { kind: 'points' })] } };
    const r = loadDataset(fixtureFiles('good'), model, { year: 2014 });
    expect(r.diagnostics.map(d => formatDataDiagnostic(d))).toEqual([
      'records/2013.csv:1:7: warning KP640 缺少列「新指标」，该年此项按缺失计算',
      'records/2014.csv:1:11: error KP613 缺少规则所需的列「新指标」',
    ]);
    expect(r.dataset).toBeUndefined();
    const withColumn = fixtureFiles('good').map(f => f.path === 'records/2014.csv'
      ? { path: f.path, text: f.text.replace('多余列', '新指标').replace(',x\r', ',50\r').replace(',y\r', ',60\r') } : f);
    const ok = loadDataset(withColumn, model, { year: 2014 });
    expect(ok.diagnostics.map(d => d.code)).toEqual(['KP640', 'KP620']);
  });

  it('takes every listed unit when a unit kind has no yearly records, and 干部 as the cadre owner', () => {
    const base = fixtureModel();
    const optionalUnits = { ...base, units: base.units.map(u => ({ ...u, inputs: u.inputs.map(i => ({ ...i, optional: true })) })) };
    const files = fixtureFiles('good').map(f => f.path === 'dataset.yaml'
      ? { path: f.path, text: f.text.replace('    records: township-records/{year}.csv\n', '').replace('    file: events/{year}.csv\n', '    file: events/{year}.csv\n    owner: 干部\n') }
      : f);
    const r = loadDataset(files, optionalUnits);
    expect(r.diagnostics).toEqual([]);
    const t = r.dataset!.years[1].units.get('乡镇')!;
    expect(t.ids).toEqual(['t1', 't2']);
    expect(values(t.columns.get('总分'))).toEqual([NaN, NaN]);
    expect(lines(files)).toEqual(['dataset.yaml:8:5: error KP604 单位类别「乡镇」缺少年度数据文件（records），规则需要其输入：类别、总分']);
  });

  it('caps the diagnostics it keeps and counts the rest', () => {
    const bad = fixtureFiles('good').map(f => f.path === 'records/2014.csv'
      ? { path: f.path, text: 'id,岗位,班子,所在乡镇,zhkh,目标完成率\n' + Array.from({ length: 30 }, () => 'c01,x,一乡班子,t1,abc,95\n').join('') } : f);
    const r = loadDataset(bad, fixtureModel(), { limit: 10 });
    expect(r.diagnostics).toHaveLength(10);
    // Two bad cells a row, 29 repeated ids, and c02's event and period rows now without an owner.
    expect(r.errorCount).toBe(30 * 2 + 29 + 2);
    expect(r.omitted).toBe(r.errorCount - 10);
  });
});
