// Settings the code reads: YAML/TOML/JSON config files of the review (`yaml.safe_load(open("train.yaml"))`,
// `tomllib.load(fh)`, `OmegaConf.load(path)`), their keys and values, and argparse defaults. A value taken
// from them is a constant the dataflow can use (`pools[cfg["monitor_split"]]` is the test pool when the
// file says "test"), with the file's line as a site.
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import type { Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;
type Settings = NonNullable<Val['config']>;

/** `yaml.safe_load(fh)`, `tomllib.load(fh)`, `json.load(fh)`, `OmegaConf.load(path)`, `toml.load(path)`. */
const LOADERS = /^((yaml|ruamel\.yaml)\.(safe_load|load|full_load|unsafe_load)|(tomllib|tomli|toml|rtoml)\.(load|loads)|(json|ujson|orjson)\.(load|loads)|(omegaconf\.)?OmegaConf\.load|(hydra\.)?compose)$/;

export function loadSettings(it: Interpreter, qual: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  // `OmegaConf.merge(base, OmegaConf.from_dotlist(overrides))`: the file's settings (overrides are unknown here).
  if (/(^|\.)OmegaConf\.merge$/.test(qual)) return args.find((a) => a.config) ?? {};
  if (!LOADERS.test(qual)) return undefined;
  const source = args[0] ?? kwargs.get('stream') ?? kwargs.get('fp') ?? kwargs.get('file_');
  // A path given on the command line (`OmegaConf.load(argv[0])`, `yaml.safe_load(open(sys.argv[1]))`): the only file it can be.
  const written = source?.opened ?? (typeof source?.const === 'string' ? source.const : source && !/\.loads$/.test(qual) ? `*.${/json/.test(qual) ? 'json' : /toml/.test(qual) ? 'toml' : 'yaml'}` : undefined);
  if (written === undefined) return {};
  const found = it.configFile(written);
  return found ? { config: { value: found.data.value, file: found.path, key: '', lines: found.data.lines } } : {};
}

/** `cfg["training"]`, `cfg.training`, `cfg.get("seed", 0)`: a subtree, or a constant with the line that set it. */
export function settingAt(settings: Settings, key: string | number): Val | undefined {
  const tree = settings.value;
  if (tree === null || typeof tree !== 'object') return undefined;
  const value = (tree as Record<string, unknown>)[String(key)];
  if (value === undefined) return undefined;
  const path = settings.key ? `${settings.key}.${key}` : String(key);
  if (value !== null && typeof value === 'object') return { config: { ...settings, value, key: path } };
  const line = settings.lines.get(path);
  const site = line !== undefined ? { configSite: { file: settings.file, line } } : {};
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? { const: value, ...site } : site;
}

/** `open("train.yaml")`, `Path("conf") / "train.yaml"`, `Path(p).read_text()`: the path being read. */
export function openedPath(name: string, args: Val[]): Val | undefined {
  if (name === 'open' && typeof args[0]?.const === 'string') return { opened: args[0].const };
  if (/^(Path|PurePath|PosixPath)$/.test(name) && typeof args[0]?.const === 'string') return { const: args[0].const };
  return undefined;
}

/** `ap.add_argument("--config", default="conf/train.yaml")` on a parser, and what parse_args() gives back. */
export function commandLine(call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  const defaults = receiver.cliDefaults;
  if (!defaults) return undefined;
  if (method === 'add_argument') {
    const flags = call.args.flatMap((a) => (a.k === 'str' ? [a.value] : []));
    const dest = kwargs.get('dest')?.const ?? (flags.find((f) => f.startsWith('--')) ?? flags.find((f) => !f.startsWith('-')) ?? flags[0])?.replace(/^-+/, '').replace(/-/g, '_');
    const value = kwargs.get('default');
    if (typeof dest === 'string' && value) defaults.set(dest, value);
    void args;
    return {};
  }
  if (method === 'parse_args') return { cliDefaults: defaults };
  if (method === 'parse_known_args') return { items: [{ cliDefaults: defaults }, {}] };
  return undefined;
}
