// The offline analyzer's entry point: files in, a review submission out. Pure and deterministic:
// the same files give byte-identical output.
import type { FindingInput, ReviewSubmission } from '../review/schema.js';
import { verdictFor } from '../review/verdict.js';
import type { FileFacts } from './flow/facts.js';
import { Interpreter } from './flow/interpreter.js';
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
  const findings: FindingInput[] = [];
  // One file at a time: parse, run the dataflow and the per-file rules, keep only the facts.
  const analysed: AnalysedFile[] = sorted.map((f) => {
    const source = loadSource(f, options.parser);
    if (!source.module || !source.code) return { source };
    const facts = new Interpreter(source.code).run(source.module);
    const out: AnalysedFile = { source, facts };
    if (source.kind !== 'dependency') {
      findings.push(...syntaxFindings(source));
      findings.push(...leakageFindings(source, facts));
      findings.push(...codeQualityFindings(source, facts));
      findings.push(...deepLearningFindings(source, facts, traits));
      out.randomness = summariseRandomness(source);
      out.firstImport = firstThirdPartyImport(source);
      source.module = undefined;
    }
    return out;
  });
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
