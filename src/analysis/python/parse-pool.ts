// Parsing dominates the analysis of big trees (tree-sitter runs in wasm on one thread), so large
// reviews parse on worker threads while the main thread runs the dataflow on files already parsed.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Module } from './ast.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

export interface ParsePool {
  /** Parses on a worker; rejects if the worker fails (callers then parse in-process). */
  parse(code: string): Promise<Module>;
  readonly size: number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (m: Module) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  dead: boolean;
}

/**
 * One worker per core, at most four: the main thread spends much of its time waiting for parses, and
 * beyond four it cannot keep up with the results (measured: bench/analysis.bench.ts).
 */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Below this much Python, starting workers costs more than it saves. */
export const PARALLEL_PARSE_MIN_BYTES = 1 << 20;

/**
 * From dist/ the worker is the compiled .js beside this module. Under the TypeScript sources (tests, tsx)
 * it is the .ts file, loaded through tsx registered inside the worker (loader flags do not reach workers).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', import.meta.url));
  const source = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true });
}

export function createParsePool(size = defaultPoolSize()): ParsePool {
  let nextId = 0;
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: startWorker(), pending: new Map(), dead: false };
    const fail = (error: Error) => {
      slot.dead = true;
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    slot.worker.on('message', (reply: ParseReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) slot.worker.unref();
      if ('module' in reply) p.resolve(reply.module);
      else p.reject(new Error(reply.error));
    });
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`parse worker exited with code ${code}`)));
    // Idle workers must not keep a CLI process alive; busy ones must (a pending parse is awaited).
    slot.worker.unref();
    slots.push(slot);
  }
  return {
    size,
    parse(code: string): Promise<Module> {
      const live = slots.filter((s) => !s.dead);
      if (live.length === 0) return Promise.reject(new Error('no parse worker is running'));
      // The least busy worker: files differ in size, so round-robin would leave one idle.
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<Module>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, code } satisfies ParseRequest);
      });
    },
    async close(): Promise<void> {
      await Promise.all(
        slots.map(async (s) => {
          s.dead = true;
          await s.worker.terminate();
        }),
      );
    },
  };
}
