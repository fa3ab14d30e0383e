import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkAgentText } from '../../agent/parse.js';
import { EXIT, ReviewAgentError } from '../../errors.js';
import type { CliIO } from '../io.js';

/** `review-agent validate <file...>`: every problem of every file, then exit 2 if any. */
export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    throw new ReviewAgentError('usage', 'no agent file given', { fix: 'run "review-agent validate path/to/agent.md"' });
  }
  let failed = 0;
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    const text = await readFile(abs, 'utf8').catch(() => undefined);
    if (text === undefined) {
      io.stderr(`${file}: cannot read the file. Fix: check the path.\n`);
      failed += 1;
      continue;
    }
    const check = checkAgentText(text, file);
    for (const p of check.problems) {
      io.stderr(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}. Fix: ${p.fix}.\n`);
    }
    for (const w of check.warnings) io.stderr(`warning: ${w}\n`);
    if (check.problems.length) failed += 1;
    else io.stdout(`${file}: ok (${check.spec!.name}: ${check.spec!.tools.map((t) => t.name).join(', ') || 'no tools'}; model ${check.spec!.model})\n`);
  }
  return failed ? EXIT.usage : EXIT.ok;
}
