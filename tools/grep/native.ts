// The pure-TypeScript Grep engine, used when ripgrep is not on PATH. Its output must be identical
// to rg.ts's for the same query (the test suite runs both on the same fixtures).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePattern } from './regex.js';
import { searchLines, splitFileLines } from './search-text.js';
import type { EngineResult, FileHits, GrepEngine, GrepQuery } from './query.js';
import { isNotebookName } from './query.js';
import { walkFiles } from './walk.js';
import { utf16Encoding } from '../text.js';

/** Files read at once; enough to keep the disk busy without holding many large files. */
const READ_CONCURRENCY = 32;

export function createNativeEngine(): GrepEngine {
  return { name: 'native', search: searchNative };
}

async function searchNative(query: GrepQuery, signal: AbortSignal): Promise<EngineResult> {
  const pattern = compilePattern(query.pattern, { ignoreCase: query.ignoreCase, multiline: query.multiline });
  if (!pattern.ok) return { ok: false, error: pattern.error };
  const candidates = query.target.isFile
    ? [query.target.rel]
    : await walkFiles(query.root, query.target.rel, query, signal);
  const notebooks = candidates.filter(isNotebookName);
  const plain = candidates.filter((rel) => !isNotebookName(rel));
  const files: FileHits[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plain.length && !signal.aborted) {
      const rel = plain[next++] as string;
      const hits = await searchFile(query, rel, pattern);
      if (hits) files.push(hits);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, plain.length) }, worker));
  if (signal.aborted) return { ok: false, error: 'search cancelled' };
  return { ok: true, files, notebooks: query.target.isFile ? [] : notebooks };
}

async function searchFile(
  query: GrepQuery,
  rel: string,
  pattern: Extract<ReturnType<typeof compilePattern>, { ok: true }>,
): Promise<FileHits | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(query.root, rel));
  } catch {
    return undefined;
  }
  // rg transcodes UTF-16 files that start with a byte-order mark; other files with a NUL byte are
  // binary, and rg skips them when walking.
  const utf16 = utf16Encoding(bytes);
  if (!utf16 && bytes.includes(0)) return undefined;
  const text = new TextDecoder(utf16 ?? 'utf-8').decode(bytes);
  pattern.text.lastIndex = 0;
  if (!query.multiline && !pattern.text.test(text)) return undefined;
  const result = searchLines(splitFileLines(text), pattern, {
    multiline: query.multiline,
    before: query.before,
    after: query.after,
    withLines: query.mode === 'content',
  });
  return result.count > 0 ? { path: rel, count: result.count, lines: result.lines } : undefined;
}
