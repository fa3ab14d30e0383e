import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../../src/providers/offline.js';
import type { Message, ProviderEvent, ToolCallPart, ToolSpec } from '../../src/providers/types.js';
import { loadAgentFile } from '../../src/agent/loader.js';
import { runReview } from '../../src/loop/review.js';
import { ReviewSubmission } from '../../src/review/schema.js';

const TOOLS: ToolSpec[] = ['Read', 'Glob', 'Grep', 'submit_review', 'report_finding'].map((name) => ({ name, description: name, inputSchema: {} }));

async function turn(messages: Message[], tools = TOOLS, provider = createOfflineProvider()) {
  const events: ProviderEvent[] = [];
  for await (const e of provider.generate({ system: 's', messages, tools, maxTokens: 1000 })) events.push(e);
  const finish = events.at(-1);
  if (finish?.type !== 'finish') throw new Error('no finish event');
  const calls = finish.message.content.filter((p): p is ToolCallPart => p.type === 'toolCall');
  return { events, finish, calls };
}

/** Read's exact output format: `String(n).padStart(6) + '\t' + text`, notices on their own lines. */
function readResult(lines: string[], start = 1, total = lines.length, window = lines.length): string {
  const rows = lines.slice(start - 1, start - 1 + window).map((t, i) => `${String(start + i).padStart(6)}\t${t}`);
  const last = start + rows.length - 1;
  if (last < total) rows.push(`[review-agent: showing lines ${start}-${last} of ${total}; call Read with offset=${last + 1} to continue]`);
  return rows.join('\n');
}

const user = (content: Message['content']): Message => ({ role: 'user', content } as Message);

