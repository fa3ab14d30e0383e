import path from 'node:path';

/** How to turn a finding's root-relative path into what a code host expects. */
export interface CiPathOptions {
  /** The review root (absolute); finding paths are relative to it. */
  root?: string;
  /**
   * The folder code hosts resolve paths against, usually the repository root (GITHUB_WORKSPACE,
   * or the current folder). Paths are made relative to it when the file lies inside it.
   */
  baseDir?: string;
}

/** `src/ml/train.py` for a finding at `train.py` under root `<repo>/src/ml`; forward slashes always. */
export function ciPath(file: string, options: CiPathOptions = {}): string {
  const clean = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!options.root || !options.baseDir) return clean;
  const rel = path.relative(options.baseDir, path.resolve(options.root, clean));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return clean;
  return rel.split(path.sep).join('/');
}
