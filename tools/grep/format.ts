// Grep's text output, shared by both engines so that their results print identically.
import { cutLine, notice } from '../text.js';
import type { FileHits, OutputMode } from './query.js';
import { comparePaths } from './query.js';

/** Content lines longer than this are cut: minified files would drown the answer. */
export const GREP_MAX_LINE_LENGTH = 500;

export interface FormatOptions {
  mode: OutputMode;
  showLineNumbers: boolean;
  contextShown: boolean;
  offset: number;
  headLimit: number;
}

export function resultRows(files: readonly FileHits[], options: FormatOptions): string[] {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  if (options.mode === 'files_with_matches') return sorted.map((f) => f.path);
  if (options.mode === 'count') return sorted.map((f) => `${f.path}:${f.count}`);
  const rows: string[] = [];
  for (const file of sorted) {
    let previous = -1;
    for (const hit of file.lines) {
      // rg prints "--" between context groups, within a file and from one file to the next.
      if (options.contextShown && rows.length > 0 && (previous < 0 || hit.line > previous + 1)) rows.push('--');
      const sep = hit.match ? ':' : '-';
      const text = cutLine(hit.text.endsWith('\r') ? hit.text.slice(0, -1) : hit.text, GREP_MAX_LINE_LENGTH);
      rows.push(options.showLineNumbers ? `${file.path}${sep}${hit.line}${sep}${text}` : `${file.path}${sep}${text}`);
      previous = hit.line;
    }
  }
  return rows;
}

export function formatGrep(files: readonly FileHits[], options: FormatOptions, scope: string): string {
  const rows = resultRows(files, options);
  if (rows.length === 0) return notice(`no matches found in ${scope}`);
  const unit = options.mode === 'content' ? 'lines' : options.mode === 'count' ? 'entries' : 'files';
  if (options.offset >= rows.length) {
    return notice(`offset=${options.offset} is past the end: there are only ${rows.length} result ${unit}`);
  }
  const page = rows.slice(options.offset, options.offset + options.headLimit);
  const end = options.offset + page.length;
  const out = [...page];
  if (end < rows.length) {
    out.push(
      notice(
        `showing ${unit} ${options.offset + 1}-${end} of ${rows.length} (head_limit=${options.headLimit}); call Grep with offset=${end} to see more, or narrow the search`,
      ),
    );
  } else if (options.offset > 0) {
    out.push(notice(`showing ${unit} ${options.offset + 1}-${end} of ${rows.length}`));
  }
  if (options.mode === 'count') {
    const total = files.reduce((sum, f) => sum + f.count, 0);
    out.push(notice(`${total} matching lines in ${files.length} files`));
  }
  return out.join('\n');
}
