// Reads of rows: `pd.read_csv`, `np.load`, dataset loaders and frames built in memory. What a read knows
// from its path (the test file, a file another script wrote) is what every value derived from it knows.
import type { Expr } from '../python/ast.js';
import { dotted, isConst, kwarg } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { partFromName, type Part } from './knowledge.js';
import { partOfPath, partOfPathText } from './row-sources.js';
import { readBack } from './handoffs.js';
import { addLeak, combine, derive, type Leak, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/** The part a read names by its path: written in the call (`"data/test.csv"`), or known from settings or defaults. */
export function partOfRead(call: Call, path: Val | undefined): Part {
  const written = path?.const;
  return partOfPath(call.args[0]) ?? (typeof written === 'string' ? partOfPathText(written) : undefined) ?? 'full';
}

export function load(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): Val {
  if (name === 'DataFrame' && args[0]) {
    // `pd.DataFrame({"lag_1": s.shift(1), ...})`: columns computed from rows are those rows.
    const columns = args[0].elems?.filter((v) => v.data) ?? [];
    if (columns.length > 0) return combine(columns, { data: true });
    // `pd.DataFrame(extra)` of records appended to a list: rows, unless the list collected scores (a leaderboard).
    if (args[0].data && !args[0].container?.scores.length) return derive(args[0]);
    if (args[0].container) return { container: args[0].container };
    if (args[0].data) return derive(args[0]);
    // `pd.DataFrame({"city_rate": rate, "city_lift": lift})` of per-group statistics: a table of them, to be merged back.
    const stat = args[0].stat ?? args[0].elems?.find((v) => v.stat)?.stat;
    if (stat) return { stat };
  }
  // `keras.datasets.mnist.load_data()`: ((x_train, y_train), (x_test, y_test)), the dataset's own test split
  // whatever names the caller gives it.
  if (name === 'load_data' && /(^|\.)datasets\.\w+\.load_data$/.test(dotted(call.fn) ?? '')) {
    const pair = (part: Part): Val => {
      const rows: Val = { data: true, part, origins: [it.nextOrigin()] };
      return { items: [rows, { ...rows }] };
    };
    return { items: [pair('train'), pair('test')] };
  }
  // `TensorDataset(X, y)`: wrapping rows already in memory keeps what is known of them (leaks, time order, part).
  const wrapped = args.filter((a) => a.data);
  if (wrapped.length > 0) return combine(wrapped, { data: true });
  // `pd.read_csv(cfg["paths"]["test"])`: a path known from settings names its part too.
  const written = args[0]?.const;
  // In experimentation code (`treatment`, `variant`, `uplift`...), `checkout_test_users.parquet` is an A/B test's
  // population, not a held-out part.
  // Hugging Face `load_dataset(name, split="test")` (or a split from the settings): the part is the split named.
  // (TensorFlow Datasets' `tfds.load("voc/2007", split="test")` the same.)
  const split = name === 'load_dataset' || (name === 'load' && /^(tfds|tensorflow_datasets)\.load$/.test(it.src(call.fn))) ? kwargs.get('split')?.const : undefined;
  const read = (typeof split === 'string' ? partOfSplitName(split) : undefined) ?? partOfRead(call, args[0]);
  const part = read === 'test' && it.experimentCode ? 'full' : read;
  const v: Val = { data: true, part, origins: [it.nextOrigin()], ...(part === 'train' ? { filePart: true } : {}) };
  // `ImageFolder(DATA_DIR, transform=norm_tf)` with a Normalize built from statistics of these very images (read
  // before, from the same folder): every image it serves carries them.
  const source = typeof written === 'string' ? `${name}:${written}` : undefined;
  if (source) it.readSources.set(v.origins![0]!, source);
  const tf = kwargs.get('transform');
  const sameFiles = (l: Leak) => source !== undefined && (l.origins ?? []).some((o) => it.readSources.get(o) === source);
  if (tf && !tf.data) for (const l of tf.leaks ?? []) if (sameFiles(l)) addLeak(v, { ...l, origins: [...(l.origins ?? []), ...v.origins!] });
  const parseDates = kwarg(call, 'parse_dates');
  if (parseDates && !isConst(parseDates, 'False')) {
    if (parseDates.k === 'seq') for (const item of parseDates.items) if (item.k === 'str') it.dateColumns.add(item.value);
    v.dates = { line: call.line, what: 'parse_dates' };
    const indexCol = kwarg(call, 'index_col');
    if (indexCol && !isConst(indexCol, 'None')) v.time = { line: call.line, what: 'a date index (`index_col` with `parse_dates`)', file: it.path };
  }
  // A file another script of the review wrote: its rows carry what they carried then.
  if (typeof written === 'string') readBack(it, written, v);
  if (isConst(kwarg(call, 'return_X_y'), 'True')) return { items: [{ ...v }, { ...v }] };
  return v;
}

/**
 * `Path(root).iterdir()`, `root.glob(pattern)`, `root.rglob(pattern)`: the files of a folder, the samples of an
 * image or audio dataset (split later by their paths). Their part is the one a folder of the path names, if any.
 */
export function listFiles(it: Interpreter, pattern: string | undefined): Val {
  const parts = new Set((pattern ?? '').split(/[\\/]/).filter((c) => c && !/[*?[]/.test(c)).map((c) => partFromName(c.replace(/\.\w+$/, ''))).filter((p) => p !== undefined));
  const part: Part = parts.size === 1 ? [...parts][0]! : 'full';
  return { data: true, part, origins: [it.nextOrigin()] };
}

/** `"test"`, `"train[:90%]"`, `"train+validation"` (development rows, trained on): the part a dataset split string names. */
function partOfSplitName(split: string): Part | undefined {
  const parts = new Set(split.replace(/\[[^\]]*\]/g, '').split('+').map((p) => partFromName(p.trim())));
  if (parts.size === 1) return [...parts][0];
  return parts.has('train') && !parts.has('test') && !parts.has(undefined) ? 'train' : undefined;
}
