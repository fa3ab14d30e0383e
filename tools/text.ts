// Small text helpers shared by the tools: notices, line cutting, binary sniffing, input coercion.

/** A notice line the model (and the offline analyzer) can tell apart from file content. */
export function notice(text: string): string {
  return `[review-agent: ${text}]`;
}

/** Cuts a line longer than `max` characters and says how long it was. */
export function cutLine(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)} … [line truncated, ${text.length} chars]` : text;
}

/** Bytes sniffed for a NUL byte to call a file binary, as git and grep do. */
export const BINARY_SNIFF_BYTES = 8192;

export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** Byte-order marks of UTF-16 files, which we decode instead of calling them binary. */
export function utf16Encoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Models sometimes send numbers and booleans as strings; accept the unambiguous spellings. */
export function coerceInt(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

export function coerceBool(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
