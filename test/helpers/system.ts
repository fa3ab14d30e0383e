import { execFileSync } from 'node:child_process';
import { describe } from 'vitest';

/** Whether a program is on PATH. */
export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A describe block that needs a system program (rg, bwrap, tmux, chromium). On a developer's
 * machine without it the block is skipped and says why; in CI (CI=true), where .ci/run installs
 * them, it always runs, so a missing install fails loudly instead of passing quietly.
 */
export function describeNeeding(program: string) {
  return describe.skipIf(!process.env.CI && !hasCommand(program));
}

export function needsNote(program: string): string {
  return hasCommand(program) ? '' : ` (skipped: ${program} is not installed)`;
}
