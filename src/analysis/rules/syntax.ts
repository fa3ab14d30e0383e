// Syntax errors become one LOW finding per file: the rest of the file is still analysed.
import type { FindingInput } from '../../review/schema.js';
import { buildFinding } from '../findings.js';
import type { SourceFile } from '../source.js';

export function syntaxFindings(file: SourceFile): FindingInput[] {
  const lines = file.module?.errorLines ?? [];
  const first = lines[0];
  if (first === undefined) return [];
  const py2 = /^\s*print\s+[^(=\s]/.test(file.lines[first - 1] ?? '');
  return [
    buildFinding({
      rule: 'syntax-error',
      file,
      line: first,
      issue: `Line ${first}${lines.length > 1 ? ` (and ${lines.length - 1} more place${lines.length > 2 ? 's' : ''})` : ''} is not valid Python 3${py2 ? ' (a Python 2 print statement)' : ''}; the analyzer skipped what it could not parse.`,
      impact: 'The code may not run as written, and issues in the unparsed part are not reported.',
      fix: py2 ? 'Port the code to Python 3 (print() is a function).' : 'Fix the syntax error (run `python -m py_compile` on the file to see it).',
      sites: lines.slice(1, 20).map((line) => ({ file: file.path, line })),
    }),
  ];
}
