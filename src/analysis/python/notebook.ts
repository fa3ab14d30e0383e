// Notebooks reach the analyzer as the Read tool shows them: jupytext percent style, one
// `# %% [code] cell N` header per cell. IPython magics and shell lines are replaced in place so the
// text parses as Python and every line keeps the number the user sees.
import { renderNotebook } from '../../../tools/notebook.js';

const CELL_HEADER = /^# %% \[(code|markdown|raw)\] cell (\d+)/;
/** Cell magics whose body is not Python. */
const FOREIGN_CELL_MAGICS = /^%%(bash|sh|script|html|javascript|js|latex|markdown|writefile|file|svg|perl|ruby|sql|system|cmd|powershell)\b/;

export interface PreparedNotebook {
  /** Python text, line for line the same numbering as the input. */
  text: string;
  /** 1-based line of each cell header, in order. */
  cellStarts: number[];
  /** `pip install` lines found in the notebook (line number and the packages text). */
  pipInstalls: { line: number; text: string }[];
}

/** Accepts either the Read rendering of a notebook or its raw JSON. */
export function notebookAsPercent(text: string): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return text;
  const rendered = renderNotebook(text);
  if (!rendered.ok) return text;
  return rendered.lines.map((l) => l.text).join('\n');
}

export function prepareNotebook(text: string): PreparedNotebook {
  const lines = text.split('\n');
  const cellStarts: number[] = [];
  const pipInstalls: { line: number; text: string }[] = [];
  let foreignCell = false;
  let firstCodeLine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const header = CELL_HEADER.exec(line);
    if (header) {
      cellStarts.push(i + 1);
      foreignCell = false;
      firstCodeLine = header[1] === 'code';
      continue;
    }
    const trimmed = line.trimStart();
    const indent = line.slice(0, line.length - trimmed.length);
    if (firstCodeLine && trimmed !== '') {
      firstCodeLine = false;
      if (FOREIGN_CELL_MAGICS.test(trimmed)) {
        foreignCell = true;
        lines[i] = `#${line}`;
        continue;
      }
    }
    if (foreignCell) {
      if (!trimmed.startsWith('#')) lines[i] = `#${line}`;
      continue;
    }
    const pip = /^[!%]\s*(?:python\s+-m\s+)?pip3?\s+install\s+(.*)$/.exec(trimmed);
    if (pip) pipInstalls.push({ line: i + 1, text: pip[1] ?? '' });
    if (/^(%%?|!)/.test(trimmed)) {
      lines[i] = `${indent}pass  #${trimmed}`;
    } else if (/^[A-Za-z_][\w.]*\s*=\s*[!%]/.test(trimmed)) {
      // `files = !ls` / `x = %time f()`: keep the assignment, drop the shell part.
      lines[i] = `${indent}${trimmed.replace(/=\s*[!%].*$/, '= None')}`;
    } else if (/^[A-Za-z_][\w.]*\?{1,2}$/.test(trimmed)) {
      lines[i] = `${indent}pass  #${trimmed}`;
    }
  }
  return { text: lines.join('\n'), cellStarts, pipInstalls };
}
