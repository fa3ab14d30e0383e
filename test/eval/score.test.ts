import { describe, expect, it } from 'vitest';
import { judgeCase } from '../../src/eval/judge.js';
import { matchCase } from '../../src/eval/match.js';
import { computeMetrics, summarizeCases } from '../../src/eval/metrics.js';
import { scoreSample } from '../../src/eval/score.js';
import { expected, finding, record, spec } from './helpers/build.js';

describe('matching', () => {
  it('finds the optimal assignment where greedy nearest-first undercounts', () => {
    // f0 (line 11) is nearest to A (line 10) but is the only finding within reach of B (line 14);
    // f1 (line 8) can only reach A. Greedy gives f0 to A and loses B: 1 TP, 1 FP, 1 FN.
    const c = spec('greedy', 'warning', [expected('train.py', [10, 10]), expected('train.py', [14, 14])]);
    const m = matchCase(c, [finding('train.py', 11), finding('train.py', 8)]);
    expect(m.matched.map((p) => [p.expected, p.finding, p.distance])).toEqual([
      [0, 1, 2],
      [1, 0, 3],
    ]);
    expect(m.missed).toEqual([]);
    expect(m.falsePositives).toEqual([]);
  });

  it('matches within the widened window, in the same file only', () => {
    const c = spec('window', 'warning', [expected('src/train.py', [10, 14])]);
    const at = (file: string, line: number, window?: number, endLine?: number) =>
      matchCase(c, [finding(file, line, 'HIGH', endLine ? { endLine } : {})], { window }).matched.length;
    expect(at('src/train.py', 17)).toBe(1);
    expect(at('src/train.py', 7)).toBe(1);
    expect(at('src/train.py', 18)).toBe(0);
    expect(at('src/train.py', 6)).toBe(0);
    expect(at('src/train.py', 17, 2)).toBe(0);
    expect(at('src/train.py', 20, 6)).toBe(1);
    expect(at('./src/train.py', 12)).toBe(1);
    expect(at('train.py', 12)).toBe(0);
    expect(at('src/train.py', 2, 3, 8)).toBe(1); // a multi-line finding reaching into the window
  });

  it('never matches findings and expectations that name different rules', () => {
    const c = spec('rules', 'block', [expected('a.py', [12, 13], 'CRITICAL', { rule: 'oversampling-before-split' })], {
      acceptable: [{ file: 'a.py', lines: [30, 30], rule: 'no-baseline' }],
    });
    const other = finding('a.py', 13, 'MEDIUM', { rule: 'split-without-stratify' });
    const same = finding('a.py', 12, 'CRITICAL', { rule: 'oversampling-before-split' });
    const untagged = finding('a.py', 12, 'CRITICAL');
    expect(matchCase(c, [other]).matched).toEqual([]);
    expect(matchCase(c, [other, same]).matched.map((m) => m.finding)).toEqual([1]);
    expect(matchCase(c, [untagged]).matched).toHaveLength(1); // models rarely name rules: location decides
    const nearAcceptable = matchCase(c, [finding('a.py', 30, 'MEDIUM', { rule: 'accuracy-only' }), finding('a.py', 31, 'MEDIUM', { rule: 'no-baseline' })]);
    expect(nearAcceptable.falsePositives).toEqual([0]);
    expect(nearAcceptable.neutral).toEqual([1]);
  });

  it('lets a merged duplicate match through one of its sites', () => {
    const c = spec('sites', 'warning', [expected('a.py', [40, 40])]);
    const merged = finding('a.py', 5, 'HIGH', { sites: [{ file: 'a.py', line: 41 }] });
    expect(matchCase(c, [merged]).matched).toEqual([{ expected: 0, finding: 0, distance: 1, severityAgrees: true }]);
  });

  it('counts a duplicate of a matched finding as a false positive (one to one)', () => {
    const c = spec('dup', 'warning', [expected('a.py', [5, 5])]);
    const m = matchCase(c, [finding('a.py', 5), finding('a.py', 6)]);
    expect(m.matched).toHaveLength(1);
    expect(m.falsePositives).toEqual([1]);
  });

  it('treats acceptable findings as neither right nor wrong', () => {
    const c = spec('acceptable', 'warning', [expected('a.py', [20, 20])], {
      acceptable: [{ file: 'a.py', lines: [3, 3], rule: 'missing-random-seed' }],
    });
    const s = scoreSample(c, record('acceptable', [finding('a.py', 20), finding('a.py', 4, 'LOW'), finding('a.py', 50)]));
    expect([s.tp, s.fp, s.fn, s.neutral]).toEqual([1, 1, 0, 1]);
  });

  it('scores clean cases: findings at or above clean_below are false positives, below are neutral', () => {
    const c = spec('clean', 'approve', [], { cleanBelow: 'HIGH' });
    const s = scoreSample(c, record('clean', [finding('a.py', 1, 'MEDIUM'), finding('a.py', 9, 'HIGH'), finding('a.py', 30, 'LOW')]));
    expect([s.tp, s.fp, s.fn, s.neutral]).toEqual([0, 1, 0, 2]);
    expect(s.verdictCorrect).toBe(false); // a HIGH finding makes the policy warn
    const quiet = scoreSample(c, record('clean', [finding('a.py', 1, 'LOW')]));
    expect([quiet.tp, quiet.fp, quiet.fn, quiet.neutral, quiet.verdictCorrect]).toEqual([0, 0, 0, 1, true]);
  });

  it('scores severity agreement and the CRITICAL/HIGH view separately', () => {
    const c = spec('severity', 'block', [expected('a.py', [10, 10], 'CRITICAL'), expected('a.py', [30, 30], 'MEDIUM')]);
    const s = scoreSample(
      c,
      record('severity', [finding('a.py', 10, 'CRITICAL'), finding('a.py', 30, 'HIGH'), finding('a.py', 60, 'LOW')]),
    );
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 0]);
    expect(s.severityAgreements).toBe(1);
    // Severe view: expected only the CRITICAL; the HIGH finding on the MEDIUM issue is a real issue, so neutral.
    expect(s.severe).toEqual({ tp: 1, fp: 0, fn: 0 });
    const missedSevere = scoreSample(c, record('severity', [finding('a.py', 10, 'MEDIUM')]));
    expect(missedSevere.severe).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect([missedSevere.tp, missedSevere.fn]).toEqual([1, 1]);
  });

  it('scores a failed sample as all missed with a wrong verdict', () => {
    const c = spec('error', 'block', [expected('a.py', [1, 1], 'CRITICAL')]);
    const s = scoreSample(c, { case: 'error', trial: 1, status: 'error', error: 'replay mismatch: prompt changed' });
    expect([s.tp, s.fp, s.fn, s.verdictCorrect, s.verdict]).toEqual([0, 0, 1, false, null]);
    expect(s.error).toBe('replay mismatch: prompt changed');
  });
});

