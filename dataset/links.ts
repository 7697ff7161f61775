// Checks that span files: the manifest covers what the rules read, cadres link to existing
// units, rows belong to an entity of their year, events fall in their year, periods run forward.
import type { DatasetSpec } from '../engine/schema.ts';
import { parseDate, yearOfDay } from './cells.ts';
import type { BuiltEntities } from './build.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import { MANIFEST_FILE, type ManifestDoc } from './manifest.ts';
import type { TableRead } from './table.ts';

/** `owner` as written in the manifest, in the rules' terms (`干部` is accepted for `cadre`). */
export function ownerName(owner: string): string {
  return owner === '干部' ? 'cadre' : owner;
}

/** The manifest names a file for every unit kind and row table the rules read, with the rules' owner. */
export function checkCoverage(sink: DiagnosticSink, doc: ManifestDoc, spec: DatasetSpec): void {
  const m = doc.manifest;
  const at = (path: (string | number)[]) => doc.position(path);
  for (const u of spec.units) {
    const files = m.units.get(u.kind);
    if (!files) {
      const p = at(['units']);
      sink.error('notInManifest', MANIFEST_FILE, p.line, p.column,
        `清单 units 下缺少单位类别「${u.kind}」（规则声明了 unit ${u.kind}）`,
        `the manifest lists no files under units for the unit kind "${u.kind}" the rules declare`);
      continue;
    }
    const required = u.records.columns.filter(c => !c.optional).map(c => c.name);
    if (!files.records && required.length > 0) {
      const p = at(['units', u.kind]);
      sink.error('notInManifest', MANIFEST_FILE, p.line, p.column,
        `单位类别「${u.kind}」缺少年度数据文件（records），规则需要其输入：${required.join('、')}`,
        `the unit kind "${u.kind}" has no yearly records file, yet the rules need its inputs: ${required.join(', ')}`);
    }
  }
  for (const r of spec.rows) {
    const files = m.rows.get(r.table);
    if (!files) {
      const p = at(['rows']);
      sink.error('notInManifest', MANIFEST_FILE, p.line, p.column,
        `清单 rows 下缺少明细表「${r.table}」（规则中有此表）`,
        `the manifest lists no file under rows for the table "${r.table}" the rules read`);
      continue;
    }
    const written = ownerName(files.owner);
    if (written !== r.owner) {
      const p = at(['rows', r.table, 'owner']);
      const want = r.owner === 'cadre' ? 'cadre（干部）' : r.owner;
      sink.error('notInManifest', MANIFEST_FILE, p.line, p.column,
        `明细表「${r.table}」的行在规则中属于 ${want}，清单写的是 ${files.owner}`,
        `the rows of "${r.table}" belong to ${r.owner} in the rules, the manifest says ${files.owner}`);
    }
  }
}

/** A cadre's link to a unit must name a unit present in the same year. */
export function checkUnitLinks(sink: DiagnosticSink, read: TableRead, keep: readonly boolean[], units: ReadonlyMap<string, BuiltEntities>): void {
  for (const col of read.bound.values()) {
    const t = col.spec?.type;
    if (!t || t.kind !== 'unitRef') continue;
    const target = units.get(t.unitKind);
    if (!target) continue;
    read.rows.forEach((row, r) => {
      const v = row?.[col.name];
      if (!keep[r] || typeof v !== 'string' || target.present.has(v)) return;
      sink.error('unknownUnit', read.file, read.records[r].line, col.index + 1,
        `「${col.name}」的值「${v}」不是本年的 ${t.unitKind} 单位编号`,
        `"${col.name}": "${v}" is not the id of a ${t.unitKind} unit in this year`);
    });
  }
}

/**
 * Links each row to its owner in the same year (when the owner's table could be read) and checks dates. Returns the owner index of
 * each record and which records are kept.
 */
export function checkRowFacts(
  sink: DiagnosticSink,
  read: TableRead,
  owner: BuiltEntities | undefined,
  table: DatasetSpec['rows'][number],
  year: number,
): { owners: Int32Array; keep: boolean[] } {
  const owners = new Int32Array(read.records.length).fill(-1);
  const keep: boolean[] = new Array(read.records.length).fill(false);
  const idCol = read.bound.get('id')!.index + 1;
  const whose = table.owner === 'cadre' ? ['干部', 'cadre'] : [`「${table.owner}」单位`, `${table.owner} unit`];
  const kind = table.spec.tableKind;
  const dateCol = read.bound.get('日期');
  const fromCol = read.bound.get('起');
  const toCol = read.bound.get('止');
  read.rows.forEach((row, r) => {
    if (!row) return;
    const line = read.records[r].line;
    let ok = true;
    if (kind === 'events' && dateCol && typeof row['日期'] === 'string') {
      const day = parseDate(row['日期']);
      if (day !== undefined && yearOfDay(day) !== year) {
        sink.error('dateOutsideYear', read.file, line, dateCol.index + 1,
          `事件日期 ${row['日期']} 不在 ${year} 年内`, `the event date ${row['日期']} is not in ${year}`);
        ok = false;
      }
    }
    if (kind === 'periods' && fromCol && toCol && typeof row['起'] === 'string' && typeof row['止'] === 'string') {
      const from = parseDate(row['起']);
      const to = parseDate(row['止']);
      if (from !== undefined && to !== undefined && to < from) {
        sink.error('periodReversed', read.file, line, toCol.index + 1,
          `时段止日 ${row['止']} 早于起日 ${row['起']}`, `the period ends (${row['止']}) before it starts (${row['起']})`);
        ok = false;
      }
    }
    // Without the owner's table (its own file was bad) the rows are still checked, but not linked.
    if (!owner) return;
    const id = read.ids[r];
    const i = owner.indexOf.get(id);
    // An owner whose own record is bad was reported there; its rows are not reported again.
    if (i === undefined && !owner.present.has(id)) {
      sink.error('unknownOwner', read.file, line, idCol,
        `编号「${id}」不是 ${year} 年的${whose[0]}`, `the id "${id}" is not a ${whose[1]} of ${year}`);
    }
    if (i === undefined || !ok) return;
    owners[r] = i;
    keep[r] = true;
  });
  return { owners, keep };
}
