/**
 * Finds a JSON review inside a model's answer: the whole text, a fenced block, or an object
 * embedded in prose; unwraps tool-call envelopes that models write as text
 * (`{"name": "submit_review", "arguments": {...}}`).
 */

export type JsonCandidate =
  | { ok: true; value: unknown; source: string }
  | { ok: false; error: string; source: string };

/** The fragments of `text` that may be JSON, most explicit first. */
function fragments(text: string): Array<{ body: string; source: string }> {
  const out: Array<{ body: string; source: string }> = [];
  const fence = /(^|\n)[ \t]*(`{3,}|~{3,})[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)\n[ \t]*\2[ \t]*(?=\n|$)/g;
  for (const m of text.matchAll(fence)) {
    const lang = (m[3] ?? '').toLowerCase();
    const body = (m[4] ?? '').trim();
    if ((lang === 'json' || lang === 'jsonc' || lang === '') && /^[{[]/.test(body)) out.push({ body, source: `a \`\`\`${lang} block` });
  }
  const whole = text.trim();
  if (/^[{[]/.test(whole)) out.push({ body: whole, source: 'the answer' });
  for (const body of balancedObjects(text)) out.push({ body, source: 'an object in the answer' });
  return out;
}

/** Top-level `{...}` spans, respecting strings, in order of appearance. */
function balancedObjects(text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}

/** JSON.parse, then a second try without the trailing commas and `//` comment lines small models add. */
function parseLenient(body: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const repaired = body.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1');
    try {
      return { ok: true, value: JSON.parse(repaired) };
    } catch {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{"name": "submit_review", "arguments": {...}}`, `{"tool": ..., "input": "{...}"}`, `{"review": {...}}`. */
export function unwrapEnvelope(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 3 && isRecord(current); depth++) {
    if (looksLikeSubmission(current)) return current;
    const inner = current.arguments ?? current.input ?? current.parameters ?? current.args ?? current.review ?? current.function;
    if (inner === undefined) return current;
    const parsed = typeof inner === 'string' ? parseLenient(inner) : undefined;
    current = parsed?.ok ? parsed.value : inner;
  }
  return current;
}

/** An object with review keys, or a list of finding-like objects. */
export function looksLikeSubmission(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => isRecord(v) && ('severity' in v || 'title' in v));
  // A metrics dict with a "summary" key is not a review; a findings list or a verdict makes one.
  return isRecord(value) && (Array.isArray(value.findings) || Array.isArray(value.issues) || 'verdict' in value || 'findings' in value);
}

/**
 * The JSON review in `text`, if any: the first candidate that parses and looks like a review.
 * A fenced JSON block that does not parse is returned as an error, so the model can be told.
 */
export function findJsonReview(text: string): JsonCandidate | undefined {
  let broken: JsonCandidate | undefined;
  const seen = new Set<string>();
  for (const { body, source } of fragments(text)) {
    if (seen.has(body)) continue;
    seen.add(body);
    const parsed = parseLenient(body);
    if (!parsed.ok) {
      if (source !== 'an object in the answer' && /"(findings|verdict|summary)"/.test(body)) broken ??= { ok: false, error: parsed.error, source };
      continue;
    }
    const value = unwrapEnvelope(parsed.value);
    if (looksLikeSubmission(value)) return { ok: true, value, source };
  }
  return broken;
}
