// The seed generator's entry point: `npx tsx seeds/generate.ts` rewrites seeds/quzhou/;
// `--cadres N --out DIR` writes a large synthetic dataset for benchmarks instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeed, DEFAULT_SEED, type SeedData } from './build.ts';
import { datasetFiles } from './write-csv.ts';
import { generateLargeDataset, LARGE_BOOL_COLUMNS, LARGE_PERCENT_COLUMNS } from './large.ts';
import { writeColumnarDataset } from './write-columnar.ts';

export { buildSeed, DEFAULT_SEED, type SeedData } from './build.ts';
export { datasetFiles } from './write-csv.ts';
export { generateLargeDataset, type LargeOptions } from './large.ts';

/** The folder of the committed seed dataset. */
export const SEED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'quzhou');

/** Writes the seed dataset's files under `dir`, replacing what a previous run wrote there. */
export function writeSeed(data: SeedData, dir: string): string[] {
  const files = datasetFiles(data);
  for (const sub of new Set([...files.keys()].filter(f => f.includes('/')).map(f => f.split('/')[0]))) {
    fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
  }
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return [...files.keys()];
}

interface Args {
  seed: number;
  out?: string;
  cadres?: number;
  years?: number[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seed') args.seed = Number.parseInt(value(), 10);
    else if (a === '--out') args.out = value();
    else if (a === '--cadres') args.cadres = Number.parseInt(value(), 10);
    else if (a === '--years') args.years = value().split(',').map(y => Number.parseInt(y, 10));
    else throw new Error(`unknown option ${a} (options: --seed N, --out DIR, --cadres N, --years 2012,2013,…)`);
  }
  if (args.cadres !== undefined && (!Number.isInteger(args.cadres) || args.cadres < 5)) throw new Error('--cadres needs a whole number ≥ 5');
  if (args.cadres !== undefined && !args.out) throw new Error('--cadres needs --out DIR (the seed folder is for the seed data only)');
  return args;
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  if (args.cadres !== undefined) {
    const { dataset } = generateLargeDataset({ cadres: args.cadres, years: args.years, seed: args.seed });
    writeColumnarDataset(dataset, args.out!, {
      bools: LARGE_BOOL_COLUMNS, percents: LARGE_PERCENT_COLUMNS, owners: new Map([['否决事项', '乡镇']]),
    });
    process.stdout.write(`wrote ${dataset.name} to ${args.out}\n`);
    return;
  }
  const data = buildSeed(args.seed);
  const dir = args.out ?? SEED_DIR;
  const files = writeSeed(data, dir);
  const cadreYears = data.years.reduce((s, y) => s + y.cadres.length, 0);
  process.stdout.write(`wrote ${files.length} files to ${dir}: ${data.people.length} cadres, ${cadreYears} cadre-years, ` +
    `${data.townships.length} townships, years ${data.years.map(y => y.year).join(', ')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
