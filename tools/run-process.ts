// Runs a child process in its own process group with a timeout that kills the whole group, keeping
// the head and tail of its output so a flood cannot exhaust memory.
import { spawn } from 'node:child_process';

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  stdout: string;
  stderr: string;
  /** Bytes dropped from the middle of stdout / stderr. */
  droppedBytes: number;
  spawnError?: string;
}

/** Keeps the first and last `keep` bytes of a stream. */
class HeadTail {
  private head: Buffer[] = [];
  private headSize = 0;
  private tail: Buffer = Buffer.alloc(0);
  dropped = 0;

  constructor(private readonly keep: number) {}

  push(chunk: Buffer): void {
    if (this.headSize < this.keep) {
      const take = chunk.subarray(0, this.keep - this.headSize);
      this.head.push(take);
      this.headSize += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    const joined = Buffer.concat([this.tail, chunk]);
    const excess = Math.max(0, joined.length - this.keep);
    this.dropped += excess;
    this.tail = joined.subarray(excess);
  }

  text(): string {
    const decoder = new TextDecoder('utf-8');
    // NUL is reserved as the marker of the dropped middle (see capOutput in bash.ts).
    const head = decoder.decode(Buffer.concat(this.head)).replaceAll('\0', '\\0');
    const tail = decoder.decode(this.tail).replaceAll('\0', '\\0');
    return this.dropped > 0 ? `${head}\0${tail}` : head + tail;
  }
}

export interface RunOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Bytes of head and of tail kept per stream. */
  keepBytes: number;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Never rejects. A NUL in stdout/stderr marks where the middle was dropped. */
export function runProcess(file: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const stdout = new HeadTail(options.keepBytes);
    const stderr = new HeadTail(options.keepBytes);
    let timedOut = false;
    let aborted = false;
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      killGroup(child.pid);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // When the command exits, leftovers in its group (background jobs holding the pipes) go too.
    child.on('exit', () => killGroup(child.pid));
    const finish = (exitCode: number | null, signal: string | null, spawnError?: string): void => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve({
        exitCode,
        signal,
        timedOut,
        aborted,
        stdout: stdout.text(),
        stderr: stderr.text(),
        droppedBytes: stdout.dropped + stderr.dropped,
        spawnError,
      });
    };
    child.on('error', (error) => finish(null, null, error.message));
    child.on('close', (code, signal) => finish(code, signal));
  });
}
