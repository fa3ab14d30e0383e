// Parsing on worker threads must not change a single byte of the review: every eval case's project
// (scripts, notebooks, packages importing each other) is analysed both ways and compared.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles, analyzeFilesInParallel, createParsePool, createPythonParser, type ParsePool, type PythonParser } from '../../src/analysis/index.js';
import { classify, type InputFile } from '../../src/analysis/source.js';
import { loadAgentFile } from '../../src/agent/loader.js';
import { runReview } from '../../src/loop/review.js';
import { createOfflineProvider } from '../../src/providers/offline.js';

const EVALS = path.resolve('evals');
const MULTI_FILE_SAMPLE = 500;
const SINGLE_FILE_SAMPLE = 250;

async function filesUnder(root: string, dir = root): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(root, p)));
    else if (classify(e.name) !== 'other') out.push({ path: path.relative(root, p).split(path.sep).join('/'), text: await readFile(p, 'utf8') });
  }
  return out;
}

async function caseRepos(): Promise<string[]> {
  const repos: string[] = [];
  for (const suite of await readdir(EVALS, { withFileTypes: true })) {
    if (!suite.isDirectory()) continue;
    for (const c of await readdir(path.join(EVALS, suite.name), { withFileTypes: true })) {
      if (c.isDirectory()) repos.push(path.join(EVALS, suite.name, c.name, 'repo'));
    }
  }
  return repos.sort();
}

describe('analysis with parsing on worker threads', () => {
  let parser: PythonParser;
  let pool: ParsePool;
  beforeAll(async () => {
    parser = await createPythonParser();
    pool = createParsePool(2);
  });
  afterAll(async () => {
    parser.dispose();
    await pool.close();
  });

  it('gives byte-identical reviews to the in-process analysis on the eval cases', async () => {
    const repos = await caseRepos();
    expect(repos.length).toBeGreaterThan(100);
    let findings = 0;
    let compared = 0;
    let onWorkers = 0;
    // Counts the parses the workers answered, so a silent fallback to in-process parsing cannot pass.
    const counted: ParsePool = { size: pool.size, close: () => pool.close(), parse: (code) => pool.parse(code).then((m) => (onWorkers++, m)) };
    // Projects of several files, where the order parses come back in could matter, and single-file ones, each
    // sampled evenly to a fixed number: the suites grow each round, and this test must not grow with them.
    const projects = await Promise.all(repos.map(async (repo) => ({ repo, files: await filesUnder(repo) })));
    const multi = projects.filter((p) => p.files.filter((f) => /\.(py|ipynb)$/.test(f.path)).length >= 2);
    const single = projects.filter((p) => !multi.includes(p));
    const evenly = <T>(items: T[], n: number) => (items.length <= n ? items : Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)]!));
    const sample = [...evenly(multi, MULTI_FILE_SAMPLE), ...evenly(single, SINGLE_FILE_SAMPLE)];
    for (const { repo, files } of sample) {
      compared += 1;
      const inProcess = analyzeFiles(files, { parser });
      const parallel = await analyzeFilesInParallel(files, { parser, pool: counted });
      expect(JSON.stringify(parallel), repo).toBe(JSON.stringify(inProcess));
      findings += inProcess.findings.length;
    }
    // The comparison is only meaningful if the reviews have content.
    expect(findings).toBeGreaterThan(100);
    expect(compared).toBe(Math.min(multi.length, MULTI_FILE_SAMPLE) + Math.min(single.length, SINGLE_FILE_SAMPLE));
    expect(onWorkers).toBeGreaterThan(compared);
  });

  it('parses what a failed pool could not, in process, with the same result', async () => {
    const broken = createParsePool(1);
    await broken.close();
    await expect(broken.parse('x = 1')).rejects.toThrow(/no parse worker/);
    const files = await filesUnder(path.resolve('examples/churn-leaky'));
    const review = await analyzeFilesInParallel(files, { parser, pool: broken });
    expect(review.verdict).toBe('block');
    expect(JSON.stringify(review)).toBe(JSON.stringify(analyzeFiles(files, { parser })));
  });

  it('parses broken and odd Python on a worker exactly as in process', async () => {
    const codes = ['def f(:\n    return 1\n', 'x = 1\n', '', 'print("caf\u00e9 \ud83d\ude00")\n', 'if True:\n\tpass\n'];
    const onWorkers = await Promise.all(codes.map((code) => pool.parse(code)));
    expect(onWorkers).toEqual(codes.map((code) => parser.parse(code)));
    expect(onWorkers[0]?.errorLines).toEqual([1]);
  });

  it('the offline provider gives the same review through the loop with workers forced on', async () => {
    const agent = await loadAgentFile(path.resolve('agents/model-trainer.md'));
    const root = path.resolve('examples/churn-leaky');
    const run = (parallelParse: 'always' | 'never') =>
      runReview({ agent, root, provider: createOfflineProvider({ parallelParse }), sandbox: 'unsafe-none', grepEngine: 'native' });
    const [withWorkers, without] = await Promise.all([run('always'), run('never')]);
    expect(withWorkers.status).toBe('complete');
    expect(withWorkers.findings.length).toBeGreaterThan(0);
    expect(withWorkers.findings).toEqual(without.findings);
    expect(withWorkers.verdict).toBe(without.verdict);
  });
});
