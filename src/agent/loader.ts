import { readFile } from 'node:fs/promises';
import { ReviewAgentError } from '../errors.js';
import { checkAgentText, type AgentProblem, type ParseAgentOptions } from './parse.js';
import type { AgentSpec } from './schema.js';

export function problemToError(problem: AgentProblem, more = 0): ReviewAgentError {
  const suffix = more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''}: run "review-agent validate ${problem.file}")` : '';
  return new ReviewAgentError('agent', `${problem.message}${suffix}`, {
    file: problem.file,
    field: problem.field,
    line: problem.line,
    fix: problem.fix,
  });
}

/** Loads one agent file. Throws a ReviewAgentError (exit code 2) naming the file, field and fix. */
export async function loadAgentFile(file: string, options: ParseAgentOptions = {}): Promise<AgentSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReviewAgentError('agent', code === 'ENOENT' ? 'agent file not found' : `cannot read the agent file (${code})`, {
      file,
      fix: 'check the path, or pass an agent name from "review-agent list"',
      cause: error,
    });
  }
  const check = checkAgentText(text, file, options);
  const first = check.problems[0];
  if (first || !check.spec) throw problemToError(first ?? { file, message: 'invalid agent file', fix: 'run review-agent validate' }, check.problems.length - 1);
  return check.spec;
}
