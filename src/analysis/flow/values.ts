// Abstract values of the dataflow: what the analyzer knows about the object a name holds.
import type { Site } from '../../review/schema.js';
import type { Expr, Stmt } from '../python/ast.js';
import type { Part } from './knowledge.js';
import type { Scope } from './scope.js';

/** Statistics of some rows baked into other rows (the evidence of a leak). */
export interface Leak {
  kind: 'preprocess' | 'oversample';
  /** The file of `line` (the file being interpreted when undefined). */
  file?: string;
  line: number;
  endLine: number;
  /** What learned from the rows: `StandardScaler`, `mean()`, `SMOTE`... */
  what: string;
  /** A window over the label that includes each row's own value (`rolling(7).mean()` of the target, unshifted). */
  ownLabel?: string;
  /** A mean of the label `column` over each row's nearest neighbours (a spatial lag of the target). */
  neighbourLabel?: string;
  /** The expression text of the fitted object (for rewrites), e.g. `scaler`. */
  objText?: string;
  /** The statement text that fitted it, e.g. `X = scaler.fit_transform(X)`. */
  stmtText?: string;
  /** The name of the variable fitted on, e.g. `X`. */
  dataText?: string;
  /** Where the fitted rows came from; a sink only counts when its rows share an origin with them. */
  origins?: readonly number[];
  /** Places of the same root cause in other files, or inside a helper cited at its call site. */
  sites?: Site[];
  /** Learned from a training part only, without labels: CV over those rows is not worth a CRITICAL (only supervised steps are). */
  trainOnlyUnsupervised?: boolean;
  /** Learned from the training part of a split (`scaler.fit(X[tr])`): applied to all rows, then picked by part, it leaks nothing. */
  fromTrainPart?: boolean;
  /** A statistic computed within groups (of `column` when named): a split that keeps groups whole may not cut through them. */
  perGroup?: { column?: string };
  /** Statistics of the files a frame lists (`compute_channel_stats(df.path.tolist())`), traced to that frame by origin. */
  ofListedFiles?: boolean;
  /** Written into this column of a frame (`df["umap_x"] = emb2d[:, 0]`): other columns read from it do not carry it. */
  intoColumn?: string;
}


/** A label column computed from one other column of its frame (see label-sources.ts). */
export interface LabelSource {
  label: string;
  column: string;
  /** Every column the expression reads, when more than one (`revenue / orders`): no label source then, but a feature's. */
  columns?: readonly string[];
  file: string;
  line: number;
  endLine: number;
}

export interface TimeEvidence {
  line: number;
  what: string;
  /** The file of `line` when it is not the file being analysed (a helper module's). */
  file?: string;
  /** Weak evidence of rows already in time order (sorted by an event time): history features built along it make it strong. */
  ordered?: true;
}

export interface Estimator {
  /** Fitted on train and test rows together: set once that fit reaches a model (see TestFit.pending). */
  combinedFit?: { used: boolean };
  cls: string;
  line: number;
  endLine: number;
  kind: 'preprocess' | 'model' | 'oversample' | 'undersample' | 'search' | 'pipeline' | 'other';
  call: Expr;
  /** For pipelines and searches: the classes inside. */
  inner: string[];
  fittedOn?: { part: Part | undefined; line: number; leak?: Leak };
  /** Passed to a search or given `**params`: its hyperparameters are being set elsewhere. */
  tuned?: boolean;
  /** Keras / torch model (deep learning). */
  deep?: boolean;
  /** A transformer class of the review (see project-transformers.ts): its methods run, and are judged as a preprocessor's. */
  project?: boolean;
  /** Keras `compile(metrics=...)` names. */
  metrics?: string[];
  /** Trained with a classification loss (Keras cross-entropy). */
  classification?: boolean;
  /** Keras preprocessing layers inside this network that were adapted on rows before a split. */
  layerLeaks?: Leak[];
  /** The `cv=` splitter of a search or CV estimator (`RandomizedSearchCV(..., cv=KFold(shuffle=True))`). */
  cv?: Splitter;
  /** Fitted on all rows of data that had been split before (the test rows included). */
  /** Fitted on all rows after some were split off as the test set (at `splitLine`, of `splitFile` when another file). */
  fullFit?: { line: number; endLine: number; splitLine: number; splitFile?: string; dataText: string };
}

