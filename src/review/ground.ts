import path from 'node:path';
import { readdir, realpath, stat } from 'node:fs/promises';
import { resolveInRoot } from '../../tools/paths.js';
import type { Finding, FindingInput } from './schema.js';
import { checkAgainstSource } from './ground-quote.js';
import { loadSourceLines, type SourceLines } from './source-lines.js';

export { checkAgainstSource, quoteSegments } from './ground-quote.js';

export interface GroundOptions {
  /** How far (in lines) the quoted code may sit from the cited line and still count as verified (default 5). */
  window?: number;
}

export const DEFAULT_GROUNDING_WINDOW = 5;

/**
 * Checks every finding against the code it cites: the file must exist inside the root, the line
 * must exist, and the quoted `current` code must appear at or near the line (whitespace-insensitive).
 * Quoted code found elsewhere moves the line (`corrected`); code found nowhere leaves the finding
 * `unverified`. `file` comes back relative to the root with forward slashes. Never throws.
 */
export async function groundFindings(root: string, findings: readonly FindingInput[], options: GroundOptions = {}): Promise<Finding[]> {
  const window = options.window ?? DEFAULT_GROUNDING_WINDOW;
  let realRoot: string;
  try {
    realRoot = await realpath(path.resolve(root));
  } catch {
    const note = `the review root ${root} cannot be read, so the finding could not be checked`;
    return findings.map((f) => ({ ...f, verification: { status: 'unverified', note } }));
  }
  // Loaded once per call: several findings usually cite the same file.
  const files = new Map<string, Promise<SourceLines>>();
  const load = (abs: string, rel: string) => {
    let lines = files.get(abs);
    if (!lines) files.set(abs, (lines = loadSourceLines(abs, rel)));
    return lines;
  };
  const names = new Map<string, Promise<string[]>>();
  // A path is resolved once: big reviews cite the same few files thousands of times (realpath is a syscall).
  const located = new Map<string, Promise<Located>>();
  const ctx: Context = {
    root,
    realRoot,
    window,
    load,
    locate: (file) => {
      let found = located.get(file);
      if (!found) located.set(file, (found = locate(root, realRoot, file)));
      return found;
    },
    findByName: (name) => {
      let found = names.get(name);
      if (!found) names.set(name, (found = findByName(realRoot, name)));
      return found;
    },
  };
  const out: Finding[] = [];
  for (const finding of findings) out.push(await groundOne(ctx, finding));
  return out;
}

interface Context {
  root: string;
  realRoot: string;
  window: number;
  load: (abs: string, rel: string) => Promise<SourceLines>;
  locate: (file: string) => Promise<Located>;
  findByName: (name: string) => Promise<string[]>;
}

async function groundOne(ctx: Context, finding: FindingInput): Promise<Finding> {
  const located = await ctx.locate(finding.file);
  if (!located.ok) return { ...finding, verification: { status: 'unverified', note: located.note } };
  const sites = finding.sites
    ? await Promise.all(finding.sites.map(async (s) => ({ ...s, file: await ctx.locate(s.file).then((l) => (l.ok ? l.rel : s.file)) })))
    : undefined;
  const base: FindingInput = { ...finding, file: located.rel, ...(sites ? { sites } : {}) };
  const source = await ctx.load(located.abs, located.rel);
  if (!source.ok) return (await elsewhereByName(ctx, base)) ?? { ...base, verification: { status: 'unverified', note: source.error } };
  const { verification, line, endLine } = checkAgainstSource(base, source.lines, ctx.window);
  const moved = line === base.line ? {} : { line, ...(endLine !== undefined ? { endLine } : {}) };
  return { ...base, ...moved, verification };
}

/**
 * `train.py` cited when the file is `src/train.py`: when exactly one file in the root has that
 * name and the quoted code is in it, the path (and line) are corrected. Without a quote there is
 * no evidence, so the finding stays unverified.
 */
async function elsewhereByName(ctx: Context, finding: FindingInput): Promise<Finding | undefined> {
  if (!finding.current || (await isFile(path.join(ctx.realRoot, finding.file)))) return undefined;
  const matches = await ctx.findByName(path.basename(finding.file));
  const [rel] = matches;
  if (matches.length !== 1 || rel === undefined) return undefined;
  const source = await ctx.load(path.join(ctx.realRoot, rel), rel);
  if (!source.ok) return undefined;
  const check = checkAgainstSource({ ...finding, file: rel }, source.lines, ctx.window);
  if (check.verification.status === 'unverified' || check.verification.note?.startsWith('only ')) return undefined;
  return {
    ...finding,
    file: rel,
    line: check.line,
    ...(check.endLine !== undefined ? { endLine: check.endLine } : {}),
    verification: {
      status: 'corrected',
      originalLine: finding.line,
      note: `${finding.file} does not exist; the quoted code is in ${rel} at line ${check.line}`,
    },
  };
}

/** Directories never searched for a file by name: VCS data, dependencies, caches. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'site-packages', 'venv']);
/** Directory entries visited at most when searching by name, so a huge tree cannot stall a review. */
const MAX_ENTRIES_SEARCHED = 20_000;

/** Root-relative paths of regular files named `name` (stops at two: only a unique match is used). */
async function findByName(realRoot: string, name: string): Promise<string[]> {
  const found: string[] = [];
  const queue = [''];
  let visited = 0;
  while (queue.length > 0 && found.length < 2 && visited < MAX_ENTRIES_SEARCHED) {
    const dir = queue.shift() ?? '';
    const entries = await readdir(path.join(realRoot, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      visited += 1;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      // Symlinks are not followed: they could lead out of the root.
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) queue.push(rel);
      else if (entry.isFile() && entry.name === name) found.push(rel);
    }
  }
  return found;
}

type Located = { ok: true; abs: string; rel: string } | { ok: false; note: string };

/** Resolves the cited path inside the root, accepting `./x`, absolute paths under the root, `\` separators and diff prefixes. */
async function locate(root: string, realRoot: string, cited: string): Promise<Located> {
  let requested = cited.trim().replace(/\\/g, '/');
  for (const given of new Set([path.resolve(root), realRoot])) {
    const prefix = given.endsWith('/') ? given : `${given}/`;
    if (requested.startsWith(prefix)) requested = requested.slice(prefix.length);
  }
  const direct = await resolveInRoot(realRoot, requested);
  if (!direct.ok) return { ok: false, note: `${cited} is outside the review root; only files under the root can be cited` };
  if (!(await isFile(direct.abs))) {
    // `a/train.py` from a diff header, when `train.py` is the real file.
    const undiffed = /^[ab]\/(.+)$/.exec(requested)?.[1];
    const retry = undiffed ? await resolveInRoot(realRoot, undiffed) : undefined;
    if (retry?.ok && (await isFile(retry.abs))) return retry;
  }
  return direct;
}

async function isFile(abs: string): Promise<boolean> {
  return stat(abs).then(
    (info) => info.isFile(),
    () => false,
  );
}

