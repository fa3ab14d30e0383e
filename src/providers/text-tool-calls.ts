/**
 * Tool calls written as JSON text in a model's answer, as small local models do when the server
 * has no tool-call parser: `{"name": "Read", "arguments": {...}}`, Hermes/Qwen `<tool_call>`
 * tags, Mistral `[TOOL_CALLS]`, or a fenced json block. Only names of offered tools are accepted
 * and the object may hold nothing but a name, arguments and a type/id, so JSON that merely
 * appears in a review (a config snippet, an example) stays text.
 */

export interface TextToolCall {
  name: string;
  input: Record<string, unknown>;
}

export interface TextToolCallExtraction {
  calls: TextToolCall[];
  /** The text with the extracted calls (and their tags or fences) removed. */
  text: string;
}

interface Span {
  start: number;
  end: number;
  json: string;
}

const NAME_KEYS = ['name', 'tool', 'tool_name'] as const;
const ARG_KEYS = ['arguments', 'parameters', 'input', 'args'] as const;
const ALLOWED_KEYS = new Set<string>([...NAME_KEYS, ...ARG_KEYS, 'type', 'id', 'function']);

export function extractTextToolCalls(text: string, toolNames: Iterable<string>): TextToolCallExtraction {
  const offered = new Set(toolNames);
  if (offered.size === 0 || !/[{[]/.test(text)) return { calls: [], text };

  const accepted: { span: Span; calls: TextToolCall[] }[] = [];
  const take = (span: Span): boolean => {
    const calls = parseCalls(span.json, offered);
    if (calls.length === 0) return false;
    accepted.push({ span, calls });
    return true;
  };

  // Masked copy: regions already decided (and every fenced block) are blanked so the bare-JSON
  // scan never looks inside code the model quoted.
  let masked = text;
  const mask = (start: number, end: number) => {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  };

  // Reasoning is not acted on: a call the model only thought about is not a call.
  for (const m of text.matchAll(/<think>[\s\S]*?(?:<\/think>|$)/g)) mask(m.index, m.index + m[0].length);
  for (const m of masked.matchAll(/<tool_call>([\s\S]*?)(?:<\/tool_call>|$)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (take({ start, end, json: m[1] ?? '' })) mask(start, end);
  }
  for (const m of masked.matchAll(/```([\w-]*)[ \t]*\n([\s\S]*?)```/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const lang = (m[1] ?? '').toLowerCase();
    if (lang === '' || lang === 'json' || lang === 'tool_call' || lang === 'tool_code') {
      take({ start, end, json: m[2] ?? '' });
    }
    mask(start, end);
  }
  for (const m of masked.matchAll(/\[TOOL_CALLS\]\s*/g)) {
    const jsonStart = m.index + m[0].length;
    const jsonEnd = balancedEnd(masked, jsonStart);
    if (jsonEnd > 0 && take({ start: m.index, end: jsonEnd, json: masked.slice(jsonStart, jsonEnd) })) {
      mask(m.index, jsonEnd);
    }
  }
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch !== '{' && ch !== '[') continue;
    const end = balancedEnd(masked, i);
    if (end < 0) continue;
    const json = masked.slice(i, end);
    if (take({ start: i, end, json })) {
      mask(i, end);
      i = end - 1;
    } else if (isJson(json)) {
      // JSON that is not a call is data as a whole: calls are not fished out of its insides.
      i = end - 1;
    }
  }

  if (accepted.length === 0) return { calls: [], text };
  accepted.sort((a, b) => a.span.start - b.span.start);
  let rest = '';
  let cursor = 0;
  for (const { span } of accepted) {
    rest += text.slice(cursor, span.start);
    cursor = span.end;
  }
  rest += text.slice(cursor);
  return {
    calls: accepted.flatMap((a) => a.calls),
    text: rest.replace(/\n{3,}/g, '\n\n').trim(),
  };
}

/** All calls in one JSON value (an object or an array of them), or none if any element is not a call. */
function parseCalls(json: string, offered: Set<string>): TextToolCall[] {
  let value: unknown;
  try {
    value = JSON.parse(json.trim());
  } catch {
    return [];
  }
  const items = Array.isArray(value) ? value : [value];
  const calls: TextToolCall[] = [];
  for (const item of items) {
    const call = asCall(item, offered);
    if (!call) return [];
    calls.push(call);
  }
  return calls;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function asCall(value: unknown, offered: Set<string>): TextToolCall | undefined {
  if (!isRecord(value)) return undefined;
  if (Object.keys(value).some((k) => !ALLOWED_KEYS.has(k))) return undefined;
  // OpenAI's own shape, written out as text: {"type": "function", "function": {"name", "arguments"}}.
  if (isRecord(value.function)) return asCall(value.function, offered);
  const name = NAME_KEYS.map((k) => value[k]).find((v): v is string => typeof v === 'string');
  if (name === undefined || !offered.has(name)) return undefined;
  const argKey = ARG_KEYS.find((k) => k in value);
  const input = argKey === undefined ? {} : asArguments(value[argKey]);
  return input ? { name, input } : undefined;
}

function asArguments(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (value === null) return {};
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Index just past the JSON object/array opening at `start` (string-aware), or -1. */
function balancedEnd(text: string, start: number): number {
  const open = text[start];
  if (open !== '{' && open !== '[') return -1;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
