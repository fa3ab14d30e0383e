// The ripgrep Grep engine. rg runs from the review root with root-relative paths, with every
// source of configuration outside the root switched off, so that its file set is exactly what
// walk.ts computes. Output is parsed from --null separated text and sorted by path.
import type { EngineResult, FileHits, GrepEngine, GrepQuery, HitLine } from './query.js';
import { isNotebookName } from './query.js';
import { cleanRgPath as cleanPath, rgScopeArgs, rgTargetArg, runRg, withIgnoreFile } from './rg-process.js';

const TYPE_NAME = 'reviewagentsel';

export interface RgEngineOptions {
  /** The rg binary (default "rg", looked up on PATH). */
  rgPath?: string;
}

export function createRgEngine(options: RgEngineOptions = {}): GrepEngine {
  const rg = options.rgPath ?? 'rg';
  return { name: 'rg', search: (query, signal) => searchRg(rg, query, signal) };
}

function typeArgs(globs: readonly string[]): string[] {
  return [...globs.flatMap((glob) => ['--type-add', `${TYPE_NAME}:${glob}`]), '--type', TYPE_NAME];
}

function searchArgs(query: GrepQuery, ignoreFile: string | undefined): string[] {
  const args = rgScopeArgs(query.globs, ignoreFile);
  if (!query.target.isFile) args.push('--glob', '!*.ipynb');
  if (query.typeGlobs) args.push(...typeArgs(query.typeGlobs));
  if (query.ignoreCase) args.push('--ignore-case');
  if (query.multiline) args.push('--multiline', '--multiline-dotall');
  if (query.mode === 'files_with_matches') args.push('--files-with-matches', '--null');
  else if (query.mode === 'count') args.push('--count', '--with-filename', '--null');
  else {
    args.push('--line-number', '--with-filename', '--no-heading', '--null');
    if (query.before > 0) args.push('--before-context', String(query.before));
    if (query.after > 0) args.push('--after-context', String(query.after));
  }
  args.push('--regexp', query.pattern, '--', rgTargetArg(query.target.rel));
  return args;
}

function parseFiles(stdout: Buffer): FileHits[] {
  return stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '')
    .map((p) => ({ path: cleanPath(p.replace(/^\n/, '')), count: 1, lines: [] }));
}

function parseCounts(stdout: Buffer): FileHits[] {
  const out: FileHits[] = [];
  for (const row of stdout.toString('utf8').split('\n')) {
    const nul = row.indexOf('\0');
    if (nul < 0) continue;
    out.push({ path: cleanPath(row.slice(0, nul)), count: Number(row.slice(nul + 1)), lines: [] });
  }
  return out;
}

function parseContent(stdout: Buffer): FileHits[] {
  const byPath = new Map<string, HitLine[]>();
  const decoder = new TextDecoder('utf-8');
  let start = 0;
  while (start < stdout.length) {
    let end = stdout.indexOf(0x0a, start);
    if (end < 0) end = stdout.length;
    const row = stdout.subarray(start, end);
    start = end + 1;
    const nul = row.indexOf(0);
    if (nul < 0) continue; // the "--" group separators; format.ts draws its own
    const file = cleanPath(decoder.decode(row.subarray(0, nul)));
    const rest = decoder.decode(row.subarray(nul + 1));
    const m = /^(\d+)([:-])/.exec(rest);
    if (!m) continue;
    const lines = byPath.get(file) ?? [];
    lines.push({ line: Number(m[1]), text: rest.slice(m[0].length), match: m[2] === ':' });
    byPath.set(file, lines);
  }
  return [...byPath.entries()].map(([file, lines]) => ({
    path: file,
    count: lines.filter((l) => l.match).length,
    lines,
  }));
}

async function searchRg(rg: string, query: GrepQuery, signal: AbortSignal): Promise<EngineResult> {
  try {
    return await withIgnoreFile(query.ancestorIgnore, async (ignoreFile) => {
      const listing = query.target.isFile
        ? undefined
        : listNotebooks(rg, query, ignoreFile, signal).catch(() => [] as string[]);
      const run = await runRg(rg, searchArgs(query, ignoreFile), query.root, signal);
      const notebooks = listing ? await listing : [];
      if (run.overflow) {
        return { ok: false, error: 'ripgrep produced more than 64 MiB of output; narrow the pattern, path, glob or type' };
      }
      if (run.code !== 0 && run.code !== 1 && run.stdout.length === 0) {
        return { ok: false, error: `ripgrep failed${run.code === null ? '' : ` (exit ${run.code})`}: ${run.stderr || 'no message'}` };
      }
      const files =
        query.mode === 'files_with_matches' ? parseFiles(run.stdout) : query.mode === 'count' ? parseCounts(run.stdout) : parseContent(run.stdout);
      return { ok: true, files, notebooks };
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not run ripgrep (${rg}): ${reason}` };
  }
}

async function listNotebooks(
  rg: string,
  query: GrepQuery,
  ignoreFile: string | undefined,
  signal: AbortSignal,
): Promise<string[]> {
  const args = [...rgScopeArgs(query.globs, ignoreFile), '--files', '--null'];
  if (query.typeGlobs) {
    if (!query.typeGlobs.some((glob) => /ipynb/i.test(glob))) return [];
    args.push(...typeArgs(query.typeGlobs));
  } else {
    args.push(...typeArgs(['*.ipynb']));
  }
  args.push('--', rgTargetArg(query.target.rel));
  const run = await runRg(rg, args, query.root, signal);
  return run.stdout
    .toString('utf8')
    .split('\0')
    .map(cleanPath)
    .filter((p) => p !== '' && isNotebookName(p));
}
