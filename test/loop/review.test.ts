import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgentText } from '../../src/agent/parse.js';
import type { AgentSpec } from '../../src/agent/schema.js';
import type { ReviewEvent } from '../../src/loop/events.js';
import { runReview } from '../../src/loop/review.js';
import type { ToolResultPart } from '../../src/providers/types.js';
import { call, scriptedProvider, text } from '../helpers/scripted-provider.js';
import { LEAK_FINDING, makeLeakyRepo } from '../helpers/leaky-repo.js';

function agent(tools = 'Read, Grep, Glob', extra = ''): AgentSpec {
  const check = checkAgentText(`---\nname: t\ndescription: test agent\ntools: ${tools}\n${extra}---\nYou review ML code.\n`, 't.md');
  if (!check.spec) throw new Error(JSON.stringify(check.problems));
  return check.spec;
}

const unseeded = {
  severity: 'HIGH',
  title: 'Split without random_state',
  file: 'train.py',
  line: 8,
  issue: 'train_test_split has no random_state.',
  impact: 'Scores change from run to run.',
  fix: 'Pass random_state=42.',
  current: 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)',
};

function toolResults(request: { messages: { role: string; content: { type: string }[] }[] }): ToolResultPart[] {
  const last = request.messages[request.messages.length - 1]!;
  return last.content.filter((p): p is ToolResultPart => p.type === 'toolResult');
}

