import { mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { review, ReviewAgentError, streamReview, type ReviewEvent, type Tool } from '../../src/index.js';
import { call, scriptedProvider, text } from '../helpers/scripted-provider.js';

const TRAIN = `import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data.csv")
X, y = df.drop(columns=["label"]), df["label"]
X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
`;

const AGENT = `---
name: lib-test
description: Test agent for the library API.
tools: Read, Glob
---
You review ML code.
`;

const leak = {
  severity: 'CRITICAL',
  title: 'Scaler fitted before the split',
  file: 'train.py',
  line: 7,
  issue: 'StandardScaler is fitted on all rows before train_test_split.',
  impact: 'Test statistics leak into training.',
  fix: 'Split first, fit the scaler on X_train only.',
  current: 'X = StandardScaler().fit_transform(X)',
};

const vendored = { ...leak, severity: 'HIGH', title: 'Leak in vendored code', file: 'vendor/lib.py', line: 1, current: 'X = StandardScaler().fit_transform(X)' };

/** A project with an agent in .claude/agents and a training script. */
async function project(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'ra-lib-')));
  await mkdir(path.join(dir, '.claude', 'agents'), { recursive: true });
  await mkdir(path.join(dir, 'vendor'));
  await writeFile(path.join(dir, '.claude', 'agents', 'lib-test.md'), AGENT);
  await writeFile(path.join(dir, 'train.py'), TRAIN);
  await writeFile(path.join(dir, 'vendor', 'lib.py'), 'X = StandardScaler().fit_transform(X)\n');
  return dir;
}

/** A custom tool, as a library user would write one. */
function lineCounter(calls: string[]): Tool<{ file: string }> {
  return {
    name: 'CountLines',
    description: 'Counts the lines of a file under the review root.',
    inputSchema: z.object({ file: z.string() }),
    async run(input, ctx) {
      calls.push(input.file);
      const text = await readFile(path.join(ctx.root, input.file), 'utf8');
      return { content: String(text.split('\n').length - 1), isError: false };
    },
  };
}

