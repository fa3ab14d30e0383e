import { toolTarget } from '../cli/progress.js';
import type { EventSink, ReviewEvent } from '../loop/events.js';

export interface ProgressParams {
  progressToken: string | number;
  progress: number;
  message: string;
}

export type ProgressSender = (params: ProgressParams) => Promise<void>;

function describe(event: ReviewEvent): string | undefined {
  switch (event.type) {
    case 'run-start':
      return `${event.agent} on ${event.provider}:${event.model}`;
    case 'turn-start':
      return `turn ${event.turn}`;
    case 'tool-call':
      return `turn ${event.turn}: ${`${event.name} ${toolTarget(event.input)}`.trim()}`;
    case 'finding':
      return `[${event.finding.severity}] ${event.finding.title} (${event.finding.file}:${event.finding.line})`;
    case 'run-end':
      return `done: ${event.review.verdict}, ${event.review.findings.length} finding(s)`;
    default:
      return undefined;
  }
}

export interface ProgressReporter {
  onEvent?: EventSink;
  /** Resolves once every notification sent so far has gone out, so none trails the tool's result. */
  flush(): Promise<void>;
}

/**
 * Loop events as MCP progress notifications, when the client asked for them with a progress
 * token. Notifications go out one after another, in event order; a failed one is dropped:
 * progress must never fail the review.
 */
export function progressReporter(token: string | number | undefined, send: ProgressSender): ProgressReporter {
  let chain: Promise<void> = Promise.resolve();
  if (token === undefined) return { flush: () => chain };
  let progress = 0;
  const onEvent: EventSink = (event) => {
    const message = describe(event);
    if (message === undefined) return;
    progress += 1;
    const params = { progressToken: token, progress, message };
    chain = chain.then(() => send(params)).catch(() => undefined);
  };
  return { onEvent, flush: () => chain };
}