export interface Splitter {
  cls: string;
  line: number;
  /** Where it was built (a helper module may build the folds the training script uses). */
  file?: string;
  shuffled: boolean;
  seeded: boolean;
}

export interface Score {
  part: Part | undefined;
  line: number;
  metric: string;
  /** The file of `line`, when the score was measured in a helper of another file. */
  file?: string;
  /** The keys a record keeps scores under (`{"group": g, "auc": ...}` → auc): a table's other columns are not scores. */
  keys?: string[];
}

/** The file a function or class comes from: its path, text (for source snippets) and global scope. */
export interface FileCtx {
  path: string;
  text: string;
  /** Module-level names; built lazily for files other than the one being interpreted. */
  scope: Scope;
}

export interface FunctionValue {
  def: Extract<Stmt, { k: 'def' }>;
  /** `self` binding for methods (a class instance value). */
  self?: Val;
  /** The file that defines the function (defaults to the file being interpreted). */
  ctx?: FileCtx;
  /** The enclosing function's scope, for nested functions (closures). */
  closure?: Scope;
  /** The class that defines this method (where `super()` looks next). */
  owner?: ClassRef;
  /** Arguments bound by `functools.partial(fn, ...)`, passed before the call's own. */
  bound?: { args: Val[]; kwargs: Map<string, Val> };
}

export interface ClassRef {
  def: Extract<Stmt, { k: 'class' }>;
  ctx: FileCtx;
}

