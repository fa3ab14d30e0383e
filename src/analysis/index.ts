// The offline analyzer's public surface.
export { analyzeFiles, analyzeFilesInParallel, type AnalyzeOptions } from './analyze.js';
export { createParsePool, defaultPoolSize, type ParsePool } from './python/parse-pool.js';
export { createPythonParser, type PythonParser } from './python/parser.js';
export { RULES, ruleById, renderRulesMarkdown, type Rule, type RuleCategory } from './rules/catalog.js';
export type { InputFile } from './source.js';
