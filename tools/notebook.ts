// Jupyter notebooks as lines in jupytext's "percent" style. The rendered text is valid Python
// (apart from IPython magics): the offline analyzer parses it directly and findings cite its line
// numbers as `notebook.ipynb:<line>`, so the rendering must be stable for a given file.

export interface NotebookLine {
  text: string;
  kind: 'cell-header' | 'code' | 'markdown' | 'output' | 'raw';
  /** 1-based index of the cell among all cells. */
  cell: number;
}

export type RenderedNotebook = { ok: true; lines: NotebookLine[] } | { ok: false; error: string };

/** Outputs summarised per code cell; the rest are counted. */
const MAX_OUTPUTS_PER_CELL = 3;
/** Output text kept on a summary line. */
const MAX_OUTPUT_TEXT = 80;

export function isNotebookPath(p: string): boolean {
  return /\.ipynb$/i.test(p);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A notebook multiline string: a string or a list of strings. */
function joinText(value: Json | undefined): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((part) => (typeof part === 'string' ? part : '')).join('');
  return '';
}

/** Splits as Python does (\n, \r\n, \r); a trailing newline does not add an empty line. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** One printable line of at most MAX_OUTPUT_TEXT characters, safe inside a Python comment. */
function clip(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').trimEnd();
  return flat.length > MAX_OUTPUT_TEXT ? `${flat.slice(0, MAX_OUTPUT_TEXT)}…` : flat;
}

function summariseText(text: string): string {
  const lines = splitLines(text);
  const first = clip(lines[0] ?? '');
  return lines.length > 1 ? `${first} (+${lines.length - 1} more lines)` : first;
}

function summariseData(data: Json | undefined): string {
  if (!isObject(data)) return '(no data)';
  const mimes = Object.keys(data);
  const parts: string[] = [];
  if (mimes.includes('text/plain')) parts.push(summariseText(joinText(data['text/plain'])));
  for (const mime of mimes) if (mime !== 'text/plain') parts.push(`<${clip(mime)} elided>`);
  return parts.length > 0 ? parts.join(' ') : '(no data)';
}

function summariseOutput(output: Json): string {
  if (!isObject(output)) return 'unrecognised output';
  const type = typeof output.output_type === 'string' ? output.output_type : 'unknown';
  switch (type) {
    case 'stream': {
      const name = typeof output.name === 'string' ? clip(output.name) : 'stream';
      const lines = splitLines(joinText(output.text));
      const count = lines.length === 1 ? '1 line' : `${lines.length} lines`;
      return `${name} (${count}): ${clip(lines[0] ?? '')}`.trimEnd();
    }
    case 'execute_result': {
      const label = typeof output.execution_count === 'number' ? `Out[${output.execution_count}]` : 'execute_result';
      return `${label}: ${summariseData(output.data)}`;
    }
    case 'display_data':
    case 'update_display_data':
      return `${type}: ${summariseData(output.data)}`;
    case 'error': {
      const ename = typeof output.ename === 'string' ? output.ename : 'Error';
      const evalue = typeof output.evalue === 'string' ? output.evalue : '';
      return `error: ${clip(`${ename}: ${evalue}`)}`;
    }
    default:
      return clip(type);
  }
}

function renderCell(cell: JsonObject, index: number, out: NotebookLine[]): void {
  const number = index + 1;
  const type = cell.cell_type;
  const source = splitLines(joinText(cell.source));
  if (type === 'code') {
    const count = typeof cell.execution_count === 'number' ? ` In[${cell.execution_count}]` : '';
    out.push({ text: `# %% [code] cell ${number}${count}`, kind: 'cell-header', cell: number });
    for (const text of source) out.push({ text, kind: 'code', cell: number });
    const outputs = Array.isArray(cell.outputs) ? cell.outputs : [];
    for (const output of outputs.slice(0, MAX_OUTPUTS_PER_CELL)) {
      out.push({ text: `# [out] ${summariseOutput(output)}`, kind: 'output', cell: number });
    }
    const rest = outputs.length - MAX_OUTPUTS_PER_CELL;
    if (rest > 0) {
      out.push({ text: `# [out] … ${rest} more output${rest === 1 ? '' : 's'}`, kind: 'output', cell: number });
    }
    return;
  }
  const kind = type === 'markdown' ? 'markdown' : 'raw';
  out.push({ text: `# %% [${kind}] cell ${number}`, kind: 'cell-header', cell: number });
  for (const line of source) out.push({ text: line === '' ? '#' : `# ${line}`, kind, cell: number });
}

/** Renders notebook JSON (nbformat 4) as numbered-line material; never throws. */
export function renderNotebook(jsonText: string): RenderedNotebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `not a valid Jupyter notebook: the file is not valid JSON (${reason})` };
  }
  if (!isObject(parsed)) {
    return { ok: false, error: 'not a valid Jupyter notebook: the top level is not a JSON object' };
  }
  if (typeof parsed.nbformat === 'number' && parsed.nbformat < 4) {
    return {
      ok: false,
      error: `unsupported notebook format nbformat ${parsed.nbformat}: convert it with "jupyter nbconvert --to notebook" (nbformat 4)`,
    };
  }
  if (!Array.isArray(parsed.cells)) {
    return { ok: false, error: 'not a valid Jupyter notebook: it has no "cells" list' };
  }
  const lines: NotebookLine[] = [];
  parsed.cells.forEach((cell, index) => {
    renderCell(isObject(cell) ? cell : {}, index, lines);
  });
  return { ok: true, lines };
}
