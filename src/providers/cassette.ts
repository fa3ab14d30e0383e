import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ReviewAgentError } from '../errors.js';
import type { GenerateRequest, Message, ProviderEvent, ToolSpec } from './types.js';

/**
 * A recording of a provider's exchanges (`--record FILE`): each request in normalized form (no
 * signal, no headers, no vendor format), its hash, and the events the provider answered with.
 */
export interface Cassette {
  version: 1;
  /** The provider and model that were recorded. */
  provider: string;
  model: string;
  contextWindow?: number;
  entries: CassetteEntry[];
}

export interface CassetteEntry {
  requestHash: string;
  request: NormalizedRequest;
  events: ProviderEvent[];
}

export interface NormalizedRequest {
  system: string;
  messages: Message[];
  tools: ToolSpec[];
  maxTokens: number;
  toolChoice: 'auto' | 'none';
}

/** Rewrites a normalized request before hashing, e.g. to replace a temporary directory by a placeholder. */
export type RequestNormalizer = (request: NormalizedRequest) => NormalizedRequest;

export function normalizeRequest(request: GenerateRequest, normalize?: RequestNormalizer): NormalizedRequest {
  // The JSON round trip drops undefined fields and copies, so later mutation by the loop cannot alter a recording.
  const plain = JSON.parse(
    JSON.stringify({
      system: request.system,
      messages: request.messages,
      tools: request.tools,
      maxTokens: request.maxTokens,
      toolChoice: request.toolChoice ?? 'auto',
    }),
  ) as NormalizedRequest;
  return normalize ? normalize(plain) : plain;
}

export function hashRequest(request: NormalizedRequest): string {
  return `sha256:${createHash('sha256').update(stableStringify(request)).digest('hex')}`;
}

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const EventSchema = z.looseObject({ type: z.enum(['text-delta', 'tool-call', 'warning', 'finish']) });
const CassetteSchema = z.object({
  version: z.literal(1),
  provider: z.string(),
  model: z.string(),
  contextWindow: z.number().int().positive().optional(),
  entries: z.array(
    z.object({
      requestHash: z.string().min(1),
      request: z.looseObject({
        system: z.string(),
        messages: z.array(z.looseObject({ role: z.enum(['user', 'assistant']), content: z.array(z.looseObject({ type: z.string() })) })),
        tools: z.array(z.looseObject({ name: z.string() })),
        maxTokens: z.number(),
        toolChoice: z.enum(['auto', 'none']),
      }),
      events: z.array(EventSchema).refine((events) => events.at(-1)?.type === 'finish', 'must end with a finish event'),
    }),
  ),
});

/** Reads and checks a cassette; problems are reported with the file, the field and the fix. */
export function readCassette(path: string): Cassette {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReviewAgentError('usage', `cannot read the recording: ${(error as Error).message}`, {
      file: path,
      fix: 'pass a file written by --record, or record one with --record FILE',
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReviewAgentError('usage', `the recording is not valid JSON: ${(error as Error).message}`, {
      file: path,
      fix: 're-record it with --record',
      cause: error,
    });
  }
  const parsed = CassetteSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new ReviewAgentError('usage', `the recording is malformed: ${issue?.message ?? 'unknown problem'}`, {
      file: path,
      field,
      fix: 're-record it with --record',
    });
  }
  // The schema checks the frame; events and messages are trusted as our own types, written by recordingProvider.
  return parsed.data as unknown as Cassette;
}

/** Serialized with stable indentation so recordings diff well in review. */
export function formatCassette(cassette: Cassette): string {
  return `${JSON.stringify(cassette, null, 2)}\n`;
}
