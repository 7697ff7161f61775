// `kaoping explain --rules R --data D --year Y --cadre ID [--value NAME] [--depth N|all]`: why a cadre
// (or a unit) has a value or a decision — the tree of definitions, formulas, values and data rows.
import { explain, type ExplainTarget } from '../engine/explain.ts';
import { UsageError, type Io } from './io.ts';
import { prepare, readArgs, runOptions } from './eval.ts';
import { explanationJson, formatExplanation } from './format-explain.ts';

const USAGE = '用法 / usage: kaoping explain --rules FILE --data DIR --year YEAR (--cadre ID | --unit 类别:ID) [--value 名称] [--depth N|all] [--format text|json] [--lang zh|en]';

/**
 * A decision printed as text stops four levels below it — the dispositions, their conditions, those
 * conditions' parts, and the figures each part read (a rank, its position and group size in each
 * year): what a reviewer reads first. Earlier years' scores down
 * to every input cell are one --depth away. A value, or JSON for a program, is whole unless asked.
 */
const DECISION_DEPTH = 4;

/** The levels to show below the root, or undefined for all. */
function depthOf(a: ReadonlyMap<string, string>, t: ExplainTarget, format: string): number | undefined {
  const d = a.get('--depth');
  if (d === undefined) return format === 'text' && t.value === undefined ? DECISION_DEPTH : undefined;
  if (d === 'all') return undefined;
  if (!/^\d+$/.test(d)) throw new UsageError(`--depth 应为非负整数或 all / must be a whole number or all: ${d}\n${USAGE}`);
  return Number(d);
}

function target(a: ReadonlyMap<string, string>): ExplainTarget {
  const cadre = a.get('--cadre');
  const unit = a.get('--unit');
  const value = a.get('--value');
  if ((cadre === undefined) === (unit === undefined)) throw new UsageError(`须给出 --cadre 或 --unit 之一 / give one of --cadre or --unit\n${USAGE}`);
  if (cadre !== undefined) return value === undefined ? { cadre } : { cadre, value };
  const colon = unit!.search(/[:：]/);
  if (colon <= 0 || colon === unit!.length - 1) throw new UsageError(`--unit 应写作 类别:编号，如 乡镇:t01 / must be KIND:ID\n${USAGE}`);
  const t = { unitKind: unit!.slice(0, colon), unit: unit!.slice(colon + 1) };
  return value === undefined ? t : { ...t, value };
}

/** Explains one value (or the decision); exit 1 when rules or data have errors or the subject is absent. */
export async function run(args: string[], io: Io): Promise<number> {
  const a = readArgs(args, USAGE, ['--rules', '--data', '--year', '--cadre', '--unit', '--value', '--depth', '--format', '--lang']);
  const o = runOptions(a, USAGE);
  const t = target(a);
  const format = a.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json / must be text or json\n${USAGE}`);
  const depth = depthOf(a, t, format);
  const p = prepare(o, io);
  if (!p) return 1;
  const result = p.evaluation.toYearResult();
  const en = o.lang === 'en';
  if ('cadre' in t) {
    if (!result.results.some(r => r.id === t.cadre)) {
      io.err(en ? `no cadre ${t.cadre} in ${o.year}\n` : `${o.year} 年数据中没有干部 ${t.cadre}\n`);
      return 1;
    }
  } else if (!p.model.units.some(u => u.unitKind === t.unitKind)) {
    io.err(en ? `the rules have no unit kind ${t.unitKind}\n` : `规则中没有单位类别 ${t.unitKind}\n`);
    return 1;
  } else if (!result.units.some(u => u.unitKind === t.unitKind && u.id === t.unit)) {
    io.err(en ? `no ${t.unitKind} unit ${t.unit} in ${o.year}\n` : `${o.year} 年数据中没有${t.unitKind}单位 ${t.unit}\n`);
    return 1;
  }
  if (t.value !== undefined) {
    const level = 'cadre' in t ? p.model.cadre : p.model.units.find(u => u.unitKind === t.unitKind)!;
    const known = [...level.inputs.map(i => i.name), ...level.computed.map(c => c.name)];
    if (!known.includes(t.value)) {
      io.err(en ? `no value named ${t.value}\n` : `没有名为 ${t.value} 的值\n`);
      return 1;
    }
  }
  const tree = explain(p.compiled, p.dataset, o.year, t);
  if (format === 'json') io.out(JSON.stringify(explanationJson(tree, p.model, o.data, depth), null, 2) + '\n');
  else io.out(formatExplanation(tree, p.model, { lang: o.lang, dataDir: o.data, depth }));
  return 0;
}
