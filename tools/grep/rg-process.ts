// Running ripgrep for the Grep and Glob tools: finding the binary, the flags that decide which
// files are in scope (shared, so both tools see the same file set), and one bounded child process.
import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VCS_DIRS } from './query.js';

/** Stdout kept from one rg run; more means the query is too broad to be useful anyway. */
export const MAX_RG_OUTPUT_BYTES = 64 * 1024 * 1024;

export const RG_MISSING =
  'ripgrep (rg) is not on PATH; install it (Debian/Ubuntu: apt-get install ripgrep) or use the native engine';

/** Absolute path of `binary` (a name looked up on PATH, or a path), if it is an executable file. */
export async function findExecutable(binary: string): Promise<string | undefined> {
  if (binary.includes('/')) return (await executable(binary)) ? binary : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, binary);
    if (await executable(candidate)) return candidate;
  }
  return undefined;
}

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Flags that decide which files rg considers, for a search or a `--files` listing: hidden files
 * included, symlinks not followed, .gitignore/.rgignore honoured inside the root only (the rules of
 * folders above a subfolder target come in as `ignoreFile`), VCS folders never.
 */
export function rgScopeArgs(globs: readonly string[], ignoreFile: string | undefined): string[] {
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
  for (const glob of globs) args.push('--glob', glob);
  // Appended last so that no user glob can bring VCS folders back (the last matching glob wins).
  for (const dir of VCS_DIRS) args.push('--glob', `!${dir}`);
  return args;
}

/** rg's path argument for a root-relative target. */
export function rgTargetArg(rel: string): string {
  return rel === '.' ? '.' : rel;
}

/** A path as rg prints it, relative to the root without a leading "./". */
export function cleanRgPath(p: string): string {
  return p.startsWith('./') ? p.slice(2) : p;
}

/**
 * Runs `fn` with `lines` written to a temporary ignore file (undefined when there are none). The
 * file lives outside the review root: nothing a tool does may write there.
 */
export async function withIgnoreFile<T>(lines: readonly string[], fn: (file: string | undefined) => Promise<T>): Promise<T> {
  if (lines.length === 0) return fn(undefined);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'review-agent-rg-'));
  try {
    const file = path.join(dir, 'ignore');
    await writeFile(file, `${lines.join('\n')}\n`);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RgRun {
  code: number | null;
  /** All of stdout, unless `onStdout` consumed it. */
  stdout: Buffer;
  stderr: string;
  /** Stdout passed MAX_RG_OUTPUT_BYTES and rg was killed. */
  overflow: boolean;
}

/**
 * Runs rg in `cwd` with a minimal environment. With `onStdout`, output is handed over chunk by
 * chunk as it arrives (so the caller's work overlaps rg's walk) instead of being collected; if it
 * throws, rg is killed and the run rejects with that error.
 */
export function runRg(
  rg: string,
  args: string[],
  cwd: string,
  signal: AbortSignal,
  onStdout?: (chunk: Buffer) => void,
): Promise<RgRun> {
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
    let failure: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      if (overflow || failure !== undefined) return;
      size += chunk.length;
      if (size > MAX_RG_OUTPUT_BYTES) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      if (!onStdout) {
        chunks.push(chunk);
        return;
      }
      try {
        onStdout(chunk);
      } catch (error) {
        failure = error;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (failure !== undefined) reject(failure);
      else resolve({ code, stdout: Buffer.concat(chunks), stderr: stderr.trim(), overflow });
    });
  });
}

/** Which engine a tool uses: 'auto' picks rg when it is found, else the native engine. */
export type EngineMode = 'auto' | 'rg' | 'native';

export type ChosenEngine<E> = { engine: E; fellBack: boolean } | { error: string };

/**
 * Decides once, on first use, between the rg engine and the native one. 'rg' mode fails when rg is
 * missing; `fellBack` is true when 'auto' had to use the native engine (worth a warning).
 */
export function engineChooser<E>(
  mode: EngineMode,
  rgPath: string | undefined,
  rgEngine: (rg: string) => E,
  nativeEngine: () => E,
): () => Promise<ChosenEngine<E>> {
  let chosen: Promise<ChosenEngine<E>> | undefined;
  return () => {
    chosen ??= (async (): Promise<ChosenEngine<E>> => {
      if (mode === 'native') return { engine: nativeEngine(), fellBack: false };
      const rg = await findExecutable(rgPath ?? 'rg');
      if (rg) return { engine: rgEngine(rg), fellBack: false };
      if (mode === 'rg') return { error: RG_MISSING };
      return { engine: nativeEngine(), fellBack: true };
    })();
    return chosen;
  };
}
