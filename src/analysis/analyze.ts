// The offline analyzer's entry point: files in, a review submission out. Pure and deterministic:
// the same files give byte-identical output.
import type { FindingInput, ReviewSubmission } from '../review/schema.js';
import { verdictFor } from '../review/verdict.js';
import { emptyFacts, type FileFacts } from './flow/facts.js';
import { Interpreter } from './flow/interpreter.js';
import { importedFiles, ModuleIndex, type ProjectView } from './flow/project.js';
import { ProjectLinks } from './rules/project-links.js';
import { mergeFindings } from './findings.js';
import type { PythonParser } from './python/parser.js';
import { codeQualityFindings } from './rules/code-quality.js';
import { dependencyFindings, firstThirdPartyImport } from './rules/dependencies.js';
import { deepLearningFindings, projectTraits } from './rules/deep-learning.js';
import { evaluationFindings } from './rules/evaluation.js';
import { leakageFindings } from './rules/leakage.js';
import { reproducibilityFindings, summariseRandomness, type RandomnessSummary } from './rules/reproducibility.js';
import { syntaxFindings } from './rules/syntax.js';
import { loadSource, type InputFile, type SourceFile } from './source.js';
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
}

export function analyzeFiles(files: readonly InputFile[], options: AnalyzeOptions): ReviewSubmission {
  const unique = new Map<string, InputFile>();
  for (const f of files) if (!unique.has(f.path)) unique.set(f.path, f);
  const sorted = [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const traits = projectTraits(sorted.map((f) => f.text));
  const index = new ModuleIndex(sorted.map((f) => f.path));
  const imported = importedFiles(sorted, index);
  const importers = new Set([...imported.values()].flatMap((s) => [...s]));
  // Importers first: calls into the project's own modules are followed from them, and what those
  // calls find in a module is in place when the module's own rules run.
  const order = [...sorted.filter((f) => !imported.has(f.path)), ...sorted.filter((f) => imported.has(f.path))];
  const parsed = new Map<string, SourceFile>();
  const sourceOf = (f: InputFile): SourceFile => {
    let s = parsed.get(f.path);
    if (!s) {
      s = loadSource(f, options.parser);
      if (imported.has(f.path)) parsed.set(f.path, s);
    }
    return s;
  };
  const project: ProjectView = {
    resolveModule: (from, module) => index.resolve(from, module),
    source: (path) => {
      const f = unique.get(path);
      const s = f && imported.has(path) ? sourceOf(f) : undefined;
      return s?.module && s.code !== undefined ? { path, text: s.code, module: s.module } : undefined;
    },
  };
  const factsByPath = new Map<string, FileFacts>();
  const factsFor = (path: string): FileFacts => {
    let facts = factsByPath.get(path);
    if (!facts) factsByPath.set(path, (facts = emptyFacts()));
    return facts;
  };
  const inlined = new Set<object>();
  const links = new ProjectLinks(project, (path) => importers.has(path));
  const findings: FindingInput[] = [];
  // One file at a time: parse, run the dataflow and the per-file rules, keep only the facts.
  const analysed: AnalysedFile[] = order.map((f) => {
    const source = sourceOf(f);
    if (!source.module || source.code === undefined) return { source };
    new Interpreter(source.code, { path: source.path, project, factsFor, inlined }).run(source.module);
    const facts = factsFor(source.path);
    const out: AnalysedFile = { source, facts };
    if (source.kind !== 'dependency') {
      links.record(source);
      findings.push(...syntaxFindings(source));
      findings.push(...codeQualityFindings(source, facts));
      findings.push(...deepLearningFindings(source, facts, traits, links.view(source)));
      out.randomness = summariseRandomness(source);
      out.firstImport = firstThirdPartyImport(source);
      // Modules other files import stay parsed until every file is done (their helpers are followed).
      if (!imported.has(source.path)) source.module = undefined;
    }
    return out;
  });
  // Leakage last: helpers of other files file their facts under their own file or their caller's.
  for (const a of analysed) if (a.facts && a.source.kind !== 'dependency') findings.push(...leakageFindings(a.source, a.facts));
  for (const s of parsed.values()) s.module = undefined;
  analysed.sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));
  findings.push(...reproducibilityFindings(analysed));
  findings.push(...evaluationFindings(analysed));
  findings.push(...dependencyFindings(analysed));

  const disabled = new Set(options.disabledRules ?? []);
  const kept = mergeFindings(findings.filter((f) => !f.rule || !disabled.has(f.rule)));
  return {
    verdict: verdictFor(kept),
    summary: summarise(analysed, kept, options),
    findings: kept,
  };
}
