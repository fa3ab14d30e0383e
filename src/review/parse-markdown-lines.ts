import type { Severity, Verdict } from './schema.js';
import { readSeverity, readVerdict } from './parse-fields.js';

/**
 * Line classification for the markdown answer format. Each line is stripped of the decoration
 * models add (headings, bullets, numbering, blockquotes, bold) and classified once; the parser
 * then works on these tokens.
 */

export type FieldName =
  | 'file'
  | 'line'
  | 'severity'
  | 'category'
  | 'issue'
  | 'impact'
  | 'fix'
  | 'current'
  | 'fixed'
  | 'sites'
  | 'summary'
  | 'verdict';

export type Token =
  | { kind: 'blank' }
  | { kind: 'rule' }
  | { kind: 'header'; severity: Severity; title: string; strong: boolean; raw: string; location?: string }
  | { kind: 'label'; field: FieldName; value: string; raw: string }
  | { kind: 'verdict'; verdict: Verdict; raw: string }
  | { kind: 'heading'; text: string; raw: string }
  | { kind: 'text'; text: string; raw: string }
  | { kind: 'code'; lang: string; body: string };

/** Label words, lower case; a trailing parenthetical (`Current (train.py:87):`) is allowed. */
const LABELS: Array<[FieldName, string]> = [
  ['file', 'files?|file ?path|location|path|where'],
  ['line', 'lines?|line numbers?'],
  ['severity', 'severity|priority|level'],
  ['category', 'category|checklist(?: item| section)?|section|area'],
  ['issue', 'issue|problem|description|details|explanation|finding|what'],
  ['impact', 'impact|risk|consequences?|why it matters|effect'],
  ['fix', 'fix|suggested fix|recommended fix|recommendation|suggestion|solution|remediation|how to fix'],
  ['current', 'current(?: code)?|before|problematic code|offending code|code'],
  ['fixed', 'fixed(?: code)?|after|corrected(?: code)?|suggested code|proposed code|fix code'],
  ['sites', 'also at|also in|other locations|other sites|same issue at'],
  ['summary', 'summary|overview|overall assessment|assessment'],
  ['verdict', 'verdict|final verdict|overall verdict|decision|approval|overall|result|status'],
];

const LABEL_RE = new RegExp(
  String.raw`^(?:\*\*|__)?\s*(${LABELS.map(([, alt]) => alt).join('|')})\b(?:\s*\([^)]*\))?\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*(?:\*\*|__)?$`,
  'i',
);
/** The same words as a heading, with or without the colon (`#### Fixed code`). */
const LABEL_HEADING_RE = new RegExp(String.raw`^(${LABELS.map(([, alt]) => alt).join('|')})\b(?:\s*\([^)]*\))?\s*:?\s*(.*)$`, 'i');

const SEVERITY_WORD = 'CRITICAL|HIGH|MEDIUM|LOW|CRIT|MED';
/** `[CRITICAL] Title`, `**[HIGH]** Title`, `[HIGH]: Title`. */
const STRONG_HEADER = new RegExp(String.raw`^(?:\*\*|__)?\[(${SEVERITY_WORD})\](?:\*\*|__)?\s*[:\-–—|]?\s*(.+)$`, 'i');
/** `**HIGH**: Title`, `HIGH - Title` in a heading, or upper-case `HIGH: Title`. */
const BOLD_SEVERITY_HEADER = new RegExp(String.raw`^(?:\*\*|__)(${SEVERITY_WORD})(?:\*\*|__)\s*[:\-–—|]?\s*(.+)$`, 'i');
const WORD_SEVERITY_HEADER = new RegExp(String.raw`^(${SEVERITY_WORD})\s*[:\-–—|]\s*(.+)$`, 'i');
/** `### Data leakage (CRITICAL)` or `### Data leakage — HIGH`. */
const TRAILING_SEVERITY = new RegExp(String.raw`^(.+?)\s*(?:[([]\s*(${SEVERITY_WORD})\s*[)\]]|[-–—|]\s*(${SEVERITY_WORD}))$`, 'i');
const FINDING_PREFIX = /^(?:finding|issue)\s*#?\d+\s*[:.\-–—]\s*/i;

