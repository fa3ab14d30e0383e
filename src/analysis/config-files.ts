// Settings files next to the code (YAML, TOML, JSON): training scripts read their splits, seeds, paths
// and which part to monitor from them, so the dataflow needs their values and the lines that set them.
import { parse as parseToml } from 'smol-toml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { normalisePath } from './paths.js';

export interface ConfigData {
  /** The parsed settings (plain objects, arrays and scalars). */
  value: unknown;
  /** The 1-based line of each key, by its dotted path (`training.monitor_split`, `splits.0.name`). */
  lines: Map<string, number>;
}

const CONFIG_EXT = /\.(ya?ml|toml|json)$/i;
/** Settings of tools, not of the training run (dependencies are read as dependency files). */
const NOT_CONFIG = /(^|\/)(pyproject\.toml|environment\.ya?ml|conda\.ya?ml|Pipfile|poetry\.lock|package(-lock)?\.json|tsconfig\.json|\.pre-commit-config\.ya?ml|docker-compose\.ya?ml|mkdocs\.ya?ml|codecov\.ya?ml|dependabot\.ya?ml|renovate\.json|\.?readthedocs\.ya?ml|CITATION\.cff)$/i;
/** JSON is also data (annotations, vocabularies): only files that say they are settings count. */
const JSON_SETTINGS = /(^|\/)(conf|config|configs|settings|params|hparams|experiments?)\/|(config|conf|cfg|settings|params|hparams|hyperparams?)[^/]*\.json$/i;
/** Files larger than this are data, not settings. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export function isConfigFile(path: string): boolean {
  if (!CONFIG_EXT.test(path) || NOT_CONFIG.test(path) || /(^|\/)\.[^/]+\//.test(path)) return false;
  return !/\.json$/i.test(path) || JSON_SETTINGS.test(path);
}

/** Parses a settings file; undefined when it does not parse (the review goes on without its values). */
export function parseConfig(path: string, text: string): ConfigData | undefined {
  if (text.length > MAX_CONFIG_BYTES) return undefined;
  try {
    if (/\.toml$/i.test(path)) return { value: parseToml(text), lines: tomlLines(text) };
    if (/\.json$/i.test(path)) return { value: JSON.parse(text), lines: new Map() };
    return yamlConfig(text);
  } catch {
    return undefined;
  }
}

function yamlConfig(text: string): ConfigData | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const lines = new Map<string, number>();
  const visit = (node: unknown, prefix: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        const path = prefix ? `${prefix}.${key}` : key;
        const range = (pair.key as YamlNode).range;
        if (range) lines.set(path, counter.linePos(range[0]).line);
        visit(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, prefix ? `${prefix}.${i}` : String(i)));
    }
  };
  visit(doc.contents, '');
  return { value: doc.toJS(), lines };
}

/** Lines of `key = value` under `[table]` headers (dotted keys and inline tables are kept as written). */
function tomlLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let table = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header) {
      table = header[1]!.replace(/["']/g, '');
      return;
    }
    const key = /^([A-Za-z0-9_."'-]+)\s*=/.exec(line);
    if (key) lines.set(table ? `${table}.${key[1]!.replace(/["']/g, '')}` : key[1]!.replace(/["']/g, ''), i + 1);
  });
  return lines;
}

/**
 * The settings file a path string in the code names: relative to the review root or to the file that
 * reads it, else the one file whose path ends with it (`config.yaml` when only `conf/config.yaml` exists).
 */
export function resolveConfigPath(candidates: readonly string[], fromFile: string, written: string): string | undefined {
  // `*.yaml`: a path the code takes from the command line; the review's only settings file of that kind is the one.
  const family = /^\*\.(ya?ml|json|toml)$/.exec(written)?.[1];
  if (family) {
    const kind = family.startsWith('y') ? /\.ya?ml$/i : new RegExp(`\\.${family}$`, 'i');
    const only = candidates.filter((c) => kind.test(c));
    return only.length === 1 ? only[0] : undefined;
  }
  const clean = written.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!CONFIG_EXT.test(clean)) return undefined;
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  for (const c of [clean, normalisePath(dir + clean)]) if (candidates.includes(c)) return c;
  const tail = clean.replace(/^(\.\.\/)+/, '').replace(/^\/+/, '');
  const matches = candidates.filter((c) => c === tail || c.endsWith(`/${tail}`));
  return matches.length === 1 ? matches[0] : undefined;
}
