import { listAgents, type DiscoveryOptions } from '../agent/discovery.js';
import type { AgentSpec } from '../agent/schema.js';

/** An agent served as an MCP tool. */
export interface ServedAgent {
  tool: string;
  spec: AgentSpec;
}

/** What `list_agents` and the agents resource return for each agent. */
export interface AgentSummary {
  name: string;
  tool?: string;
  description: string;
  model: string;
  tools: string[];
  source: string;
  file: string;
  problems: string[];
  shadowedBy?: string;
}

/** MCP tool names allow letters, digits, `_` and `-`; `review_model_trainer` reads best in hosts. */
export function toolNameFor(agent: string): string {
  return `review_${agent.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.slice(0, 64);
}

/**
 * The agents a server offers: every valid agent that is not shadowed by another of the same name,
 * each with a unique tool name, plus a summary of every file found (broken ones included).
 */
export async function servedAgents(options: DiscoveryOptions): Promise<{ served: ServedAgent[]; summaries: AgentSummary[] }> {
  const listed = await listAgents(options);
  const served: ServedAgent[] = [];
  const used = new Set<string>(['list_agents']);
  const toolOf = new Map<string, string>();
  for (const entry of listed) {
    if (!entry.spec || entry.shadowedBy) continue;
    let tool = toolNameFor(entry.spec.name);
    for (let n = 2; used.has(tool); n++) tool = `${toolNameFor(entry.spec.name).slice(0, 60)}_${n}`;
    used.add(tool);
    toolOf.set(entry.file, tool);
    served.push({ tool, spec: entry.spec });
  }
  const summaries = listed.map((entry) => ({
    name: entry.spec?.name ?? '(invalid)',
    ...(toolOf.has(entry.file) ? { tool: toolOf.get(entry.file) } : {}),
    description: entry.spec?.description ?? '',
    model: entry.spec?.model ?? '',
    tools: entry.spec?.tools.map((t) => (t.pattern ? `${t.name}(${t.pattern})` : t.name)) ?? [],
    source: entry.kind,
    file: entry.file,
    problems: entry.problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`),
    ...(entry.shadowedBy ? { shadowedBy: entry.shadowedBy } : {}),
  }));
  return { served, summaries };
}
