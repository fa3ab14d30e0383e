import os from 'node:os';
import path from 'node:path';
import { listAgents } from '../../agent/discovery.js';
import { loadConfigFor } from '../../config/discover.js';
import type { CliIO } from '../io.js';

function shortPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (!rel.startsWith('..')) return rel;
  const home = os.homedir();
  return file.startsWith(home) ? `~${file.slice(home.length)}` : file;
}

/** `review-agent list`: every agent found, its source, tools and model; broken files with their first problem. */
export async function listCommand(argv: string[], io: CliIO): Promise<number> {
  const json = argv.includes('--json');
  // The same folders a review searches: the config's agentDirs join the standard ones.
  const config = await loadConfigFor(io.cwd);
  const extraDirs = (config?.values.agentDirs ?? []).map((d) => path.resolve(config!.dir, d));
  const agents = await listAgents({ cwd: io.cwd, extraDirs });
  if (json) {
    io.stdout(
      `${JSON.stringify(
        agents.map((a) => ({
          name: a.spec?.name,
          file: a.file,
          source: a.kind,
          tools: a.spec?.tools.map((t) => (t.pattern ? `${t.name}(${t.pattern})` : t.name)),
          model: a.spec?.model,
          shadowedBy: a.shadowedBy,
          problems: a.problems,
        })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (agents.length === 0) {
    io.stdout('No agents found. Add one to .claude/agents/ or ./agents/ (see "review-agent init").\n');
    return 0;
  }
  const rows = agents.map((a) => [
    a.spec?.name ?? '(invalid)',
    a.kind,
    a.spec ? a.spec.tools.map((t) => (t.pattern ? `${t.name}(${t.pattern})` : t.name)).join(', ') || '(none)' : '',
    a.spec?.model ?? '',
    shortPath(a.file, io.cwd) +
      (a.shadowedBy ? `  (shadowed by ${shortPath(a.shadowedBy, io.cwd)})` : '') +
      (a.problems[0] ? `  ✗ ${a.problems[0].field ? `${a.problems[0].field}: ` : ''}${a.problems[0].message}` : ''),
  ]);
  const header = ['NAME', 'SOURCE', 'TOOLS', 'MODEL', 'FILE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  io.stdout(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  return 0;
}
