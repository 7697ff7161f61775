// Definitions, tests and the header to Docs — one canonical layout per construct (see print.ts for the rules).
import type {
  Assignment, Definition, DispositionDef, Expect, Expr, FieldDecl, Given, GradeDef, GradeLevel, Header, Ident,
  RankDef, Situation, SortKey, StringLit, TableRow, TestCase, TypeRef, WeightsRow,
} from './ast.ts';
import { block, builtinName, kw, quote, withComments, type PrintContext } from './print-context.ts';
import { group, indent, join, line, type Doc } from './print-doc.ts';
import { exprTop, rangeDoc, weightItemDoc } from './print-expr.ts';
import { keywordOf } from './vocabulary.ts';

function sourceSuffix(ctx: PrintContext, source: StringLit | undefined): Doc {
  return source ? [' ', kw(ctx, 'source'), ' ', quote(source)] : [];
}

function head(ctx: PrintContext, d: { override: boolean }, keyword: string, name: Ident): Doc {
  return [d.override ? kw(ctx, 'override') + ' ' : '', kw(ctx, keyword), ' ', name.name];
}

/** `points 0..100`, an enum name, a unit kind. */
export function typeDoc(ctx: PrintContext, t: TypeRef): Doc {
  const name = builtinName(ctx, 'type', t.name.name);
  return t.range ? [name, ' ', rangeDoc(t.range)] : name;
}

function fieldDoc(ctx: PrintContext, f: FieldDecl): Doc {
  return withComments(ctx, f, [f.name.name, ': ', typeDoc(ctx, f.type), f.optional ? ' ' + kw(ctx, 'optional') : '']);
}

function situationDoc(ctx: PrintContext, s: Situation): Doc {
  return withComments(ctx, s, [
    s.name.name, ' ', s.points.text, s.description ? ' ' + quote(s.description) : '', sourceSuffix(ctx, s.source),
  ]);
}

function weightsRowDoc(ctx: PrintContext, r: WeightsRow): Doc {
  return withComments(ctx, r, [r.member.name, ': ', join(', ', r.items.map(i => weightItemDoc(ctx, i)))]);
}

function tableRowDoc(ctx: PrintContext, r: TableRow): Doc {
  const member = r.member === 'else' ? kw(ctx, 'else') : r.member.name;
  return withComments(ctx, r, [member, ': ', exprTop(ctx, r.value)]);
}

function sortKeyDoc(ctx: PrintContext, k: SortKey): Doc {
  return [exprTop(ctx, k.expr), ' ', kw(ctx, k.direction)];
}

function exprList(ctx: PrintContext, es: readonly Expr[]): Doc {
  return join(', ', es.map(e => exprTop(ctx, e)));
}

function rankDoc(ctx: PrintContext, d: RankDef): Doc {
  const clauses: Doc[] = [];
  if (d.within.length > 0) clauses.push([kw(ctx, 'within'), ' ', exprList(ctx, d.within)]);
  if (d.where) clauses.push([kw(ctx, 'where'), ' ', exprTop(ctx, d.where)]);
  if (d.tiebreak.length > 0) clauses.push([kw(ctx, 'tiebreak'), ' ', join(', ', d.tiebreak.map(k => sortKeyDoc(ctx, k)))]);
  if (d.source) clauses.push([kw(ctx, 'source'), ' ', quote(d.source)]);
  return group([head(ctx, d, 'rank', d.name), ' = ', sortKeyDoc(ctx, d.key), indent(clauses.map(c => [line, c]))]);
}

function levelDoc(ctx: PrintContext, l: GradeLevel): Doc {
  const parts: Doc[] = [l.name.name];
  if (l.op && l.threshold) parts.push(' ', l.op, ' ', exprTop(ctx, l.threshold));
  if (l.quota) {
    const q = l.quota;
    parts.push(' ', kw(ctx, 'quota'), ' ', q.amount.kind === 'PercentLit' ? `${q.amount.text}%` : q.amount.text);
    if (q.within.length > 0) parts.push(' ', kw(ctx, 'within'), ' ', exprList(ctx, q.within));
    if (q.rounding) parts.push(' ', kw(ctx, q.rounding));
  }
  if (l.unless) parts.push(' ', kw(ctx, 'unless'), ' ', exprTop(ctx, l.unless));
  return withComments(ctx, l, parts);
}

function gradeDoc(ctx: PrintContext, d: GradeDef): Doc {
  const h: Doc[] = [head(ctx, d, 'grade', d.name), ' ', kw(ctx, 'by'), ' ', exprTop(ctx, d.by)];
  if (d.where) h.push(' ', kw(ctx, 'where'), ' ', exprTop(ctx, d.where));
  const elements = d.levels.map(l => levelDoc(ctx, l));
  if (d.ungradedWhen) {
    elements.push(withComments(ctx, d.ungradedWhen, [kw(ctx, 'ungraded'), ' ', kw(ctx, 'when'), ' ', exprTop(ctx, d.ungradedWhen)]));
  }
  return [block(ctx, h, d, elements, { kind: 'lines' }), sourceSuffix(ctx, d.source)];
}

