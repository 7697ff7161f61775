// `kaoping check FILE…`: parse and check rule files, print one line per diagnostic, exit 1 on any error.
import { formatLocated, hasErrors, locate, type LocatedDiagnostic } from '../grammar/diagnostic.ts';
import { LineMap } from '../grammar/span.ts';
import { analyze } from '../engine/pipeline.ts';
import { UsageError, type Io } from './io.ts';
import { loadRules } from './load-rules.ts';

const USAGE = '用法 / usage: kaoping check [--format text|json] [--lang zh|en] FILE…';

interface Options {
  readonly files: string[];
  readonly format: 'text' | 'json';
  readonly lang: 'zh' | 'en';
}

function parseArgs(args: readonly string[]): Options {
  const files: string[] = [];
  let format: 'text' | 'json' = 'text';
  let lang: 'zh' | 'en' = 'zh';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${name} 需要取值 / needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json / must be text or json\n${USAGE}`);
      format = v;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = value('--lang');
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en\n${USAGE}`);
      lang = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`未知选项 / unknown option: ${a}\n${USAGE}`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError(USAGE);
  return { files, format, lang };
}

/** Checks every file; diagnostics are printed file by file (in the order given), each file's sorted. */
export async function run(args: string[], io: Io): Promise<number> {
  const o = parseArgs(args);
  const located: LocatedDiagnostic[] = [];
  let failed = false;
  for (const file of o.files) {
    const rules = loadRules(file, io);
    const result = analyze(rules.text, { path: file, loadBase: rules.loadBase });
    const lines = new LineMap(rules.text);
    for (const d of result.diagnostics) located.push(locate(file, lines, d, o.lang));
    failed ||= hasErrors(result.diagnostics);
  }
  if (o.format === 'json') {
    io.out(JSON.stringify(located, null, 2) + '\n');
  } else {
    for (const d of located) io.out(formatLocated(d) + '\n');
  }
  return failed ? 1 : 0;
}
