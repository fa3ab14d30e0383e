// The offline analyzer's entry point: files in, a review submission out. Pure and deterministic:
// the same files give byte-identical output.
import type { FindingInput, ReviewSubmission } from '../review/schema.js';
import { verdictFor } from '../review/verdict.js';
import { emptyFacts, type FileFacts } from './flow/facts.js';
import { Interpreter } from './flow/interpreter.js';
import { Handoffs, writersFirst } from './flow/handoffs.js';
import { importedFiles, ModuleIndex, type ProjectView } from './flow/project.js';
import { ProjectLinks } from './rules/project-links.js';
import { mergeFindings } from './findings.js';
import type { PythonParser } from './python/parser.js';
import { codeQualityFindings, configSecretFindings } from './rules/code-quality.js';
import { datasetConfigFindings } from './rules/dataset-configs.js';
import { dependencyFindings, firstThirdPartyImport } from './rules/dependencies.js';
import { deepLearningFindings, projectTraits } from './rules/deep-learning.js';
import { evaluationFindings } from './rules/evaluation.js';
import { onlyHeldOutFindings } from './rules/only-held-out.js';
import { leakageFindings } from './rules/leakage.js';
import { reproducibilityFindings, summariseRandomness, type RandomnessSummary } from './rules/reproducibility.js';
import { syntaxFindings } from './rules/syntax.js';
import type { ParsePool } from './python/parse-pool.js';
import { classify, isUnitTest, loadSource, readSource, type InputFile, type SourceFile } from './source.js';
import { resolveConfigPath, type ConfigData } from './config-files.js';
import { summarise } from './summary.js';

export interface AnalyzeOptions {
  parser: PythonParser;
  /** Rule ids to switch off. */
  disabledRules?: readonly string[];
  /** Paths the caller could not read, with the reason (listed in the summary). */
  unreadable?: readonly { path: string; reason: string }[];
  /** Set when the file list was cut short (e.g. by the Glob limit): said in the summary. */
  truncatedListing?: string;
}

export interface AnalysedFile {
  /** The file; its syntax tree is dropped once the per-file rules ran (keeps memory flat on big trees). */
  source: SourceFile;
  facts?: FileFacts;
  randomness?: RandomnessSummary;
  /** First import of a third-party ML package. */
  firstImport?: number;
  /** A pytest/unittest file: the ML rules skip it (it trains on toy batches by design). */
  unitTest?: boolean;
}

export function analyzeFiles(files: readonly InputFile[], options: AnalyzeOptions): ReviewSubmission {
  const analysis = new ProjectAnalysis(files, options, (f) => loadSource(f, options.parser));
  for (const f of analysis.order) analysis.add(analysis.load(f));
  return analysis.finish();
}

/**
 * The same analysis with parsing on worker threads: files are parsed ahead (a bounded window, so memory
 * stays flat) while the main thread analyses them in order. A file whose worker fails is parsed here.
 * The result is identical to analyzeFiles'.
 */
export async function analyzeFilesInParallel(files: readonly InputFile[], options: AnalyzeOptions & { pool: ParsePool }): Promise<ReviewSubmission> {
  const { pool, parser } = options;
  const parse = async (f: InputFile): Promise<SourceFile> => {
    const source = readSource(f);
    if (source.code !== undefined) {
      const code = source.code;
      source.module = await pool.parse(code).catch(() => parser.parse(code));
    }
    return source;
  };
  // Imported modules are read while other files are analysed (calls into them are followed), so they are parsed first.
  const preloaded = new Map<string, SourceFile>();
  const analysis = new ProjectAnalysis(files, options, (f) => preloaded.get(f.path) ?? loadSource(f, parser));
  const imported = analysis.order.filter((f) => analysis.isImported(f.path));
  for (const [i, source] of (await Promise.all(imported.map(parse))).entries()) preloaded.set(imported[i]!.path, source);
  const rest = analysis.order.filter((f) => !analysis.isImported(f.path));
  const window = pool.size * 16;
  const ahead: Promise<SourceFile>[] = rest.slice(0, window).map(parse);
  for (let i = 0; i < rest.length; i++) {
    const source = await ahead[i]!;
    const next = rest[i + window];
    if (next) ahead.push(parse(next));
    delete ahead[i];
    analysis.add(source);
  }
  for (const f of imported) analysis.add(analysis.load(f));
  return analysis.finish();
}

/**
 * One analysis of a set of files, fed a parsed file at a time in `order`. Per-file rules run as each file
 * arrives (its syntax tree is then dropped); project-wide rules run in finish().
 */
class ProjectAnalysis {
  /** Importers first: calls into the project's own modules are followed from them, and what those calls find
   *  in a module is in place when the module's own rules run. */
  readonly order: InputFile[];
  private readonly options: AnalyzeOptions;
  private readonly unique = new Map<string, InputFile>();
  private readonly imported: Map<string, Set<string>>;
  private readonly parsed = new Map<string, SourceFile>();
  private readonly traits: ReturnType<typeof projectTraits>;
  private readonly project: ProjectView;
  private readonly factsByPath = new Map<string, FileFacts>();
  private readonly inlined = new Set<object>();
  private readonly handoffs = new Handoffs();
  private readonly links: ProjectLinks;
  private readonly findings: FindingInput[] = [];
  private readonly analysed: AnalysedFile[] = [];

