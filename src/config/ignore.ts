import path from 'node:path';
import type { IgnoreGlob } from './settings.js';

/**
 * A gitignore-like glob as a regular expression over a `/`-separated relative path:
 * `*` and `?` stay within one segment, `**` crosses segments, `{a,b}` picks one, a pattern
 * without `/` matches a name at any depth, and a leading `/` anchors it to its folder.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim();
  if (pattern.endsWith('/')) pattern = `${pattern}**`;
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  else if (!pattern.includes('/')) pattern = `**/${pattern}`;
  return new RegExp(`^${convert(pattern)}$`);
}

function convert(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close === -1) {
        out += '\\{';
      } else {
        out += `(?:${pattern.slice(i + 1, close).split(',').map(convert).join('|')})`;
        i = close;
      }
    } else {
      out += escape(c);
    }
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a file (absolute) matches a glob, itself or through one of its parent folders. */
export function isIgnored(file: string, globs: readonly IgnoreGlob[]): boolean {
  for (const { pattern, base } of globs) {
    const rel = path.relative(base, file).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
    const regex = globToRegExp(pattern);
    const parts = rel.split('/');
    for (let n = parts.length; n > 0; n--) {
      if (regex.test(parts.slice(0, n).join('/'))) return true;
    }
  }
  return false;
}
