import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { formatReview, review } from '../../src/index.js';
import { renderSarif, toSarif } from '../../src/output/sarif.js';
import { makeFinding, makeReview } from '../helpers/review-fixture.js';

// The official SARIF 2.1.0 schema as shipped by Microsoft's @microsoft/jest-sarif (a draft-04 schema).
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// Both are CommonJS packages whose default export sits on `.default` under NodeNext typing.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

function validator() {
  // The schema's `language` pattern has a stray "]" that is only legal without the regex u flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = validator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const verifiedFix = makeFinding({
  line: 12,
  endLine: 13,
  current: 'scaler = StandardScaler()\nX = scaler.fit_transform(X)',
  fixed: 'scaler = StandardScaler()\nX_train = scaler.fit_transform(X_train)\n',
  category: 'Data Preparation',
  verification: { status: 'verified' },
  sites: [{ file: 'eval/score.py', line: 4 }],
});
const unverified = makeFinding({
  severity: 'MEDIUM',
  title: 'Random seed not set',
  file: 'notebooks/explore data.ipynb',
  line: 3,
  current: 'model = RandomForestClassifier()',
  fixed: 'model = RandomForestClassifier(random_state=0)',
  verification: { status: 'unverified', note: 'snippet not found' },
});
const ruleFinding = makeFinding({ severity: 'LOW', title: 'Accuracy on imbalanced data', rule: 'metric/accuracy-imbalanced', line: 40 });
const high = makeFinding({ severity: 'HIGH', title: 'Early stopping on the test set', line: 30, category: 'Data Preparation' });

describe('SARIF output', () => {
  it('validates against the official SARIF 2.1.0 schema, with findings, fixes and related locations', () => {
    const review = makeReview({ verdict: 'block', findings: [verifiedFix, unverified, ruleFinding, high], warnings: ['Bash: sandbox degraded'] });
    const log = JSON.parse(renderSarif(review, { toolVersion: '0.1.0' }));
    expectValid(log);
  });

  it('validates for an empty and for an incomplete review', () => {
    expectValid(toSarif(makeReview()));
    expectValid(toSarif(makeReview({ status: 'incomplete', incompleteReason: 'turn limit reached (3 turns)', endReason: 'max-turns', findings: [high] })));
  });

  it('the validator rejects a malformed log (so the checks above mean something)', () => {
    const log = toSarif(makeReview({ findings: [high] })) as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'critical';
    expect(validate(log)).toBe(false);
    const noVersion = { ...toSarif(makeReview()), version: '2.0.0' };
    expect(validate(noVersion)).toBe(false);
    const extraKey = toSarif(makeReview({ findings: [high] })) as { runs: { results: Record<string, unknown>[] }[] };
    extraKey.runs[0]!.results[0]!.locations = [{ physicalLocation: { region: { startLine: 0 } } }];
    expect(validate(extraKey)).toBe(false);
  });

  it('maps severities to levels and groups findings into rules', () => {
    const log = toSarif(makeReview({ findings: [verifiedFix, unverified, ruleFinding, high] })) as any;
    const run = log.runs[0];
    expect(run.results.map((r: any) => r.level)).toEqual(['error', 'warning', 'note', 'error']);
    expect(run.results.map((r: any) => r.ruleId)).toEqual([
      'model-trainer/data-preparation',
      'model-trainer/random-seed-not-set',
      'metric/accuracy-imbalanced',
      'model-trainer/data-preparation',
    ]);
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['model-trainer/data-preparation', 'model-trainer/random-seed-not-set', 'metric/accuracy-imbalanced']);
    expect(run.results.map((r: any) => r.ruleIndex)).toEqual([0, 1, 2, 0]);
    expect(run.tool.driver.rules[0].defaultConfiguration.level).toBe('error');
    expect(run.tool.driver.rules[0].properties.tags).toEqual(['Data Preparation']);
  });

  it('uses a rule catalogue for rule descriptions when given', () => {
    const log = toSarif(makeReview({ findings: [ruleFinding] }), {
      rules: [{ id: 'metric/accuracy-imbalanced', title: 'Accuracy reported on imbalanced classes', description: 'Use balanced metrics.', helpUri: 'https://example.org/rules/metric' }],
    }) as any;
    const rule = log.runs[0].tool.driver.rules[0];
    expect(rule.shortDescription.text).toBe('Accuracy reported on imbalanced classes');
    expect(rule.fullDescription.text).toBe('Use balanced metrics.');
    expect(rule.helpUri).toBe('https://example.org/rules/metric');
  });

  it('writes locations with snippets, and a fix only where the cited lines were verified', () => {
    const log = toSarif(makeReview({ findings: [verifiedFix, unverified] })) as any;
    const [first, second] = log.runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'train.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, endLine: 13, snippet: { text: verifiedFix.current } },
    });
    expect(first.fixes).toEqual([
      {
        description: { text: verifiedFix.fix },
        artifactChanges: [
          {
            artifactLocation: { uri: 'train.py', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 12, endLine: 13 }, insertedContent: { text: 'scaler = StandardScaler()\nX_train = scaler.fit_transform(X_train)' } }],
          },
        ],
      },
    ]);
    expect(first.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('eval/score.py');
    expect(first.message.text).toContain('Impact: Test scores are optimistic');
    expect(second.fixes).toBeUndefined();
    expect(second.locations[0].physicalLocation.artifactLocation.uri).toBe('notebooks/explore%20data.ipynb');
  });

  it('makes paths relative to the repository when the review root is a subfolder', () => {
    const log = toSarif(makeReview({ findings: [high] }), { root: '/repo/src/ml', baseDir: '/repo' }) as any;
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/ml/train.py');
    const outside = toSarif(makeReview({ findings: [high] }), { root: '/elsewhere', baseDir: '/repo' }) as any;
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('train.py');
  });

  it('gives stable fingerprints that follow the code, not the line number', () => {
    const a = toSarif(makeReview({ findings: [verifiedFix] })) as any;
    const moved = toSarif(makeReview({ findings: [{ ...verifiedFix, line: 40, endLine: 41 }] })) as any;
    const other = toSarif(makeReview({ findings: [{ ...verifiedFix, current: 'y = 1' }] })) as any;
    const fp = (log: any) => log.runs[0].results[0].partialFingerprints['reviewAgentFinding/v1'];
    expect(fp(a)).toBe(fp(moved));
    expect(fp(a)).not.toBe(fp(other));
  });

  it('reports an incomplete run as unsuccessful with its reason, and is deterministic', () => {
    const review = makeReview({ status: 'incomplete', incompleteReason: 'timed out after 1000 ms', warnings: ['w1'] });
    const log = toSarif(review) as any;
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications.map((n: any) => n.message.text)).toEqual(['Review incomplete: timed out after 1000 ms', 'w1']);
    expect(renderSarif(review)).toBe(renderSarif(review));
  });

  it('a real offline review of the leaky example validates, with rules from the analyzer catalogue', async () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    const result = await review({ agent: 'model-trainer', path: 'examples/churn-leaky', cwd: repoRoot, provider: 'offline', config: false, env: {} });
    const log = JSON.parse(formatReview(result, 'sarif', { root: path.join(repoRoot, 'examples', 'churn-leaky'), baseDir: repoRoot })) as any;
    expectValid(log);
    const run = log.runs[0];
    expect(run.results.length).toBe(result.findings.length);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/churn-leaky\//);
    const preprocessing = run.tool.driver.rules.find((r: any) => r.id === 'preprocessing-before-split');
    expect(preprocessing.shortDescription.text).toBe('Preprocessing fitted before the train/test split');
  });
});
