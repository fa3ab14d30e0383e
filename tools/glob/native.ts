// The native Glob engine, used when rg is missing: globby walks (with lstat stats, for the mtimes)
// and the ignore files are applied afterwards with Grep's rules. globby starts its walk at the
// pattern's literal prefix even when that is a symlinked folder, so files reached through one are
// dropped here: the rg engine never sees them either.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { globby } from 'globby';
import { dropIgnored } from '../grep/ignore-check.js';
import { isInside, toRel } from '../paths.js';
import { globbyOptions } from './options.js';
import type { GlobEngine, GlobQuery, GlobResult } from './query.js';

export function createNativeGlobEngine(): GlobEngine {
  return { name: 'native', search: searchGlobby };
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}

/** The folders (root-relative) among those of `files` whose real location is where they appear. */
async function realFolders(root: string, files: readonly string[]): Promise<Set<string>> {
  const folders = [...new Set(files.map(parentOf))];
  const real = await Promise.all(
    folders.map(async (dir) => {
      const abs = dir === '' ? root : path.join(root, dir);
      try {
        return (await realpath(abs)) === abs;
      } catch {
        return false;
      }
    }),
  );
  return new Set(folders.filter((_, i) => real[i]));
}

async function searchGlobby(query: GlobQuery): Promise<GlobResult> {
  let entries;
  try {
    entries = await globby(query.pattern, { ...globbyOptions(query.root), stats: true });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const mtimes = new Map<string, number>();
  for (const entry of entries) {
    if (!entry.stats?.isFile()) continue;
    const abs = path.resolve(query.root, entry.path);
    if (abs === query.target.abs || !isInside(query.target.abs, abs)) continue;
    mtimes.set(toRel(query.root, abs), entry.stats.mtimeMs);
  }
  const kept = await dropIgnored(query.root, [...mtimes.keys()], { startRel: query.target.rel, ancestorIgnore: query.ancestorIgnore });
  const real = await realFolders(query.root, kept);
  return {
    ok: true,
    files: kept.filter((rel) => real.has(parentOf(rel))).map((rel) => ({ rel, mtime: mtimes.get(rel) ?? 0 })),
  };
}
