// The offline analyzer's entry point: files in, a review submission out. Pure and deterministic:
// the same files give byte-identical output.
import type { FindingInput, ReviewSubmission } from '../review/schema.js';
import { verdictFor } from '../review/verdict.js';
import type { FileFacts } from './flow/facts.js';
import { Interpreter } from './flow/interpreter.js';
import { mergeFindings } from './findings.js';
import type { PythonParser } from './python/parser.js';
import { codeQualityFindings } from './rules/code-quality.js';
import { dependencyFindings } from './rules/dependencies.js';
import { deepLearningFindings, projectTraits } from './rules/deep-learning.js';
import { evaluationFindings } from './rules/evaluation.js';
import { leakageFindings } from './rules/leakage.js';
import { reproducibilityFindings } from './rules/reproducibility.js';
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
  source: SourceFile;
  facts?: FileFacts;
}

export function analyzeFiles(files: readonly InputFile[], options: AnalyzeOptions): ReviewSubmission {
  const unique = new Map<string, InputFile>();
  for (const f of files) if (!unique.has(f.path)) unique.set(f.path, f);
  const sorted = [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const analysed: AnalysedFile[] = sorted.map((f) => {
    const source = loadSource(f, options.parser);
    if (!source.module || !source.code) return { source };
    const facts = new Interpreter(source.code).run(source.module);
    return { source, facts };
  });

  const findings: FindingInput[] = [];
  const traits = projectTraits(analysed);
  for (const { source, facts } of analysed) {
    if (!facts || !source.module) continue;
    if (source.kind === 'dependency') continue;
    findings.push(...syntaxFindings(source));
    findings.push(...leakageFindings(source, facts));
    findings.push(...codeQualityFindings(source, facts));
    findings.push(...deepLearningFindings(source, facts, traits));
  }
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