const VERDICT_LED = /^(?:✅|⚠️?|❌|🚫|⛔|🛑)\s*(?:\*\*|__)?\s*(approved?|warning|warn|block(?:ed)?|request(?:ed)? changes|reject(?:ed)?)\b/iu;
const BARE_VERDICT = /^(approved?|warning|block(?:ed)?|lgtm|request changes)$/i;

interface Decorated {
  text: string;
  heading: boolean;
}

/** Strips heading hashes, bullets, numbering and blockquotes; a fully bold line counts as a heading. */
export function undecorate(raw: string): Decorated {
  let s = raw.trim();
  let heading = false;
  for (;;) {
    const before = s;
    s = s.replace(/^>\s?/, '');
    if (/^#{1,6}\s/.test(s)) {
      heading = true;
      s = s.replace(/^#{1,6}\s+/, '');
    }
    s = s.replace(/^[-*+•]\s+/, '').replace(/^\d{1,3}[.)]\s+/, '');
    s = s.trim();
    if (s === before) break;
  }
  s = stripClosingHashes(s);
  const bold = /^(\*\*|__)([^*_].*?)\1:?$/.exec(s);
  if (bold?.[2] && !bold[2].includes('**')) heading = true;
  return { text: s, heading };
}

/** `## Title ##` → `Title`; by hand, because a regex here backtracks badly on long lines. */
function stripClosingHashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '#') end--;
  return end < s.length && end > 0 && /\s/.test(s[end - 1] ?? '') ? s.slice(0, end).trimEnd() : s;
}

function stripBold(s: string): string {
  return s.replace(/^(\*\*|__)|(\*\*|__)$/g, '').replace(/^(\*\*|__)|(\*\*|__)$/g, '').trim();
}

function cleanTitle(s: string): string {
  return stripBold(s.replace(/\s+/g, ' ')).replace(/[:\s]+$/, '').trim();
}

function labelField(word: string, value: string): FieldName {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  // "Recommendation: ❌ Block" is a verdict; "Recommendation: scale after the split" is a fix.
  if (lower === 'recommendation' && value.length < 60 && readVerdict(value) && /^\W*(✅|⚠|❌|approve|block|warn|request)/iu.test(value)) return 'verdict';
  for (const [field, alt] of LABELS) if (new RegExp(`^(?:${alt})$`, 'i').test(lower)) return field;
  return 'issue';
}

/** A location at the end of a header: `[HIGH] Title — \`train.py:12\``, `[HIGH] Title (train.py:12-14)`. */
const TITLE_LOCATION = /^(.+?)\s*(?:[-–—|:]|\bin\b|\bat\b)?\s*[([]?`?([^\s`()[\]]*[./][^\s`()[\]]*:\d+(?:\s?[-–]\s?\d+)?)`?[)\]]?$/;

function header(severity: Severity, rest: string, strong: boolean, raw: string): Token {
  const located = TITLE_LOCATION.exec(rest);
  if (located?.[1] && located[2]) return { kind: 'header', severity, title: cleanTitle(located[1]), strong, raw, location: located[2] };
  return { kind: 'header', severity, title: cleanTitle(rest), strong, raw };
}

/** `Final verdict — ⚠️ Warning`: the verdict label with a dash instead of a colon. */
const VERDICT_DASH = /^(?:\*\*|__)?(?:final |overall )?(?:verdict|decision)(?:\*\*|__)?\s*[-–—]\s*(.+)$/i;

