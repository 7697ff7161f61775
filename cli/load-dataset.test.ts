// Reading a dataset folder from disk (or memory) into the loader, with paths shown from the caller's directory.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIo, processIo } from './io.ts';
import { dataDiagnosticLines, loadDatasetFolder, readDatasetFolder } from './load-dataset.ts';
import { fixtureModel } from '../dataset/testing/fixture-model.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('loadDatasetFolder', () => {
  it('reads the manifest and every file it names from disk, and loads them', () => {
    const dir = path.join(repo, 'testdata/data/good');
    const { result, files } = loadDatasetFolder(dir, fixtureModel(), processIo);
    expect(result.diagnostics).toEqual([]);
    expect(result.dataset!.years.map(y => y.year)).toEqual([2013, 2014]);
    expect(files.map(f => f.path)).toEqual([
      'dataset.yaml', 'cadres.csv', 'events/2013.csv', 'events/2014.csv', 'inspections/2013.csv', 'inspections/2014.csv',
      'periods/2013.csv', 'periods/2014.csv', 'records/2013.csv', 'records/2014.csv',
      'township-records/2013.csv', 'township-records/2014.csv', 'townships.csv',
    ]);
    expect(files[9].text).toBe(fs.readFileSync(path.join(dir, 'records/2014.csv'), 'utf8'));
  });

  it('shows diagnostics with the folder prepended, and the count of those left out', () => {
    const dir = 'testdata/data/bad-rows';
    const { result } = loadDatasetFolder(path.join(repo, dir), fixtureModel(), processIo, { limit: 2 });
    expect(dataDiagnosticLines(dir, result)).toEqual([
      'testdata/data/bad-rows/cadres.csv:7:1: error KP630 编号「c06」重复（第 6 行已有）',
      'testdata/data/bad-rows/events/2014.csv:3:1: error KP632 编号「c09」不是 2014 年的干部',
      '……另有 22 个问题未列出',
    ]);
  });

  it('works over an in-memory Io, and reports a folder without a manifest', () => {
    const io = memoryIo({ 'd/dataset.yaml': 'name: x\nyears: [2014]\ncadres: c.csv\nrecords: r/{year}.csv\n', 'd/c.csv': 'id,name\n' });
    expect(readDatasetFolder('d', io).map(f => f.path)).toEqual(['dataset.yaml', 'c.csv']);
    const { result } = loadDatasetFolder('nowhere', fixtureModel(), io);
    expect(dataDiagnosticLines('nowhere', result, 'en')).toEqual(['nowhere/dataset.yaml:1:1: error KP603 the manifest dataset.yaml is missing']);
  });
});