describe('offline provider turns', () => {
  it('starts with Glob calls for code, notebooks, dependency and settings files, with tool-call events then one finish', async () => {
    const { events, finish, calls } = await turn([user([{ type: 'text', text: 'Review this.' }])]);
    expect(calls.map((c) => c.name)).toEqual(['Glob', 'Glob', 'Glob', 'Glob']);
    expect(calls.map((c) => (c.input as { pattern: string }).pattern)).toEqual(expect.arrayContaining(['**/*.py', '**/*.ipynb', '**/*.{yaml,yml,toml,json}']));
    expect(events.filter((e) => e.type === 'tool-call')).toHaveLength(4);
    expect(finish).toMatchObject({ stopReason: 'tool_use', usage: { inputTokens: 0, outputTokens: 0 } });
    expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
  });

  it('reads listed files, pages with offset, and submits a review built from the Read lines', async () => {
    const first = await turn([user([{ type: 'text', text: 'Review.' }])]);
    const globResults: Record<string, string> = {
      '**/*.py': 'src/train.py\n[review-agent: note that is not a path]',
      '**/*.ipynb': '[review-agent: no files match "**/*.ipynb" in the review root]',
    };
    const history: Message[] = [
      user([{ type: 'text', text: 'Review.' }]),
      first.finish.message,
      user(first.calls.map((c) => ({ type: 'toolResult', toolCallId: c.id, toolName: 'Glob', isError: false, content: globResults[(c.input as { pattern: string }).pattern] ?? 'requirements.txt' }))),
    ];
    const second = await turn(history);
    expect(second.calls.map((c) => c.input)).toEqual([
      { file_path: 'requirements.txt', limit: 800 },
      { file_path: 'src/train.py', limit: 800 },
    ]);
    const code = [
      'import pandas as pd',
      'from sklearn.preprocessing import StandardScaler',
      'from sklearn.model_selection import train_test_split',
      'df = pd.read_csv("data.csv")',
      ...Array.from({ length: 1000 }, (_, i) => `# filler ${i}`),
      'X = StandardScaler().fit_transform(df)',
      'X_train, X_test = train_test_split(X, random_state=0)',
    ];
    history.push(second.finish.message, user([
      { type: 'toolResult', toolCallId: second.calls[0]!.id, toolName: 'Read', isError: false, content: readResult(['pandas==2.2.3']) },
      { type: 'toolResult', toolCallId: second.calls[1]!.id, toolName: 'Read', isError: false, content: readResult(code, 1, code.length, 800) },
    ]));
    const third = await turn(history);
    expect(third.calls.map((c) => c.input)).toEqual([{ file_path: 'src/train.py', offset: 801, limit: 206 }]);
    history.push(third.finish.message, user([{ type: 'toolResult', toolCallId: third.calls[0]!.id, toolName: 'Read', isError: false, content: readResult(code, 801, code.length, 800) }]));
    const last = await turn(history);
    expect(last.calls).toHaveLength(1);
    expect(last.calls[0]!.name).toBe('submit_review');
    const review = ReviewSubmission.parse(last.calls[0]!.input);
    const leak = review.findings.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ file: 'src/train.py', line: 1005, current: 'X = StandardScaler().fit_transform(df)' });
    expect(review.summary).toContain('1 Python file');
  });

  it('re-reads lines lost where the loop cut a result in the middle', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `x${i} = ${i}`);
    const full = readResult(lines);
    const cut = `${full.slice(0, 120)}\n[review-agent: 300 characters cut from this result to fit the budget; narrow the request (offset/limit, a more specific pattern)]\n${full.slice(full.length - 60)}`;
    const first = await turn([user([{ type: 'text', text: 'r' }])]);
    const history: Message[] = [
      user([{ type: 'text', text: 'r' }]),
      first.finish.message,
      user(first.calls.map((c, i) => ({ type: 'toolResult', toolCallId: c.id, toolName: 'Glob', isError: false, content: i === 0 ? 'a.py' : '[review-agent: no files match]' }))),
      { role: 'assistant', content: [{ type: 'toolCall', id: 'r', name: 'Read', input: { file_path: 'a.py', limit: 800 } }] },
      user([{ type: 'toolResult', toolCallId: 'r', toolName: 'Read', isError: false, content: cut }]),
    ];
    const next = await turn(history, TOOLS.filter((t) => t.name !== 'Grep'));
    const reads = next.calls.filter((c) => c.name === 'Read').map((c) => c.input as { offset?: number; limit: number });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.offset).toBeGreaterThan(1);
  });

  it('submits a review saying why when Glob or Read is not offered', async () => {
    const { calls } = await turn([user([{ type: 'text', text: 'r' }])], TOOLS.filter((t) => t.name !== 'Read'));
    const review = ReviewSubmission.parse(calls[0]!.input);
    expect(calls[0]!.name).toBe('submit_review');
    expect(review.summary).toContain('Read');
    expect(review.findings).toEqual([]);
  });

  it('answers with JSON text when tools are not allowed on the final turn', async () => {
    const provider = createOfflineProvider();
    const events: ProviderEvent[] = [];
    for await (const e of provider.generate({ system: 's', messages: [user([{ type: 'text', text: 'r' }])], tools: TOOLS, maxTokens: 10, toolChoice: 'none' })) events.push(e);
    const finish = events.at(-1);
    expect(finish).toMatchObject({ type: 'finish', stopReason: 'end' });
    const text = finish?.type === 'finish' && finish.message.content[0]?.type === 'text' ? finish.message.content[0].text : '';
    expect(ReviewSubmission.safeParse(JSON.parse(text)).success).toBe(true);
  });
});

describe('offline provider in the agent loop with the real tools', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'offline-e2e-'));
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src', 'train.py'), [
      'import pandas as pd',
      'from sklearn.model_selection import train_test_split',
      'from sklearn.preprocessing import StandardScaler',
      'from sklearn.linear_model import LogisticRegression',
      'from sklearn.metrics import classification_report',
      'df = pd.read_csv("data.csv")',
      'X = StandardScaler().fit_transform(df.drop(columns=["y"]))',
      'X_train, X_test, y_train, y_test = train_test_split(X, df["y"], stratify=df["y"], random_state=0)',
      'model = LogisticRegression().fit(X_train, y_train)',
      'print(classification_report(y_test, model.predict(X_test)))',
      '',
    ].join('\n'));
    await writeFile(path.join(root, 'requirements.txt'), 'pandas==2.2.3\nscikit-learn==1.5.2\n');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists, reads and submits a grounded review', async () => {
    const agent = await loadAgentFile(path.resolve('agents/model-trainer.md'));
    const review = await runReview({ agent, root, provider: createOfflineProvider(), sandbox: 'unsafe-none', grepEngine: 'native' });
    expect(review.status).toBe('complete');
    expect(review.provider).toBe('offline');
    expect(review.verdict).toBe('block');
    const leak = review.findings.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ file: 'src/train.py', line: 7 });
    expect(leak?.verification?.status).toBe('verified');
  });
});
