import type { AgentSpec } from '../agent/schema.js';
import { ReviewAgentError } from '../errors.js';
import type { ToolSpec } from '../providers/types.js';
import { createBuiltinTools, toolInputJsonSchema } from '../../tools/index.js';
import type { AnyTool } from '../../tools/types.js';
import { REPORT_FINDING, SUBMIT_REVIEW } from './review-tools.js';

export interface ToolSetOptions {
  /** 'unsafe-none' only from the user's explicit --unsafe-no-sandbox; never from the model. */
  sandbox?: 'bwrap' | 'unsafe-none';
  grepEngine?: 'auto' | 'rg' | 'native';
  /** Custom tools from a library caller, offered in addition to the agent's built-ins. */
  extraTools?: AnyTool[];
}

/** The tools an agent's model is offered: its grants (minus disallowed, done by the loader) plus custom tools. */
export function agentTools(agent: AgentSpec, options: ToolSetOptions = {}): AnyTool[] {
  const granted = new Set(agent.tools.map((g) => g.name));
  const bashPatterns = agent.tools.filter((g) => g.name === 'Bash' && g.pattern !== undefined).map((g) => g.pattern!);
  const builtins = createBuiltinTools({
    sandbox: options.sandbox ?? 'bwrap',
    grepEngine: options.grepEngine ?? 'auto',
    bashAllow: bashPatterns.length ? bashPatterns : undefined,
  }).filter((t) => granted.has(t.name));
  const extra = options.extraTools ?? [];
  const names = new Set<string>();
  for (const tool of [...builtins, ...extra]) {
    if (tool.name === SUBMIT_REVIEW || tool.name === REPORT_FINDING || names.has(tool.name)) {
      throw new ReviewAgentError('usage', `two tools are named "${tool.name}"`, {
        field: 'tools',
        fix: `rename the custom tool; ${SUBMIT_REVIEW} and ${REPORT_FINDING} are reserved`,
      });
    }
    names.add(tool.name);
  }
  return [...builtins, ...extra];
}

export function toToolSpec(tool: AnyTool): ToolSpec {
  return { name: tool.name, description: tool.description, inputSchema: toolInputJsonSchema(tool) };
}