describe('runReview', () => {
  it('runs a multi-turn review with parallel tool calls and ends with submit_review', async () => {
    const root = await makeLeakyRepo();
    const events: ReviewEvent[] = [];
    const { provider, requests } = scriptedProvider([
      [text('Looking around.'), call('Glob', { pattern: '**/*.py' }), call('Read', { file_path: 'train.py' })],
      [call('report_finding', LEAK_FINDING)],
      [call('submit_review', { verdict: 'block', summary: 'One LEAK_FINDING.', findings: [LEAK_FINDING, unseeded] })],
    ]);
    const review = await runReview({ agent: agent(), root, provider, onEvent: (e) => events.push(e) });

    expect(review.status).toBe('complete');
    expect(review.endReason).toBe('submitted');
    expect(review.verdict).toBe('block');
    expect(review.findings.map((f) => [f.severity, f.line, f.verification?.status])).toEqual([
      ['CRITICAL', 7, 'verified'],
      ['HIGH', 8, 'verified'],
    ]);
    // Tools offered are exactly the agent's, plus the two review tools.
    expect(requests[0]!.tools.map((t) => t.name)).toEqual(['Read', 'Grep', 'Glob', 'report_finding', 'submit_review']);
    expect(requests[0]!.system).toContain('You review ML code.');
    expect(requests[0]!.system).toContain('never instructions');
    // Both parallel results came back in one message, in call order, well-formed.
    const results = toolResults(requests[1]!);
    expect(results.map((r) => r.toolName)).toEqual(['Glob', 'Read']);
    expect(results[0]!.content).toContain('train.py');
    expect(results[1]!.content).toContain('     7\tX = StandardScaler().fit_transform(X)');
    expect(results.every((r) => !r.isError)).toBe(true);
    expect(events.filter((e) => e.type === 'finding')).toHaveLength(1);
    expect(events.map((e) => e.type)).toContain('run-end');
    expect(review.usage.inputTokens).toBe(300);
  });

  it('offers only the tools the agent lists', async () => {
    const { provider, requests } = scriptedProvider([[call('submit_review', { summary: 'Nothing.', findings: [] })]]);
    await runReview({ agent: agent('Read'), root: await makeLeakyRepo(), provider });
    expect(requests[0]!.tools.map((t) => t.name)).toEqual(['Read', 'report_finding', 'submit_review']);
    const none = scriptedProvider([[call('submit_review', { summary: 'Nothing.', findings: [] })]]);
    await runReview({ agent: agent(''), root: await makeLeakyRepo(), provider: none.provider });
    expect(none.requests[0]!.tools.map((t) => t.name)).toEqual(['report_finding', 'submit_review']);
  });

  it('accepts a final answer in the agent markdown format', async () => {
    const answer = `Reviewed train.py.

[CRITICAL] Scaler fitted before the split
File: train.py:7
Issue: StandardScaler is fitted on all rows.
Impact: Optimistic test score.
Fix: Fit on the training rows only.

Current:
X = StandardScaler().fit_transform(X)

❌ Block`;
    const { provider } = scriptedProvider([[text(answer)]]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider });
    expect(review.endReason).toBe('answered');
    expect(review.status).toBe('complete');
    expect(review.findings).toHaveLength(1);
    expect(review.findings[0]!.verification?.status).toBe('verified');
    expect(review.verdict).toBe('block');
  });

  it('sends validation errors back in a repair turn and accepts the fix', async () => {
    const { provider, requests } = scriptedProvider([
      [call('submit_review', { summary: 'x', findings: [{ ...LEAK_FINDING, severity: 'SEVERE', impact: undefined }] })],
      [call('submit_review', { summary: 'Fixed.', findings: [LEAK_FINDING] })],
    ]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider });
    const repair = toolResults(requests[1]!)[0]!;
    expect(repair.isError).toBe(true);
    expect(repair.content).toMatch(/findings\[0\]\.severity/);
    expect(repair.content).toMatch(/findings\[0\]\.impact/);
    expect(review.status).toBe('complete');
    expect(review.findings).toHaveLength(1);
  });

  it('gives up after two repair turns and keeps what was reported', async () => {
    const bad = [call('submit_review', { summary: 'x', findings: [{ title: 'no fields' }] })];
    const { provider } = scriptedProvider([[call('report_finding', LEAK_FINDING)], bad, bad, bad]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider });
    expect(review.status).toBe('incomplete');
    expect(review.endReason).toBe('invalid-output');
    expect(review.findings.map((f) => f.title)).toEqual([LEAK_FINDING.title]);
  });

  it('stops a model that never stops calling tools at the turn limit, keeping its findings', async () => {
    let turn = 0;
    const { provider, requests } = scriptedProvider(
      [
        () => {
          turn += 1;
          return turn === 1 ? [call('report_finding', LEAK_FINDING)] : [call('Grep', { pattern: 'fit' })];
        },
      ],
      { repeatLast: true },
    );
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider, maxTurns: 4 });
    expect(review.status).toBe('incomplete');
    expect(review.endReason).toBe('max-turns');
    expect(review.incompleteReason).toMatch(/turn limit reached \(4 turns\)/);
    expect(review.findings.map((f) => f.title)).toEqual([LEAK_FINDING.title]);
    expect(review.verdict).toBe('block');
    // 4 turns plus the last chance, which only offered submit_review.
    expect(requests).toHaveLength(5);
    expect(requests[4]!.tools.map((t) => t.name)).toEqual(['submit_review']);
  });

  it('takes a submission made in the last-chance turn but still marks the review incomplete', async () => {
    const { provider } = scriptedProvider([
      [call('Read', { file_path: 'train.py' })],
      [call('submit_review', { summary: 'Partial review.', findings: [unseeded] })],
    ]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider, maxTurns: 1 });
    expect(review.status).toBe('incomplete');
    expect(review.summary).toBe('Partial review.');
    expect(review.findings).toHaveLength(1);
  });

  it('stops at the cost limit', async () => {
    const { provider } = scriptedProvider([[call('Grep', { pattern: 'fit' })]], {
      repeatLast: true,
      usage: { inputTokens: 1_000_000, outputTokens: 0 },
    });
    const prices = { scripted: { 'script-1': { input: 1, output: 1, cacheRead: 0.1, cacheWrite: 1.25 } } };
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider, maxCostUsd: 2.5, prices });
    expect(review.endReason).toBe('max-cost');
    expect(review.incompleteReason).toMatch(/cost limit reached/);
    expect(review.usage.costUsd).toBeGreaterThanOrEqual(2.5);
    expect(review.usage.costUsd).toBeLessThan(5);
  });

  it('ends an aborted run as incomplete with the findings so far', async () => {
    const controller = new AbortController();
    const { provider } = scriptedProvider(
      [
        [call('report_finding', LEAK_FINDING)],
        () => {
          controller.abort();
          return [call('Grep', { pattern: 'x' })];
        },
      ],
      { repeatLast: true },
    );
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider, signal: controller.signal });
    expect(review.endReason).toBe('aborted');
    expect(review.status).toBe('incomplete');
    expect(review.findings).toHaveLength(1);
  });

  it('reports a provider failure as an incomplete review with the reason', async () => {
    const { provider } = scriptedProvider([[call('report_finding', LEAK_FINDING)], { error: 'server overloaded', status: 529 }]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider });
    expect(review.endReason).toBe('provider-error');
    expect(review.incompleteReason).toBe('provider error: server overloaded (HTTP 529)');
    expect(review.findings).toHaveLength(1);
  });

  it('turns unknown tools, invalid input and escapes into error results, and goes on', async () => {
    const { provider, requests } = scriptedProvider([
      [call('Write', { file_path: 'x.py', content: 'boom' }), call('Read', { nope: 1 }), call('Read', { file_path: '../../etc/passwd' })],
      [call('submit_review', { summary: 'Done.', findings: [] })],
    ]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider });
    const results = toolResults(requests[1]!);
    expect(results.map((r) => r.isError)).toEqual([true, true, true]);
    expect(results[0]!.content).toMatch(/no tool named "Write"/);
    expect(results[2]!.content).toMatch(/outside the review root/);
    expect(review.status).toBe('complete');
    expect(review.verdict).toBe('approve');
  });

  it('applies the verdict policy over the model and records the override', async () => {
    const { provider } = scriptedProvider([[call('submit_review', { verdict: 'approve', summary: 'Looks fine.', findings: [LEAK_FINDING] })]]);
    const review = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider });
    expect(review.verdict).toBe('block');
    expect(review.verdictOverride?.modelVerdict).toBe('approve');
  });

  it('marks a finding whose snippet is invented as unverified, and --strict drops it', async () => {
    const invented = { ...LEAK_FINDING, title: 'Invented', current: 'model.fit(X_test, y_test)', line: 3 };
    const steps = () => scriptedProvider([[call('submit_review', { summary: 'x', findings: [invented, LEAK_FINDING] })]]).provider;
    const loose = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider: steps() });
    expect(loose.findings.find((f) => f.title === 'Invented')?.verification?.status).toBe('unverified');
    const strict = await runReview({ agent: agent(), root: await makeLeakyRepo(), provider: steps(), strict: true });
    expect(strict.findings.map((f) => f.title)).toEqual([LEAK_FINDING.title]);
  });
});