function dispositionDoc(ctx: PrintContext, d: DispositionDef): Doc {
  const h: Doc[] = [head(ctx, d, 'disposition', d.name), ' ', kw(ctx, 'severity'), ' ', d.severity.text];
  if (d.priority) h.push(' ', kw(ctx, 'priority'), ' ', d.priority.text);
  const clauses: Doc[] = [[kw(ctx, 'when'), ' ', exprTop(ctx, d.when)]];
  if (d.candidates.length > 0) clauses.push([kw(ctx, 'candidates'), ' ', d.candidates.map(c => c.name).join(', ')]);
  if (d.because) clauses.push([kw(ctx, 'because'), ' ', quote(d.because)]);
  if (d.source) clauses.push([kw(ctx, 'source'), ' ', quote(d.source)]);
  return group([h, indent(clauses.map(c => [line, c]))]);
}

/** The doc of one definition (not a unit block: print.ts lays those out line by line). */
export function definitionDoc(ctx: PrintContext, d: Definition): Doc {
  switch (d.kind) {
    case 'EnumDef':
      return [
        block(ctx, head(ctx, d, 'enum', d.name), d, d.members.map(m => withComments(ctx, m, m.name)), { kind: 'fill', flatSep: ' ', breakSep: '' }),
        sourceSuffix(ctx, d.source),
      ];
    case 'InputDef':
      return [
        d.override ? kw(ctx, 'override') + ' ' : '', kw(ctx, 'input'), ' ', d.names.map(n => n.name).join(', '), ': ',
        typeDoc(ctx, d.type), d.optional ? ' ' + kw(ctx, 'optional') : '', sourceSuffix(ctx, d.source),
      ];
    case 'RecordsDef':
    case 'PeriodsDef':
      return [
        block(ctx, head(ctx, d, d.kind === 'RecordsDef' ? 'records' : 'periods', d.name), d, d.fields.map(f => fieldDoc(ctx, f)), { kind: 'fill', flatSep: ', ', breakSep: '' }),
        sourceSuffix(ctx, d.source),
      ];
    case 'EventsDef': {
      const elements = [...d.situations, ...d.fields];
      // A situation may end with `source "…"`, so one followed by an element named `source`/`依据` ends with `;`.
      const needsSep = elements.map((e, i) => e.kind === 'Situation' && keywordOf(elements[i + 1]?.name.name ?? '')?.id === 'source');
      const docs = elements.map(e => (e.kind === 'Situation' ? situationDoc(ctx, e) : fieldDoc(ctx, e)));
      return [block(ctx, head(ctx, d, 'events', d.name), d, docs, { kind: 'lines' }, needsSep), sourceSuffix(ctx, d.source)];
    }
    case 'ScoreDef':
      return [
        head(ctx, d, d.form, d.name), ' = ', exprTop(ctx, d.expr),
        d.round ? [' ', kw(ctx, 'round'), ' ', d.round.text] : '', sourceSuffix(ctx, d.source),
      ];
    case 'WeightsDef':
      return [
        block(ctx, [head(ctx, d, 'weights', d.name), ' ', kw(ctx, 'by'), ' ', exprTop(ctx, d.by)], d, d.rows.map(r => weightsRowDoc(ctx, r)), { kind: 'lines' }),
        sourceSuffix(ctx, d.source),
      ];
    case 'TableDef':
      return [
        block(ctx, [head(ctx, d, 'table', d.name), ' ', kw(ctx, 'by'), ' ', exprTop(ctx, d.by)], d, d.rows.map(r => tableRowDoc(ctx, r)), { kind: 'fill', flatSep: ', ', breakSep: '' }),
        sourceSuffix(ctx, d.source),
      ];
    case 'RankDef': return rankDoc(ctx, d);
    case 'GradeDef': return gradeDoc(ctx, d);
    case 'DispositionDef': return dispositionDoc(ctx, d);
  }
}

function subjectDoc(s: Ident | StringLit): string {
  return s.kind === 'Ident' ? s.name : quote(s);
}

function assignmentDoc(ctx: PrintContext, a: Assignment): Doc {
  return withComments(ctx, a, [a.name.name, ' = ', exprTop(ctx, a.value)]);
}

function stepDoc(ctx: PrintContext, s: Given | Expect): Doc {
  const h: Doc[] = [kw(ctx, s.kind === 'Given' ? 'given' : 'expect')];
  if (s.year) h.push(' ', s.year.text);
  if (s.unitKind) h.push(' ', kw(ctx, 'unit'), ' ', s.unitKind.name);
  h.push(' ', subjectDoc(s.subject));
  if (s.kind === 'Given' && s.table) h.push(' ', s.table.name);
  const body = block(ctx, h, s, s.assignments.map(a => assignmentDoc(ctx, a)), { kind: 'fill', flatSep: ', ', breakSep: '' });
  return withComments(ctx, s, body);
}

export function testDoc(ctx: PrintContext, t: TestCase): Doc {
  return block(ctx, [kw(ctx, 'test'), ' ', quote(t.title)], t, t.steps.map(s => stepDoc(ctx, s)), { kind: 'lines' });
}

export function headerDoc(ctx: PrintContext, h: Header): Doc {
  const parts: Doc[] = [kw(ctx, 'ruleset'), ' ', quote(h.title)];
  if (h.year) parts.push(' ', kw(ctx, 'year'), ' ', h.year.text);
  if (h.extends) parts.push(' ', kw(ctx, 'extends'), ' ', h.extends.text);
  if (h.source) parts.push(' ', kw(ctx, 'source'), ' ', quote(h.source));
  return parts;
}