  constructor(
    files: readonly InputFile[],
    options: AnalyzeOptions,
    private readonly loadFile: (f: InputFile) => SourceFile,
  ) {
    this.options = options;
    for (const f of files) if (!this.unique.has(f.path)) this.unique.set(f.path, f);
    const sorted = [...this.unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.traits = projectTraits(sorted.map((f) => f.text), sorted.filter((f) => /\.(py|ipynb)$/i.test(f.path)).map((f) => f.text));
    const index = new ModuleIndex(sorted.map((f) => f.path));
    this.imported = importedFiles(sorted, index);
    const importers = new Set([...this.imported.values()].flatMap((s) => [...s]));
    // Scripts that write a file another one reads go first, so the reader sees what was written.
    this.order = [...writersFirst(sorted.filter((f) => !this.imported.has(f.path))), ...sorted.filter((f) => this.imported.has(f.path))];
    const configPaths = sorted.filter((f) => classify(f.path) === 'config').map((f) => f.path);
    const configs = new Map<string, ConfigData | undefined>();
    this.project = {
      resolveModule: (from, module) => index.resolve(from, module),
      config: (from, written) => {
        const path = resolveConfigPath(configPaths, from, written);
        if (path === undefined) return undefined;
        if (!configs.has(path)) configs.set(path, readSource(this.unique.get(path)!).config);
        const data = configs.get(path);
        return data ? { path, data } : undefined;
      },
      source: (path) => {
        const f = this.unique.get(path);
        const s = f && this.imported.has(path) ? this.load(f) : undefined;
        return s?.module && s.code !== undefined ? { path, text: s.code, module: s.module } : undefined;
      },
    };
    this.links = new ProjectLinks(this.project, (path) => importers.has(path));
  }

  isImported(path: string): boolean {
    return this.imported.has(path);
  }

  /** A file parsed once: imported modules stay parsed until finish() (their helpers are followed from other files). */
  load(f: InputFile): SourceFile {
    let s = this.parsed.get(f.path);
    if (!s) {
      s = this.loadFile(f);
      if (this.imported.has(f.path)) this.parsed.set(f.path, s);
    }
    return s;
  }

  private factsFor = (path: string): FileFacts => {
    let facts = this.factsByPath.get(path);
    if (!facts) this.factsByPath.set(path, (facts = emptyFacts()));
    return facts;
  };

  /** Runs the dataflow and the per-file rules on one parsed file, keeping only its facts. */
  add(source: SourceFile): void {
    const findings = this.findings;
    if (!source.module || source.code === undefined) {
      findings.push(...configSecretFindings(source), ...datasetConfigFindings(source));
      this.analysed.push({ source });
      return;
    }
    if (source.kind === 'python' && isUnitTest(source.path, source.code)) {
      // Unit tests train and score on toy batches by design: only secrets and paths are checked there.
      findings.push(...syntaxFindings(source), ...codeQualityFindings(source, emptyFacts()));
      this.analysed.push({ source, unitTest: true, firstImport: firstThirdPartyImport(source) });
      if (!this.imported.has(source.path)) source.module = undefined;
      return;
    }
    new Interpreter(source.code, { path: source.path, project: this.project, factsFor: this.factsFor, inlined: this.inlined, handoffs: this.handoffs }).run(source.module);
    const facts = this.factsFor(source.path);
    const out: AnalysedFile = { source, facts };
    if (source.kind !== 'dependency') {
      this.links.record(source);
      findings.push(...syntaxFindings(source));
      findings.push(...codeQualityFindings(source, facts));
      findings.push(...deepLearningFindings(source, facts, this.traits, this.links.view(source)));
      out.randomness = summariseRandomness(source);
      out.firstImport = firstThirdPartyImport(source);
      if (!this.imported.has(source.path)) source.module = undefined;
    }
    this.analysed.push(out);
  }

  finish(): ReviewSubmission {
    const { findings, analysed, options } = this;
    // Leakage last: helpers of other files file their facts under their own file or their caller's.
    for (const a of analysed) if (a.facts && a.source.kind !== 'dependency') findings.push(...leakageFindings(a.source, a.facts));
    for (const s of this.parsed.values()) s.module = undefined;
    analysed.sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
    findings.push(...reproducibilityFindings(analysed));
    findings.push(...evaluationFindings(analysed));
    findings.push(...onlyHeldOutFindings(analysed));
    findings.push(...dependencyFindings(analysed));

    const disabled = new Set(options.disabledRules ?? []);
    const kept = mergeFindings(findings.filter((f) => !f.rule || !disabled.has(f.rule)));
    return {
      verdict: verdictFor(kept),
      summary: summarise(analysed, kept, options),
      findings: kept,
    };
  }
}
