// The ordered, named stage table from text to checked model: parse → check, with every diagnostic sorted.
import type { RuleFile } from '../grammar/ast.ts';
import { compareDiagnostics, type Diagnostic } from '../grammar/diagnostic.ts';
import { parse } from '../grammar/parse.ts';
import { check, type CheckOptions } from './check.ts';
import type { RuleSetModel } from './model.ts';

export interface AnalyzeOptions {
  readonly path: string;
  readonly loadBase?: CheckOptions['loadBase'];
}

export interface Analysis {
  readonly file: RuleFile;
  readonly model: RuleSetModel;
  /** Every stage's diagnostics, sorted by position then code. */
  readonly diagnostics: Diagnostic[];
}

interface State {
  readonly text: string;
  readonly options: AnalyzeOptions;
  file?: RuleFile;
  model?: RuleSetModel;
  readonly diagnostics: Diagnostic[];
}

export interface Stage {
  readonly name: string;
  readonly run: (s: State) => void;
}

/** The stages in the order they run. */
export const STAGES: readonly Stage[] = [
  {
    name: 'parse',
    run: s => {
      const r = parse(s.text);
      s.file = r.file;
      s.diagnostics.push(...r.diagnostics);
    },
  },
  // Check runs even after parse errors: the parser keeps the valid parts, and the editor needs
  // their names and types while the rest of the file is being fixed.
  {
    name: 'check',
    run: s => {
      const r = check(s.file!, { path: s.options.path, text: s.text, loadBase: s.options.loadBase });
      s.model = r.model;
      s.diagnostics.push(...r.diagnostics);
    },
  },
];

/** Parses and checks one rule file. */
export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const state: State = { text, options, diagnostics: [] };
  for (const stage of STAGES) stage.run(state);
  return { file: state.file!, model: state.model!, diagnostics: [...state.diagnostics].sort(compareDiagnostics) };
}
