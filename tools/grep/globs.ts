// Gitignore-style globs, following the rules ripgrep's `ignore` crate applies to .gitignore lines
// and to `--glob` overrides, so that the pure-TypeScript engine filters files exactly as rg does.

export type IgnoreMatch = 'ignore' | 'whitelist' | 'none';

interface IgnoreRule {
  regex: RegExp;
  whitelist: boolean;
  dirOnly: boolean;
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

function escapeChar(c: string): string {
  return REGEX_SPECIAL.test(c) ? `\\${c}` : c;
}

/** Translates one glob to a regex body; `*` and `?` never cross '/' (globset's literal_separator). */
function translate(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeChar(glob[i + 1] as string);
      i += 2;
    } else if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atStart && atEnd) {
        if (i + 2 === glob.length) {
          out += '.*';
        } else {
          // `**/`: zero or more whole directories.
          out += '(?:.*/)?';
          i += 1;
        }
        i += 2;
      } else {
        out += '[^/]*';
        i += 2;
      }
    } else if (c === '*') {
      out += '[^/]*';
      i += 1;
    } else if (c === '?') {
      out += '[^/]';
      i += 1;
    } else if (c === '[') {
      const end = classEnd(glob, i);
      if (end < 0) {
        out += '\\[';
        i += 1;
      } else {
        out += translateClass(glob.slice(i + 1, end));
        i = end + 1;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) {
        out += '\\{';
        i += 1;
      } else {
        const alternatives = glob.slice(i + 1, end).split(',').map(translate);
        out += `(?:${alternatives.join('|')})`;
        i = end + 1;
      }
    } else {
      out += escapeChar(c);
      i += 1;
    }
  }
  return out;
}

/** Index of the `]` closing the class opened at `start`, or -1 (then `[` is literal). */
function classEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i += 1;
  if (glob[i] === ']') i += 1;
  for (; i < glob.length; i++) if (glob[i] === ']') return i;
  return -1;
}

function translateClass(body: string): string {
  let negate = false;
  let rest = body;
  if (rest.startsWith('!') || rest.startsWith('^')) {
    negate = true;
    rest = rest.slice(1);
  }
  const chars = rest.replace(/[\\\]^[]/g, (m) => `\\${m}`);
  return `[${negate ? '^' : ''}${chars}]`;
}

/** Anchored regex for a glob matched against a whole relative path. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${translate(glob)}$`);
}

/** Parses one .gitignore line (or an inverted override glob); undefined for blanks and comments. */
export function parseIgnoreLine(raw: string): IgnoreRule | undefined {
  let line = raw;
  if (line.startsWith('#')) return undefined;
  if (!line.endsWith('\\ ')) line = line.trimEnd();
  if (line === '') return undefined;
  let whitelist = false;
  let absolute = false;
  if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
    absolute = line.startsWith('/');
  } else {
    if (line.startsWith('!')) {
      whitelist = true;
      line = line.slice(1);
    }
    if (line.startsWith('/')) {
      line = line.slice(1);
      absolute = true;
    }
  }
  let dirOnly = false;
  if (line.endsWith('/')) {
    dirOnly = true;
    line = line.slice(0, -1);
    if (line.endsWith('\\')) line = line.slice(0, -1);
  }
  let glob = line;
  if (!absolute && !line.includes('/') && !line.startsWith('**/')) glob = `**/${glob}`;
  if (glob.endsWith('/**')) glob = `${glob}/*`;
  return { regex: globToRegExp(glob), whitelist, dirOnly };
}

/** The rules of one ignore file (or one set of override globs); the last matching rule wins. */
export class IgnoreRules {
  private readonly rules: IgnoreRule[];

  constructor(lines: readonly string[]) {
    this.rules = lines.map(parseIgnoreLine).filter((rule): rule is IgnoreRule => rule !== undefined);
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  get whitelistCount(): number {
    return this.rules.filter((rule) => rule.whitelist).length;
  }

  /** `rel` is relative to the directory the rules belong to, with forward slashes. */
  match(rel: string, isDir: boolean): IgnoreMatch {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i] as IgnoreRule;
      if (rule.dirOnly && !isDir) continue;
      if (rule.regex.test(rel)) return rule.whitelist ? 'whitelist' : 'ignore';
    }
    return 'none';
  }
}

/**
 * rg `--glob` overrides: a plain glob includes, `!glob` excludes, the last match decides, and when
 * any include glob exists a file matching none of them is excluded (directories are still entered).
 */
export class OverrideGlobs {
  private readonly rules: IgnoreRules;
  private readonly hasWhitelist: boolean;

  constructor(globs: readonly string[]) {
    // Overrides are gitignore lines with the sense inverted.
    this.rules = new IgnoreRules(globs.map((g) => (g.startsWith('!') ? g.slice(1) : `!${g}`)));
    this.hasWhitelist = this.rules.whitelistCount > 0;
  }

  match(rel: string, isDir: boolean): IgnoreMatch {
    const m = this.rules.match(rel, isDir);
    if (m === 'none' && this.hasWhitelist && !isDir) return 'ignore';
    return m;
  }
}

/** Splits a .gitignore file's text into lines. */
export function ignoreFileLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * Rewrites the lines of an ignore file found in directory `prefix` (relative to the root) so that
 * they mean the same when matched against root-relative paths.
 */
export function rebaseIgnoreLines(lines: readonly string[], prefix: string): string[] {
  if (prefix === '' || prefix === '.') return [...lines];
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw;
    if (line.startsWith('#')) continue;
    if (!line.endsWith('\\ ')) line = line.trimEnd();
    if (line === '') continue;
    let bang = '';
    if (line.startsWith('!')) {
      bang = '!';
      line = line.slice(1);
    }
    const body = line.endsWith('/') ? line.slice(0, -1) : line;
    if (line.startsWith('/')) out.push(`${bang}${prefix}${line}`);
    else if (body.includes('/')) out.push(`${bang}${prefix}/${line}`);
    else out.push(`${bang}${prefix}/**/${line}`);
  }
  return out;
}
