// The normalised Glob request both engines answer, and what they answer with.

export interface GlobQuery {
  /** Realpath'd review root; results are relative to it. */
  root: string;
  /** The folder searched (realpath'd, inside the root); rel is '.' for the root. */
  target: { abs: string; rel: string };
  /** The pattern as globby gets it: the user's pattern under the target folder, root-relative. */
  pattern: string;
  /** Rules from .gitignore/.rgignore files between the root and the target, rebased to the root. */
  ancestorIgnore: string[];
}

export interface GlobFile {
  /** Root-relative path with forward slashes. */
  rel: string;
  /** Modification time (lstat mtimeMs). */
  mtime: number;
}

export type GlobResult = { ok: true; files: GlobFile[] } | { ok: false; error: string };

export interface GlobEngine {
  readonly name: 'rg' | 'native';
  /** Regular files under the target that match, not ignored, not reached through a symlink; any order. */
  search(query: GlobQuery, signal: AbortSignal): Promise<GlobResult>;
}
