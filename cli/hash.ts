// Content hashes that identify a result: of the rules (with their base files), of the dataset
// files, and of the engine's own source, so an adopted result can be traced to what made it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareIds as byCodePoint } from '../engine/result.ts';

/**
 * sha256 over parts, each prefixed by its length, so that moving text from one part to the
 * next always changes the hash.
 */
export function sha256(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = Buffer.from(p, 'utf8');
    h.update(`${bytes.length}\n`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** The rule file's text and its base files' texts, in the order given (the file first, then its bases). */
export function rulesHash(texts: readonly string[]): string {
  return sha256(texts);
}

/** The dataset's files, by path relative to the folder (code-point order) and content. */
export function dataHash(files: readonly { path: string; text: string }[]): string {
  const sorted = [...files].sort((a, b) => byCodePoint(a.path, b.path));
  return sha256(sorted.flatMap(f => [f.path, f.text]));
}

function sourcesUnder(dir: string, rel: string, out: string[]): void {
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const stat = fs.statSync(path.join(dir, r));
    // Tests and test helpers do not change what the engine computes.
    if (stat.isDirectory()) {
      if (name !== 'testing') sourcesUnder(dir, r, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(r);
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let cachedEngine: string | undefined;

/**
 * The source files of grammar/ and engine/ (without tests), by path relative to the repository
 * and content, in code-point order of path.
 */
export function engineSources(root: string = repoRoot): { path: string; text: string }[] {
  const rels: string[] = [];
  for (const top of ['engine', 'grammar']) sourcesUnder(root, top, rels);
  rels.sort(byCodePoint);
  return rels.map(r => ({ path: r, text: fs.readFileSync(path.join(root, r), 'utf8') }));
}

/** The hash of the engine that computes results (computed once per process for the repository). */
export function engineHash(root?: string): string {
  if (root !== undefined) return dataHash(engineSources(root));
  cachedEngine ??= dataHash(engineSources(repoRoot));
  return cachedEngine;
}
