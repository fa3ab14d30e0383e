// The normalised Grep request both engines answer, and what they answer with.

export type OutputMode = 'files_with_matches' | 'content' | 'count';

export interface GrepQuery {
  /** Realpath'd review root; the engines run from here and report paths relative to it. */
  root: string;
  /** What to search: a directory (walked) or one file (searched whatever the filters say, as rg does). */
  target: { abs: string; rel: string; isFile: boolean };
  pattern: string;
  ignoreCase: boolean;
  /** rg -U --multiline-dotall: matches may span lines and `.` matches newlines. */
  multiline: boolean;
  mode: OutputMode;
  before: number;
  after: number;
  /** rg --glob overrides, matched against root-relative paths; `!glob` excludes. */
  globs: string[];
  /** Name globs of the selected file type, if any. */
  typeGlobs?: readonly string[];
  /** Rules from .gitignore/.rgignore files between the root and the target, rebased to the root. */
  ancestorIgnore: string[];
}

export interface HitLine {
  line: number;
  text: string;
  match: boolean;
}

export interface FileHits {
  /** Root-relative path with forward slashes. */
  path: string;
  /** Matching lines (for multiline matches: matched regions), as `rg --count` counts. */
  count: number;
  /** Content mode only: matching and context lines in line order. */
  lines: HitLine[];
}

export type EngineResult =
  | { ok: true; files: FileHits[]; notebooks: string[] }
  | { ok: false; error: string };

export interface GrepEngine {
  readonly name: 'rg' | 'native';
  /** Searches everything but notebooks, which it only lists (they are searched as rendered text). */
  search(query: GrepQuery, signal: AbortSignal): Promise<EngineResult>;
}

/** Version-control folders never searched or listed. */
export const VCS_DIRS = ['.git', '.hg', '.svn', '.bzr', '.jj', '.sl', '_darcs', 'CVS'] as const;

export function isNotebookName(p: string): boolean {
  return /\.ipynb$/i.test(p);
}

/** Byte order of paths in every result, so both engines sort alike. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
