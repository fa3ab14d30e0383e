import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ReviewOptions } from '../api/prepare.js';
import { review } from '../api/review.js';
import { loadConfigFor } from '../config/discover.js';
import { loadConfigFile } from '../config/load.js';
import { resolveSettings } from '../config/settings.js';
import { isReviewAgentError } from '../errors.js';
import { renderMarkdown } from '../output/markdown.js';
import { packageVersion } from '../package-root.js';
import { Review } from '../review/schema.js';
import { servedAgents, type AgentSummary, type ServedAgent } from './agents.js';
import { progressReporter, type ProgressSender } from './progress.js';

export interface ReviewServerOptions {
  /** Where agents are found and relative paths start (the host's project folder). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Server-wide review settings (from `review-agent mcp` flags); tool arguments override the per-call ones. */
  defaults?: Pick<ReviewOptions, 'provider' | 'model' | 'baseUrl' | 'config' | 'maxTurns' | 'maxCostUsd' | 'timeoutMs' | 'sandbox' | 'strict'>;
  /** Diagnostics; stdout belongs to the protocol, so the CLI passes stderr. */
  log?: (line: string) => void;
}

/**
 * Arguments every review tool takes. No base URL, cassette or recording: a tool call must not be
 * able to send the server's API keys to another host or write files.
 */
const ReviewArgs = {
  path: z.string().min(1).describe('Folder or file to review: absolute, or relative to the folder the server runs in.'),
  focus: z.array(z.string().min(1)).optional().describe('Files to look at first, relative to the reviewed folder.'),
  provider: z
    .string()
    .optional()
    .describe('anthropic, openai or offline. Default: the server setting, else chosen from its environment (offline without API keys).'),
  model: z.string().optional().describe('Model id or alias (opus, sonnet, haiku), overriding the agent\'s model.'),
  maxTurns: z.number().int().positive().optional().describe('Model turns before the review must be submitted.'),
  maxCostUsd: z.number().positive().optional().describe('Stop once the review has cost this many USD.'),
  timeoutSeconds: z.number().positive().optional().describe('Wall-clock limit of the review.'),
  strict: z.boolean().optional().describe('Drop findings that could not be verified against the code.'),
};
type ReviewArgs = z.infer<z.ZodObject<typeof ReviewArgs>>;

const AgentSummarySchema = z.object({
  name: z.string(),
  tool: z.string().optional(),
  description: z.string(),
  model: z.string(),
  tools: z.array(z.string()),
  source: z.string(),
  file: z.string(),
  problems: z.array(z.string()),
  shadowedBy: z.string().optional(),
});
const AgentList = z.object({ agents: z.array(AgentSummarySchema) });

function agentListText(agents: AgentSummary[]): string {
  if (agents.length === 0) return 'No agents found. Add agent .md files to .claude/agents/ or ./agents/.';
  return agents
    .map((a) => {
      const state = a.tool ? `tool ${a.tool}` : a.shadowedBy ? `shadowed by ${a.shadowedBy}` : `not served: ${a.problems[0] ?? 'invalid'}`;
      return `- ${a.name} (${a.source}, ${state}): ${a.description}`;
    })
    .join('\n');
}

function toolDescription(agent: ServedAgent): string {
  return `${agent.spec.description}\n\nRuns the "${agent.spec.name}" review agent over a folder or file and returns its findings (severity, file, line, issue, impact, fix, cited code) and a verdict (approve, warning or block). Read-only: it never changes files.`;
}

/** Which agent folders to search: the server's config may add some. */
async function agentDirsFor(options: ReviewServerOptions): Promise<string[]> {
  const configOption = options.defaults?.config;
  if (configOption === false || (configOption !== undefined && typeof configOption !== 'string')) return [];
  const config = typeof configOption === 'string' ? await loadConfigFile(configOption) : await loadConfigFor(options.cwd);
  return resolveSettings({ env: options.env, config, cwd: options.cwd }).agentDirs;
}

/**
 * An MCP server with one review tool per available agent, a `list_agents` tool and an
 * `review-agent://agents` resource. Agents are listed once, when the server is created.
 */
export async function createReviewServer(options: ReviewServerOptions): Promise<McpServer> {
  const log = options.log ?? (() => undefined);
  const { served, summaries } = await servedAgents({ cwd: options.cwd, extraDirs: await agentDirsFor(options) });
  const server = new McpServer(
    { name: 'review-agent', version: packageVersion() },
    { instructions: 'Code review agents. Call a review_<agent> tool with the path of a folder or file; call list_agents to see which agents exist and what they check.' },
  );

  server.registerTool(
    'list_agents',
    {
      title: 'List review agents',
      description: 'Lists the review agents this server offers (one review_<agent> tool each), with what they check and where they are defined.',
      outputSchema: AgentList.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => ({ content: [{ type: 'text', text: agentListText(summaries) }], structuredContent: { agents: summaries } }),
  );

  server.registerResource(
    'agents',
    'review-agent://agents',
    { title: 'Review agents', description: 'The agents this server offers, as JSON.', mimeType: 'application/json' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: `${JSON.stringify({ agents: summaries }, null, 2)}\n` }] }),
  );

  for (const agent of served) {
    server.registerTool(
      agent.tool,
      {
        title: `Review with ${agent.spec.name}`,
        description: toolDescription(agent),
        inputSchema: ReviewArgs,
        outputSchema: Review.shape,
        annotations: { readOnlyHint: true, openWorldHint: true },
      },
      async (args: ReviewArgs, extra) => {
        const sender: ProgressSender = (params) => extra.sendNotification({ method: 'notifications/progress', params });
        const progress = progressReporter(extra._meta?.progressToken, sender);
        log(`review-agent mcp: ${agent.tool} ${args.path}`);
        try {
          const result = await review({
            ...options.defaults,
            agent: agent.spec,
            path: args.path,
            cwd: options.cwd,
            env: options.env,
            focus: args.focus,
            ...(args.provider !== undefined ? { provider: args.provider } : {}),
            ...(args.model !== undefined ? { model: args.model } : {}),
            ...(args.maxTurns !== undefined ? { maxTurns: args.maxTurns } : {}),
            ...(args.maxCostUsd !== undefined ? { maxCostUsd: args.maxCostUsd } : {}),
            ...(args.timeoutSeconds !== undefined ? { timeoutMs: Math.round(args.timeoutSeconds * 1000) } : {}),
            ...(args.strict !== undefined ? { strict: args.strict } : {}),
            signal: extra.signal,
            onEvent: progress.onEvent,
          });
          await progress.flush();
          return { content: [{ type: 'text' as const, text: renderMarkdown(result) }], structuredContent: result };
        } catch (error) {
          const text = isReviewAgentError(error) ? error.describe() : `internal error: ${(error as Error)?.message ?? String(error)}`;
          log(`review-agent mcp: ${agent.tool} failed: ${text}`);
          return { content: [{ type: 'text' as const, text }], isError: true };
        }
      },
    );
  }
  log(`review-agent mcp: serving ${served.map((a) => a.tool).join(', ') || 'no agents'} from ${options.cwd}`);
  return server;
}
