import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAgent } from '../../src/agent/discovery.js';
import { loadCase, type EvalCase } from '../../src/eval/case.js';
import { reviewRunner, watchFailures } from '../../src/eval/run-case.js';
import { call, scriptedProvider, text } from '../helpers/scripted-provider.js';

const FIXTURES = path.resolve('test/fixtures/eval');

async function fixtureCase(): Promise<EvalCase> {
  const result = await loadCase(path.join(FIXTURES, 'suite', 'scaler-before-split'));
  if (!result.ok) throw new Error('fixture case broken');
  return result.value;
}

describe('reviewRunner', () => {
  it('reviews the case repo with the real loop', async () => {
    const agent = await findAgent(path.join(FIXTURES, 'agents', 'eval-fixture.md'));
    const { provider, requests } = scriptedProvider([
      [call('Read', { file_path: 'train.py' })],
      [call('submit_review', { summary: 'Leak.', findings: [{ severity: 'CRITICAL', title: 'Scaler before split', file: 'train.py', line: 13, issue: 'i', impact: 'i', fix: 'f', current: 'X_scaled = scaler.fit_transform(X)' }] })],
    ]);
    const outcome = await reviewRunner({ agent, providerFor: () => provider })({ case: await fixtureCase(), trial: 1 });
    expect(outcome.status).toBe('ok');
    expect(outcome.review?.findings.map((f) => [f.line, f.verification?.status])).toEqual([[13, 'verified']]);
    expect(JSON.stringify(requests[1]?.messages)).toContain('StandardScaler');
  });

  it('turns a provider failure into a failed sample, worded as a replay mismatch when replaying', async () => {
    const agent = await findAgent(path.join(FIXTURES, 'agents', 'eval-fixture.md'));
    const c = await fixtureCase();
    const failing = () => scriptedProvider([{ error: 'replay: request 1 does not match x.json: the tool list differs' }]).provider;
    const replayed = await reviewRunner({ agent, replay: true, providerFor: failing })({ case: c, trial: 1 });
    expect(replayed).toMatchObject({ status: 'error', error: 'replay mismatch: request 1 does not match x.json: the tool list differs' });
    const live = await reviewRunner({ agent, providerFor: failing })({ case: c, trial: 1 });
    expect(live.status).toBe('error');
    expect(live.error).toMatch(/^provider error: /);
  });

  it('keeps a review cut short by the turn limit as incomplete', async () => {
    const agent = await findAgent(path.join(FIXTURES, 'agents', 'eval-fixture.md'));
    const { provider } = scriptedProvider([[call('Read', { file_path: 'train.py' })]], { repeatLast: true });
    const outcome = await reviewRunner({ agent, maxTurns: 2, providerFor: () => provider })({ case: await fixtureCase(), trial: 1 });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.review?.status).toBe('incomplete');
  });

  it('passes events through unchanged while watching for failures', async () => {
    const { provider } = scriptedProvider([[text('hello')]]);
    const watched = watchFailures(provider);
    const events = [];
    for await (const e of watched.provider.generate({ system: '', messages: [], tools: [], maxTokens: 10 })) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['text-delta', 'finish']);
    expect(watched.failures).toEqual([]);
    expect(watched.provider.model).toBe(provider.model);
  });
});