export interface Val {
  /** Holds rows of a dataset (frame, array, tensor, loader). */
  data?: boolean;
  part?: Part;
  leaks?: Leak[];
  time?: TimeEvidence;
  /** Weak time evidence (dates parsed) that becomes strong once rows are ordered by it. */
  dates?: TimeEvidence;
  /** Splits that produced these rows. */
  splitIds?: number[];
  est?: Estimator;
  splitter?: Splitter;
  /** A statistic computed over rows. */
  stat?: {
    line: number;
    endLine: number;
    what: string;
    /** The rows it is of, as written (`df.loc[idx]` in `df.loc[idx].mean()`). */
    ofText?: string;
    part: Part | undefined;
    origins?: readonly number[];
    file?: string;
    /** Shifted per entity so each row sees only earlier periods. */
    pastOnly?: boolean;
    /** A statistic per group (`groupby(key)[column].transform("median")`), of that column when named. */
    perGroup?: { column?: string; key?: string };
    /** Of all the rows of a labelled `train.csv`, not yet split (like a fit on them: see Leak.trainOnlyUnsupervised). */
    trainFile?: boolean;
    /** Computed inside a helper from rows a call handed it (`arm_rates(df, key)`): that call, where the fix goes. */
    via?: { file: string; line: number; endLine: number; text: string };
    /** Of the label over each row's nearest neighbours (`y[nbr_idx].mean(axis=1)`). */
    neighbourLabel?: string;
    /** Of rows put back together with the test rows (`np.concatenate([x_tr, x_va, x_te])`), combined at this line. */
    withTest?: number;
  };
  score?: Score;
  fn?: FunctionValue;
  items?: Val[];
  /** Row indices of a fold (from `splitter.split`). */
  indexPart?: Part;
  /** Row indices from a splitter that keeps groups whole (`GroupShuffleSplit.split(X, y, groups=...)`), and the label column it was given. */
  byGroups?: { label?: string };
  /** A torchmetrics metric object (`BinaryAccuracy()`): calling it scores predictions. */
  metricObj?: { name: string; kind: 'accuracy' | 'other'; line: number; part?: Part };
  /** `super()` inside a method: the instance, and the class whose bases to look in. */
  superOf?: { self: Val; cls: ClassRef };
  /** The part comes only from a file's name (`train.csv` in a Kaggle folder is all the labelled rows). */
  filePart?: boolean;
  /** Indices of one fold of a cross-validation (a splitter's loop, or written by hand: `np.array_split(rng.permutation(n), k)`). */
  fold?: boolean;
  /** Scores at every candidate threshold (`precision_recall_curve`, `roc_curve`): its best point picks a threshold on those rows. */
  curve?: Score;
  /** A `**mapping` argument whose keys were passed on as keyword arguments (bound to no parameter). */
  spread?: boolean;
  /** Indices of the held-out fold of a CV splitter's loop (`for fit_i, app_i in kf.split(rows)`). */
  heldOutFold?: boolean;
  /**
   * Rows of the held-out fold of a CV loop, picked from rows of this part: the held-out folds of every
   * iteration, concatenated (out-of-fold encodings or predictions), are all of those rows again.
   */
  oofOf?: Part;
  /** Row positions (`np.arange(len(df))`): split into parts, they pick each part's rows by index. */
  positions?: boolean;
  /** A known constant: a string literal, a setting read from a config file, a command-line default. */
  const?: string | number | boolean;
  /** Where a constant was set in a settings file (cited as a site of what it causes). */
  configSite?: Site;
  /** A settings file's (sub)tree (`yaml.safe_load(open("train.yaml"))`, `cfg["training"]`). */
  config?: { value: unknown; file: string; key: string; lines: ReadonlyMap<string, number> };
  /** A file opened for reading (`open("train.yaml")`, `Path(p).read_text()`): its path. */
  opened?: string;
  /** `argparse` results: each option's default by its destination name. */
  cliDefaults?: Map<string, Val>;
  /** `len(rows)`: the rows counted (so `range(len(rows))` are their positions). */
  countOf?: Val;
  /** A transform that augments what it is applied to (`T.RandomHorizontalFlip()`, `A.Compose([...])`). */
  augment?: { line: number; what: string };
  /** Output of a transformer fitted on train and test rows together, until it reaches a model. */
  combinedFit?: { used: boolean };
  /** A sample made by augmenting another (`aug(img)`, `np.fliplr(x)`). */
  augmented?: { line: number; what: string };
  /** Probabilities or raw scores of a classifier. */
  prob?: boolean;
  /** Predictions of a model on some rows. */
  pred?: boolean;
  /** A module or imported member, by its qualified name. */
  qual?: string;
  /** For a module of the review (`import fare.data as fd`): its file. */
  localModule?: string;
  /** An instance of a class defined in the analysed project. */
  instanceOf?: string;
  /** A dataset instance's constructor call when it names no part: instances built alike hold the same rows. */
  rowsKey?: { key: string; passed: readonly number[] };
  /** The class itself (for instances and class values). */
  cls?: ClassRef;
  /** Identities of the rows' sources (a load, a parameter, an untraced value): derived rows keep them. */
  origins?: readonly number[];
  /** The part comes from an ambiguous `dev` name: validation rows, or train+validation ("development"). */
  dev?: boolean;
  /** Row indices in random order (`np.random.permutation`), or rows selected with them. */
  perm?: { id: number; line: number; endLine: number; seeded: boolean };
  /** Names stored on `self` of an instance. */
  attrs?: Map<string, Val>;
  /** A list or dict that collects scores (for pick-the-best checks). */
  container?: { scores: Score[]; line: number };
  /** What iterating over the value yields (e.g. the train/test index pair of `kf.split`). */
  iterItems?: Val[];
  /** Elements of a list or dict literal. */
  elems?: Val[];
  /** The dict literal itself, so settings spread with `**cfg` can be read (`KFold(**CFG["cv"])`). */
  literal?: Expr;
  /** A dict literal's string keys, aligned with `elems` (`{"train": ..., "test": ...}`). */
  keys?: (string | undefined)[];
  /** A PyTorch Lightning `Trainer`: `fit` trains the module it is given, `validate`/`test` evaluate it. */
  lightningTrainer?: { fitRows?: Val; selects?: { how: string; line: number } };
  /** A training callback that keeps the best epoch or stops on a monitored metric (`EarlyStopping`, `ModelCheckpoint(monitor=...)`). */
  selectsBy?: string;
  /** A Hugging Face `Trainer`: the rows it trains on (its evaluate/predict on those rows are training scores). */
  hfTrainer?: { fitRows?: Val };
  /** Hugging Face `TrainingArguments(load_best_model_at_end=True, ...)`: the checkpoint kept is the best on the eval set. */
  trainingArgs?: { loadBest: boolean };
  /** `next(splitter.split(X))`: one split taken on its own is a train/test split, not CV folds. */
  firstSplit?: Val[];
  /** `list(splitter.split(...))`: the folds as a list; `folds[k]` is one (train, held-out) pair. */
  splitFolds?: Val[];
  /** `frames.items()` / `.values()` of a keyed dict: what each iteration yields. */
  perIteration?: Val[];
  /** A sampled signal read from an audio file (`librosa.load`): windows cut from it are in time order. */
  waveform?: boolean;
  /** A pandas groupby object. */
  grouped?: boolean;
  /** Grouped by a date column (`groupby("order_date")`): its aggregates are a series over time, not statistics. */
  groupedByDate?: { column: string };
  /** Grouped by an entity and a date column (`groupby(["app_id", "review_date"])`): its aggregates are daily rows per entity. */
  panelByDate?: { entity: string; date: string };
  /** Grouped by a date key (`groupby(df["date"])`): each group is one date's cross-section. */
  crossSection?: boolean;
  /** Grouped by an entity column (`groupby("patient_id")`): what is computed along time is computed per entity. */
  groupedBy?: string;
  /** The column picked from a grouped frame (`df.groupby("city")["price"]`). */
  groupColumn?: string;
  /** `subs.set_index("subscriber_id")`: the column the rows are indexed by, one row per value as a rule. */
  indexedBy?: string;
  /** The column these rows are, when picked by a name known here (`df[label]` with `label` from settings); not derived. */
  column?: string;
  /** `[c for c in df.columns if c not in drop]`: the columns such a sweep leaves out (the rest are kept). */
  sweep?: string[];
  /** Labels made of several columns (`Surv.from_dataframe("death", "os_months", df)`: the event and the time). */
  labelColumns?: string[];
  /** A collection of scores sorted at this line: a table ranked for display until its top entry is taken. */
  ranked?: number;
  /** Labels of this frame computed from one of its columns. */
  labelFrom?: LabelSource[];
  /** A fastText model whose autotune picked its hyperparameters on this file (`autotuneValidationFile`). */
  tunedOnFile?: { path: string; line: number; endLine: number };
  /** A list of names grown by appends the analyzer did not follow item by item (in a loop): its elems are not all of it. */
  openList?: true;
  /** Row indices of each row's nearest neighbours (`dist, idx = tree.query(coords, k=11)`): other rows, per row. */
  neighbours?: true;
  /** The label looked up at each row's neighbours (`y[nbr_idx]`), and which column it is: averaged per row, a statistic of other rows' labels. */
  neighbourLabels?: { column: string };
  /** Model inputs that include the column a label was computed from (where they were picked). */
  labelInputs?: LabelSource & { pickFile: string; pickLine: number; itself?: boolean };
  /** Model inputs computed from other columns of the frame (`label` names the input here), and where they were picked. */
  derivedInputs?: (LabelSource & { pickFile: string; pickLine: number })[];
  /** Rows drawn at random (`df.sample`). */
  sampled?: boolean;
  /** Random row indices drawn with replacement (`np.random.randint(0, n, size=k)`): the line. */
  draw?: number;
  /** Rows drawn with replacement from other rows, or copies synthesized from them: the line of the draw. */
  redrawn?: number;
  /** A rolling/expanding/ewm window: its mean() is per row, not a statistic of all rows. */
  windowed?: boolean;
  /** Rows that include a test part put back together (`pd.concat([train, test])`), and where. */
  withTest?: number;
  /** This value was split at that line (its parts are held out from now on). */
  splitAt?: number;
  /** Output of a transformer fitted again on these rows after it was fitted on other rows (refitted on the evaluation rows). */
  refit?: TestFitSite;
  /** Column choices a selector learned from rows (`selector.support_`, the columns it keeps). */
  selected?: Leak;
  /** A Hugging Face `DatasetDict` from `Dataset.train_test_split`: the parts its keys hold. */
  splitDict?: { id: number; train: Part; test: Part };
}

