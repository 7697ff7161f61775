// Resolution of names in expressions: bare names, enum members in context, `a.b`, and written types.
import type * as ast from '../grammar/ast.ts';
import type { Resolution, Type } from './model.ts';
import type { CheckContext, Env } from './check-context.ts';
import { makeDiagnostic } from './check-codes.ts';
import { DECISION_FORMS } from './builtins.ts';
import { levelKey } from './inherit.ts';
import { lookupField, suggest, type FieldSym, type LevelScope, type RowsSym, type Sym } from './resolve.ts';
import { builtinType, DECISION_ENUM, enumType, rowsType, T, unitRefType } from './types.ts';

function resolveAs(ctx: CheckContext, node: ast.Node, r: Resolution): void {
  ctx.resolutions.set(node, r);
}

/** The type of a field of rows. */
export function fieldType(ctx: CheckContext, rows: RowsSym, f: FieldSym): Type {
  switch (f.implicit) {
    case 'date': case 'from': case 'to': return T.date;
    case 'situation': return enumType(rows.name);
    case 'points': return T.points;
    default: {
      const scope = ctx.scopeOf.get(rows) ?? ctx.root;
      return f.decl ? ctx.inFile(rows.entry.origin.file, () => typeRefType(ctx, f.decl!.type, scope)) : T.error;
    }
  }
}

/** Resolves a written type (built-in, enum, or unit kind) once. */
export function typeRefType(ctx: CheckContext, ref: ast.TypeRef, scope: LevelScope): Type {
  const memo = ctx.typeRefs.get(ref);
  if (memo) return memo;
  const name = ref.name.name;
  let t = builtinType(name);
  if (!t && name) {
    const sym = scope.lookup(name);
    if (sym?.kind === 'enum') {
      ctx.used.add(sym);
      t = enumType(sym.name);
    } else if (sym?.kind === 'unit') {
      t = unitRefType(sym.name);
    } else if (sym) {
      ctx.report(makeDiagnostic('wrongKindOfName', `${name} 不是类型`, `${name} is not a type`, ref.name.span));
    } else {
      const typeNames = [...scope.visibleNames().filter(n => {
        const s = scope.lookup(n);
        return s?.kind === 'enum' || s?.kind === 'unit';
      }), 'points', '分值', 'percent', '百分比', 'number', '数值', 'count', '次数', 'bool', '是否', 'text', '文本', 'group', '分组', 'date', '日期'];
      ctx.report(undefinedDiagnostic(ctx, name, ref.name.span, suggest(name, typeNames), '类型', 'type'));
    }
  }
  const result = t ?? T.error;
  ctx.typeRefs.set(ref, result);
  return result;
}

/** "未定义的名称：X" with "did you mean" and a fix that replaces the name by the best suggestion. */
export function undefinedDiagnostic(ctx: CheckContext, name: string, span: ast.Ident['span'], suggestions: string[], whatZh = '名称', whatEn = 'name') {
  const hintZh = suggestions.length ? `；是否指 ${suggestions.join('、')}？` : '';
  const hintEn = suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '';
  return makeDiagnostic('undefinedName', `未定义的${whatZh}：${name}${hintZh}`, `undefined ${whatEn}: ${name}${hintEn}`, span, {
    suggestions,
    fix: suggestions.length ? { title: `改为 ${suggestions[0]}`, edits: [{ span, text: suggestions[0] }] } : undefined,
  });
}

/** Whether a bare name is neither a field in scope, nor a definition, nor `决定` — i.e. only a member could fit. */
export function isUnboundBare(e: ast.Expr, env: Env): boolean {
  if (e.kind !== 'NameRef') return false;
  const name = e.name.name;
  if (env.rows && lookupField(env.rows, name)) return false;
  if (env.scope.lookup(name)) return false;
  return !isDecision(name, env.scope);
}

function isDecision(name: string, scope: LevelScope): boolean {
  return DECISION_FORMS.includes(name) && !DECISION_FORMS.some(f => scope.lookup(f));
}

/** A member of the enum-like type `enumName` written as a bare name, when it is one. */
function memberInContext(ctx: CheckContext, e: ast.NameRef, env: Env, enumName: string): Type | undefined {
  const name = e.name.name;
  if (enumName === DECISION_ENUM && !ctx.enums.has(DECISION_ENUM)) {
    const sym = env.scope.lookup(name);
    if (sym?.kind === 'computed' && sym.def.kind === 'DispositionDef') {
      ctx.used.add(sym);
      resolveAs(ctx, e, { kind: 'disposition', name });
      return enumType(DECISION_ENUM);
    }
    return undefined;
  }
  const en = ctx.enums.get(enumName);
  if (!en || !en.members.includes(name)) return undefined;
  ctx.used.add(en.sym);
  if (en.kind === 'situations') resolveAs(ctx, e, { kind: 'situation', table: enumName, situation: name });
  else resolveAs(ctx, e, { kind: 'member', enumName, member: name });
  return enumType(enumName);
}

