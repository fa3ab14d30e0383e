// Glob's pattern as a predicate on root-relative file paths, decided exactly as globby decides it:
// globby's own task generation (directory expansion, negation), fast-glob's (brace expansion, base
// directories, static paths) and the regexes fast-glob matches entries with (picomatch, with the
// options fast-glob passes). A path is tested in the form fast-glob's walk would produce it, and
// only if that walk would enter every folder above it (deep-filter.ts).
import path from 'node:path';
import fastGlob from 'fast-glob';
import { generateGlobTasks } from 'globby';
import picomatch from 'picomatch';
import { isInside } from '../paths.js';
import { folderFilter } from './deep-filter.js';
import { MATCH_OPTIONS, globbyOptions } from './options.js';

/** True when the root-relative path of a regular file is one globby would return. */
export type GlobMatcher = (rel: string) => boolean;

interface TaskMatcher {
  /** Walked folder, root-relative ('' for the root); undefined for a task of static paths. */
  walkedRel: string | undefined;
  /** The walk's base as fast-glob joins entry paths onto it ('' for the root). */
  basePath: string;
  /** Whether the walk enters a folder, by its path as fast-glob spells it. */
  enters: (dir: string) => boolean;
  /** Memo: root-relative folder below the walked one → whether the walk gets into it. */
  reached: Map<string, boolean>;
  /** Static task: root-relative file → the paths fast-glob tests for it (the patterns themselves). */
  statics: Map<string, string[]>;
  positive: RegExp[];
  negative: RegExp[];
  absoluteNegative: RegExp[];
}

/** fast-glob's utils.path.removeLeadingDotSegment. */
function withoutLeadingDot(entry: string): string {
  return entry.startsWith('./') ? entry.slice(2) : entry;
}

/** @nodelib/fs.walk's joinPathSegments with '/'. */
function joinSegments(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

/** Root-relative form of a path fast-glob resolves against the root, or undefined outside it. */
function relInRoot(root: string, p: string): string | undefined {
  const abs = path.resolve(root, p);
  if (!isInside(root, abs)) return undefined;
  return path.relative(root, abs).split(path.sep).join('/');
}

function compileTask(root: string, task: fastGlob.Task): TaskMatcher | undefined {
  // fast-glob matches ignore patterns with dot: true whatever the settings; Glob's have it on anyway.
  const re = (patterns: string[]) => patterns.map((p) => picomatch.makeRe(p, MATCH_OPTIONS));
  const absolute = task.negative.filter((p) => path.isAbsolute(p));
  const relative = task.negative.filter((p) => !path.isAbsolute(p));
  const statics = new Map<string, string[]>();
  let walkedRel: string | undefined;
  if (task.dynamic) {
    walkedRel = relInRoot(root, task.base);
    if (walkedRel === undefined) return undefined;
  } else {
    for (const p of task.positive) {
      const rel = relInRoot(root, p);
      if (rel !== undefined && rel !== '') statics.set(rel, [...(statics.get(rel) ?? []), p]);
    }
    if (statics.size === 0) return undefined;
  }
  return {
    walkedRel,
    basePath: task.base === '.' ? '' : task.base,
    enters: folderFilter(task.positive, task.negative),
    reached: new Map(),
    statics,
    positive: re(task.positive),
    negative: re(relative),
    absoluteNegative: re(absolute),
  };
}

/** The path fast-glob would test for root-relative `rel` in a walking task, if the walk reaches it. */
function walkedPath(task: TaskMatcher, walkedRel: string, rel: string): string | undefined {
  if (walkedRel === '') return joinSegments(task.basePath, rel);
  if (!rel.startsWith(`${walkedRel}/`)) return undefined;
  return joinSegments(task.basePath, rel.slice(walkedRel.length + 1));
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}

/** Whether the walk gets into root-relative folder `dir` (the walked folder or below it). */
function reaches(task: TaskMatcher, walkedRel: string, dir: string): boolean {
  if (dir === walkedRel) return true;
  let known = task.reached.get(dir);
  if (known === undefined) {
    const entry = walkedPath(task, walkedRel, dir);
    known = entry !== undefined && reaches(task, walkedRel, parentOf(dir)) && task.enters(withoutLeadingDot(entry));
    task.reached.set(dir, known);
  }
  return known;
}

function accepts(root: string, task: TaskMatcher, rel: string): boolean {
  if (task.walkedRel === undefined) return (task.statics.get(rel) ?? []).some((entry) => acceptsEntry(root, task, entry));
  const entry = walkedPath(task, task.walkedRel, rel);
  return entry !== undefined && reaches(task, task.walkedRel, parentOf(rel)) && acceptsEntry(root, task, entry);
}

/** fast-glob's EntryFilter for a file entry. */
function acceptsEntry(root: string, task: TaskMatcher, entry: string): boolean {
  const file = withoutLeadingDot(entry);
  if (!task.positive.some((re) => re.test(file))) return false;
  if (task.negative.some((re) => re.test(file))) return false;
  if (task.absoluteNegative.length > 0) {
    const abs = path.resolve(root, file);
    if (task.absoluteNegative.some((re) => re.test(abs))) return false;
  }
  return true;
}

/**
 * Compiles `pattern` (root-relative, as Glob hands it to globby) for matching file listings of
 * `root`. Throws what globby would throw for the same pattern (e.g. a brace range too large).
 */
export async function compileGlob(root: string, pattern: string): Promise<GlobMatcher> {
  const tasks: TaskMatcher[] = [];
  for (const globbyTask of await generateGlobTasks(pattern, globbyOptions(root))) {
    // globby hands these options to fast-glob as they are; only cwd is typed wider (URL) by globby.
    for (const task of fastGlob.generateTasks(globbyTask.patterns, { ...globbyTask.options, cwd: root })) {
      const compiled = compileTask(root, task);
      if (compiled) tasks.push(compiled);
    }
  }
  const only = tasks.length === 1 ? tasks[0] : undefined;
  if (only) return (rel) => accepts(root, only, rel);
  return (rel) => tasks.some((task) => accepts(root, task, rel));
}