/** Where a transformer was fitted a second time, on other rows. */
export interface TestFitSite {
  line: number;
  endLine: number;
  cls: string;
  method: string;
  estText: string;
  dataText: string;
  firstLine: number;
}

export function derive(from: Val | undefined, extra: Partial<Val> = {}): Val {
  if (!from) return { ...extra };
  const v: Val = { data: from.data, part: from.part };
  if (from.origins) v.origins = from.origins;
  if (from.dev && !('part' in extra)) v.dev = true;
  if (from.perm) v.perm = from.perm;
  if (from.leaks) v.leaks = [...from.leaks];
  if (from.time) v.time = from.time;
  if (from.waveform) v.waveform = true;
  if (from.dates) v.dates = from.dates;
  if (from.splitIds) v.splitIds = [...from.splitIds];
  if (from.prob) v.prob = true;
  if (from.pred) v.pred = true;
  if (from.score) v.score = from.score;
  if (from.withTest !== undefined) v.withTest = from.withTest;
  if (from.refit) v.refit = from.refit;
  if (from.selected) v.selected = from.selected;
  // Rows drawn in random order stay in that order through selections and resets (until sorted again).
  if (from.sampled) v.sampled = true;
  if (from.redrawn !== undefined) v.redrawn = from.redrawn;
  if (from.augmented) v.augmented = from.augmented;
  if (from.combinedFit) v.combinedFit = from.combinedFit;
  if (from.filePart && !('part' in extra)) v.filePart = true;
  if (from.oofOf && !('part' in extra)) v.oofOf = from.oofOf;
  if (from.curve) v.curve = from.curve;
  if (from.labelFrom) v.labelFrom = from.labelFrom;
  if (from.neighbours) v.neighbours = true;
  if (from.labelInputs) v.labelInputs = from.labelInputs;
  if (from.derivedInputs) v.derivedInputs = from.derivedInputs;
  if (from.labelColumns) v.labelColumns = from.labelColumns;
  // Rows picked by a setting (`sets[cfg["monitor"]]`) remember the settings line through selections and drops.
  if (from.configSite && from.data) v.configSite = from.configSite;
  return Object.assign(v, extra);
}

