import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { EXIT, ReviewAgentError } from '../../errors.js';
import { createReviewServer } from '../../mcp/server.js';
import { parseDuration } from '../duration.js';
import type { CliIO } from '../io.js';

const OPTIONS = {
  provider: { type: 'string' },
  model: { type: 'string' },
  'base-url': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'max-turns': { type: 'string' },
  'max-cost': { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

function usage(message: string, fix: string): ReviewAgentError {
  return new ReviewAgentError('usage', message, { fix });
}

function positive(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw usage(`--${flag} ${value} is not a positive number`, `e.g. --${flag} ${integer ? '20' : '0.50'}`);
  return n;
}

export interface McpStreams {
  stdin: Readable;
  stdout: Writable;
}

/**
 * `review-agent mcp`: serves the agents over MCP on stdin/stdout until the client closes stdin.
 * Flags set server-wide defaults; stdout carries only protocol messages, diagnostics go to stderr.
 */
export async function mcpCommand(argv: string[], io: CliIO, streams: McpStreams = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw usage((error as Error).message.split('\n')[0]!.replace(/\.$/, ''), 'run "review-agent mcp [--provider id] [--model m] [--config file]"');
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = parseDuration(values.timeout);
    if (!timeoutMs) throw usage(`--timeout ${values.timeout} is not a duration`, 'use e.g. 90s, 10m or 1h');
  }
  const log = values.quiet ? undefined : (line: string) => io.stderr(`${line}\n`);
  const server = await createReviewServer({
    cwd: io.cwd,
    env: io.env,
    log,
    defaults: {
      provider: values.provider,
      model: values.model,
      baseUrl: values['base-url'],
      config: values['no-config'] ? false : values.config,
      maxTurns: positive('max-turns', values['max-turns'], true),
      maxCostUsd: positive('max-cost', values['max-cost'], false),
      timeoutMs,
    },
  });

  const transport = new StdioServerTransport(streams.stdin, streams.stdout);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  await server.connect(transport);
  // The stdio transport does not notice the end of stdin by itself: that is how clients hang up.
  const ended = Promise.race([once(streams.stdin, 'end'), once(streams.stdin, 'close')]);
  const interrupted = io.signal ? once(io.signal, 'abort') : new Promise(() => undefined);
  await Promise.race([ended, interrupted, closed]);
  await server.close();
  return EXIT.ok;
}
