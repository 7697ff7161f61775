// A small checked model built by hand, for tests of the data layer that must not depend on the
// parser and checker: the inputs, tables and units a township evaluation typically declares.
import type * as ast from '../../grammar/ast.ts';
import type { ComputedInfo, FieldInfo, InputInfo, LevelModel, RowTableInfo, RuleSetModel, Type } from '../../engine/model.ts';

const span = { start: 0, end: 0 };
const ident = (name: string): ast.Ident => ({ kind: 'Ident', name, span });
const num = (value: number): ast.NumberLit => ({ kind: 'NumberLit', value, text: String(value), span });
const typeRef = (name: string, range?: { low: number; high: number }): ast.TypeRef => ({
  kind: 'TypeRef', name: ident(name), span, range: range && { kind: 'RangeLit', low: num(range.low), high: num(range.high), span },
});
const origin = { file: 'fixture.kp', year: 2014 };

/** An input of the given type, as the checker would describe it. */
export function input(name: string, type: Type, optional = false, range?: { low: number; high: number }): InputInfo {
  const def: ast.InputDef = { kind: 'InputDef', override: false, name: ident(name), names: [ident(name)], type: typeRef(type.kind, range), optional, span };
  return { name, type, optional, range, def, origin };
}

/** A field of a row table; implicit fields have no declaration. */
export function field(name: string, type: Type, optional = false, implicit = false, range?: { low: number; high: number }): FieldInfo {
  return implicit ? { name, type, optional } : { name, type, optional, decl: { kind: 'FieldDecl', name: ident(name), type: typeRef(type.kind, range), optional, span } };
}

/** A records/events/periods table with its implicit fields first. */
export function table(name: string, kind: RowTableInfo['kind'], fields: FieldInfo[], situations: { name: string; points: number }[] = []): RowTableInfo {
  const implicit: FieldInfo[] = kind === 'events'
    ? [field('日期', { kind: 'date' }, false, true), field('情形', { kind: 'text' }, false, true), field('分值', { kind: 'points' }, false, true)]
    : kind === 'periods' ? [field('起', { kind: 'date' }, false, true), field('止', { kind: 'date' }, false, true)] : [];
  const def = kind === 'events'
    ? { kind: 'EventsDef' as const, override: false, name: ident(name), situations: [], fields: [], span }
    : kind === 'periods' ? { kind: 'PeriodsDef' as const, override: false, name: ident(name), fields: [], span }
      : { kind: 'RecordsDef' as const, override: false, name: ident(name), fields: [], span };
  return { name, kind, fields: [...implicit, ...fields], situations, def, origin };
}

function enumInfo(name: string, members: string[]) {
  return { name, members, def: { kind: 'EnumDef' as const, override: false, name: ident(name), members: members.map(ident), span }, origin };
}

const points = (): Type => ({ kind: 'points' });

/** The fixture: cadres with a post, a team, a township link and scores; townships as units; events and periods. */
export function fixtureModel(): RuleSetModel {
  const cadre: LevelModel = {
    level: 'cadre',
    inputs: [
      input('岗位', { kind: 'enum', enumName: '岗位类别' }),
      input('班子', { kind: 'group' }),
      input('所在乡镇', { kind: 'unitRef', unitKind: '乡镇' }, true),
      input('综合考核', points(), false, { low: 0, high: 100 }),
      input('目标完成率', { kind: 'percent' }, false, { low: 0, high: 200 }),
      input('受处分', { kind: 'bool' }, true),
      input('谈话次数', { kind: 'count' }, true),
      input('到任日期', { kind: 'date' }, true),
    ],
    tables: [
      table('效情形', 'events', [field('备注', { kind: 'text' }, true)], [{ name: '推进工作不力', points: -3 }, { name: '不敢担当', points: -5 }]),
      table('任职', 'periods', [field('职务', { kind: 'enum', enumName: '职务类别' })]),
    ],
    computed: [],
  };
  const township: LevelModel = {
    level: 'unit',
    unitKind: '乡镇',
    inputs: [input('类别', { kind: 'enum', enumName: '乡镇类别' }), input('总分', points(), false, { low: 0, high: 100 })],
    tables: [table('乡镇督查', 'records', [field('扣分', points(), false, false, { low: 0, high: 10 })])],
    computed: [],
  };
  return {
    title: '测试规则',
    year: 2014,
    enums: [
      enumInfo('岗位类别', ['市管领导干部', '乡镇干部', '市直干部']),
      enumInfo('乡镇类别', ['经济型', '生态型', '复合型']),
      enumInfo('职务类别', ['书记', '乡镇长']),
    ],
    cadre,
    units: [township],
    dispositions: [],
    resolutions: new Map(),
    types: new Map(),
    tests: [],
    files: [{ file: 'fixture.kp', year: 2014, text: '' }],
  };
}

/** A computed definition of the given kind, as the checker would list it (the expression is irrelevant to the data layer). */
export function computed(name: string, type: Type, kind: 'ScoreDef' | 'RankDef' | 'GradeDef' | 'DispositionDef' | 'TableDef'): ComputedInfo {
  const expr: ast.Expr = { kind: 'NumberLit', value: 0, text: '0', span };
  const base = { override: false, name: ident(name), span };
  const def: ComputedInfo['def'] =
    kind === 'ScoreDef' ? { kind, ...base, form: 'score', expr }
      : kind === 'RankDef' ? { kind, ...base, key: { kind: 'SortKey', expr, direction: 'desc', span }, within: [], tiebreak: [] }
        : kind === 'GradeDef' ? { kind, ...base, by: expr, levels: [] }
          : kind === 'TableDef' ? { kind, ...base, by: expr, rows: [] }
            : { kind, ...base, severity: num(1), when: expr, candidates: [] };
  return { name, type, def, deps: [], origin };
}

/** The fixture with a few computed values at the cadre level: a score, a percent score, a rank, a grade, a parameter and a disposition. */
export function fixtureModelWithValues(): RuleSetModel {
  const m = fixtureModel();
  return {
    ...m,
    cadre: {
      ...m.cadre,
      computed: [
        computed('系数', { kind: 'number' }, 'TableDef'),
        computed('年度得分', { kind: 'points' }, 'ScoreDef'),
        computed('完成度', { kind: 'percent' }, 'ScoreDef'),
        computed('班子排名', { kind: 'count' }, 'RankDef'),
        computed('等次', { kind: 'enum', enumName: '等次' }, 'GradeDef'),
        computed('诫勉谈话', { kind: 'bool' }, 'DispositionDef'),
      ],
    },
  };
}
