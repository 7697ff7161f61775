// Entry point of the `kaoping` command: picks the subcommand and maps failures to exit codes.
import { processIo, UsageError, type Io } from './io.ts';

export type Command = (args: string[], io: Io) => Promise<number> | number;

/** Each subcommand lives in its own module and is loaded only when used. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  check: { summary: '检查规则文件 / check rule files', load: () => import('./check.ts') },
  fmt: { summary: '格式化规则文件 / format rule files', load: () => import('./fmt.ts') },
  eval: { summary: '对数据计算某年结果 / evaluate a year', load: () => import('./eval.ts') },
  explain: { summary: '解释某人某值的来由 / explain a value', load: () => import('./explain.ts') },
  test: { summary: '运行规则集自带测试 / run the rule set\'s tests', load: () => import('./test.ts') },
  summary: { summary: '种子数据三年汇总 / summary of the seeded years', load: () => import('./summary.ts') },
};

function usage(): string {
  const lines = ['用法 / usage: kaoping <命令> [选项]', ''];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)} ${c.summary}`);
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令 / unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    if (args.includes('--help') || args.includes('-h')) {
      // Every command answers an unknown option with its usage line; asked for help, that
      // usage goes to stdout and is not a failure.
      const toOut: Io = { ...io, err: text => io.out(text.replace(/^.*--help\n/, '')) };
      try {
        await run(['--help'], toOut);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        toOut.err(`${e.message}\n`);
      }
      return 0;
    }
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES')) {
      io.err(`无法读取文件 / cannot read file: ${err.path ?? err.message}\n`);
      return 2;
    }
    throw e;
  }
}
