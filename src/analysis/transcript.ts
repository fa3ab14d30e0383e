// What the offline provider has learned so far, rebuilt from the conversation on every turn (the
// provider keeps no state): Glob listings, and file lines from Read results, with the gaps that
// paging, the loop's output cap or context trimming left.
import type { Message, ToolCallPart, ToolResultPart } from '../providers/types.js';

export interface GlobQuery {
  pattern: string;
  path?: string;
}

export interface GlobOutcome {
  query: GlobQuery;
  files: string[];
  /** Total matches when the listing was cut (Glob shows at most 100). */
  truncatedOf?: number;
  error?: string;
}

export interface ReadInputShape {
  file_path: string;
  offset?: number;
  limit?: number;
}

export interface FileState {
  /** Line number → text, for every line seen intact. */
  lines: Map<number, string>;
  /** Total lines, when a Read note said it. */
  total?: number;
  /** Highest line number the file is known to have. */
  maxSeen: number;
  /** The file could not be read (binary, not a notebook, too large...). */
  error?: string;
  /** Read inputs already issued (JSON), to avoid asking twice. */
  asked: Set<string>;
  /** A result was removed by context trimming and must be read again. */
  trimmed: ReadInputShape[];
  empty?: boolean;
}

export interface Transcript {
  globs: GlobOutcome[];
  /** Glob inputs already issued (pending or answered), as keys. */
  globAsked: Set<string>;
  files: Map<string, FileState>;
  turns: number;
}

const NOTICE = /^\[review-agent: (.*)\]$/;
const ROW = /^ *(\d+)\t(.*)$/;

export function globKey(q: GlobQuery): string {
  return `${q.path ?? '.'}|${q.pattern}`;
}

export function readKey(r: ReadInputShape): string {
  return JSON.stringify([r.file_path, r.offset ?? 1, r.limit ?? 0]);
}

export function readTranscript(messages: readonly Message[]): Transcript {
  const calls = new Map<string, ToolCallPart>();
  const results: ToolResultPart[] = [];
  let turns = 0;
  for (const m of messages) {
    if (m.role === 'assistant') {
      turns += 1;
      for (const p of m.content) if (p.type === 'toolCall') calls.set(p.id, p);
    } else {
      for (const p of m.content) if (p.type === 'toolResult') results.push(p);
    }
  }
  const t: Transcript = { globs: [], globAsked: new Set(), files: new Map(), turns };
  for (const call of calls.values()) {
    if (call.name === 'Glob') {
      const q = asGlobQuery(call.input);
      if (q) t.globAsked.add(globKey(q));
    } else if (call.name === 'Read') {
      const r = asReadInput(call.input);
      if (r) fileState(t, r.file_path).asked.add(readKey(r));
    }
  }
  for (const res of results) {
    const call = calls.get(res.toolCallId);
    if (!call) continue;
    if (call.name === 'Glob') {
      const q = asGlobQuery(call.input);
      if (q) t.globs.push(parseGlob(q, res));
    } else if (call.name === 'Read') {
      const r = asReadInput(call.input);
      if (r) applyRead(fileState(t, r.file_path), r, res);
    }
  }
  return t;
}

function fileState(t: Transcript, path: string): FileState {
  let s = t.files.get(path);
  if (!s) {
    s = { lines: new Map(), maxSeen: 0, asked: new Set(), trimmed: [] };
    t.files.set(path, s);
  }
  return s;
}

function asGlobQuery(input: unknown): GlobQuery | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  if (typeof o.pattern !== 'string') return undefined;
  return typeof o.path === 'string' ? { pattern: o.pattern, path: o.path } : { pattern: o.pattern };
}

function asReadInput(input: unknown): ReadInputShape | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  const path = typeof o.file_path === 'string' ? o.file_path : typeof o.path === 'string' ? o.path : undefined;
  if (path === undefined) return undefined;
  const out: ReadInputShape = { file_path: path };
  if (typeof o.offset === 'number') out.offset = o.offset;
  if (typeof o.limit === 'number') out.limit = o.limit;
  return out;
}

