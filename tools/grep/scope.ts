// What a Grep call covers: the target inside the root and the ignore rules above it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ignoreFileLines, rebaseIgnoreLines } from './globs.js';

/**
 * Rules of the .gitignore and .rgignore files in the root and every directory between it and the
 * search directory (exclusive), rebased to root-relative paths. Nothing above the root is read.
 */
export async function ancestorIgnoreLines(root: string, targetRel: string): Promise<string[]> {
  if (targetRel === '.') return [];
  const parts = targetRel.split('/');
  const lines: string[] = [];
  for (let depth = 0; depth < parts.length; depth++) {
    const prefix = parts.slice(0, depth).join('/');
    for (const name of ['.gitignore', '.rgignore']) {
      try {
        const text = await readFile(path.join(root, prefix, name), 'utf8');
        lines.push(...rebaseIgnoreLines(ignoreFileLines(text), prefix));
      } catch {
        // no such file: nothing to add
      }
    }
  }
  return lines;
}

/** Splits Grep's glob argument: "*.py *.ipynb" or "*.py,*.ipynb" (commas inside {} belong to the glob). */
export function splitGlobs(glob: string | undefined): string[] {
  if (!glob) return [];
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of glob) {
    if (c === '{') depth += 1;
    if (c === '}') depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === ',' || /\s/.test(c))) {
      if (current) out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current) out.push(current);
  return out;
}
