// Matching one text against a compiled pattern the way rg reports it: matching lines (or, in
// multiline mode, the lines each match spans), counted as rg --count does, plus context lines.
import type { CompiledPattern } from './regex.js';
import type { HitLine } from './query.js';

export interface TextSearch {
  count: number;
  lines: HitLine[];
}

type Compiled = Extract<CompiledPattern, { ok: true }>;

export function splitFileLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Matches `lines` (already split) line by line, or across lines when `multiline`. */
export function searchLines(
  lines: readonly string[],
  pattern: Compiled,
  options: { multiline: boolean; before: number; after: number; withLines: boolean },
): TextSearch {
  const { matched, count } = options.multiline ? multilineMatches(lines, pattern) : lineMatches(lines, pattern);
  if (!options.withLines || matched.size === 0) return { count, lines: [] };
  const shown = new Map<number, boolean>();
  for (const index of matched) {
    shown.set(index, true);
    for (let i = Math.max(0, index - options.before); i < index; i++) if (!shown.has(i)) shown.set(i, false);
    for (let i = index + 1; i <= Math.min(lines.length - 1, index + options.after); i++) {
      if (!shown.has(i)) shown.set(i, false);
    }
  }
  const out: HitLine[] = [...shown.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, match]) => ({ line: index + 1, text: lines[index] ?? '', match: match || matched.has(index) }));
  return { count, lines: out };
}

function lineMatches(lines: readonly string[], pattern: Compiled): { matched: Set<number>; count: number } {
  const matched = new Set<number>();
  lines.forEach((line, index) => {
    if (pattern.line.test(line)) matched.add(index);
  });
  return { matched, count: matched.size };
}

function multilineMatches(lines: readonly string[], pattern: Compiled): { matched: Set<number>; count: number } {
  const text = lines.join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const matched = new Set<number>();
  const perMatch = canMatchNewline(pattern.text);
  let count = 0;
  let lastFirst = -1;
  const re = new RegExp(pattern.text.source, pattern.text.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      if (m.index >= text.length && lines.length > 0 && text.endsWith('\n')) break;
    }
    const first = lineOf(m.index);
    const last = lineOf(Math.max(m.index, m.index + m[0].length - 1));
    // rg -U searches line by line when the pattern cannot match a newline (counting lines), and
    // otherwise counts every match.
    if (perMatch || first !== lastFirst) count += 1;
    lastFirst = first;
    for (let i = first; i <= last; i++) matched.add(i);
    if (lines.length === 0) break;
  }
  return { matched, count };
}

/** Whether a pattern may match a line break; rg only searches across lines when it can. */
function canMatchNewline(re: RegExp): boolean {
  const source = re.source;
  if (/\\[nsWD]|\\x0[aA]|\\u000[aA]|\[\^|\n/.test(source)) return true;
  return re.dotAll && /(^|[^\\])\./.test(source);
}
