import type { z } from 'zod';

/** Limits every tool honours; the defaults follow Claude Code's conventions. */
export interface ToolLimits {
  /** Read: lines returned when no limit is given (default 2000). */
  readMaxLines: number;
  /** Read: longer lines are cut (default 2000 characters). */
  readMaxLineLength: number;
  /** Read: byte cap of one result (default 256 KiB). */
  readMaxBytes: number;
  /** Grep: default head_limit (250). */
  grepHeadLimit: number;
  /** Glob: maximum results (100). */
  globMaxResults: number;
  /** Bash: default and maximum timeout in ms (120000 / 600000). */
  bashDefaultTimeoutMs: number;
  bashMaxTimeoutMs: number;
  /** Bash: characters of output kept (30000). */
  bashMaxOutputChars: number;
}

export const DEFAULT_TOOL_LIMITS: ToolLimits = {
  readMaxLines: 2000,
  readMaxLineLength: 2000,
  readMaxBytes: 256 * 1024,
  grepHeadLimit: 250,
  globMaxResults: 100,
  bashDefaultTimeoutMs: 120_000,
  bashMaxTimeoutMs: 600_000,
  bashMaxOutputChars: 30_000,
};

/** What a tool tells the outside world while it runs (e.g. a degraded engine). */
export type ToolEvent =
  | { type: 'tool-warning'; tool: string; message: string }
  | { type: 'tool-progress'; tool: string; message: string };

export interface ToolContext {
  /** Absolute, realpath'd review root. Nothing outside it may be read. */
  root: string;
  limits: ToolLimits;
  signal: AbortSignal;
  emit: (event: ToolEvent) => void;
}

export interface ToolResult {
  content: string;
  isError: boolean;
}

/** A tool is a plain object. `run` must not throw: failures are error results the model can read. */
export interface Tool<Input = unknown> {
  name: string;
  description: string;
  inputSchema: z.ZodType<Input>;
  run(input: Input, ctx: ToolContext): Promise<ToolResult>;
}

/** A tool whose input type has been erased, as held in a tool set. */
export type AnyTool = Tool<any>;

export const BUILTIN_TOOL_NAMES = ['Read', 'Grep', 'Glob', 'Bash'] as const;
export type BuiltinToolName = (typeof BUILTIN_TOOL_NAMES)[number];
