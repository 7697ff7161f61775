// `kaoping fmt [--write|--check] [--lang zh|en] FILE…` — rewrites rule files in the canonical layout.
import { compareDiagnostics, format, formatLocated, hasErrors, LineMap, locate, parse, type KeywordLang } from '../grammar/index.ts';
import { UsageError, type Io } from './io.ts';

const USAGE = '用法 / usage: kaoping fmt [--write|--check] [--lang zh|en] FILE…';

interface FmtArgs {
  readonly mode: 'print' | 'write' | 'check';
  readonly lang?: KeywordLang;
  readonly files: readonly string[];
}

function parseArgs(args: readonly string[]): FmtArgs {
  let mode: FmtArgs['mode'] = 'print';
  let lang: KeywordLang | undefined;
  const files: string[] = [];
  const setMode = (m: FmtArgs['mode']) => {
    if (mode !== 'print' && mode !== m) throw new UsageError(`--write 与 --check 不能同时使用 / --write and --check exclude each other\n${USAGE}`);
    mode = m;
  };
  const setLang = (v: string | undefined) => {
    if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / --lang must be zh or en\n${USAGE}`);
    lang = v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--write' || a === '-w') setMode('write');
    else if (a === '--check') setMode('check');
    else if (a === '--lang') setLang(args[++i]);
    else if (a.startsWith('--lang=')) setLang(a.slice('--lang='.length));
    else if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError(`缺少文件 / no file given\n${USAGE}`);
  if (mode === 'print' && files.length > 1) {
    throw new UsageError(`多个文件须用 --write 或 --check / several files need --write or --check\n${USAGE}`);
  }
  return { mode, lang, files };
}

interface Formatted {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Formats every file, or none: a file with syntax errors gets its diagnostics printed and the
 * command writes nothing at all, so `--write` never leaves a half-formatted set of files.
 */
export async function run(args: string[], io: Io): Promise<number> {
  const opts = parseArgs(args);
  const done: Formatted[] = [];
  let failed = false;
  for (const file of opts.files) {
    const text = io.readFile(file);
    const parsed = parse(text);
    if (hasErrors(parsed.diagnostics)) {
      const lines = new LineMap(text);
      for (const d of [...parsed.diagnostics].sort(compareDiagnostics)) {
        if (d.severity === 'error') io.err(formatLocated(locate(file, lines, d)) + '\n');
      }
      failed = true;
      continue;
    }
    const after = format(parsed.file, { lang: opts.lang, source: text });
    // The formatter must never turn a valid file into an invalid one; if it did, keep the original.
    if (hasErrors(parse(after).diagnostics)) {
      io.err(`${file}: 内部错误：格式化结果无法解析，文件未改动 / internal error: the formatted text does not parse; file left unchanged\n`);
      failed = true;
      continue;
    }
    done.push({ file, before: text, after });
  }
  if (failed) return 1;
  switch (opts.mode) {
    case 'print':
      io.out(done[0].after);
      return 0;
    case 'write':
      for (const f of done) if (f.after !== f.before) io.writeFile(f.file, f.after);
      return 0;
    case 'check': {
      const changed = done.filter(f => f.after !== f.before);
      for (const f of changed) io.out(f.file + '\n');
      return changed.length > 0 ? 1 : 0;
    }
  }
}
