import { z } from 'zod';

/** `tools:` and `disallowedTools:` are a comma/space separated string or a YAML list. */
const ToolList = z.union([z.string(), z.array(z.string()), z.null()]);

/** Frontmatter fields we understand. Anything else is kept and reported as unknown. */
export const AgentFrontmatter = z.object({
  name: z
    .string({ error: 'name is required: a short id such as "model-trainer"' })
    .trim()
    .min(1, 'name must not be empty')
    .refine((n) => !n.includes(':'), 'name must not contain ":" (Claude Code reserves it for plugin namespaces); use "-" instead'),
  description: z
    .string({ error: 'description is required: one sentence saying when to use this agent' })
    .trim()
    .min(1, 'description must not be empty'),
  tools: ToolList.optional(),
  disallowedTools: ToolList.optional(),
  model: z.string().trim().min(1).optional(),
  maxTurns: z.number().int().positive().optional(),
  color: z.string().optional(),
  compatible_with: z.union([z.string(), z.array(z.string())]).optional(),
});
export type AgentFrontmatter = z.infer<typeof AgentFrontmatter>;

export const KNOWN_FIELDS = new Set(Object.keys(AgentFrontmatter.shape));

/** One entry of `tools:`, e.g. `Read` or `Bash(git diff:*)`. */
export const ToolGrant = z.object({
  name: z.string(),
  /** The text inside the parentheses, e.g. `git diff:*`. */
  pattern: z.string().optional(),
});
export type ToolGrant = z.infer<typeof ToolGrant>;

export const AGENT_SOURCES = ['file', 'project', 'local', 'user', 'builtin'] as const;
export type AgentSourceKind = (typeof AGENT_SOURCES)[number];

export const AgentSpec = z.object({
  name: z.string(),
  description: z.string(),
  /** Tools the model is offered, after `disallowedTools`; `Bash(pattern)` grants keep their pattern. */
  tools: z.array(ToolGrant),
  /** `opus | sonnet | haiku | inherit` or a full model id. */
  model: z.string(),
  maxTurns: z.number().int().positive().optional(),
  color: z.string().optional(),
  compatibleWith: z.array(z.string()),
  /** The markdown body: the system prompt. */
  prompt: z.string(),
  source: z.object({ path: z.string(), kind: z.enum(AGENT_SOURCES) }),
  /** Frontmatter fields we do not know, preserved as written. */
  unknownFields: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
});
export type AgentSpec = z.infer<typeof AgentSpec>;