let written: string[] = [];
beforeEach(() => {
  written = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('library: review()', () => {
  it('runs an agent found by name, with a custom provider and a custom tool, and prints nothing', async () => {
    const cwd = await project();
    const calls: string[] = [];
    const { provider, requests } = scriptedProvider([
      [text('Counting first.'), call('CountLines', { file: 'train.py' }), call('Read', { file_path: 'train.py' })],
      [call('submit_review', { summary: 'One leak.', findings: [leak] })],
    ]);
    const events: ReviewEvent[] = [];
    const result = await review({ agent: 'lib-test', path: '.', cwd, provider, tools: [lineCounter(calls)], config: false, env: {}, onEvent: (e) => events.push(e) });

    expect(result.status).toBe('complete');
    expect(result.verdict).toBe('block');
    expect(result.provider).toBe('scripted');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.verification?.status).toBe('verified');
    expect(calls).toEqual(['train.py']);
    expect(requests[0]!.tools.map((t) => t.name)).toEqual(['Read', 'Glob', 'CountLines', 'report_finding', 'submit_review']);
    const countResult = requests[1]!.messages.at(-1)!.content.find((p) => p.type === 'toolResult' && p.toolName === 'CountLines');
    expect(countResult).toMatchObject({ content: '8', isError: false });
    expect(events[0]!.type).toBe('run-start');
    expect(events.at(-1)).toEqual({ type: 'run-end', review: result });
    expect(written).toEqual([]);
  });

  it('reviews a single file as the focus of its folder', async () => {
    const cwd = await project();
    const { provider, requests } = scriptedProvider([[call('submit_review', { summary: 'Nothing.', findings: [] })]]);
    const result = await review({ agent: 'lib-test', path: 'train.py', cwd, provider, config: false, env: {} });
    expect(result.verdict).toBe('approve');
    expect(JSON.stringify(requests[0]!.messages[0])).toContain('train.py');
  });

  it('applies config ignores (inline config) and re-applies the approval policy', async () => {
    const cwd = await project();
    const { provider } = scriptedProvider([[call('submit_review', { summary: 'Two.', findings: [vendored] })]]);
    const events: ReviewEvent[] = [];
    const result = await review({ agent: 'lib-test', path: cwd, provider, config: { ignore: ['vendor/'] }, cwd, env: {}, onEvent: (e) => events.push(e) });
    expect(result.findings).toEqual([]);
    expect(result.verdict).toBe('approve');
    expect(result.warnings.at(-1)).toBe('ignored 1 finding in files matched by ignore globs: vendor/lib.py');
    const end = events.at(-1);
    expect(end?.type === 'run-end' && end.review.findings.length).toBe(0);
  });

  it('reads review-agent.config.yaml found above the reviewed path', async () => {
    const cwd = await project();
    await writeFile(path.join(cwd, 'review-agent.config.yaml'), 'maxTurns: 1\n');
    const { provider } = scriptedProvider([[call('Read', { file_path: 'train.py' })], [call('submit_review', { summary: 'Late.', findings: [leak] })]]);
    const result = await review({ agent: 'lib-test', path: path.join(cwd, 'vendor'), cwd, provider, env: {} });
    // One turn allowed, then the last-chance submit: the review is incomplete but keeps the finding.
    expect(result.status).toBe('incomplete');
    expect(result.endReason).toBe('max-turns');
  });

  it('stops on an AbortSignal with an incomplete review', async () => {
    const cwd = await project();
    const controller = new AbortController();
    const { provider } = scriptedProvider(
      [
        () => {
          controller.abort();
          return [call('Read', { file_path: 'train.py' })];
        },
      ],
      { repeatLast: true },
    );
    const result = await review({ agent: 'lib-test', path: cwd, cwd, provider, config: false, env: {}, signal: controller.signal });
    expect(result.status).toBe('incomplete');
    expect(result.endReason).toBe('aborted');
  });

  it('throws a ReviewAgentError for an unknown agent or a broken config', async () => {
    const cwd = await project();
    const { provider } = scriptedProvider([[text('unused')]]);
    await expect(review({ agent: 'nope', path: cwd, cwd, provider, config: false, env: {} })).rejects.toThrow(/no agent named "nope"/);
    const error = await review({ agent: 'lib-test', path: cwd, cwd, provider, config: { maxTurn: 3 } as never, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewAgentError);
    expect((error as ReviewAgentError).field).toBe('maxTurn');
    expect((error as ReviewAgentError).fix).toContain('did you mean "maxTurns"');
  });
});

describe('library: streamReview()', () => {
  it('yields every event and resolves the result', async () => {
    const cwd = await project();
    const { provider } = scriptedProvider([[call('Read', { file_path: 'train.py' })], [call('report_finding', leak)], [call('submit_review', { summary: 'One leak.', findings: [leak] })]]);
    const stream = streamReview({ agent: 'lib-test', path: cwd, cwd, provider, config: false, env: {} });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const result = await stream.result;
    expect(types[0]).toBe('run-start');
    expect(types.at(-1)).toBe('run-end');
    expect(types.filter((t) => t === 'turn-start')).toHaveLength(3);
    expect(types).toContain('finding');
    expect(types).toContain('tool-result');
    expect(result.findings).toHaveLength(1);
  });

  it('aborts the run when the loop is left early', async () => {
    const cwd = await project();
    const { provider } = scriptedProvider([[call('Read', { file_path: 'train.py' })]], { repeatLast: true });
    const stream = streamReview({ agent: 'lib-test', path: cwd, cwd, provider, config: false, env: {} });
    let turns = 0;
    for await (const event of stream) {
      if (event.type === 'turn-start') turns += 1;
      if (turns === 2) break;
    }
    const result = await stream.result;
    expect(result.status).toBe('incomplete');
    expect(result.endReason).toBe('aborted');
  });

  it('throws input errors from the iterator', async () => {
    const { provider } = scriptedProvider([[text('unused')]]);
    const stream = streamReview({ agent: 'lib-test', path: '/nonexistent/folder', provider, config: false, env: {} });
    await expect(
      (async () => {
        for await (const _ of stream) {
          // no events expected
        }
      })(),
    ).rejects.toThrow(/nothing to review/);
    await expect(stream.result).rejects.toBeInstanceOf(ReviewAgentError);
  });
});

describe('library: no printing, no argv, no exit', () => {
  it('no module reachable from src/index.ts reads process.argv, calls process.exit or writes to the console', async () => {
    const srcRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    const seen = new Set<string>();
    const queue = [path.join(srcRoot, 'src', 'index.ts')];
    const offenders: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const pattern of [/process\.argv/, /process\.exit\b/, /console\.(log|error|warn|info)/, /process\.(stdout|stderr)\.write/]) {
        if (pattern.test(code)) offenders.push(`${path.relative(srcRoot, file)}: ${pattern}`);
      }
      for (const match of code.matchAll(/from\s+'(\.{1,2}\/[^']+)\.js'/g)) {
        queue.push(path.resolve(path.dirname(file), `${match[1]}.ts`));
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
