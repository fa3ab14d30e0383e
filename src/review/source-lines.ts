import { readFile, stat } from 'node:fs/promises';
import { isNotebookPath, renderNotebook } from '../../tools/notebook.js';

/**
 * The lines of a file as the Read tool numbers them, which is the numbering findings cite:
 * text files split on line breaks; notebooks as their rendered percent-style lines.
 */
export type SourceLines = { ok: true; lines: string[]; notebook: boolean } | { ok: false; error: string };

/** Files larger than this are not loaded for grounding (the Read tool would page through them). */
export const MAX_GROUNDING_BYTES = 8 * 1024 * 1024;

export async function loadSourceLines(abs: string, displayPath: string): Promise<SourceLines> {
  let size: number;
  try {
    const info = await stat(abs);
    if (info.isDirectory()) return { ok: false, error: `${displayPath} is a directory, not a file` };
    size = info.size;
  } catch {
    return { ok: false, error: `${displayPath} does not exist in the review root` };
  }
  if (size > MAX_GROUNDING_BYTES) {
    return { ok: false, error: `${displayPath} is too large to check (${size} bytes, limit ${MAX_GROUNDING_BYTES})` };
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(abs);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
    return { ok: false, error: `${displayPath} cannot be read (${code})` };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { ok: false, error: `${displayPath} is a binary file` };
  const text = buffer.toString('utf8');
  if (isNotebookPath(abs)) {
    const rendered = renderNotebook(text);
    if (!rendered.ok) return { ok: false, error: `${displayPath}: ${rendered.error}` };
    return { ok: true, lines: rendered.lines.map((l) => l.text), notebook: true };
  }
  return { ok: true, lines: splitSourceLines(text), notebook: false };
}

/** Splits like `cat -n` (on \n, dropping a \r before it); a trailing newline adds no empty line; BOM dropped. */
export function splitSourceLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
