// The built-in tool set and the one way the loop runs a tool: validate, run, never throw.
import { z } from 'zod';
import { createBashTool } from './bash.js';
import { createGlobTool } from './glob.js';
import { createGrepTool } from './grep.js';
import { createReadTool } from './read.js';
import type { AnyTool, ToolContext, ToolResult } from './types.js';

export interface BuiltinToolsOptions {
  /** 'bwrap' (default). 'unsafe-none' only when the user passed --unsafe-no-sandbox. */
  sandbox?: 'bwrap' | 'unsafe-none';
  /** 'auto' (default): ripgrep when on PATH, else the built-in engine. */
  grepEngine?: 'auto' | 'rg' | 'native';
  /** Bash(pattern) grants such as "git diff:*"; undefined allows any (sandboxed) command. */
  bashAllow?: string[];
}

/** Read, Grep, Glob and Bash, in that order. Filtering by an agent's `tools:` is the caller's job. */
export function createBuiltinTools(options: BuiltinToolsOptions = {}): AnyTool[] {
  return [
    createReadTool(),
    createGrepTool({ engine: options.grepEngine ?? 'auto' }),
    createGlobTool(),
    createBashTool({ sandbox: options.sandbox ?? 'bwrap', allow: options.bashAllow }),
  ];
}

/**
 * JSON Schema of an input schema, as providers send it to models: the input side of transforms,
 * no `$schema` key (vendors reject it), and anything JSON Schema cannot express left open rather
 * than failing (custom tools may use such types).
 */
export function inputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** JSON Schema of a tool's input. */
export function toolInputJsonSchema(tool: AnyTool): Record<string, unknown> {
  return inputJsonSchema(tool.inputSchema);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(input)';
      return `- ${field}: ${issue.message}`;
    })
    .join('\n');
}

/** Validates `rawInput` against the tool's schema and runs it. Never throws. */
export async function runTool(tool: AnyTool, rawInput: unknown, ctx: ToolContext): Promise<ToolResult> {
  if (ctx.signal.aborted) return { content: `${tool.name} was not run: the review was cancelled.`, isError: true };
  const parsed = tool.inputSchema.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = Object.keys((toolInputJsonSchema(tool).properties as Record<string, unknown> | undefined) ?? {});
    return {
      content: `Invalid input for ${tool.name}:\n${describeIssues(parsed.error)}\nExpected an object with fields: ${fields.join(', ')}. Fix the input and call ${tool.name} again.`,
      isError: true,
    };
  }
  try {
    return await tool.run(parsed.data, ctx);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { content: `${tool.name} failed: ${reason}`, isError: true };
  }
}

export { createReadTool, createGrepTool, createGlobTool, createBashTool };
export { realRoot, resolveInRoot } from './paths.js';
export { renderNotebook, isNotebookPath } from './notebook.js';
export type { NotebookLine } from './notebook.js';
