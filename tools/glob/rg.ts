// The ripgrep Glob engine: `rg --files` lists the target folder with the Grep engine's scope flags
// (so ignore rules, hidden files, VCS folders and symlinks are handled as Grep handles them), the
// listing is filtered with globby's matching rules (pattern.ts), and only the matches are stat'ed.
import { lstatSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { cleanRgPath, rgScopeArgs, rgTargetArg, runRg, withIgnoreFile } from '../grep/rg-process.js';
import { compileGlob } from './pattern.js';
import type { GlobMatcher } from './pattern.js';
import type { GlobEngine, GlobFile, GlobQuery, GlobResult } from './query.js';

export function createRgGlobEngine(rg: string): GlobEngine {
  return { name: 'rg', search: (query, signal) => searchRg(rg, query, signal) };
}

/** mtime of `rel` if it is still a regular file (lstat: a path swapped for a symlink is dropped). */
function fileMtime(root: string, rel: string): number | undefined {
  try {
    // rg prints clean relative paths, so plain concatenation (path.join normalises, and costs more).
    const info = lstatSync(`${root}/${rel}`, { throwIfNoEntry: false });
    return info?.isFile() ? info.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Consumes rg's NUL-separated listing as it streams in, handing each root-relative path to `take`
 * (names may be split across chunks, even inside a character).
 */
export function listingSink(take: (rel: string) => void): { push: (chunk: Buffer) => void; end: () => void } {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const consume = (text: string) => {
    const records = (pending + text).split('\0');
    pending = records.pop() ?? '';
    for (const record of records) if (record !== '') take(cleanRgPath(record));
  };
  return {
    push: (chunk) => consume(decoder.write(chunk)),
    end: () => {
      consume(decoder.end());
      if (pending !== '') take(cleanRgPath(pending));
      pending = '';
    },
  };
}

async function searchRg(rg: string, query: GlobQuery, signal: AbortSignal): Promise<GlobResult> {
  let matches: GlobMatcher;
  try {
    matches = await compileGlob(query.root, query.pattern);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  try {
    return await withIgnoreFile(query.ancestorIgnore, async (ignoreFile) => {
      const files: GlobFile[] = [];
      // A synchronous lstat per match, as the listing streams in, overlaps rg's walk; it is faster
      // than the promise API or a pool of callbacks (measured on 15,000 files: ~33 ms, against
      // ~40-50 ms with callbacks and over 100 ms with promises).
      const sink = listingSink((rel) => {
        if (!matches(rel)) return;
        const mtime = fileMtime(query.root, rel);
        if (mtime !== undefined) files.push({ rel, mtime });
      });
      let listed = false;
      const args = [...rgScopeArgs([], ignoreFile), '--files', '--null', '--', rgTargetArg(query.target.rel)];
      const run = await runRg(rg, args, query.root, signal, (chunk) => {
        listed = true;
        sink.push(chunk);
      });
      if (run.overflow) return { ok: false, error: 'ripgrep listed more than 64 MiB of paths; pick a smaller path' };
      if (run.code !== 0 && run.code !== 1 && !listed) {
        return { ok: false, error: `ripgrep failed${run.code === null ? '' : ` (exit ${run.code})`}: ${run.stderr || 'no message'}` };
      }
      sink.end();
      return { ok: true, files };
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not run ripgrep (${rg}): ${reason}` };
  }
}