/**
 * The members of an enum-like type (enum, grade levels, situations, or the level's dispositions
 * for `决定`), or undefined when the type has no named members.
 */
export function membersOf(ctx: CheckContext, t: Type, scope: LevelScope): readonly string[] | undefined {
  if (t.kind !== 'enum') return undefined;
  const en = ctx.enums.get(t.enumName);
  if (en) return en.members;
  if (t.enumName === DECISION_ENUM) {
    return scope.order.filter(s => s.kind === 'computed' && s.def.kind === 'DispositionDef').map(s => s.name);
  }
  return undefined;
}

/** Records that `node` (a pattern, a row key) names `member` of the enum-like type `enumName`. */
export function resolveMember(ctx: CheckContext, node: ast.Node, enumName: string, member: string): void {
  const en = ctx.enums.get(enumName);
  if (en) ctx.used.add(en.sym);
  if (enumName === DECISION_ENUM && !en) resolveAs(ctx, node, { kind: 'disposition', name: member });
  else if (en?.kind === 'situations') resolveAs(ctx, node, { kind: 'situation', table: enumName, situation: member });
  else resolveAs(ctx, node, { kind: 'member', enumName, member });
}

/** Resolves and types a bare name. `expected` gives an enum context for bare member names. */
export function checkNameRef(ctx: CheckContext, e: ast.NameRef, env: Env, expected?: Type): Type {
  const name = e.name.name;
  if (!name) return T.error;
  if (env.rows) {
    const f = lookupField(env.rows, name);
    if (f) {
      resolveAs(ctx, e, { kind: 'field', table: env.rows.name, field: f.name });
      return fieldType(ctx, env.rows, f);
    }
  }
  if (expected?.kind === 'enum') {
    const t = memberInContext(ctx, e, env, expected.enumName);
    if (t) return t;
  }
  const sym = env.scope.lookup(name);
  if (sym) return symbolValue(ctx, e, sym, env);
  if (isDecision(name, env.scope)) {
    resolveAs(ctx, e, { kind: 'decision' });
    ctx.read(env, DECISION_ENUM);
    return enumType(DECISION_ENUM);
  }
  const members = env.scope.memberCandidates(name);
  if (members.length === 1) {
    const m = members[0];
    const en = ctx.enums.get(m.enumName);
    if (en) ctx.used.add(en.sym);
    resolveAs(ctx, e, { kind: 'member', enumName: m.enumName, member: name });
    return enumType(m.enumName);
  }
  if (members.length > 1) {
    const options = members.map(m => `${m.enumName}.${name}`);
    ctx.report(makeDiagnostic('ambiguousMember', `${name} 同时是 ${members.map(m => m.enumName).join('、')} 的成员；请写明 ${options.join(' 或 ')}`,
      `${name} is a member of ${members.map(m => m.enumName).join(', ')}; write ${options.join(' or ')}`, e.span, { suggestions: options }));
    return T.error;
  }
  const removed = ctx.removed.get(levelKey(env.scope.unitKind, name));
  if (removed) {
    if (ctx.file === ctx.mainFile) {
      ctx.report(makeDiagnostic('removedStillUsed', `${name} 已被删除，但此处仍在使用`, `${name} was removed but is still used here`, e.span, {
        related: [{ message: `${name} 在此删除 / removed here`, span: removed.span }],
      }));
    } else {
      // The use is in a base file this file cannot change: the `remove` here is what broke it.
      const where = ctx.file;
      ctx.inFile(ctx.mainFile, () => ctx.report(makeDiagnostic('removedStillUsed', `删除的 ${name} 仍被基础规则集（${where}）使用`,
        `${name} is removed but the base rule set (${where}) still uses it`, removed.name.span, {
          related: [{ message: `${name} 在此使用 / used here`, span: e.span, file: where }],
        })));
    }
    return T.error;
  }
  const candidates = [...env.scope.visibleNames(), ...env.scope.members.keys(), ...(env.rows ? env.rows.fields.keys() : [])];
  ctx.report(undefinedDiagnostic(ctx, name, e.name.span, suggest(name, candidates)));
  return T.error;
}

