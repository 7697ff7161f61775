// The state one check run shares between passes: diagnostics per file, side tables, usage and memos.
import type * as ast from '../grammar/ast.ts';
import type { Diagnostic } from '../grammar/diagnostic.ts';
import type { Resolution, Type } from './model.ts';
import type { ComputedSym, LevelScope, RowsSym, Sym } from './resolve.ts';

/** Where an expression is checked: its level, the rows of an enclosing `where`, and who reads it. */
export interface Env {
  readonly scope: LevelScope;
  /** Inside an aggregate's `where` over rows: the fields of these rows are in scope. */
  readonly rows?: RowsSym;
  /** False inside `@-k`: what is read there belongs to earlier years (no same-year dependency). */
  readonly sameYear: boolean;
  /** Names read in the same year by the definition being checked (insertion order is read order). */
  readonly deps?: Set<string>;
}

/** A type whose values are named members: an enum, a grade's levels, or an events catalogue. */
export interface EnumLike {
  readonly kind: 'enum' | 'grade' | 'situations';
  readonly name: string;
  readonly members: readonly string[];
  readonly sym: Sym;
}

export class CheckContext {
  /** Diagnostics by file path: the checked file's, and those found in base files' definitions. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly resolutions = new Map<ast.Node, Resolution>();
  readonly types = new Map<ast.Expr, Type>();
  /** Symbols read anywhere (for unused warnings). */
  readonly used = new Set<Sym>();
  /** Same-year reads of each computed definition. */
  readonly deps = new Map<ComputedSym, Set<string>>();
  /** The file diagnostics are currently reported in (the origin of the definition being checked). */
  file: string;
  /** Every enum-like type by name: enums, grades (levels), events tables (situations). */
  readonly enums = new Map<string, EnumLike>();
  /** Source texts by file, for quoting expressions in messages. */
  readonly texts = new Map<string, string>();
  /** The scope each symbol is declared in. */
  readonly scopeOf = new Map<Sym, LevelScope>();
  /** The cadre-level scope (unit kinds are looked up here). */
  root!: LevelScope;
  /** Types of written type references, resolved once. */
  readonly typeRefs = new Map<ast.TypeRef, Type>();

  constructor(
    readonly mainFile: string,
    /** Names removed by `remove` in the checked file, by `levelKey`. */
    readonly removed: ReadonlyMap<string, ast.Remove>,
    /** The type of a symbol's value; computed ones are checked on first use (set by the checker). */
    readonly symType: (sym: Sym) => Type,
  ) {
    this.file = mainFile;
  }

  report(d: Diagnostic): void {
    let list = this.diagnostics.get(this.file);
    if (!list) this.diagnostics.set(this.file, (list = []));
    list.push(d);
  }

  /** Runs `f` with diagnostics reported in `file`, then restores the previous file. */
  inFile<R>(file: string, f: () => R): R {
    const saved = this.file;
    this.file = file;
    try {
      return f();
    } finally {
      this.file = saved;
    }
  }

  /** The written text of a span in the current file, shortened for messages. */
  quote(span: { start: number; end: number }): string {
    const text = (this.texts.get(this.file) ?? '').slice(span.start, span.end).replace(/\s+/g, ' ');
    return [...text].length > 24 ? [...text].slice(0, 23).join('') + '…' : text;
  }

  setType(e: ast.Expr, t: Type): Type {
    this.types.set(e, t);
    return t;
  }

  /** Records a same-year read by the definition being checked. */
  read(env: Env, name: string): void {
    if (env.sameYear && env.deps) env.deps.add(name);
  }
}
