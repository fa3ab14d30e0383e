/**
 * Reads the ways models write a code location: `train.py:87`, `train.py:87-90`, `train.py, line 12`,
 * `train.py (lines 12-14)`, `train.py#L12-L14`, `` `train.py:87` ``, `[train.py:87](train.py#L87)`.
 */
export interface ParsedLocation {
  file: string;
  line?: number;
  endLine?: number;
}

const RANGE = String.raw`L?(\d+)(?:\s*(?:-|–|—|to|\.\.)\s*L?(\d+))?`;

/** Suffixes after the path, tried in order; each captures the start line and an optional end line. */
const SUFFIXES: RegExp[] = [
  new RegExp(String.raw`^(.+?):${RANGE}(?::\d+)?$`), // train.py:87, train.py:87-90, train.py:87:5
  new RegExp(String.raw`^(.+?)#${RANGE}$`), // train.py#L87-L90
  new RegExp(String.raw`^(.+?)(?:\s*,\s*|\s+|\s*\(\s*)(?:lines?|ll?\.)\s*${RANGE}\s*\)?$`, 'i'), // train.py, line 12 / train.py (lines 12-14)
  new RegExp(String.raw`^(.+?)\s*\(\s*${RANGE}\s*\)$`), // train.py (87)
];

/** Strips markdown decoration a model puts around a location: links, backticks, bold, trailing punctuation. */
export function stripLocationDecoration(text: string): string {
  let s = text.trim();
  const link = /^\[([^\]]+)\]\([^)]*\)/.exec(s);
  if (link?.[1]) s = link[1] + s.slice(link[0].length);
  s = s.replace(/[`*]/g, '').replace(/^_+|_+$/g, '');
  s = s.replace(/^["']|["']$/g, '');
  return s.trim().replace(/[.;,]+$/, '').trim();
}

function toLine(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Parses one location; `line` is undefined when the text names only a file. */
/** Longer text is not a location a model meant; it is kept whole as the file (and will not resolve). */
const MAX_LOCATION_LENGTH = 500;

export function parseLocation(text: string): ParsedLocation | undefined {
  const s = stripLocationDecoration(text).replace(/\s+/g, ' ');
  if (!s) return undefined;
  if (s.length > MAX_LOCATION_LENGTH) return { file: s };
  for (const re of SUFFIXES) {
    const m = re.exec(s);
    if (!m?.[1]) continue;
    const file = m[1].trim().replace(/[,:]+$/, '').trim();
    if (!file) continue;
    const line = toLine(m[2]);
    const end = toLine(m[3]);
    return { file, line, ...(end !== undefined && line !== undefined && end !== line ? { endLine: end } : {}) };
  }
  // `train.py:87 (in main)`: a located first word followed by a comment.
  const head = s.split(/\s+/)[0];
  if (head && head !== s) {
    const located = parseLocation(head);
    if (located?.line !== undefined) return located;
  }
  return { file: s };
}

/** Parses a line field a model may send as `87`, `"87"`, `"L87"`, `"87-90"` or `"lines 87 to 90"`. */
export function parseLineRange(value: string): { line: number; endLine?: number } | undefined {
  const m = new RegExp(String.raw`^\s*(?:lines?\s*)?${RANGE}\s*$`, 'i').exec(value);
  const line = toLine(m?.[1]);
  if (line === undefined) return undefined;
  const end = toLine(m?.[2]);
  return end !== undefined && end !== line ? { line, endLine: end } : { line };
}

/**
 * Splits `a.py:12, b.py:40` into separate locations. A single location with a comma inside
 * (`train.py, line 12`) stays whole.
 */
export function parseLocations(text: string): ParsedLocation[] {
  const whole = parseLocation(text);
  if (whole?.line !== undefined && !/,\s*\S+:\d/.test(text)) return [whole];
  const parts = text.split(/\s*(?:,|;|\band\b)\s*/).filter((p) => p.trim());
  const locations = parts.map(parseLocation).filter((l): l is ParsedLocation => l !== undefined);
  if (locations.length > 1 && locations.every((l) => l.line !== undefined)) return locations;
  return whole ? [whole] : [];
}
