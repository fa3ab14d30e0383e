// What the offline provider asks for next: Glob listings (refined when Glob cuts a listing at its
// result limit), then Read calls for every listed file until each is complete.
import { classify } from './source.js';
import { globKey, nextReads, type GlobQuery, type ReadInputShape, type Transcript } from './transcript.js';

export const BASE_GLOBS: readonly GlobQuery[] = [
  { pattern: '**/*.py' },
  { pattern: '**/*.ipynb' },
  { pattern: '**/{requirements*.txt,requirements*.in,pyproject.toml,setup.cfg,setup.py,environment.yml,environment.yaml,conda.yml,conda.yaml,Pipfile,poetry.lock,Pipfile.lock,uv.lock,pdm.lock}' },
  // Settings files the code reads (splits, seeds, paths, the part to monitor).
  { pattern: '**/*.{yaml,yml,toml,json}' },
];

/** Folders that hold installed packages or caches, not the project's code. */
const SKIPPED = /(^|\/)(\.?venv|virtualenv|env|site-packages|node_modules|\.tox|\.nox|__pycache__|\.ipynb_checkpoints|\.git|\.mypy_cache|\.pytest_cache)\//;

/** Bounds so a huge tree cannot keep the provider listing forever. */
const MAX_GLOB_CALLS = 400;
const MAX_CALLS_PER_TURN = 200;

export interface Plan {
  globs: GlobQuery[];
  reads: ReadInputShape[];
  /** Files to analyse (sorted), once nothing is left to ask. */
  files: string[];
  /** Set when some listing stayed incomplete. */
  incompleteListing?: string;
}

export function plan(t: Transcript): Plan {
  const files = listedFiles(t);
  const globs = nextGlobs(t).slice(0, MAX_CALLS_PER_TURN);
  if (globs.length > 0 && t.globAsked.size < MAX_GLOB_CALLS) return { globs, reads: [], files };
  const reads: ReadInputShape[] = [];
  for (const path of files) {
    if (classify(path) === 'lockfile') continue;
    reads.push(...nextReads(path, t.files.get(path)));
    if (reads.length >= MAX_CALLS_PER_TURN) break;
  }
  return { globs: [], reads: reads.slice(0, MAX_CALLS_PER_TURN), files, incompleteListing: incompleteListing(t) };
}

export function listedFiles(t: Transcript): string[] {
  const set = new Set<string>();
  for (const g of t.globs) for (const f of g.files) if (!SKIPPED.test(f) && classify(f) !== 'other') set.add(f);
  return [...set].sort();
}

/** Base listings, then refinements of every listing that Glob cut at its limit. */
function nextGlobs(t: Transcript): GlobQuery[] {
  const wanted: GlobQuery[] = [...BASE_GLOBS];
  const seenFiles = new Set(t.globs.flatMap((g) => g.files));
  for (const g of t.globs) {
    if (g.truncatedOf === undefined || !g.query.pattern.startsWith('**/')) continue;
    const base = g.query.path && g.query.path !== '.' ? `${g.query.path.replace(/\/+$/, '')}/` : '';
    const rest = g.query.pattern.slice(3);
    const subdirs = new Set<string>();
    for (const f of seenFiles) {
      if (!f.startsWith(base)) continue;
      const tail = f.slice(base.length);
      const slash = tail.indexOf('/');
      if (slash > 0) subdirs.add(tail.slice(0, slash));
    }
    const simple = [...subdirs].filter((d) => /^[\w.\- ]+$/.test(d)).sort();
    wanted.push(withPath({ pattern: rest }, g.query.path));
    for (const d of simple) if (!SKIPPED.test(`${d}/`)) wanted.push({ pattern: g.query.pattern, path: `${base}${d}` });
    if (simple.length > 0) wanted.push(withPath({ pattern: `!(${simple.join('|')})/**/${rest}` }, g.query.path));
  }
  const out: GlobQuery[] = [];
  const keys = new Set<string>();
  for (const q of wanted) {
    const key = globKey(q);
    if (t.globAsked.has(key) || keys.has(key)) continue;
    keys.add(key);
    out.push(q);
  }
  return out;
}

function withPath(q: GlobQuery, path: string | undefined): GlobQuery {
  return path && path !== '.' ? { ...q, path } : q;
}

function incompleteListing(t: Transcript): string | undefined {
  const cut = t.globs.filter((g) => g.truncatedOf !== undefined && (g.query.path ?? '.') === '.' && g.query.pattern.startsWith('**/'));
  for (const g of cut) {
    const ext = /\*\.(\w+)$/.exec(g.query.pattern)?.[1];
    if (!ext) continue;
    const found = new Set(t.globs.flatMap((x) => x.files).filter((f) => f.endsWith(`.${ext}`))).size;
    if (found < (g.truncatedOf ?? 0)) return `Only ${found} of ${g.truncatedOf} .${ext} files could be listed and reviewed.`;
  }
  return undefined;
}
