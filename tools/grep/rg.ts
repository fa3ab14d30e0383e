// The ripgrep Grep engine. rg runs from the review root with root-relative paths, with every
// source of configuration outside the root switched off, so that its file set is exactly what
// walk.ts computes. Output is parsed from --null separated text and sorted by path.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EngineResult, FileHits, GrepEngine, GrepQuery, HitLine } from './query.js';
import { VCS_DIRS, isNotebookName } from './query.js';

/** Stdout kept from one rg run; more means the query is too broad to be useful anyway. */
const MAX_RG_OUTPUT_BYTES = 64 * 1024 * 1024;

const TYPE_NAME = 'reviewagentsel';

export interface RgEngineOptions {
  /** The rg binary (default "rg", looked up on PATH). */
  rgPath?: string;
}

export function createRgEngine(options: RgEngineOptions = {}): GrepEngine {
  const rg = options.rgPath ?? 'rg';
  return { name: 'rg', search: (query, signal) => searchRg(rg, query, signal) };
}

interface RgRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  overflow: boolean;
}

function runRg(rg: string, args: string[], cwd: string, signal: AbortSignal): Promise<RgRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(rg, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
      signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow) return;
      size += chunk.length;
      if (size > MAX_RG_OUTPUT_BYTES) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr: stderr.trim(), overflow }));
  });
}

/** Flags shared by the search and the notebook listing: which files are in scope. */
function scopeArgs(query: GrepQuery, ignoreFile: string | undefined): string[] {
  const args = [
    '--no-config',
    '--hidden',
    '--no-ignore-parent',
    '--no-ignore-global',
    '--no-ignore-exclude',
    '--no-ignore-dot',
    '--no-require-git',
    '--no-messages',
    '--color=never',
  ];
  if (ignoreFile) args.push('--ignore-file', ignoreFile);
  for (const glob of query.globs) args.push('--glob', glob);
  // Appended last so that no user glob can bring VCS folders back (the last matching glob wins).
  for (const dir of VCS_DIRS) args.push('--glob', `!${dir}`);
  return args;
}

function typeArgs(globs: readonly string[]): string[] {
  return [...globs.flatMap((glob) => ['--type-add', `${TYPE_NAME}:${glob}`]), '--type', TYPE_NAME];
}

function searchArgs(query: GrepQuery, ignoreFile: string | undefined): string[] {
  const args = scopeArgs(query, ignoreFile);
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
  args.push('--regexp', query.pattern, '--', targetArg(query));
  return args;
}

function targetArg(query: GrepQuery): string {
  return query.target.rel === '.' ? '.' : query.target.rel;
}

function cleanPath(p: string): string {
  return p.startsWith('./') ? p.slice(2) : p;
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

async function writeIgnoreFile(lines: readonly string[]): Promise<{ file: string; dir: string } | undefined> {
  if (lines.length === 0) return undefined;
  // Outside the review root: nothing a tool does may write there.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'review-agent-rg-'));
  const file = path.join(dir, 'ignore');
  await writeFile(file, `${lines.join('\n')}\n`);
  return { file, dir };
}

async function searchRg(rg: string, query: GrepQuery, signal: AbortSignal): Promise<EngineResult> {
  const ignore = await writeIgnoreFile(query.ancestorIgnore);
  try {
    const listing = query.target.isFile
      ? undefined
      : listNotebooks(rg, query, ignore?.file, signal).catch(() => [] as string[]);
    const run = await runRg(rg, searchArgs(query, ignore?.file), query.root, signal);
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
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not run ripgrep (${rg}): ${reason}` };
  } finally {
    if (ignore) await rm(ignore.dir, { recursive: true, force: true });
  }
}

async function listNotebooks(
  rg: string,
  query: GrepQuery,
  ignoreFile: string | undefined,
  signal: AbortSignal,
): Promise<string[]> {
  const args = [...scopeArgs(query, ignoreFile), '--files', '--null'];
  if (query.typeGlobs) {
    if (!query.typeGlobs.some((glob) => /ipynb/i.test(glob))) return [];
    args.push(...typeArgs(query.typeGlobs));
  } else {
    args.push(...typeArgs(['*.ipynb']));
  }
  args.push('--', targetArg(query));
  const run = await runRg(rg, args, query.root, signal);
  return run.stdout
    .toString('utf8')
    .split('\0')
    .map(cleanPath)
    .filter((p) => p !== '' && isNotebookName(p));
}
