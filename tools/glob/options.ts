// The globby options Glob is defined by. The native engine passes them to globby; the rg engine
// compiles the same pattern with them (pattern.ts), so both engines match alike.
import type { Options } from 'globby';
import { VCS_DIRS } from '../grep/query.js';

export function globbyOptions(root: string): Options & { cwd: string } {
  return {
    // From the root, so that nothing above it is consulted. Ignore files are applied with Grep's
    // rules rather than globby's own gitignore option, which is an order of magnitude slower.
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: VCS_DIRS.map((dir) => `**/${dir}/**`),
  };
}

/**
 * The options fast-glob gives micromatch (picomatch) for the settings above: see
 * Provider._getMicromatchOptions in fast-glob 3 (dot on, everything else at its default).
 */
export const MATCH_OPTIONS = {
  dot: true,
  matchBase: false,
  nobrace: false,
  nocase: false,
  noext: false,
  noglobstar: false,
  posix: true,
  strictSlashes: false,
} as const;
