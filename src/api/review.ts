import type { EventSink, ReviewEvent } from '../loop/events.js';
import type { Review } from '../review/schema.js';
import { prepareReview, type ReviewOptions } from './prepare.js';
import { runPrepared } from './run.js';

export interface ReviewCallOptions extends ReviewOptions {
  /** Aborting ends the run: the review comes back marked incomplete with what was found so far. */
  signal?: AbortSignal;
  /** Every loop event as it happens (turns, tool calls, findings, usage, warnings, the end). */
  onEvent?: EventSink;
}

/**
 * Reviews a folder with an agent and returns the grounded review. Resolves its inputs exactly as
 * the CLI does (config file, environment, defaults). Throws ReviewAgentError for bad inputs
 * (unknown agent, broken config, missing path); model and provider failures end in an
 * incomplete review instead.
 */
export async function review(options: ReviewCallOptions): Promise<Review> {
  const prepared = await prepareReview(options);
  return runPrepared(prepared, { signal: options.signal, onEvent: options.onEvent });
}

/** The events of one review as an async iterator, with the final review alongside. */
export interface ReviewStream extends AsyncIterable<ReviewEvent> {
  /** Settles when the run ends, whether or not the events are read. */
  readonly result: Promise<Review>;
}

/**
 * Starts a review and yields its events. Leaving the loop early (break, return, throw) aborts the
 * run; `result` then settles with the incomplete review. An input error rejects `result` and is
 * thrown from the iterator.
 */
export function streamReview(options: ReviewOptions & { signal?: AbortSignal }): ReviewStream {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const queue: ReviewEvent[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;

  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const result = review({ ...options, signal, onEvent: (event) => (queue.push(event), notify()) }).then(
    (value) => {
      finished = true;
      notify();
      return value;
    },
    (error: unknown) => {
      finished = true;
      failure = { error };
      notify();
      throw error;
    },
  );
  // Readers of the iterator see the error there; do not also report it as unhandled.
  result.catch(() => undefined);

  async function* events(): AsyncGenerator<ReviewEvent> {
    try {
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (failure) throw failure.error;
        if (finished) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      if (!finished) controller.abort(new Error('the event stream was closed before the review ended'));
    }
  }

  return { result, [Symbol.asyncIterator]: () => events() };
}
