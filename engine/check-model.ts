// Builds the checked model from the scopes and the side tables of a finished check run.
import type * as ast from '../grammar/ast.ts';
import type { CheckContext } from './check-context.ts';
import type { ComputedInfo, EnumInfo, FieldInfo, InputInfo, LevelModel, RowTableInfo, RuleSetModel, Type } from './model.ts';
import { fieldType } from './check-names.ts';
import type { ComputedSym, LevelScope, RowsSym } from './resolve.ts';

function inputInfo(ctx: CheckContext, sym: Extract<LevelScope['order'][number], { kind: 'input' }>): InputInfo {
  const type = ctx.symType(sym);
  const r = sym.def.type.range;
  // Ranges are written in the type's own unit; a percent range `0..200` means 0% to 200%.
  const scale = type.kind === 'percent' ? 100 : 1;
  const info: { -readonly [K in keyof InputInfo]: InputInfo[K] } = {
    name: sym.name, type, optional: sym.def.optional, def: sym.def, origin: sym.entry.origin,
  };
  if (r) info.range = { low: r.low.value / scale, high: r.high.value / scale };
  return info;
}

function tableInfo(ctx: CheckContext, sym: RowsSym): RowTableInfo {
  const fields: FieldInfo[] = [];
  for (const f of sym.fields.values()) {
    const info: { -readonly [K in keyof FieldInfo]: FieldInfo[K] } = {
      name: f.name,
      type: fieldType(ctx, sym, f),
      // An empty 止 means the period is still running.
      optional: f.decl ? f.decl.optional : f.implicit === 'to',
    };
    if (f.decl) info.decl = f.decl;
    fields.push(info);
  }
  const def = sym.def;
  const situations = def.kind === 'EventsDef'
    ? def.situations.map(s => (s.description ? { name: s.name.name, points: s.points.value, description: s.description.value } : { name: s.name.name, points: s.points.value }))
    : [];
  const kind = def.kind === 'RecordsDef' ? 'records' : def.kind === 'EventsDef' ? 'events' : 'periods';
  return { name: sym.name, kind, fields, situations, def, origin: sym.entry.origin };
}

/** One level's model; `ordered` is its computed definitions in dependency order. */
export function levelModel(ctx: CheckContext, scope: LevelScope, ordered: readonly ComputedSym[]): LevelModel {
  const inputs: InputInfo[] = [];
  const tables: RowTableInfo[] = [];
  for (const s of scope.order) {
    if (s.kind === 'input') inputs.push(inputInfo(ctx, s));
    else if (s.kind === 'rows') tables.push(tableInfo(ctx, s));
  }
  const computed: ComputedInfo[] = ordered.map(s => ({
    name: s.name, type: ctx.symType(s), def: s.def, deps: [...(ctx.deps.get(s) ?? [])], origin: s.entry.origin,
  }));
  return scope.level === 'unit'
    ? { level: 'unit', unitKind: scope.unitKind, inputs, tables, computed }
    : { level: 'cadre', inputs, tables, computed };
}

/** Enums of every level, in merged order (top level first, then each unit's). */
export function enumInfos(scope: LevelScope): EnumInfo[] {
  const out: EnumInfo[] = [];
  for (const s of scope.order) {
    if (s.kind === 'enum') out.push({ name: s.name, members: s.def.members.map(m => m.name), def: s.def, origin: s.entry.origin });
    if (s.kind === 'unit') out.push(...enumInfos(s.scope));
  }
  return out;
}

export interface ModelParts {
  readonly header?: ast.Header;
  readonly enums: readonly EnumInfo[];
  readonly cadre: LevelModel;
  readonly units: readonly LevelModel[];
  readonly dispositions: readonly string[];
  readonly tests: readonly ast.TestCase[];
  readonly files: RuleSetModel['files'];
}

export function assembleModel(ctx: CheckContext, p: ModelParts): RuleSetModel {
  const model: { -readonly [K in keyof RuleSetModel]: RuleSetModel[K] } = {
    title: p.header?.title.value ?? '',
    enums: p.enums,
    cadre: p.cadre,
    units: p.units,
    dispositions: p.dispositions,
    resolutions: ctx.resolutions,
    types: ctx.types as ReadonlyMap<ast.Expr, Type>,
    tests: p.tests,
    files: p.files,
  };
  if (p.header?.year) model.year = p.header.year.value;
  if (p.header?.extends) model.extendsYear = p.header.extends.value;
  return model;
}
