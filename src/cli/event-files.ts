import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { ReviewAgentError } from '../errors.js';
import { once } from 'node:events';
import type { ReviewEvent } from '../loop/events.js';
import { createRedactor } from './redact.js';

/** Writes `--events` (JSON lines, no message bodies) and `--transcript` (the whole exchange, redacted). */
export class EventFiles {
  private readonly streams: WriteStream[] = [];
  private readonly events?: WriteStream;
  private readonly transcript?: WriteStream;
  private readonly redact: (text: string) => string;

  constructor(options: { events?: string; transcript?: string; env: Record<string, string | undefined> }) {
    this.redact = createRedactor(options.env);
    if (options.events) this.events = this.open(options.events);
    if (options.transcript) this.transcript = this.open(options.transcript);
  }

  private open(file: string): WriteStream {
    let fd: number;
    try {
      fd = openSync(file, 'w');
    } catch (error) {
      throw new ReviewAgentError('usage', `cannot write ${file}: ${(error as NodeJS.ErrnoException).code}`, {
        file,
        fix: 'choose a path in an existing, writable folder',
        cause: error,
      });
    }
    const stream = createWriteStream('', { fd, encoding: 'utf8' });
    this.streams.push(stream);
    return stream;
  }

  readonly onEvent = (event: ReviewEvent): void => {
    if (this.events && event.type !== 'message' && event.type !== 'text-delta') {
      this.events.write(`${this.redact(JSON.stringify(stripSystem(event)))}\n`);
    }
    if (this.transcript && (event.type === 'run-start' || event.type === 'message' || event.type === 'run-end' || event.type === 'warning')) {
      this.transcript.write(`${this.redact(JSON.stringify(event))}\n`);
    }
  };

  async close(): Promise<void> {
    await Promise.all(
      this.streams.map(async (s) => {
        s.end();
        await once(s, 'finish');
      }),
    );
  }
}

function stripSystem(event: ReviewEvent): unknown {
  if (event.type !== 'run-start') return event;
  const { system: _system, ...rest } = event;
  return rest;
}
