// Glob: file paths matching a pattern, newest first, .gitignore aware, never through symlinks.
// rg lists the files when it is on PATH (glob/rg.ts), globby walks otherwise (glob/native.ts);
// both match with globby's rules and return the same files.
import { stat } from 'node:fs/promises';
import { convertPathToPattern } from 'globby';
import { z } from 'zod';
import { createNativeGlobEngine } from './glob/native.js';
import type { GlobEngine, GlobFile, GlobQuery } from './glob/query.js';
import { createRgGlobEngine } from './glob/rg.js';
import { VCS_DIRS, comparePaths } from './grep/query.js';
import { engineChooser } from './grep/rg-process.js';
import type { EngineMode } from './grep/rg-process.js';
import { ancestorIgnoreLines } from './grep/scope.js';
import { resolveInRoot } from './paths.js';
import { notice } from './text.js';
import type { Tool, ToolContext, ToolResult } from './types.js';

export const globInputSchema = z.object({
  pattern: z.string().describe('Glob pattern, e.g. "**/*.py", "src/**/*.{ts,tsx}", "*.ipynb".'),
  path: z.string().optional().describe('Directory to search in, relative to the review root (default: the root).'),
});

export type GlobInput = z.infer<typeof globInputSchema>;

export interface GlobToolOptions {
  /** 'auto' (default): rg when it is on PATH, else globby. 'rg' fails when rg is missing. */
  engine?: EngineMode;
  /** The rg binary for 'auto'/'rg' (default "rg" on PATH). */
  rgPath?: string;
}

const DESCRIPTION = `Finds files under the review root by glob pattern, e.g. "**/*.py" or "src/**/*.{ts,tsx}".
- Patterns are matched relative to path (default: the review root); "*" does not cross "/", "**" does.
- Returns paths relative to the review root, newest first (most recently modified), at most 100; a note says when more matched: then narrow the pattern or path.
- Files ignored by .gitignore, version-control folders and symlinks are left out. Directories are not listed.`;

export function createGlobTool(options: GlobToolOptions = {}): Tool<GlobInput> {
  const choose = engineChooser<GlobEngine>(options.engine ?? 'auto', options.rgPath, createRgGlobEngine, createNativeGlobEngine);
  let warned = false;
  return {
    name: 'Glob',
    description: DESCRIPTION,
    inputSchema: globInputSchema,
    run: async (input, ctx) => {
      const picked = await choose();
      if ('error' in picked) return { content: picked.error, isError: true };
      if (picked.fellBack && !warned) {
        warned = true;
        ctx.emit({ type: 'tool-warning', tool: 'Glob', message: 'ripgrep (rg) not found on PATH: using the slower built-in file walk' });
      }
      return runGlob(picked.engine, input, ctx);
    },
  };
}

function checkPattern(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'the pattern is empty';
  if (pattern.startsWith('/') || pattern.startsWith('~') || /^[A-Za-z]:[\\/]/.test(pattern)) {
    return 'absolute and ~ patterns are not allowed; write the pattern relative to the review root (use path to pick a folder)';
  }
  if (pattern.split(/[\\/]/).includes('..')) return '".." is not allowed in patterns; use path to pick a folder inside the review root';
  return undefined;
}

const VCS_PART = new RegExp(`(?:^|/)(?:${VCS_DIRS.map((dir) => dir.replace(/\./g, '\\.')).join('|')})(?:/|$)`);

/**
 * Never a file inside a VCS folder, however the pattern reached it: globby's ignore globs miss
 * paths spelled with "./" inside ("sub/./**"), and rg lists a VCS folder given as path.
 */
function outsideVcs(file: GlobFile): boolean {
  return !VCS_PART.test(file.rel);
}

/** Newest first; equal times by path, so the order is deterministic. */
function newestFirst(a: GlobFile, b: GlobFile): number {
  return b.mtime - a.mtime || comparePaths(a.rel, b.rel);
}

async function runGlob(engine: GlobEngine, input: GlobInput, ctx: ToolContext): Promise<ToolResult> {
  const problem = checkPattern(input.pattern);
  if (problem) return { content: `Invalid Glob pattern "${input.pattern}": ${problem}.`, isError: true };
  const resolved = await resolveInRoot(ctx.root, input.path ?? '.');
  if (!resolved.ok) return { content: resolved.error, isError: true };
  try {
    if (!(await stat(resolved.abs)).isDirectory()) {
      return { content: `Not a directory: ${resolved.rel}; Glob's path must be a folder (use Read for a file)`, isError: true };
    }
  } catch {
    return { content: `Directory not found: ${resolved.rel} (paths are relative to the review root)`, isError: true };
  }
  const query: GlobQuery = {
    root: ctx.root,
    target: { abs: resolved.abs, rel: resolved.rel },
    // globby runs from the root, so that nothing above it is consulted; the folder's literal name
    // becomes the pattern's prefix.
    pattern: resolved.rel === '.' ? input.pattern : `${convertPathToPattern(resolved.rel)}/${input.pattern}`,
    ancestorIgnore: await ancestorIgnoreLines(ctx.root, resolved.rel),
  };
  const result = await engine.search(query, ctx.signal);
  if (!result.ok) return { content: `Glob failed: ${result.error}`, isError: true };
  const files = result.files.filter(outsideVcs).sort(newestFirst);
  const where = resolved.rel === '.' ? 'the review root' : resolved.rel;
  if (files.length === 0) return { content: notice(`no files match "${input.pattern}" in ${where}`), isError: false };
  const max = ctx.limits.globMaxResults;
  const shown = files.slice(0, max).map((f) => f.rel);
  if (files.length > max) {
    shown.push(notice(`showing the ${max} newest of ${files.length} matching files; narrow the pattern or path to see others`));
  }
  return { content: shown.join('\n'), isError: false };
}