export function mergeParts(a: Part | undefined, b: Part | undefined): Part | undefined {
  if (a === undefined) return b;
  if (b === undefined || a === b) return a;
  const set = new Set([a, b]);
  if (set.has('full')) return 'full';
  if (set.has('test')) return set.has('train') ? 'full' : 'test';
  return 'train';
}

/** Combines the facts of several operands (binary operators, concat, function of several rows). */
export function combine(vals: (Val | undefined)[], extra: Partial<Val> = {}): Val {
  const out: Val = {};
  for (const v of vals) {
    if (!v) continue;
    if (v.data) out.data = true;
    if (v.data || v.score || v.pred || v.prob) out.part = mergeParts(out.part, v.part);
    if (v.origins) out.origins = out.origins ? unionOrigins(out.origins, v.origins) : v.origins;
    if (v.dev) out.dev = true;
    if (v.leaks) out.leaks = [...(out.leaks ?? []), ...v.leaks.filter((l) => !out.leaks?.includes(l))];
    if (v.time && !out.time) out.time = v.time;
    if (v.dates && !out.dates) out.dates = v.dates;
    if (v.splitIds) out.splitIds = [...new Set([...(out.splitIds ?? []), ...v.splitIds])];
    if (v.prob) out.prob = true;
    if (v.pred) out.pred = true;
    if (v.score && !out.score) out.score = v.score;
    if (v.withTest !== undefined && out.withTest === undefined) out.withTest = v.withTest;
    if (v.selected && !out.selected) out.selected = v.selected;
    if (v.redrawn !== undefined && out.redrawn === undefined) out.redrawn = v.redrawn;
    if (v.augmented && !out.augmented) out.augmented = v.augmented;
    if (v.combinedFit && !out.combinedFit) out.combinedFit = v.combinedFit;
    if (v.curve && !out.curve) out.curve = v.curve;
    if (v.labelFrom && !out.labelFrom) out.labelFrom = v.labelFrom;
    if (v.labelInputs && !out.labelInputs) out.labelInputs = v.labelInputs;
    if (v.derivedInputs && !out.derivedInputs) out.derivedInputs = v.derivedInputs;
  }
  // Out-of-fold rows stay so only when every row source is (a join of fold rows with a lookup table is).
  const rows = vals.filter((v) => v?.data);
  if (rows.length > 0 && rows.every((v) => v!.oofOf !== undefined && v!.oofOf === rows[0]!.oofOf)) out.oofOf = rows[0]!.oofOf;
  // `pd.get_dummies(train_csv_rows)`: still all the rows of the labelled file.
  if (rows.length > 0 && rows.every((v) => v!.filePart && v!.part === 'train')) out.filePart = true;
  return Object.assign(out, extra);
}

