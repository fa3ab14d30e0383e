import { afterAll, beforeAll } from 'vitest';
import { analyzeFiles, createPythonParser, type PythonParser } from '../../src/analysis/index.js';
import type { FindingInput, ReviewSubmission } from '../../src/review/schema.js';

/** One parser for a test file (created in beforeAll, freed in afterAll). */
export function useAnalyzer(): { analyze: (files: Record<string, string>, disabledRules?: string[]) => ReviewSubmission; findings: (files: Record<string, string> | string, rule?: string) => FindingInput[] } {
  let parser: PythonParser | undefined;
  beforeAll(async () => {
    parser = await createPythonParser();
  });
  afterAll(() => parser?.dispose());
  const analyze = (files: Record<string, string>, disabledRules?: string[]) => {
    if (!parser) throw new Error('parser not ready');
    return analyzeFiles(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { parser, disabledRules },
    );
  };
  const findings = (files: Record<string, string> | string, rule?: string) => {
    const input = typeof files === 'string' ? { 'train.py': files, 'requirements.txt': 'numpy==2.1.3\n' } : files;
    const all = analyze(input).findings;
    return rule ? all.filter((f) => f.rule === rule) : all;
  };
  return { analyze, findings };
}

/** Python source from an indented template literal. */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