describe('metrics', () => {
  const a = spec('a', 'block', [expected('a.py', [10, 10], 'CRITICAL'), expected('a.py', [20, 20]), expected('a.py', [30, 30])]);
  const b = spec('b', 'approve', []);
  const scores = [
    // a: 2 TP, 1 FP, 1 FN; one unverified finding.
    scoreSample(a, record('a', [finding('a.py', 10, 'CRITICAL'), finding('a.py', 21, 'MEDIUM'), finding('a.py', 90, 'HIGH', { verification: { status: 'unverified' } })])),
    // b (clean): 1 FP.
    scoreSample(b, record('b', [finding('b.py', 3, 'HIGH')])),
  ];

  it('computes micro and macro scores by hand', () => {
    const m = computeMetrics(scores);
    expect(m.all.counts).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(m.all.precision.value).toBe(0.5);
    expect(m.all.recall.value).toBeCloseTo(2 / 3, 12);
    expect(m.all.f1.value).toBeCloseTo(4 / 7, 12);
    expect(m.all.macro.precision).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(m.all.macro.recall).toBeCloseTo(2 / 3, 12); // b's recall is undefined and left out
    expect(m.all.macro.f1).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(m.severe.counts).toEqual({ tp: 1, fp: 2, fn: 2 }); // the MEDIUM finding at 21 is out of the severe view
    expect(m.severityAgreement.value).toBe(0.5);
    expect(m.verdictAccuracy.value).toBe(0.5); // a blocks (CRITICAL found); b warns instead of approving
    expect(m.unverifiedRate.value).toBe(1 / 4);
    expect(m.usage.inputTokens).toBe(200);
    expect(m.durationMs).toBe(10);
    expect(m.all.f1.low).toBeLessThanOrEqual(4 / 7);
    expect(m.all.f1.high).toBeGreaterThanOrEqual(4 / 7);
  });

  it('pools trials per case in summaries', () => {
    const trials = [
      scoreSample(a, record('a', [finding('a.py', 10, 'CRITICAL')], 1)),
      scoreSample(a, record('a', [finding('a.py', 10, 'CRITICAL'), finding('a.py', 30)], 2)),
    ];
    const [summary] = summarizeCases([a, b], trials);
    expect(summary?.trials).toBe(2);
    expect(summary?.caught).toEqual({ 'a.py:10-10': 1, 'a.py:20-20': 0, 'a.py:30-30': 0.5 });
    expect(summary?.all).toEqual({ tp: 3, fp: 0, fn: 3 });
    expect(summarizeCases([a, b], trials)).toHaveLength(1);
  });
});

describe('judge hook', () => {
  it('unmatches rejected pairs and lets the finding match elsewhere', async () => {
    const c = spec('judged', 'warning', [
      expected('a.py', [10, 10], 'HIGH', { description: 'scaler fitted before split' }),
      expected('a.py', [12, 12], 'HIGH', { description: 'no random seed' }),
    ]);
    const findings = [finding('a.py', 10, 'HIGH', { title: 'Missing random seed' })];
    const asked: string[] = [];
    const { judgements } = await judgeCase(c, findings, async (q) => {
      asked.push(q.expected.description);
      const agrees = q.finding.title.toLowerCase().includes(q.expected.description.split(' ').slice(-1)[0] ?? '');
      return { agrees, reason: agrees ? 'same' : 'different issue' };
    });
    expect(asked).toEqual(['scaler fitted before split', 'no random seed']);
    expect(judgements).toEqual([
      { expected: 0, finding: 0, agrees: false, reason: 'different issue' },
      { expected: 1, finding: 0, agrees: true, reason: 'same' },
    ]);
    const s = scoreSample(c, record('judged', findings, 1, { judgements }));
    expect(s.match.matched.map((m) => m.expected)).toEqual([1]);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 0, 1]);
  });
});
