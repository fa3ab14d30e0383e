// Notebooks are searched as Read renders them, so Grep's line numbers are the ones findings cite.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderNotebook } from '../notebook.js';
import { compilePattern } from './regex.js';
import type { FileHits, GrepQuery } from './query.js';
import { searchLines } from './search-text.js';

export type NotebookSearch = { ok: true; files: FileHits[] } | { ok: false; error: string };

export async function searchNotebooks(query: GrepQuery, notebooks: readonly string[]): Promise<NotebookSearch> {
  if (notebooks.length === 0) return { ok: true, files: [] };
  const pattern = compilePattern(query.pattern, { ignoreCase: query.ignoreCase, multiline: query.multiline });
  if (!pattern.ok) return { ok: false, error: pattern.error };
  const files: FileHits[] = [];
  for (const rel of notebooks) {
    let text: string;
    try {
      text = await readFile(path.join(query.root, rel), 'utf8');
    } catch {
      continue;
    }
    const rendered = renderNotebook(text);
    if (!rendered.ok) continue;
    const result = searchLines(
      rendered.lines.map((line) => line.text),
      pattern,
      { multiline: query.multiline, before: query.before, after: query.after, withLines: query.mode === 'content' },
    );
    if (result.count > 0) files.push({ path: rel, count: result.count, lines: result.lines });
  }
  return { ok: true, files };
}
