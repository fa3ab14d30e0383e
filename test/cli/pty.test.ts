import { execFileSync } from 'node:child_process';
import { mkdtemp, realpath, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type ScriptedServer } from '../servers/index.js';
import { describeNeeding, needsNote } from '../helpers/system.js';
import { LEAK_FINDING, makeLeakyRepo } from '../helpers/leaky-repo.js';

// The CLI under a real pseudo-terminal (tmux), against a loopback OpenAI-compatible server whose
// second answer is held back until the test has read the live progress line.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliEntry = path.join(repoRoot, 'test', 'helpers', 'cli-entry.ts');
const tsxLoader = pathToFileURL(path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const socket = `ra-pty-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function screen(session: string): string {
  return tmux('capture-pane', '-p', '-t', session);
}

/** Polls the screen until `done` holds; bounded by attempts, not by a clock assertion. */
async function waitForScreen(session: string, done: (text: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 300; attempt++) {
    last = screen(session);
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the screen never showed ${what}. Last screen:\n${last}`);
}

/** A model server whose n-th request waits for `release()`: the live line is read meanwhile. */
async function gatedServer(upstream: ScriptedServer, gatedRequest: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const parts: Buffer[] = [];
      for await (const chunk of req) parts.push(chunk as Buffer);
      count += 1;
      if (count === gatedRequest) await gate;
      const base = new URL(upstream.url);
      const answer = await fetch(new URL(req.url ?? '/', base.origin), { method: req.method, headers: { 'content-type': 'application/json' }, body: Buffer.concat(parts) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      if (answer.body) for await (const chunk of answer.body) res.write(chunk);
      res.end();
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    release,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dir = await realpath(await makeLeakyRepo('ra-pty-'));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  try {
    tmux('kill-server');
  } catch {
    // The server is gone when no session is left.
  }
});

async function runUnderTmux(session: string, extraArgs: string[]) {
  const upstream = await startOpenAIServer([
    { text: 'Reading the script.', toolCalls: [{ name: 'Read', input: { file_path: 'train.py' } }], usage: { input: 1200, output: 80 } },
    { toolCalls: [{ name: 'submit_review', input: { verdict: 'block', summary: 'The scaler sees the test rows.', findings: [LEAK_FINDING] } }], usage: { input: 1500, output: 200 } },
  ]);
  const gated = await gatedServer(upstream, 2);
  cleanups.push(() => upstream.close(), () => gated.close());
  const command = [
    'env',
    '-u',
    'ANTHROPIC_API_KEY',
    '-u',
    'NO_COLOR',
    'OPENAI_API_KEY=sk-test-pty-0000000000000000',
    process.execPath,
    '--import',
    tsxLoader,
    cliEntry,
    'model-trainer',
    dir,
    '--provider',
    'openai',
    '--base-url',
    gated.url,
    '--no-config',
    ...extraArgs,
  ]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  // The pane stays open after the CLI exits (cat waits on the terminal), so the final screen can be read.
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', `sh -c "${command.replace(/"/g, '\\"')}; echo \\"[exit \\$?]\\"; exec cat"`);
  return gated;
}

// Generous: node and tsx start slowly on a loaded two-core machine. No assertion is about time.
describeNeeding('tmux')(`the CLI in a terminal${needsNote('tmux')}`, { timeout: 120_000 }, () => {
  it('shows a live progress line while the model works, then the report and the verdict', async () => {
    const session = 'live';
    const gated = await runUnderTmux(session, []);

    // Turn 1 has run its Read; turn 2 waits on the server: the status line shows agent, turn, tokens and cost.
    const live = await waitForScreen(session, (s) => /turn 2/.test(s), 'the live line at turn 2');
    const status = live.split('\n').find((l) => l.includes('turn 2'))!;
    expect(status).toMatch(/^model-trainer \(openai:gpt-5\) · turn 2 · thinking · 1\.28k tok · \$0\.\d{4}$/);
    expect(live).toContain('using the openai provider: --provider openai (model gpt-5)');

    gated.release();
    const final = await waitForScreen(session, (s) => /\[exit \d+\]/.test(s), 'the exit code');
    expect(final).not.toContain('thinking');
    expect(final).toContain('model-trainer review · openai/gpt-5');
    expect(final).toContain('CRITICAL (1)');
    expect(final).toContain('Scaler fitted before the split');
    expect(final).toContain('X = StandardScaler().fit_transform(X)');
    const lines = final.trimEnd().split('\n');
    const verdict = lines[lines.length - 2]!;
    expect(verdict).toMatch(/BLOCK/);
    expect(verdict).toMatch(/1 CRITICAL/);
    expect(verdict).toMatch(/tok/);
    expect(lines[lines.length - 1]).toBe('[exit 1]');
  });

  it('with --verbose, prints each tool call with its target and result size above the live line', async () => {
    const session = 'verbose';
    const gated = await runUnderTmux(session, ['--verbose']);
    const live = await waitForScreen(session, (s) => /turn 2/.test(s), 'the live line at turn 2');
    expect(live).toContain('turn 1 → Read train.py');
    expect(live).toMatch(/turn 1 ← Read: \d+ chars in \d+ ms/);
    gated.release();
    await waitForScreen(session, (s) => /\[exit \d+\]/.test(s), 'the exit code');
  });

  it('is silent on stderr with --quiet: only the report reaches the terminal', async () => {
    const session = 'quiet';
    const gated = await runUnderTmux(session, ['--quiet']);
    gated.release();
    const final = await waitForScreen(session, (s) => /\[exit \d+\]/.test(s), 'the exit code');
    expect(final).not.toContain('using the openai provider');
    expect(final).not.toContain('turn ');
    expect(final).toContain('CRITICAL (1)');
  });
});
