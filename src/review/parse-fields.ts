import { SEVERITIES, type Severity, type Verdict } from './schema.js';

/**
 * Value-level readers shared by the JSON validator and the markdown parser. Each accepts what
 * models commonly send for a field and returns undefined for anything it cannot read with confidence.
 */

/** `critical`, `[HIGH]`, `**Medium**`, `🔴 CRITICAL`, `crit`, `med`. */
export function readSeverity(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value
    .replace(/[^A-Za-z]+/g, ' ')
    .trim()
    .toUpperCase();
  if ((SEVERITIES as readonly string[]).includes(word)) return word as Severity;
  if (word === 'CRIT') return 'CRITICAL';
  if (word === 'MED') return 'MEDIUM';
  return undefined;
}

/** Phrases whose words would mislead a single-word reading ("approve with warnings" is a warning). */
const VERDICT_PHRASES: Array<[Verdict, RegExp]> = [
  ['block', /\b(do not (approve|merge)|not approved|request(ed)?[ -]changes|changes[ -]requested)\b/i],
  ['warning', /\b(approve[ds]? with (comments|warnings|changes|reservations)|conditional(ly)? approve[ds]?)\b/i],
];

const VERDICT_WORDS: Array<[Verdict, RegExp]> = [
  ['block', /\b(block(ed|ing|er)?|reject(ed)?)\b/i],
  ['warning', /\b(warn(ing|ings)?|conditional)\b/i],
  ['approve', /\b(approve[ds]?|approval|lgtm|accept(ed)?)\b/i],
];

const VERDICT_EMOJI: Array<[Verdict, RegExp]> = [
  ['block', /❌|🚫|⛔|🛑|✖/u],
  ['warning', /⚠|🟡|🟠/u],
  ['approve', /✅|✔|🟢/u],
];

/**
 * A verdict from a leading emoji, a telling phrase, or the earliest verdict word
 * ("Warning, not blocking" is a warning); the emoji anywhere is the last resort.
 */
export function readVerdict(value: unknown): Verdict | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  for (const [verdict, re] of VERDICT_EMOJI) if (re.exec(text)?.index === 0) return verdict;
  for (const [verdict, re] of VERDICT_PHRASES) if (re.test(text)) return verdict;
  let best: { verdict: Verdict; index: number } | undefined;
  for (const [verdict, re] of VERDICT_WORDS) {
    const m = re.exec(text);
    if (m && (best === undefined || m.index < best.index)) best = { verdict, index: m.index };
  }
  if (best) return best.verdict;
  for (const [verdict, re] of VERDICT_EMOJI) if (re.test(text)) return verdict;
  return undefined;
}

/** Strings are trimmed; numbers become text; a list of strings (steps of a fix) becomes lines. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    return value.join('\n').trim() || undefined;
  }
  return undefined;
}

/** Code keeps its indentation; a surrounding markdown fence and trailing blank lines are removed. */
export function readCode(value: unknown): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) text = value.join('\n');
  if (text === undefined) return undefined;
  text = text.replace(/\r\n?/g, '\n');
  const fenced = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?\s*\1\s*$/.exec(text);
  if (fenced) text = fenced[2] ?? '';
  else {
    const inline = /^\s*`([^`\n]+)`\s*$/.exec(text);
    if (inline) text = inline[1] ?? '';
  }
  text = dedent(text.replace(/^\s*\n/, '').replace(/\s+$/, ''));
  return text.trim() ? text : undefined;
}

/** Removes the indentation all non-blank lines share, so quoted method bodies read naturally. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return common === 0 ? text : lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
}

/** A positive integer from a number or a numeric string; integral floats (87.0) are accepted. */
export function readPositiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}
