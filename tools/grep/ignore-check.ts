// Filters root-relative file paths by the .gitignore/.rgignore files of the root and the folders
// below it, with the same rules as walk.ts (so Glob and Grep agree on what is ignored). Every
// ignore file is read once; decisions on folders are memoised.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IgnoreRules, ignoreFileLines } from './globs.js';
import type { IgnoreMatch } from './globs.js';

interface Level {
  custom: IgnoreRules | undefined;
  git: IgnoreRules | undefined;
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

/** The paths of `files` that no ignore file (and no ignored folder above them) excludes. */
export async function dropIgnored(root: string, files: readonly string[]): Promise<string[]> {
  const dirs = new Set<string>(['']);
  for (const file of files) {
    for (let dir = parentOf(file); dir !== '' && !dirs.has(dir); dir = parentOf(dir)) dirs.add(dir);
  }
  const levels = new Map<string, Level>();
  await Promise.all(
    [...dirs].map(async (dir) => {
      const abs = dir === '' ? root : path.join(root, dir);
      const [custom, git] = await Promise.all([load(path.join(abs, '.rgignore')), load(path.join(abs, '.gitignore'))]);
      if (custom || git) levels.set(dir, { custom, git });
    }),
  );

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
      if (dir === '') break;
    }
    return (custom !== 'none' ? custom : git) === 'ignore';
  };

  const dirIgnored = new Map<string, boolean>();
  const folderIgnored = (dir: string): boolean => {
    if (dir === '') return false;
    let known = dirIgnored.get(dir);
    if (known === undefined) {
      known = folderIgnored(parentOf(dir)) || decide(dir, true);
      dirIgnored.set(dir, known);
    }
    return known;
  };

  return levels.size === 0 ? [...files] : files.filter((file) => !folderIgnored(parentOf(file)) && !decide(file, false));
}
