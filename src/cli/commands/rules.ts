import { RULES } from '../../analysis/rules/catalog.js';
import type { CliIO } from '../io.js';

/** `review-agent rules`: the offline analyzer's rule catalogue. */
export async function rulesCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--json')) {
    io.stdout(`${JSON.stringify(RULES, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${r.category.padEnd(21)}  ${r.title}`);
  io.stdout(`${['RULE'.padEnd(idWidth) + '  SEVERITY  SECTION                TITLE', ...lines].join('\n')}\n`);
  return 0;
}
