// Reads a rule file and finds base rule sets by year among the `*.kp` files of the same folder (node only).
import path from 'node:path';
import { parse } from '../grammar/parse.ts';
import { compareIds as byCodePoint } from '../engine/result.ts';
import type { Io } from './io.ts';

export interface LoadedRules {
  readonly path: string;
  readonly text: string;
  /** The rule file of `year` in the same folder as the file asking (for `extends`), if any. */
  readonly loadBase: (year: number) => { path: string; text: string } | undefined;
}

/**
 * Reads `file`. Its base, the base's base and so on are looked up among the `*.kp` files next to
 * it; a folder's files are read once. When several files claim the same year, the first in
 * code-point order of names wins.
 */
export function loadRules(file: string, io: Io): LoadedRules {
  const text = io.readFile(file);
  const dir = path.dirname(file);
  let byYear: Map<number, { path: string; text: string }> | undefined;
  const loadBase = (year: number) => {
    byYear ??= indexFolder(dir, io);
    return byYear.get(year);
  };
  return { path: file, text, loadBase };
}

function indexFolder(dir: string, io: Io): Map<number, { path: string; text: string }> {
  const byYear = new Map<number, { path: string; text: string }>();
  const names = io.readDir(dir).filter(n => n.endsWith('.kp')).sort(byCodePoint);
  for (const name of names) {
    const p = dir === '.' ? name : path.join(dir, name);
    let text: string;
    try {
      text = io.readFile(p);
    } catch {
      continue; // a sub-folder named *.kp, or unreadable: not a rule file
    }
    const year = parse(text).file.header?.year?.value;
    if (year !== undefined && !byYear.has(year)) byYear.set(year, { path: p, text });
  }
  return byYear;
}
