// The dataset folders under testdata/data/, read through the test runner's bundler so that
// dataset/ stays free of node: imports even in its tests.
/// <reference types="vite/client" />
import type { DatasetFile } from '../load.ts';

const raw = import.meta.glob('../../testdata/data/**/*.{csv,yaml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The files of one fixture folder (e.g. `good`), paths relative to it. */
export function fixtureFiles(folder: string): DatasetFile[] {
  const prefix = `../../testdata/data/${folder}/`;
  return Object.keys(raw)
    .filter(k => k.startsWith(prefix))
    .sort()
    .map(k => ({ path: k.slice(prefix.length), text: raw[k] }));
}
