// The manifest: its shape checked with ajv, every problem placed in the YAML text.
import { describe, expect, it } from 'vitest';
import { parseManifest, manifestFiles, yearPath } from './manifest.ts';
import { DiagnosticSink, formatDataDiagnostic } from './diagnostics.ts';

function parse(text: string) {
  const sink = new DiagnosticSink();
  const doc = parseManifest(text, sink);
  return { doc, problems: sink.sorted().map(d => formatDataDiagnostic(d)) };
}

const good = `name: 示例
years: [2015, 2014]
cadres: cadres.csv
records: records/{year}.csv
units:
  乡镇:
    file: townships.csv
    records: township-records/{year}.csv
  部门: { file: departments.csv }
rows:
  效情形:
    file: events/{year}.csv
  乡镇督查: { file: "inspections/{year}.csv", owner: 乡镇 }
columns: { 综合考核: zhkh }
`;

describe('parseManifest', () => {
  it('reads a good manifest, with years ascending and cadre-owned rows by default', () => {
    const { doc, problems } = parse(good);
    expect(problems).toEqual([]);
    const m = doc!.manifest;
    expect(m.years).toEqual([2014, 2015]);
    expect(m.units.get('部门')).toEqual({ file: 'departments.csv', records: undefined });
    expect(m.rows.get('效情形')!.owner).toBe('cadre');
    expect(m.rows.get('乡镇督查')!.owner).toBe('乡镇');
    expect(m.columns.get('综合考核')).toBe('zhkh');
    expect(doc!.position(['rows', '乡镇督查', 'owner'])).toEqual({ line: 13, column: 50 });
  });

  it('lists every file it names for every year', () => {
    const m = parse(good).doc!.manifest;
    expect(manifestFiles(m)).toEqual([
      'cadres.csv', 'departments.csv', 'events/2014.csv', 'events/2015.csv', 'inspections/2014.csv', 'inspections/2015.csv',
      'records/2014.csv', 'records/2015.csv', 'township-records/2014.csv', 'township-records/2015.csv', 'townships.csv',
    ]);
    expect(yearPath('a/{year}/b-{year}.csv', 2014)).toBe('a/2014/b-2014.csv');
  });

  it('places shape errors at the offending value', () => {
    const { doc, problems } = parse(`name: 示例
years: [2014, "二〇一五", 2014]
cadres: cadres.csv
records: records.csv
rows:
  效情形:
    fil: events/{year}.csv
`);
    expect(doc).toBeUndefined();
    expect(problems).toEqual([
      'dataset.yaml:2:8: error KP602 years 有重复的年度',
      'dataset.yaml:2:15: error KP602 years.1 应为整数',
      'dataset.yaml:4:10: error KP602 records 的路径须含 {year}（每年一个文件）',
      'dataset.yaml:7:5: error KP602 rows.效情形 缺少必需的键「file」',
      'dataset.yaml:7:10: warning KP602 rows.效情形 有未知的键「fil」（已忽略）',
    ]);
  });

  it('reports missing required keys and YAML syntax errors with their position', () => {
    expect(parse('name: x\n').problems).toEqual([
      'dataset.yaml:1:1: error KP602 清单 缺少必需的键「cadres」',
      'dataset.yaml:1:1: error KP602 清单 缺少必需的键「records」',
      'dataset.yaml:1:1: error KP602 清单 缺少必需的键「years」',
    ]);
    const bad = parse('name: x\nyears: [2014\n');
    expect(bad.doc).toBeUndefined();
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/^dataset\.yaml:\d+:\d+: error KP601 YAML 语法错误/);
  });
});
