// The JSON Schema derived from a rule set's inputs: types, ranges, members and required columns.
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { datasetSpec, toJsonSchema, valueSchema } from './schema.ts';
import { fixtureModel } from '../dataset/testing/fixture-model.ts';

describe('datasetSpec', () => {
  const spec = datasetSpec(fixtureModel());

  it('lists the files a rule set reads: records, unit kinds, row tables with their owners', () => {
    expect(spec.records.columns.map(c => c.name)).toEqual(['岗位', '班子', '所在乡镇', '综合考核', '目标完成率', '受处分', '谈话次数', '到任日期']);
    expect(spec.units.map(u => [u.kind, u.records.columns.map(c => c.name)])).toEqual([['乡镇', ['类别', '总分']]]);
    expect(spec.rows.map(r => [r.table, r.owner, r.spec.tableKind])).toEqual([
      ['效情形', 'cadre', 'events'], ['任职', 'cadre', 'periods'], ['乡镇督查', '乡镇', 'records'],
    ]);
  });

  it('makes the catalogue the members of 情形, and the points and the end of a period optional', () => {
    const ev = spec.rows[0].spec.columns;
    expect(ev.find(c => c.name === '情形')).toMatchObject({ members: ['推进工作不力', '不敢担当'], catalogue: '效情形', optional: false });
    expect(ev.find(c => c.name === '分值')!.optional).toBe(true);
    expect(ev.find(c => c.name === '日期')!.optional).toBe(false);
    expect(spec.rows[1].spec.columns.find(c => c.name === '止')!.optional).toBe(true);
    expect(spec.rows[1].spec.columns.find(c => c.name === '起')!.optional).toBe(false);
  });

  it('takes ranges as written in the declaration, for inputs and fields alike', () => {
    expect(spec.records.columns.find(c => c.name === '目标完成率')!.range).toEqual({ low: 0, high: 200 });
    expect(spec.rows[2].spec.columns.find(c => c.name === '扣分')!.range).toEqual({ low: 0, high: 10 });
  });
});

describe('toJsonSchema', () => {
  const schema = toJsonSchema(datasetSpec(fixtureModel()).records);

  it('writes one property per column, required unless optional', () => {
    expect(schema.required).toEqual(['id', '岗位', '班子', '综合考核', '目标完成率']);
    expect((schema.properties as Record<string, unknown>)['综合考核']).toEqual({ type: 'number', minimum: 0, maximum: 100 });
    expect((schema.properties as Record<string, unknown>)['目标完成率']).toEqual({ type: 'number', minimum: 0, maximum: 200 });
    expect((schema.properties as Record<string, unknown>)['岗位']).toEqual({ type: 'string', enum: ['市管领导干部', '乡镇干部', '市直干部'] });
    expect((schema.properties as Record<string, unknown>)['谈话次数']).toEqual({ type: 'integer', minimum: 0 });
    expect((schema.properties as Record<string, unknown>)['到任日期']).toEqual({ type: 'string', format: 'date' });
  });

  it('is a schema ajv compiles in strict mode and that accepts and rejects rows as the rules say', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    const validate = ajv.compile(schema);
    expect(validate({ id: 'c1', 岗位: '乡镇干部', 班子: '一乡', 综合考核: 80, 目标完成率: 95 })).toBe(true);
    expect(validate({ id: 'c1', 岗位: '乡长', 班子: '一乡', 综合考核: 101 })).toBe(false);
    expect(validate.errors!.map(e => e.keyword).sort()).toEqual(['enum', 'maximum', 'required']);
  });

  it('does not validate values whose type is unknown after a rule error', () => {
    expect(valueSchema({ name: 'x', type: { kind: 'error' }, optional: false })).toBeUndefined();
  });
});
