import type { FindingInput, Verification } from './schema.js';

/**
 * Matching a finding's quoted code (`current`) against the lines of its file: where it is, and
 * whether that is close enough to the cited line to count as verified.
 */

/** Whitespace removed: the comparison ignores indentation and spacing. */
function squash(line: string): string {
  return line.replace(/\s+/g, '');
}

/** A trailing `# ...` or `// ...` comment removed, from an already squashed line. */
function withoutComment(squashed: string): string {
  const hash = squashed.indexOf('#');
  const slashes = squashed.indexOf('//');
  const cut = Math.min(hash < 0 ? Infinity : hash, slashes < 0 ? Infinity : slashes);
  return cut === Infinity ? squashed : squashed.slice(0, cut);
}

/** Quoted and file lines agree, also when the model added or dropped a trailing comment. */
function sameLine(quoted: string, actual: string): boolean {
  if (quoted === actual) return true;
  const a = withoutComment(quoted);
  return a.length >= 4 && a === withoutComment(actual);
}

const LINE_NUMBER_PREFIX = /^\s*\d+(\t|→)/;
/** Tested on trimmed lines: `...`, `…`, `# ...`, `// ... rest unchanged`. */
const ELLIPSIS_LINE = /^(#|\/\/)?\s*(\.\.\.|…)(\s.*)?$/;

/**
 * The quoted code as segments of squashed, non-blank lines. An ellipsis line (`...`) the model used
 * to skip code splits the quote into segments that must appear in order.
 */
export function quoteSegments(current: string): string[][] {
  const segments: string[][] = [[]];
  for (const raw of current.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(LINE_NUMBER_PREFIX, '');
    if (ELLIPSIS_LINE.test(line.trim())) {
      if (segments[segments.length - 1]?.length) segments.push([]);
      continue;
    }
    const squashed = squash(line);
    if (squashed) segments[segments.length - 1]?.push(squashed);
  }
  return segments.filter((s) => s.length > 0);
}

interface Occurrence {
  start: number;
  end: number;
}

/** Every place where the segments appear as consecutive non-blank lines, in order. */
function findQuote(segments: string[][], lines: readonly string[]): Occurrence[] {
  const entries = lines.map((text, i) => ({ text: squash(text), line: i + 1 })).filter((e) => e.text);
  const matchAt = (segment: string[], i: number) => segment.every((q, k) => entries[i + k] !== undefined && sameLine(q, entries[i + k]!.text));
  const found: Occurrence[] = [];
  const [first, ...rest] = segments;
  if (!first) return found;
  for (let i = 0; i + first.length <= entries.length; i++) {
    if (!matchAt(first, i)) continue;
    let next = i + first.length;
    let ok = true;
    for (const segment of rest) {
      while (next + segment.length <= entries.length && !matchAt(segment, next)) next++;
      if (next + segment.length > entries.length) {
        ok = false;
        break;
      }
      next += segment.length;
    }
    if (ok) found.push({ start: entries[i]!.line, end: entries[next - 1]!.line });
  }
  return found;
}

function distance(o: Occurrence, line: number): number {
  if (line >= o.start && line <= o.end) return 0;
  return line < o.start ? o.start - line : line - o.end;
}

interface Check {
  verification: Verification;
  line: number;
  endLine?: number;
}

/** Compares one finding with the lines of its file. Exported for tests of the matching rules. */
export function checkAgainstSource(finding: FindingInput, lines: readonly string[], window: number): Check {
  const { file, line } = finding;
  const segments = finding.current ? quoteSegments(finding.current) : [];
  const total = lines.length;
  if (segments.length === 0) {
    if (line > total) return unverified(line, `line ${line} is past the end of ${file} (${total} lines) and no code was quoted to locate it`);
    return { line, verification: { status: 'verified', note: 'no code was quoted; the file and line exist' } };
  }
  const occurrences = findQuote(segments, lines);
  const ranked = occurrences.sort((a, b) => distance(a, line) - distance(b, line) || a.start - b.start);
  const best = ranked[0];
  if (best && distance(best, line) <= window && line <= total) return { line, verification: { status: 'verified' } };
  if (best) {
    const shift = best.start - line;
    const endLine = finding.endLine !== undefined ? Math.min(total, finding.endLine + shift) : undefined;
    const where = line > total ? `line ${line} is past the end of ${file} (${total} lines)` : `it is not at line ${line}`;
    return {
      line: best.start,
      ...(endLine !== undefined && endLine > best.start ? { endLine } : {}),
      verification: {
        status: 'corrected',
        originalLine: line,
        note: `the quoted code is at line ${best.start}${occurrences.length > 1 ? ` (nearest of ${occurrences.length} places)` : ''}; ${where}`,
      },
    };
  }
  const partial = partialMatch(segments.flat(), lines, line, finding.endLine ?? line, window);
  if (partial && line <= total) {
    return { line, verification: { status: 'verified', note: `only ${partial.matched} of ${partial.total} quoted lines match the code near line ${line}` } };
  }
  if (line > total) return unverified(line, `line ${line} is past the end of ${file} (${total} lines) and the quoted code was not found`);
  return unverified(line, `the quoted code was not found in ${file}`);
}

function unverified(line: number, note: string): Check {
  return { line, verification: { status: 'unverified', note } };
}

/**
 * When the quote as a block is not in the file, but at least half of its lines (two or more,
 * each substantial) are near the cited line, the model paraphrased a little around real code.
 */
function partialMatch(quoted: string[], lines: readonly string[], line: number, endLine: number, window: number): { matched: number; total: number } | undefined {
  if (quoted.length < 2) return undefined;
  const from = Math.max(0, line - 1 - window);
  const to = Math.min(lines.length, endLine + window + quoted.length);
  const nearby = lines.slice(from, to).map(squash);
  const matched = quoted.filter((q) => q.length >= 4 && nearby.some((n) => sameLine(q, n))).length;
  return matched >= 2 && matched * 2 >= quoted.length ? { matched, total: quoted.length } : undefined;
}
