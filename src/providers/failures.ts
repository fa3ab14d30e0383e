import type { ProviderError } from './types.js';

/** What went wrong with one provider request, before it is worded for the user. */
export interface Failure {
  kind: 'http' | 'connection' | 'timeout' | 'stream' | 'config';
  status?: number;
  /** The server's own message, or the client's. */
  detail: string;
}

export interface FailureContext {
  /** Vendor as users know it, e.g. "Anthropic" or "the OpenAI-compatible server". */
  label: string;
  baseURL: string;
  model: string;
  /** How many times the request was retried before giving up. */
  retries: number;
  /** The variable holding the key, named in authentication errors. */
  keyVariable: string;
  timeoutMs?: number;
}

/** One-line message naming what failed, where, and what to do about it. */
export function describeFailure(failure: Failure, ctx: FailureContext): ProviderError {
  const after = ctx.retries > 0 ? ` after ${ctx.retries} ${ctx.retries === 1 ? 'retry' : 'retries'}` : '';
  const { status, detail } = failure;
  const code = status === undefined ? '' : `${status} `;
  switch (failure.kind) {
    case 'config':
      return { message: detail, retryable: false };
    case 'connection':
      return {
        message: `could not reach ${ctx.label} at ${ctx.baseURL}${after} (${detail}): is the server running and the base URL right (--base-url)?`,
        retryable: true,
      };
    case 'timeout':
      return {
        message: `${ctx.label} at ${ctx.baseURL} did not answer within ${ctx.timeoutMs ?? '?'} ms${after}: raise the timeout or try again later`,
        retryable: true,
      };
    case 'stream':
      return { message: `${ctx.label} stream failed (${detail}): try again later`, status, retryable: true };
    case 'http':
      break;
  }
  if (status === 401 || status === 403) {
    return {
      message: `${ctx.label} rejected the credentials (${code}${detail}) at ${ctx.baseURL}: check ${ctx.keyVariable}`,
      status,
      retryable: false,
    };
  }
  if (status === 404) {
    return {
      message: `${ctx.label} answered 404 (${detail}) at ${ctx.baseURL}: check the model id "${ctx.model}" (--model) and the base URL`,
      status,
      retryable: false,
    };
  }
  if (status === 429) {
    return { message: `${ctx.label} kept rate-limiting the request${after} (${code}${detail}): wait and try again`, status, retryable: true };
  }
  if (status !== undefined && (status >= 500 || status === 408 || status === 409)) {
    return { message: `${ctx.label} returned a server error${after} (${code}${detail}): try again later`, status, retryable: true };
  }
  return { message: `${ctx.label} rejected the request (${code}${detail})`, status, retryable: false };
}

/** True when a failure came from our own signal (or the SDK's wrapping of it). */
export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError');
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** How often the SDK retried before giving up: all its retries on retryable statuses and connection failures, none on the rest. */
export function retriesFor(failure: Failure, maxRetries: number): number {
  if (failure.kind === 'connection' || failure.kind === 'timeout') return maxRetries;
  const s = failure.status;
  return s !== undefined && (s === 408 || s === 409 || s === 429 || s >= 500) ? maxRetries : 0;
}