/** Classifies one line outside fenced code. */
export function classifyLine(raw: string): Token {
  if (!raw.trim()) return { kind: 'blank' };
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) return { kind: 'rule' };
  // Whitespace runs collapsed first: every pattern below then runs in linear time on long lines.
  const { text, heading } = undecorate(raw.replace(/\s+/g, ' '));
  const unprefixed = text.replace(/^[^\w[*_#]+/u, '').replace(FINDING_PREFIX, '');

  const strong = STRONG_HEADER.exec(unprefixed);
  const strongSeverity = readSeverity(strong?.[1]);
  if (strong?.[2] && strongSeverity) return header(strongSeverity, strong[2], true, raw);

  const dashed = VERDICT_DASH.exec(text);
  if (dashed?.[1] && readVerdict(dashed[1])) return { kind: 'label', field: 'verdict', value: dashed[1], raw };

  const label = LABEL_RE.exec(text) ?? (heading ? LABEL_HEADING_RE.exec(stripBold(text)) : null);
  if (label?.[1]) {
    const value = (label[2] ?? '').trim();
    const field = labelField(label[1], value);
    if (field === 'verdict' && !readVerdict(value) && value) return { kind: 'text', text, raw };
    if (!heading || value === '' || field === 'verdict' || field === 'summary' || LABEL_RE.test(text)) return { kind: 'label', field, value, raw };
  }

  const verdictLed = VERDICT_LED.exec(stripBold(text));
  if (verdictLed?.[1]) {
    const verdict = readVerdict(verdictLed[0]);
    if (verdict) return { kind: 'verdict', verdict, raw };
  }
  const bare = BARE_VERDICT.exec(stripBold(text));
  if (bare?.[1]) {
    const verdict = readVerdict(bare[1]);
    if (verdict) return { kind: 'verdict', verdict, raw };
  }

  const weak = BOLD_SEVERITY_HEADER.exec(unprefixed) ?? (heading || /^[A-Z]+\b/.test(unprefixed) ? WORD_SEVERITY_HEADER.exec(stripBold(unprefixed)) : null);
  const weakSeverity = readSeverity(weak?.[1]);
  const weakIsUpper = weak?.[1] === weak?.[1]?.toUpperCase() || heading || BOLD_SEVERITY_HEADER.test(unprefixed);
  if (weak?.[2] && weakSeverity && weakIsUpper && !/^\d+\b/.test(stripBold(weak[2]))) {
    return header(weakSeverity, weak[2], false, raw);
  }
  if (heading) {
    const trailing = TRAILING_SEVERITY.exec(stripBold(unprefixed));
    const severity = readSeverity(trailing?.[2] ?? trailing?.[3]);
    if (trailing?.[1] && severity) return header(severity, trailing[1], false, raw);
    return { kind: 'heading', text: cleanTitle(stripBold(text)), raw };
  }
  return { kind: 'text', text, raw };
}

/**
 * Splits the answer into tokens. Fenced blocks become `code` tokens, except a fence that wraps
 * findings themselves (models copy the format example, fence included): its lines are classified.
 */
export function tokenize(text: string): Token[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const tokens: Token[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const oneLine = /^\s*(`{3,})(.+?)\1\s*$/.exec(line);
    if (oneLine?.[2]) {
      tokens.push({ kind: 'code', lang: '', body: oneLine[2].trim() });
      continue;
    }
    const open = /^\s*(?:>\s?)?(?:[-*+]\s+|\d{1,3}[.)]\s+)?(`{3,}|~{3,})\s*([\w+#.-]*)/.exec(line);
    if (!open?.[1]) {
      tokens.push(classifyLine(line));
      continue;
    }
    const fence = open[1];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const candidate = lines[j] ?? '';
      const bare = candidate.trim().replace(/^>\s?/, '');
      if (bare.startsWith(fence[0]!.repeat(fence.length)) && bare.replace(/[`~]/g, '') === '') break;
      body.push(candidate);
    }
    i = j;
    const inner = body.map(classifyLine);
    const wrapsFindings =
      inner.some((t) => t.kind === 'header' && t.strong) ||
      (inner.some((t) => t.kind === 'label' && t.field === 'file') && inner.some((t) => t.kind === 'label' && t.field === 'issue'));
    // The closing fence ends whatever unfenced code the wrapped findings ended with.
    if (wrapsFindings) tokens.push(...inner, { kind: 'rule' });
    else tokens.push({ kind: 'code', lang: open[2] ?? '', body: dedentQuoted(body).join('\n') });
  }
  return tokens;
}

/** Code inside a list item or blockquote is indented by the bullet; remove the common indent. */
function dedentQuoted(body: string[]): string[] {
  const stripped = body.every((l) => /^\s*>/.test(l) || !l.trim()) ? body.map((l) => l.replace(/^\s*>\s?/, '')) : body;
  const indents = stripped.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return stripped.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
}
