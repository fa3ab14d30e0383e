import { rename, writeFile } from 'node:fs/promises';
import {
  formatCassette,
  hashRequest,
  normalizeRequest,
  readCassette,
  type Cassette,
  type CassetteEntry,
  type RequestNormalizer,
} from './cassette.js';
import { diffRequests } from './request-diff.js';
import { finishEvent } from './turn.js';
import type { GenerateRequest, Provider, ProviderEvent } from './types.js';

export interface RecordOptions {
  /** Applied to every request before it is stored and hashed; replay must use the same one. */
  normalize?: RequestNormalizer;
}

/**
 * Wraps a provider so that every exchange is saved to `path` (written after each request
 * completes, so a run cut short still leaves a usable recording). Events pass through unchanged.
 */
export function recordingProvider(inner: Provider, path: string, options: RecordOptions = {}): Provider {
  const cassette: Cassette = { version: 1, provider: inner.id, model: inner.model, entries: [] };
  if (inner.contextWindow !== undefined) cassette.contextWindow = inner.contextWindow;
  let writes: Promise<void> = Promise.resolve();

  async function* generate(request: GenerateRequest): AsyncGenerator<ProviderEvent> {
    const normalized = normalizeRequest(request, options.normalize);
    // The slot is taken when the request starts, so entries keep request order.
    const entry: CassetteEntry = { requestHash: hashRequest(normalized), request: normalized, events: [] };
    cassette.entries.push(entry);
    for await (const event of inner.generate(request)) {
      if (event.type === 'finish') {
        entry.events.push(structuredClone(event));
        writes = writes.then(() => save(path, cassette));
        const failure = await writes.then(
          () => undefined,
          (error: unknown) => (error as Error).message,
        );
        if (failure) yield { type: 'warning', message: `could not write the recording ${path}: ${failure}` };
        yield event;
        return;
      }
      const last = entry.events[entry.events.length - 1];
      // Adjacent text deltas are merged: the recording stays small and readable, replay shows the same text.
      if (event.type === 'text-delta' && last?.type === 'text-delta') last.text += event.text;
      else entry.events.push(structuredClone(event));
      yield event;
    }
  }

  return { id: inner.id, model: inner.model, contextWindow: inner.contextWindow, generate };
}

async function save(path: string, cassette: Cassette): Promise<void> {
  const complete = { ...cassette, entries: cassette.entries.filter((e) => e.events.at(-1)?.type === 'finish') };
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, formatCassette(complete));
  await rename(temp, path);
}

export interface ReplayOptions {
  /**
   * Strict (the default): every request must match the next recorded one exactly, else the
   * request fails with what changed. Lenient: a matching entry later in the recording is used
   * if there is one, else the next entry is played with a warning saying what differs.
   */
  strict?: boolean;
  /** The normalizer the recording was made with. */
  normalize?: RequestNormalizer;
}

/** Plays a recording back: requests are matched by the hash of their normalized content, in order. */
export function createReplayProvider(source: string | Cassette, options: ReplayOptions = {}): Provider {
  const cassette = typeof source === 'string' ? readCassette(source) : source;
  const label = typeof source === 'string' ? source : 'the recording';
  const strict = options.strict ?? true;
  let cursor = 0;
  let requestNumber = 0;

  function fail(message: string): ProviderEvent {
    return finishEvent({ parts: [], stopReason: 'error', error: { message, retryable: false } });
  }

  async function* generate(request: GenerateRequest): AsyncGenerator<ProviderEvent> {
    requestNumber++;
    if (request.signal?.aborted) {
      yield finishEvent({ parts: [], stopReason: 'aborted' });
      return;
    }
    const normalized = normalizeRequest(request, options.normalize);
    const hash = hashRequest(normalized);
    const next = cassette.entries[cursor];
    if (!next) {
      yield fail(
        `replay: request ${requestNumber} has no recorded answer: ${label} holds ${cassette.entries.length} requests (the run took a different path?): re-record with --record`,
      );
      return;
    }
    let index = cursor;
    if (next.requestHash !== hash) {
      const later = strict ? -1 : cassette.entries.findIndex((e, i) => i > cursor && e.requestHash === hash);
      if (later >= 0) {
        index = later;
      } else {
        const diff = diffRequests(next.request, normalized)?.message ?? 'the request hash differs from the recording';
        if (strict) {
          yield fail(`replay: request ${requestNumber} does not match ${label}: ${diff}: re-record with --record`);
          return;
        }
        yield { type: 'warning', message: `replay: request ${requestNumber} does not match ${label}, playing the recorded answer anyway: ${diff}` };
      }
    }
    cursor = index + 1;
    for (const event of cassette.entries[index]!.events) yield structuredClone(event);
  }

  return { id: 'replay', model: cassette.model, contextWindow: cassette.contextWindow, generate };
}
