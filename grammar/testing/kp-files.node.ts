// Node-only helper for tests: every rule file (`.kp`) under a folder, to use as a corpus.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.kp` file under `dir` (none when it is absent), depth first, names in code-point order. */
export function kpFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...kpFiles(path));
    else if (name.endsWith('.kp')) out.push(path);
  }
  return out;
}
