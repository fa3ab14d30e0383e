import type { ReviewEvent } from '../loop/events.js';
import { formatCost, formatCount } from '../output/format.js';
import type { Usage } from '../review/schema.js';

export interface ProgressOptions {
  write: (text: string) => void;
  /** A live, rewritten status line: only on a terminal and without --quiet. */
  live: boolean;
  /** One line per tool call and result (works on pipes too). */
  verbose: boolean;
  columns?: number;
}

/** What a tool call is about, for the status line: its file, pattern or command. */
export function toolTarget(input: unknown): string {
  if (typeof input !== 'object' || input === null) return '';
  const record = input as Record<string, unknown>;
  for (const key of ['file_path', 'pattern', 'command', 'path', 'title']) {
    const value = record[key];
    if (typeof value === 'string' && value) return value.replace(/\s+/g, ' ');
  }
  return '';
}

/** The status line's usage: one token total, and the cost when the price is known. */
function liveUsage(usage: Usage): string {
  const total = usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  const tokens = `${formatCount(total)} tok`;
  return usage.costUsd === undefined ? tokens : `${tokens} · ${formatCost(usage.costUsd)}`;
}

/** Consumes loop events and draws progress on stderr. */
export class Progress {
  private agent = '';
  private turn = 0;
  private activity = 'starting';
  private usage?: Usage;
  private findings = 0;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {}

  readonly onEvent = (event: ReviewEvent): void => {
    switch (event.type) {
      case 'run-start':
        this.agent = `${event.agent} (${event.provider}:${event.model})`;
        break;
      case 'turn-start':
        this.turn = event.turn;
        this.activity = 'thinking';
        break;
      case 'tool-call':
        this.activity = `${event.name} ${toolTarget(event.input)}`.trim();
        if (this.options.verbose) this.line(`turn ${event.turn} → ${this.activity}`);
        break;
      case 'tool-result':
        if (this.options.verbose) {
          this.line(`turn ${event.turn} ← ${event.name}: ${event.isError ? 'error, ' : ''}${event.chars} chars in ${event.durationMs} ms`);
        }
        break;
      case 'finding':
        this.findings += 1;
        break;
      case 'usage':
        this.usage = event.total;
        break;
      case 'warning':
        this.line(`warning: ${event.message}`);
        break;
      case 'run-end':
        this.clear();
        return;
      default:
        return;
    }
    this.draw();
  };

  private draw(): void {
    if (!this.options.live) return;
    const parts = [this.agent, `turn ${this.turn}`, this.activity];
    if (this.findings) parts.push(`${this.findings} finding${this.findings > 1 ? 's' : ''}`);
    if (this.usage) parts.push(liveUsage(this.usage));
    const width = Math.max(20, (this.options.columns ?? 100) - 1);
    let text = parts.filter(Boolean).join(' · ');
    if (text.length > width) text = `${text.slice(0, width - 1)}…`;
    this.options.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.options.write('\r\x1b[2K');
    this.drawn = false;
  }

  private line(text: string): void {
    if (!this.options.live && !this.options.verbose) {
      if (text.startsWith('warning:')) this.options.write(`${text}\n`);
      return;
    }
    this.clear();
    this.options.write(`${text}\n`);
    this.draw();
  }
}
