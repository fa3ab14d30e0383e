// The native engine's directory walk: the same filter order as ripgrep's `ignore` crate with the
// flags rg.ts passes (hidden files included, symlinks not followed, .gitignore and .rgignore honoured
// without requiring a git repository, nothing read from above the search directory).
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { IgnoreRules, OverrideGlobs, globToRegExp, ignoreFileLines } from './globs.js';
import type { IgnoreMatch } from './globs.js';
import { VCS_DIRS } from './query.js';

export interface WalkFilter {
  /** rg --glob overrides, root-relative. */
  globs: readonly string[];
  typeGlobs?: readonly string[];
  /** Rebased rules of ignore files above the walk's start (rg --ignore-file). */
  ancestorIgnore: readonly string[];
}

interface Level {
  /** Directory of this level, relative to the root ('' for the root). */
  rel: string;
  custom: IgnoreRules | undefined;
  git: IgnoreRules | undefined;
}

const VCS = new Set<string>(VCS_DIRS);

async function loadRules(dirAbs: string, names: Set<string>, file: string): Promise<IgnoreRules | undefined> {
  if (!names.has(file)) return undefined;
  try {
    const rules = new IgnoreRules(ignoreFileLines(await readFile(path.join(dirAbs, file), 'utf8')));
    return rules.isEmpty ? undefined : rules;
  } catch {
    return undefined;
  }
}

function relativeTo(levelRel: string, rel: string): string {
  return levelRel === '' ? rel : rel.slice(levelRel.length + 1);
}

/** Walks `startRel` (a directory under root) and returns root-relative paths of files that pass. */
export async function walkFiles(root: string, startRel: string, filter: WalkFilter, signal: AbortSignal): Promise<string[]> {
  const overrides = new OverrideGlobs(filter.globs);
  const explicit = new IgnoreRules(filter.ancestorIgnore);
  const types = filter.typeGlobs?.map(globToRegExp);
  const out: string[] = [];

  const decide = (rel: string, name: string, isDir: boolean, levels: readonly Level[]): boolean => {
    const o = overrides.match(rel, isDir);
    if (o !== 'none') return o === 'whitelist';
    let custom: IgnoreMatch = 'none';
    let git: IgnoreMatch = 'none';
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i] as Level;
      const sub = relativeTo(level.rel, rel);
      if (custom === 'none' && level.custom) custom = level.custom.match(sub, isDir);
      if (git === 'none' && level.git) git = level.git.match(sub, isDir);
    }
    const ignore = custom !== 'none' ? custom : git !== 'none' ? git : explicit.match(rel, isDir);
    if (ignore === 'ignore') return false;
    if (types && !isDir && !types.some((re) => re.test(name))) return false;
    return true;
  };

  const visit = async (dirRel: string, levels: readonly Level[]): Promise<void> => {
    if (signal.aborted) return;
    const dirAbs = dirRel === '' ? root : path.join(root, dirRel);
    let entries: Dirent[];
    try {
      entries = await readdir(dirAbs, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    const [custom, git] = await Promise.all([loadRules(dirAbs, names, '.rgignore'), loadRules(dirAbs, names, '.gitignore')]);
    const here = custom || git ? [...levels, { rel: dirRel, custom, git }] : levels;
    const subdirs: string[] = [];
    for (const entry of entries) {
      // Overrides from rg.ts exclude VCS folders by name, files or directories alike.
      if (VCS.has(entry.name) || entry.isSymbolicLink()) continue;
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue;
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      if (!decide(rel, entry.name, isDir, here)) continue;
      if (isDir) subdirs.push(rel);
      else out.push(rel);
    }
    await Promise.all(subdirs.map((sub) => visit(sub, here)));
  };

  await visit(startRel === '.' ? '' : startRel, []);
  return out;
}
