import { parseArgs } from 'node:util';
import { ReviewAgentError } from '../errors.js';
import { parseDuration } from './duration.js';

import { REVIEW_FORMATS } from '../api/format.js';
import { FAIL_ON, type FailOn } from '../config/schema.js';

export const FORMATS = REVIEW_FORMATS;
export type Format = (typeof FORMATS)[number];
export { FAIL_ON, type FailOn };

export interface ReviewArgs {
  agent: string;
  path: string;
  provider?: string;
  model?: string;
  baseUrl?: string;
  cassette?: string;
  record?: string;
  format: Format;
  output?: string;
  /** Undefined: REVIEW_AGENT_FAIL_ON, then the config file, then 'critical'. */
  failOn?: FailOn;
  /** --config FILE: use this config file instead of searching; --no-config: none. */
  config?: string | false;
  strict: boolean;
  maxTurns?: number;
  maxCostUsd?: number;
  timeoutMs?: number;
  focus: string[];
  quiet: boolean;
  verbose: boolean;
  events?: string;
  transcript?: string;
  unsafeNoSandbox: boolean;
  color?: boolean;
}

const OPTIONS = {
  provider: { type: 'string' },
  model: { type: 'string' },
  'base-url': { type: 'string' },
  cassette: { type: 'string' },
  record: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  strict: { type: 'boolean' },
  'max-turns': { type: 'string' },
  'max-cost': { type: 'string' },
  timeout: { type: 'string' },
  focus: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  events: { type: 'string' },
  transcript: { type: 'string' },
  'unsafe-no-sandbox': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

function usage(message: string, fix: string): ReviewAgentError {
  return new ReviewAgentError('usage', message, { fix });
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T;
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined;
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`--${flag} ${value} is not valid`, `use one of: ${allowed.join(', ')}`);
}

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw usage(`--${flag} ${value} is not a positive ${integer ? 'whole ' : ''}number`, `e.g. --${flag} ${integer ? '20' : '0.50'}`);
  }
  return n;
}

export function parseReviewArgs(argv: string[]): ReviewArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage((error as Error).message.split('\n')[0]!.replace(/\.$/, ''), 'run "review-agent --help" for the options');
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    throw usage(
      positionals.length < 2 ? 'missing arguments: an agent and a path to review' : `too many arguments: ${positionals.slice(2).join(' ')}`,
      'run "review-agent <agent> <path>", e.g. "review-agent model-trainer examples/churn-leaky"',
    );
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = parseDuration(values.timeout);
    if (!timeoutMs) throw usage(`--timeout ${values.timeout} is not a duration`, 'use e.g. 90s, 10m or 1h (a bare number is seconds)');
  }
  if (values.provider === 'replay' && !values.cassette) {
    throw usage('--provider replay needs a recording', 'add --cassette FILE (a file written by --record)');
  }
  return {
    agent: positionals[0]!,
    path: positionals[1]!,
    provider: values.provider,
    model: values.model,
    baseUrl: values['base-url'],
    cassette: values.cassette,
    record: values.record,
    format: oneOf('format', values.format, FORMATS, 'terminal'),
    output: values.output,
    failOn: oneOf('fail-on', values['fail-on'], FAIL_ON),
    config: values['no-config'] ? false : values.config,
    strict: values.strict ?? false,
    maxTurns: positiveNumber('max-turns', values['max-turns'], true),
    maxCostUsd: positiveNumber('max-cost', values['max-cost'], false),
    timeoutMs,
    focus: values.focus ?? [],
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    events: values.events,
    transcript: values.transcript,
    unsafeNoSandbox: values['unsafe-no-sandbox'] ?? false,
    color: values['no-color'] ? false : values.color,
  };
}