function parseGlob(query: GlobQuery, res: ToolResultPart): GlobOutcome {
  if (res.isError) return { query, files: [], error: res.content.split('\n')[0] };
  const files: string[] = [];
  let truncatedOf: number | undefined;
  for (const line of res.content.split('\n')) {
    const note = NOTICE.exec(line);
    if (note) {
      const m = /of (\d+) matching files/.exec(note[1] ?? '');
      if (m) truncatedOf = Number(m[1]);
      continue;
    }
    if (line.trim() !== '') files.push(line.trim());
  }
  return truncatedOf === undefined ? { query, files } : { query, files, truncatedOf };
}

function applyRead(state: FileState, input: ReadInputShape, res: ToolResultPart): void {
  if (res.isError) {
    if (state.lines.size === 0) state.error = res.content.split('\n')[0] ?? 'unreadable';
    return;
  }
  const rows = res.content.split('\n');
  if (rows.length === 1 && NOTICE.test(rows[0] ?? '')) {
    const note = NOTICE.exec(rows[0] ?? '')?.[1] ?? '';
    if (/removed to fit the context window/.test(note)) state.trimmed.push(input);
    else if (/file is empty|notebook has no cells/.test(note)) state.empty = true;
    else if (/binary file|not a regular file|larger than/.test(note)) state.error = note;
    return;
  }
  let lastRow: number | undefined;
  let cutBefore = false;
  for (const row of rows) {
    const note = NOTICE.exec(row);
    if (note) {
      const text = note[1] ?? '';
      const total = /of (\d+)(?:;|$)/.exec(text) ?? /\(of (\d+) lines\)/.exec(text) ?? /(\d+) lines\)/.exec(text);
      if (total && /showing lines/.test(text)) state.total = Number(total[1]);
      if (/characters cut from this result/.test(text)) {
        // The loop cut the middle of this result: the rows on both sides of the cut may be partial.
        if (lastRow !== undefined) state.lines.delete(lastRow);
        cutBefore = true;
      }
      continue;
    }
    const m = ROW.exec(row);
    if (!m) continue;
    const n = Number(m[1]);
    if (cutBefore) {
      cutBefore = false;
      continue;
    }
    state.lines.set(n, m[2] ?? '');
    state.maxSeen = Math.max(state.maxSeen, n);
    lastRow = n;
  }
}

/** Lines asked per Read: small enough that a result stays under the loop's output cap. */
export const READ_WINDOW = 800;

/** The Reads still needed for a file (every missing window), or none when it is complete or cannot be. */
export function nextReads(path: string, state: FileState | undefined): ReadInputShape[] {
  const make = (offset: number, limit: number): ReadInputShape | undefined => {
    const r: ReadInputShape = { file_path: path, limit };
    if (offset > 1) r.offset = offset;
    return state?.asked.has(readKey(r)) ? undefined : r;
  };
  if (!state || (state.asked.size === 0 && state.lines.size === 0)) return [make(1, READ_WINDOW)!];
  if (state.error || state.empty) return [];
  const out: ReadInputShape[] = [];
  for (const t of state.trimmed) {
    const r = !state.lines.has(t.offset ?? 1) ? make(t.offset ?? 1, Math.min(t.limit ?? READ_WINDOW, READ_WINDOW)) : undefined;
    if (r) out.push(r);
  }
  const end = state.total ?? state.maxSeen;
  for (let n = 1; n <= end; n++) {
    if (state.lines.has(n)) continue;
    let m = n;
    while (m + 1 <= end && !state.lines.has(m + 1) && m + 1 - n < READ_WINDOW) m++;
    // A window already asked but still missing lines (cut by the loop) is asked again in halves.
    const r = make(n, m - n + 1) ?? make(n, Math.max(1, Math.floor((m - n + 1) / 2)));
    if (r) out.push(r);
    n = m;
  }
  return out;
}

/** The file's text from the lines seen (missing lines, if any could not be read, are blank). */
export function fileText(state: FileState): { text: string; complete: boolean } {
  const end = state.total ?? state.maxSeen;
  const out: string[] = [];
  let complete = true;
  for (let n = 1; n <= end; n++) {
    const line = state.lines.get(n);
    if (line === undefined) complete = false;
    out.push(line ?? '');
  }
  return { text: out.join('\n'), complete };
}
