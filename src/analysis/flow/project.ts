// The project's own Python modules: which file an `import` names, so helpers and classes defined in
// other files of the review can be followed like helpers of the same file.
import type { ConfigData } from '../config-files.js';
import type { Module } from '../python/ast.js';

/** Bounds how many files deep imports are followed when building the names of an imported module. */
export const MAX_IMPORT_DEPTH = 3;

export interface ModuleSource {
  path: string;
  text: string;
  module: Module;
}

/** What the dataflow needs to know about the other files of the review. */
export interface ProjectView {
  /** The file an import names, seen from `fromPath` (`fare.data`, `.utils`, `..pkg.mod`); undefined when not in the review. */
  resolveModule(fromPath: string, module: string): string | undefined;
  /** The parsed file (parsed on first use and kept while the project is analysed). */
  source(path: string): ModuleSource | undefined;
  /** The settings file a path written in `fromPath` names (`"config/train.yaml"`), with its values. */
  config?(fromPath: string, written: string): { path: string; data: ConfigData } | undefined;
}

/**
 * Dotted module names of the review's `.py` files. A file `src/fare/data.py` answers to `fare.data`,
 * `src.fare.data` and `data`; `pkg/__init__.py` answers to `pkg`. An absolute import picks the
 * candidate closest to the importing file (most shared folders), then the shortest path.
 */
export class ModuleIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly paths: Set<string>;

  constructor(paths: readonly string[]) {
    this.paths = new Set(paths.filter((p) => /\.py$/i.test(p)));
    for (const path of [...this.paths].sort()) {
      const parts = path.replace(/\.py$/i, '').split('/');
      if (parts[parts.length - 1] === '__init__') parts.pop();
      for (let i = 0; i < parts.length; i++) {
        const name = parts.slice(i).join('.');
        if (!name) continue;
        const list = this.byName.get(name);
        if (list) list.push(path);
        else this.byName.set(name, [path]);
      }
    }
  }

  resolve(fromPath: string, module: string): string | undefined {
    if (module.charCodeAt(0) !== 46) {
      const candidates = this.byName.get(module);
      return candidates && candidates.length === 1 ? candidates[0] : candidates ? this.closest(fromPath, candidates) : undefined;
    }
    // Relative: one dot is the importing file's folder, each further dot one folder up.
    const dots = /^\.*/.exec(module)?.[0].length ?? 0;
    const rest = module.slice(dots);
    const dir = fromPath.split('/').slice(0, -1);
    const base = dir.slice(0, Math.max(0, dir.length - (dots - 1)));
    const stem = [...base, ...(rest ? rest.split('.') : [])].join('/');
    for (const candidate of [`${stem}.py`, `${stem ? `${stem}/` : ''}__init__.py`]) if (this.paths.has(candidate)) return candidate;
    return undefined;
  }

  private closest(fromPath: string, candidates: readonly string[]): string | undefined {
    const fromDir = fromPath.split('/').slice(0, -1);
    let best: string | undefined;
    let bestShared = -1;
    for (const c of candidates) {
      const dir = c.split('/');
      let shared = 0;
      while (shared < fromDir.length && shared < dir.length - 1 && fromDir[shared] === dir[shared]) shared++;
      if (shared > bestShared || (shared === bestShared && best !== undefined && c.length < best.length)) {
        best = c;
        bestShared = shared;
      }
    }
    return best;
  }
}

// `from pkg.features import (\n    load,\n    scale,  # comment\n)`: a parenthesised list may span lines.
const IMPORT_LINE = /^[ \t]*"?(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([\w., \t]+))|import[ \t]+([\w., \t]+))/gm;

/**
 * Files that another file of the review imports, found by a cheap scan of the import lines (no
 * parse). They are analysed after the files that import them, so calls from the importers are
 * followed into them first (and facts found through those calls are in place when their rules run).
 */
export function importedFiles(files: readonly { path: string; text: string }[], index: ModuleIndex): Map<string, Set<string>> {
  /** Imported file → the files that import it. */
  const out = new Map<string, Set<string>>();
  for (const f of files) {
    if (!/\.(py|ipynb)$/i.test(f.path) || !/\bimport\b/.test(f.text)) continue;
    // A notebook's source lines are JSON strings: joined, a parenthesised import reads as in a script.
    const text = /\.ipynb$/i.test(f.path) ? f.text.replace(/\\n",\s*"/g, '\n') : f.text;
    IMPORT_LINE.lastIndex = 0;
    for (let m = IMPORT_LINE.exec(text); m; m = IMPORT_LINE.exec(text)) {
      const from = m[1];
      const listed = (m[2] ?? m[3] ?? m[4] ?? '').replace(/#.*$/gm, '');
      const names = listed.split(',').map((n) => n.trim().split(/\s+/)[0] ?? '').filter((n) => /^[\w.]+$/.test(n));
      const modules = from !== undefined ? [from, ...names.map((n) => (from.endsWith('.') ? `${from}${n}` : `${from}.${n}`))] : names;
      for (const mod of modules) {
        const path = index.resolve(f.path, mod);
        if (!path || path === f.path) continue;
        const importers = out.get(path);
        if (importers) importers.add(f.path);
        else out.set(path, new Set([f.path]));
      }
    }
  }
  return out;
}
