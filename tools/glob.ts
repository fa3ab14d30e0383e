// Glob: file paths matching a pattern, newest first, .gitignore aware, never through symlinks.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { convertPathToPattern, globby } from 'globby';
import { z } from 'zod';
import { dropIgnored } from './grep/ignore-check.js';
import { VCS_DIRS } from './grep/query.js';
import { isInside, resolveInRoot } from './paths.js';
import { notice } from './text.js';
import type { Tool, ToolContext, ToolResult } from './types.js';

export const globInputSchema = z.object({
  pattern: z.string().describe('Glob pattern, e.g. "**/*.py", "src/**/*.{ts,tsx}", "*.ipynb".'),
  path: z.string().optional().describe('Directory to search in, relative to the review root (default: the root).'),
});

export type GlobInput = z.infer<typeof globInputSchema>;

const DESCRIPTION = `Finds files under the review root by glob pattern, e.g. "**/*.py" or "src/**/*.{ts,tsx}".
- Patterns are matched relative to path (default: the review root); "*" does not cross "/", "**" does.
- Returns paths relative to the review root, newest first (most recently modified), at most 100; a note says when more matched: then narrow the pattern or path.
- Files ignored by .gitignore, version-control folders and symlinks are left out. Directories are not listed.`;

export function createGlobTool(): Tool<GlobInput> {
  return { name: 'Glob', description: DESCRIPTION, inputSchema: globInputSchema, run: runGlob };
}

function checkPattern(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'the pattern is empty';
  if (pattern.startsWith('/') || pattern.startsWith('~') || /^[A-Za-z]:[\\/]/.test(pattern)) {
    return 'absolute and ~ patterns are not allowed; write the pattern relative to the review root (use path to pick a folder)';
  }
  if (pattern.split(/[\\/]/).includes('..')) return '".." is not allowed in patterns; use path to pick a folder inside the review root';
  return undefined;
}

async function runGlob(input: GlobInput, ctx: ToolContext): Promise<ToolResult> {
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
  let entries;
  try {
    // From the root, so that nothing above it is consulted. Ignore files are applied below, with
    // Grep's rules: globby's own gitignore option is an order of magnitude slower on big trees.
    const pattern = resolved.rel === '.' ? input.pattern : `${convertPathToPattern(resolved.rel)}/${input.pattern}`;
    entries = await globby(pattern, {
      cwd: ctx.root,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      stats: true,
      suppressErrors: true,
      ignore: VCS_DIRS.map((dir) => `**/${dir}/**`),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { content: `Glob failed: ${reason}`, isError: true };
  }
  const kept = new Set(await dropIgnored(ctx.root, entries.map((entry) => entry.path)));
  const files = entries
    .filter((entry) => kept.has(entry.path))
    .filter((entry) => entry.stats !== undefined && entry.stats.isFile() && !entry.stats.isSymbolicLink())
    .map((entry) => ({ abs: path.resolve(ctx.root, entry.path), mtime: entry.stats?.mtimeMs ?? 0 }))
    .filter((entry) => isInside(ctx.root, entry.abs))
    .map((entry) => ({ rel: path.relative(ctx.root, entry.abs).split(path.sep).join('/'), mtime: entry.mtime }))
    .sort((a, b) => b.mtime - a.mtime || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const where = resolved.rel === '.' ? 'the review root' : resolved.rel;
  if (files.length === 0) return { content: notice(`no files match "${input.pattern}" in ${where}`), isError: false };
  const max = ctx.limits.globMaxResults;
  const shown = files.slice(0, max).map((f) => f.rel);
  if (files.length > max) {
    shown.push(notice(`showing the ${max} newest of ${files.length} matching files; narrow the pattern or path to see others`));
  }
  return { content: shown.join('\n'), isError: false };
}