/** In-place mutation (`df['x'] = ...`, `inplace=True`): the receiver gains the value's facts. */
export function absorb(target: Val, v: Val | undefined): void {
  if (!v) return;
  if (v.leaks) {
    target.leaks = target.leaks ?? [];
    for (const l of v.leaks) if (!target.leaks.includes(l)) target.leaks.push(l);
  }
  if (v.time && !target.time) target.time = v.time;
  if (v.dates && !target.dates) target.dates = v.dates;
  if (v.redrawn !== undefined && target.redrawn === undefined) target.redrawn = v.redrawn;
  if (v.combinedFit && !target.combinedFit) target.combinedFit = v.combinedFit;
  if (v.labelInputs && !target.labelInputs) target.labelInputs = v.labelInputs;
  if (v.derivedInputs && !target.derivedInputs) target.derivedInputs = v.derivedInputs;
}

/** Rows not yet cut into parts: unsplit data, or all of a labelled `train.csv` (the only labelled rows there are). */
export function wholeRows(v: Val): boolean {
  return v.part === undefined || v.part === 'full' || (v.part === 'train' && v.filePart === true && !v.splitIds?.length);
}

export function addLeak(v: Val, leak: Leak): void {
  v.leaks = v.leaks ?? [];
  if (!v.leaks.includes(leak)) v.leaks.push(leak);
}

function unionOrigins(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a === b) return a;
  const extra = b.filter((x) => !a.includes(x));
  return extra.length === 0 ? a : [...a, ...extra];
}

/** Whether the rows a statistic was learned from share a source with `rows` (unknown on either side: yes). */
export function sharesOrigin(leak: Leak, rows: Val | undefined): boolean {
  const a = leak.origins;
  const b = rows?.origins;
  if (!a || a.length === 0 || !b || b.length === 0) return true;
  return a.some((x) => b.includes(x));
}
