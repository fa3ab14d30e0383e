// The files of one analysis, classified and (for Python and notebooks) parsed.
import type { Module } from './python/ast.js';
import { notebookAsPercent, prepareNotebook } from './python/notebook.js';
import type { PythonParser } from './python/parser.js';
import { isConfigFile, parseConfig, type ConfigData } from './config-files.js';

export interface InputFile {
  /** Path relative to the review root, as the tools show it. */
  path: string;
  /** The file's text; for notebooks, the Read rendering (percent style) or the raw JSON. */
  text: string;
}

export type FileKind = 'python' | 'notebook' | 'dependency' | 'lockfile' | 'config' | 'other';

export interface SourceFile {
  path: string;
  kind: FileKind;
  /** Lines as the user sees them (1-based: lines[0] is line 1). */
  lines: string[];
  /** Parsed Python (scripts and notebooks). */
  module?: Module;
  /** Text that was parsed (magics neutralised). */
  code?: string;
  pipInstalls?: { line: number; text: string }[];
  cellStarts?: number[];
  /** A settings file's values (YAML, TOML, JSON), when it parses. */
  config?: ConfigData;
}

const DEPENDENCY_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|pyproject\.toml|setup\.cfg|setup\.py|environment\.ya?ml|Pipfile|conda\.ya?ml)$/i;
const LOCK_FILE = /(^|\/)(poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|conda-lock\.ya?ml|requirements[^/]*\.lock)$/i;

export function classify(path: string): FileKind {
  if (LOCK_FILE.test(path)) return 'lockfile';
  if (DEPENDENCY_FILE.test(path)) return 'dependency';
  if (/\.ipynb$/i.test(path)) return 'notebook';
  if (/\.pyw?$/i.test(path)) return 'python';
  if (isConfigFile(path)) return 'config';
  return 'other';
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The file classified and split into lines, with the text to parse (scripts, notebooks, setup.py) in `code`; not parsed yet. */
export function readSource(file: InputFile): SourceFile {
  const kind = classify(file.path);
  if (kind === 'notebook') {
    const percent = notebookAsPercent(file.text);
    const prepared = prepareNotebook(percent.replace(/\r\n?/g, '\n'));
    return {
      path: file.path,
      kind,
      lines: splitLines(percent),
      code: prepared.text,
      pipInstalls: prepared.pipInstalls,
      cellStarts: prepared.cellStarts,
    };
  }
  const text = file.text.replace(/\r\n?/g, '\n');
  if (kind === 'config') {
    const config = parseConfig(file.path, text);
    return { path: file.path, kind, lines: splitLines(text), ...(config ? { config } : {}) };
  }
  if (kind === 'python' || (kind === 'dependency' && /setup\.py$/i.test(file.path))) {
    return { path: file.path, kind, lines: splitLines(text), code: text };
  }
  return { path: file.path, kind, lines: splitLines(text) };
}

const TEST_FILE_NAME = /(^|\/)(conftest\.py|test_[^/]*\.py|[^/]*_test\.py)$/;

/**
 * A unit test of the project (pytest or unittest): `tests/test_model.py` that overfits one random batch
 * is a sanity check, not the training pipeline. A `test_model.py` script at the root that evaluates a
 * checkpoint is not one: it needs a tests folder or a test framework import, and `def test_...` functions.
 */
export function isUnitTest(path: string, code: string): boolean {
  if (!TEST_FILE_NAME.test(path)) return false;
  const framework = /(^|\/)tests?\//.test(path) || /^\s*(import (pytest|unittest)\b|from (pytest|unittest)\b)/m.test(code);
  return framework && (/^\s*def test_?\w*\(/m.test(code) || /(^|\/)conftest\.py$/.test(path));
}

export function loadSource(file: InputFile, parser: PythonParser): SourceFile {
  const source = readSource(file);
  if (source.code !== undefined) source.module = parser.parse(source.code);
  return source;
}