/** The value of a definition named in an expression. */
function symbolValue(ctx: CheckContext, e: ast.NameRef, sym: Sym, env: Env): Type {
  ctx.used.add(sym);
  const level = env.scope.level;
  switch (sym.kind) {
    case 'enum':
      ctx.report(makeDiagnostic('wrongKindOfName', `${sym.name} 是枚举类型，不是值；成员写作 ${sym.name}.成员`,
        `${sym.name} is an enum type, not a value; write ${sym.name}.member`, e.span));
      return T.error;
    case 'unit':
      ctx.report(makeDiagnostic('wrongKindOfName', `${sym.name} 是单位类别，不是值；请通过类型为 ${sym.name} 的输入读取单位的值（输入名.值）`,
        `${sym.name} is a unit kind, not a value; read a unit's values through an input linking to it`, e.span));
      return T.error;
    case 'input':
      resolveAs(ctx, e, { kind: 'input', level, name: sym.name });
      ctx.read(env, sym.name);
      return ctx.symType(sym);
    case 'rows':
      resolveAs(ctx, e, { kind: 'table', name: sym.name });
      ctx.read(env, sym.name);
      return rowsType(sym.name);
    case 'computed':
      ctx.read(env, sym.name);
      if (sym.def.kind === 'DispositionDef') {
        resolveAs(ctx, e, { kind: 'disposition', name: sym.name });
        return T.bool;
      }
      resolveAs(ctx, e, { kind: 'computed', level, name: sym.name });
      return ctx.symType(sym);
  }
}

/** `Enum.member`, `rows.field`, `events.situation`, `link.value`. */
export function checkMemberAccess(ctx: CheckContext, e: ast.MemberAccess, env: Env, checkObject: (o: ast.Expr) => Type): Type {
  const member = e.member.name;
  const obj = e.object;
  const sym = obj.kind === 'NameRef' && !(env.rows && lookupField(env.rows, obj.name.name)) ? env.scope.lookup(obj.name.name) : undefined;
  if (sym?.kind === 'enum') {
    ctx.used.add(sym);
    ctx.setType(obj, enumType(sym.name));
    if (sym.members.has(member)) {
      resolveAs(ctx, e, { kind: 'member', enumName: sym.name, member });
      return enumType(sym.name);
    }
    return unknownMember(ctx, e, `${sym.name} 没有成员 ${member}`, `${sym.name} has no member ${member}`, sym.members);
  }
  if (sym?.kind === 'rows') {
    const tableType = checkObject(obj);
    const f = lookupField(sym, member);
    if (f) {
      resolveAs(ctx, e, { kind: 'field', table: sym.name, field: f.name });
      return tableType.kind === 'error' ? T.error : rowsType(sym.name, f.name);
    }
    if (sym.situations.has(member)) {
      resolveAs(ctx, e, { kind: 'situation', table: sym.name, situation: member });
      return enumType(sym.name);
    }
    return unknownMember(ctx, e, `${sym.name} 没有字段 ${member}`, `${sym.name} has no field ${member}`, [...sym.fields.keys(), ...sym.situations]);
  }
  const objType = checkObject(obj);
  if (objType.kind === 'error') return T.error;
  if (objType.kind === 'unitRef' && obj.kind === 'NameRef') return unitValue(ctx, e, obj.name.name, objType.unitKind, env);
  ctx.report(makeDiagnostic('wrongKindOfName', `不能读取 ${ctx.quote(obj.span)} 的 ${member}：只有枚举、明细和单位输入有成员`,
    `cannot read ${member} of ${ctx.quote(obj.span)}: only enums, rows and unit links have members`, e.member.span));
  return T.error;
}

function unitValue(ctx: CheckContext, e: ast.MemberAccess, link: string, unitKind: string, env: Env): Type {
  const member = e.member.name;
  const unit = ctx.root.lookup(unitKind);
  if (unit?.kind !== 'unit') return T.error;
  const target = unit.scope.symbols.get(member);
  if (target && (target.kind === 'input' || target.kind === 'computed')) {
    ctx.used.add(target);
    resolveAs(ctx, e, { kind: 'unitValue', link, unitKind, name: member });
    ctx.read(env, `${unitKind}.${member}`);
    return target.kind === 'computed' && target.def.kind === 'DispositionDef' ? T.bool : ctx.symType(target);
  }
  const values = unit.scope.order.filter(s => s.kind === 'input' || s.kind === 'computed').map(s => s.name);
  return unknownMember(ctx, e, `单位 ${unitKind} 没有 ${member}`, `unit ${unitKind} has no value ${member}`, values);
}

function unknownMember(ctx: CheckContext, e: ast.MemberAccess, zh: string, en: string, candidates: Iterable<string>): Type {
  const s = suggest(e.member.name, candidates);
  ctx.report(makeDiagnostic('unknownMember', s.length ? `${zh}；是否指 ${s.join('、')}？` : zh, s.length ? `${en}; did you mean ${s.join(', ')}?` : en,
    e.member.span, { suggestions: s, fix: s.length ? { title: `改为 ${s[0]}`, edits: [{ span: e.member.span, text: s[0] }] } : undefined }));
  return T.error;
}
