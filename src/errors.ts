/** Exit codes of the CLI; library callers get them on errors too. */
export const EXIT = {
  ok: 0,
  failOn: 1,
  usage: 2,
  runtime: 3,
} as const;

export type ErrorKind =
  | 'usage' // bad flags or arguments
  | 'agent' // agent file problems
  | 'config' // configuration file problems
  | 'runtime'; // provider unreachable, sandbox missing, ...

/**
 * An error a user can act on: what went wrong, where (file, field), and how to fix it.
 * The message is one line; `fix` is the advice.
 */
export class ReviewAgentError extends Error {
  readonly kind: ErrorKind;
  readonly file?: string;
  readonly field?: string;
  readonly line?: number;
  readonly fix?: string;

  constructor(
    kind: ErrorKind,
    message: string,
    details: { file?: string; field?: string; line?: number; fix?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ReviewAgentError';
    this.kind = kind;
    this.file = details.file;
    this.field = details.field;
    this.line = details.line;
    this.fix = details.fix;
  }

  get exitCode(): number {
    return this.kind === 'runtime' ? EXIT.runtime : EXIT.usage;
  }

  /** `file:line: field: message (fix: ...)`, for one-line stderr reports. */
  describe(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    const field = this.field ? `${this.field}: ` : '';
    const fix = this.fix ? ` Fix: ${this.fix}` : '';
    return `${where}${field}${this.message}.${fix}`.replace(/\.\./g, '.');
  }
}

export function isReviewAgentError(error: unknown): error is ReviewAgentError {
  return error instanceof ReviewAgentError;
}
