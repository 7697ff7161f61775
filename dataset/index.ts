// The only import surface of dataset/: a dataset folder's files → a validated columnar Dataset.
export {
  loadDataset,
  type DatasetFile,
  type DatasetReader,
  type DatasetSource,
  type LoadOptions,
  type LoadResult,
} from './load.ts';
export {
  DataCode,
  formatDataDiagnostic,
  omittedLine,
  compareDataDiagnostics,
  DEFAULT_DIAGNOSTIC_LIMIT,
  type DataDiagnostic,
} from './diagnostics.ts';
export { parseManifest, manifestFiles, yearPath, MANIFEST_FILE, type Manifest, type ManifestDoc } from './manifest.ts';
export { parseDate } from './cells.ts';
