// Confinement: every path a tool touches goes through resolveInRoot, which refuses anything whose
// real location (after following symlinks) is not under the review root.
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReviewAgentError } from '../src/errors.js';

export type ResolvedPath = { ok: true; abs: string; rel: string } | { ok: false; error: string };

/** Symlink hops followed by hand (for dangling links) before we call it a loop, as the kernel does. */
const MAX_LINK_HOPS = 40;

/** Realpath of a directory to use as review root; throws a ReviewAgentError a user can act on. */
export async function realRoot(dir: string): Promise<string> {
  const resolved = path.resolve(dir);
  let real: string;
  try {
    real = await realpath(resolved);
  } catch (error) {
    throw new ReviewAgentError('usage', `review root ${resolved} does not exist or cannot be read`, {
      file: resolved,
      fix: 'pass an existing directory as the review root',
      cause: error,
    });
  }
  const info = await stat(real);
  if (!info.isDirectory()) {
    throw new ReviewAgentError('usage', `review root ${resolved} is not a directory`, {
      file: resolved,
      fix: 'pass the directory that contains the code to review',
    });
  }
  return real;
}

/** True when `abs` is `root` or below it. Both must be normalised absolute paths. */
export function isInside(root: string, abs: string): boolean {
  if (abs === root) return true;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return abs.startsWith(prefix);
}

/** Path of `abs` relative to root with forward slashes; '.' for the root itself. */
export function toRel(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

function outside(requested: string, root: string, reason: string): { ok: false; error: string } {
  return {
    ok: false,
    error:
      `Path "${requested}" is outside the review root (${root}): ${reason}. ` +
      'Only files under the review root can be accessed; use a path relative to it.',
  };
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * Resolves `requested` (relative to `root`, or absolute inside it) to its real location.
 * Nonexistent paths resolve through their deepest existing ancestor and come back ok (callers
 * report "not found"); a dangling symlink is followed by hand so it cannot point out of the root.
 */
export async function resolveInRoot(root: string, requested: string): Promise<ResolvedPath> {
  if (requested.includes('\0')) return outside(requested, root, 'the path contains a NUL byte');
  if (requested.startsWith('~')) {
    return outside(requested, root, 'home-directory paths (~) are not allowed (write ./~name for a file named ~name)');
  }
  const lexical = path.resolve(root, requested === '' ? '.' : requested);
  const real = await realLocation(lexical, 0);
  if (real.kind === 'loop') return outside(requested, root, 'it is a symlink loop');
  if (real.kind === 'error') return outside(requested, root, `it cannot be resolved (${real.code})`);
  if (!isInside(root, real.abs)) {
    const why = isInside(root, lexical) ? 'it is a symlink that points outside' : 'it is not under the root';
    return outside(requested, root, why);
  }
  return { ok: true, abs: real.abs, rel: toRel(root, real.abs) };
}

type Real = { kind: 'ok'; abs: string } | { kind: 'loop' } | { kind: 'error'; code: string };

async function realLocation(lexical: string, hops: number): Promise<Real> {
  if (hops > MAX_LINK_HOPS) return { kind: 'loop' };
  try {
    return { kind: 'ok', abs: await realpath(lexical) };
  } catch (error) {
    const code = errnoCode(error) ?? 'unknown error';
    if (code === 'ELOOP') return { kind: 'loop' };
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return { kind: 'error', code };
  }
  // Walk up to the deepest entry that exists (lstat: a dangling link exists as a link).
  const missing: string[] = [];
  let current = lexical;
  for (;;) {
    const parent = path.dirname(current);
    try {
      const info = await lstat(current);
      if (info.isSymbolicLink()) {
        const target = path.resolve(path.dirname(current), await readlink(current));
        return realLocation(path.join(target, ...missing), hops + 1);
      }
      const base = await realLocation(current, hops);
      return base.kind === 'ok' ? { kind: 'ok', abs: path.join(base.abs, ...missing) } : base;
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return { kind: 'error', code: code ?? 'unknown error' };
    }
    if (parent === current) return { kind: 'ok', abs: lexical };
    missing.unshift(path.basename(current));
    current = parent;
  }
}
