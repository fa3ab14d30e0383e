// Filters root-relative file paths by the .gitignore/.rgignore files of the search folder and the
// folders below it, with the same rules as walk.ts (so Glob and Grep agree on what is ignored).
// Every ignore file is read once; decisions on folders are memoised.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IgnoreRules, ignoreFileLines } from './globs.js';
import type { IgnoreMatch } from './globs.js';

interface Level {
  custom: IgnoreRules | undefined;
  git: IgnoreRules | undefined;
}

/** Where the files were listed from, as walk.ts sees it. */
export interface IgnoreScope {
  /** The search folder, root-relative ('.' for the root). It and its parents are never judged. */
  startRel: string;
  /** Rebased rules of the ignore files above it (scope.ts), the weakest rules, as rg --ignore-file. */
  ancestorIgnore: readonly string[];
}

async function load(abs: string): Promise<IgnoreRules | undefined> {
  try {
    const rules = new IgnoreRules(ignoreFileLines(await readFile(abs, 'utf8')));
    return rules.isEmpty ? undefined : rules;
  } catch {
    return undefined;
  }
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}

/** The paths of `files` (all below the scope's folder) that no ignore rule, and no ignored folder above them, excludes. */
export async function dropIgnored(
  root: string,
  files: readonly string[],
  scope: IgnoreScope = { startRel: '.', ancestorIgnore: [] },
): Promise<string[]> {
  const start = scope.startRel === '.' ? '' : scope.startRel;
  const dirs = new Set<string>([start]);
  for (const file of files) {
    for (let dir = parentOf(file); dir !== start && dir !== '' && !dirs.has(dir); dir = parentOf(dir)) dirs.add(dir);
  }
  const levels = new Map<string, Level>();
  await Promise.all(
    [...dirs].map(async (dir) => {
      const abs = dir === '' ? root : path.join(root, dir);
      const [custom, git] = await Promise.all([load(path.join(abs, '.rgignore')), load(path.join(abs, '.gitignore'))]);
      if (custom || git) levels.set(dir, { custom, git });
    }),
  );
  const explicit = new IgnoreRules(scope.ancestorIgnore);
  if (levels.size === 0 && explicit.isEmpty) return [...files];

  const decide = (rel: string, isDir: boolean): boolean => {
    let custom: IgnoreMatch = 'none';
    let git: IgnoreMatch = 'none';
    // Deepest folder first: a deeper ignore file overrides a shallower one.
    for (let dir = parentOf(rel); ; dir = parentOf(dir)) {
      const level = levels.get(dir);
      if (level) {
        const sub = dir === '' ? rel : rel.slice(dir.length + 1);
        if (custom === 'none' && level.custom) custom = level.custom.match(sub, isDir);
        if (git === 'none' && level.git) git = level.git.match(sub, isDir);
      }
      if (dir === start || dir === '') break;
    }
    const match = custom !== 'none' ? custom : git !== 'none' ? git : explicit.match(rel, isDir);
    return match === 'ignore';
  };

  const dirIgnored = new Map<string, boolean>();
  const folderIgnored = (dir: string): boolean => {
    if (dir === start || dir === '') return false;
    let known = dirIgnored.get(dir);
    if (known === undefined) {
      known = folderIgnored(parentOf(dir)) || decide(dir, true);
      dirIgnored.set(dir, known);
    }
    return known;
  };

  return files.filter((file) => !folderIgnored(parentOf(file)) && !decide(file, false));
}
