// Reads a dataset folder through the CLI's Io and hands the text to the browser-safe loader.
import path from 'node:path';
import type { RuleSetModel } from '../engine/model.ts';
import {
  loadDataset, manifestFiles, parseManifest, MANIFEST_FILE, formatDataDiagnostic, omittedLine,
  type DatasetFile, type LoadOptions, type LoadResult,
} from '../dataset/index.ts';
import { DiagnosticSink } from '../dataset/diagnostics.ts';
import type { Io } from './io.ts';

export interface FolderLoad {
  readonly result: LoadResult;
  /** Every file of the folder the manifest names (and the manifest), as read: what the data hash covers. */
  readonly files: readonly DatasetFile[];
}

/** The manifest and every file it names that exists, for all its years. */
export function readDatasetFolder(dir: string, io: Io): DatasetFile[] {
  const at = (rel: string) => path.join(dir, rel);
  if (!io.exists(at(MANIFEST_FILE))) return [];
  const manifestText = io.readFile(at(MANIFEST_FILE));
  const files: DatasetFile[] = [{ path: MANIFEST_FILE, text: manifestText }];
  // Problems in the manifest are reported by the loader itself; here it only says which files to read.
  const doc = parseManifest(manifestText, new DiagnosticSink(0));
  if (!doc) return files;
  for (const rel of manifestFiles(doc.manifest)) {
    if (io.exists(at(rel))) files.push({ path: rel, text: io.readFile(at(rel)) });
  }
  return files;
}

/** Reads and loads a dataset folder for a rule set. */
export function loadDatasetFolder(dir: string, model: RuleSetModel, io: Io, options: LoadOptions = {}): FolderLoad {
  const files = readDatasetFolder(dir, io);
  return { result: loadDataset(files, model, options), files };
}

/**
 * The load's diagnostics as `file:line:col: severity CODE message` lines, with the folder
 * prepended so that each path opens from where the command ran.
 */
export function dataDiagnosticLines(dir: string, result: LoadResult, lang: 'zh' | 'en' = 'zh'): string[] {
  const out = result.diagnostics.map(d => formatDataDiagnostic({ ...d, file: path.join(dir, d.file) }, lang));
  if (result.omitted > 0) out.push(omittedLine(result.omitted, lang));
  return out;
}
