import type { ToolGrant } from './schema.js';

/**
 * Splits a `tools:` value into grants. A string is split on commas and whitespace outside
 * parentheses, so `Bash(git diff:*), Read` gives two entries.
 */
export function splitToolList(value: string | string[]): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    let depth = 0;
    let current = '';
    for (const ch of item) {
      if (ch === '(') depth += 1;
      if (ch === ')') depth = Math.max(0, depth - 1);
      if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
        if (current) out.push(current);
        current = '';
        continue;
      }
      current += ch;
    }
    if (current) out.push(current);
  }
  return out;
}

export function parseGrant(entry: string): ToolGrant {
  const match = /^([^()]+)\((.*)\)$/s.exec(entry);
  if (!match) return { name: entry };
  return { name: match[1]!, pattern: match[2]! };
}

/** Levenshtein distance, for "did you mean" hints on misspelt tool names. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
