// Calls of module functions and constructors (`train_test_split(...)`, `StandardScaler()`, `np.concatenate(...)`):
// what each known library function does to the rows and values it is handed.
import type { Expr } from '../python/ast.js';
import { isConst, kwarg } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import {
  CV_FUNCTIONS,
  LOADERS,
  METRIC_FUNCTIONS,
  OVERSAMPLERS,
  PIPELINES,
  SEARCHERS,
  SPLITTER_CLASSES,
  STATEFUL_PREPROCESSORS,
  UNDERSAMPLERS,
  isModelName,
  maskOfPart,
  partFromName,
  type Part,
} from './knowledge.js';
import { citeLeak, frameWritten, recordSelection } from './fitting.js';
import { iterate } from './pieces.js';
import { datasetPartKwarg, hfTrainer, lightningTrainer, statsmodelsModel } from './frameworks.js';
import { noteMergedStatistic, noteRedrawnRows, partOfPathText } from './row-sources.js';
import { loadSettings, openedPath } from './settings.js';
import { noteWrite } from './handoffs.js';
import { load, partOfRead } from './loaders.js';
import { repeatedItem } from './repeats.js';
import { checkCurvePick, checkPick } from './selection-checks.js';
import { neighbourStat, perSampleAxis } from './frame-methods.js';
import { reportFullFit } from './method-calls.js';
import { crossValidate, randomSplit, split, splitter } from './splits.js';
import { augmentationTransform, augmentedCopy, augmentFunction, noteAugmentedCopies, noteSavedCopy } from './augmentation.js';
import { corpusModel, isCorpusModelCall } from './embeddings.js';
import { addLeak, combine, derive, mergeParts, wholeRows, type Estimator, type Leak, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

const TORCH_NETS = /^(Linear|Sequential|Conv[123]d|LSTM|GRU|RNN|Transformer|TransformerEncoder|Embedding|EmbeddingBag|Bilinear|ModuleList|ModuleDict)$/;

/** Functions reading one recording, or one image, from a file. */
const AUDIO_READERS = /(^|\.)(librosa\.load|torchaudio\.load|soundfile\.read|sf\.read|wavfile\.read)$/;
// torchvision datasets published without train/test splits.
const UNSPLIT_TORCHVISION = /^(EuroSAT|Caltech101|Caltech256|SUN397|SBU|Flickr8k|Flickr30k)$/;
const IMAGE_READERS = /(^|\.)(cv2\.imread|imageio\.(v\d\.)?imread|skimage\.io\.imread|Image\.open)$/;

/** Functions writing one sample to a file: (path, sample), or (sample, path) for the second group. */
const SAMPLE_WRITERS = /(^|\.)(?:(cv2\.imwrite|imageio\.(?:v\d\.)?imwrite|skimage\.io\.imsave|matplotlib\.pyplot\.imsave|soundfile\.write|scipy\.io\.wavfile\.write|torchaudio\.save)|(torchvision\.utils\.save_image))$/;

/** Supervised feature scores (used to keep the best columns). */
// (And scipy.stats tests run column by column against the label: `chi2_contingency(pd.crosstab(y, X[snp]))`.)
const SCORE_FUNCTIONS = /^(mutual_info_regression|mutual_info_classif|f_classif|f_regression|chi2|r_regression|chi2_contingency|ttest_ind|mannwhitneyu|kruskal|f_oneway|pointbiserialr|fisher_exact)$/;

/** Objective functions handed to a hyperparameter search (Optuna, hyperopt, scikit-optimize...). */
const OBJECTIVE_RUNNERS = /^(optimize|fmin|minimize|maximize|gp_minimize|forest_minimize|gbrt_minimize|dummy_minimize|run|fit)$/;

/** `max(grid, key=lambda t: f1_score(y_te, p_te >= t))`: the key scores each candidate; on test rows, the pick is made on them. */
function pickByTestKey(it: Interpreter, call: Call, candidates: Val | undefined, key: Val | undefined): void {
  if (!key?.fn || !candidates) return;
  const scored = it.callFunction(key.fn, [iterate(candidates)], new Map(), false);
  const score = scored.score ?? (scored.pred && scored.part ? { part: scored.part, line: call.line, metric: 'key' } : undefined);
  if (score?.part !== 'test') return;
  const text = call.kwargs.find((k) => k.name === 'key')!.value;
  recordSelection(it, scored, { line: call.line, endLine: call.endLine, kind: 'pick-best', detail: `\`${it.src(text)}\` ranks the candidates by a score measured on the test set and the best one is kept`, sites: [] });
}

/**
 * `transforms.Normalize([mean], [std])` with statistics computed from the rows (`pixel_stats(full_ds)`): the
 * transform carries them into every image it is applied to, the ones split off later included.
 */
function normalizeWithStatistics(it: Interpreter, call: Call, qual: string, name: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  if (name !== 'Normalize' || !/(^|\.)(transforms(\.v2)?|albumentations|T|A)\.Normalize$/.test(qual)) return undefined;
  const stat = [...args, ...kwargs.values()].flatMap((v) => [v, ...(v.elems ?? [])]).map((v) => v.stat).find((s) => s && (s.part === undefined || s.part === 'full'));
  if (!stat) {
    // Statistics a helper named for them returned (`channel_mean_std(paths)`) carry their leak already.
    // (Only those: the rows' own leaks, such as augmented copies of training rows, are not statistics.)
    const leaks = [...args, ...kwargs.values()].flatMap((v) => v.leaks ?? []).filter((l, i, all) => l.ofListedFiles && all.indexOf(l) === i);
    return leaks.length > 0 ? { leaks } : {};
  }
  const elsewhere = (stat.file ?? it.path) !== it.path || stat.line !== call.line;
  // (Statistics taken in this file, `MEAN = float(pix.mean())`, are cited where they are taken, the fix's place;
  // the Normalize they feed is a site.)
  const here = (stat.file ?? it.path) === it.path && !stat.via;
  return {
    leaks: [{
      kind: 'preprocess',
      file: it.path,
      line: here ? stat.line : call.line,
      endLine: here ? stat.endLine : (it.stmt?.endLine ?? call.endLine),
      what: 'Normalize(mean, std)',
      stmtText: it.stmt ? it.src(it.stmt) : undefined,
      ...(stat.origins ? { origins: stat.origins } : {}),
      ...(elsewhere ? { sites: [here ? { file: it.path, line: call.line } : { file: stat.file ?? it.path, line: stat.line }] } : {}),
    }],
  };
}

/** Runs function values passed as arguments (callbacks, objectives) once; a search objective that scores on test data is selection on the test set. */
export function runCallbacks(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): void {
  for (const a of [...args, ...kwargs.values()]) {
    if (!a.fn || it.inlined.has(a.fn.def)) continue;
    const result = it.callFunction(a.fn, [], new Map());
    const score = result.score ?? (result.pred ? undefined : undefined);
    if (score?.part === 'test' && OBJECTIVE_RUNNERS.test(name) && /optimi[sz]e|fmin|minimize|maximize|objective|study|tune/i.test(it.src(call))) {
      const detail = `the objective of the hyperparameter search (\`${a.fn.def.name}\`) returns ${score.metric} measured on the test set, so the search keeps the trial that scores best on it`;
      // Test rows handed in by a caller (`run_study(past, future)`): cited at that call, the objective's score as a site.
      // An objective built by a factory (`make_objective(train, test)`) got them there: cited at the search it feeds.
      // A search run inside a helper handed the rows (`run_study(X_tr, y_tr, X_te, y_te)`): cited at that call.
      const nearest = it.frames[it.frames.length - 1];
      const handed = it.callSiteFor(result) ?? (nearest && nearest.origins.size > 0 ? nearest : undefined);
      const at = handed ?? (a.fn.closure !== undefined ? call : undefined);
      const sel = at
        ? { line: at.line, endLine: at.endLine, kind: 'keep-best' as const, detail, sites: [], elsewhere: [{ file: score.file ?? it.path, line: score.line }] }
        : { line: score.line, endLine: score.line, kind: 'keep-best' as const, detail, sites: [] };
      const facts = handed ? it.factsOf(handed.path) : undefined;
      if (facts && !facts.selections.some((x) => x.line === sel.line && x.kind === sel.kind)) facts.selections.push(sel);
      else if (!facts) recordSelection(it, result, sel, score.file ?? it.path);
    }
  }
}

export function functionCall(it: Interpreter, call: Call, qual: string, name: string, args: Val[], kwargs: Map<string, Val>): Val {
  if (name === 'train_test_split') return split(it, call, args, kwargs);
  if (CV_FUNCTIONS.has(name)) return crossValidate(it, call, name, args, kwargs);
  if (name in METRIC_FUNCTIONS) return metric(it, call, name, args);
  if (/^(lightfm|implicit)\.evaluation\./.test(qual)) return interactionMetric(it, call, name, qual, args, kwargs);
  if (SPLITTER_CLASSES.has(name)) return splitter(it, call, name, args, kwargs);
  const statsModel = statsmodelsModel(it, call, qual, name, args, kwargs);
  if (statsModel) return statsModel;
  // `torch.nn.Linear(3, 1)`, `nn.Sequential(...)`, `models.resnet34(weights=...)`, `timm.create_model(...)`,
  // `AutoModelFor...from_pretrained(...)`: a network used without a class of its own.
  // (`smp.Unet(encoder, ...)`, segmentation_models_pytorch's architectures, too.)
  const pretrained = /(^|\.)torchvision\.models\.\w+$|^timm\.create_model$|(^|\.)(transformers\.)?AutoModel\w*\.from_pretrained$|^segmentation_models_pytorch\.(Unet|UnetPlusPlus|FPN|PSPNet|DeepLabV3|DeepLabV3Plus|Linknet|PAN|MAnet|UPerNet|Segformer|create_model)$/.test(qual);
  if ((TORCH_NETS.test(name) && /(^|\.)nn\.\w+$/.test(qual)) || pretrained) {
    const est: Estimator = { cls: pretrained ? qual.replace(/^.*\.(\w+\.from_pretrained|\w+)$/, '$1') : name, line: call.line, endLine: call.endLine, kind: 'model', call, inner: [], deep: true };
    it.facts.estimators.push(est);
    return { est };
  }
  // Keras: `augmenter.random_transform(img)` of an ImageDataGenerator returns a randomly transformed copy of the image.
  if (name === 'random_transform' && call.fn.k === 'attr' && args[0]?.data) return augmentedCopy(call, 'ImageDataGenerator.random_transform', args[0]);
  const tuned = fastTextAutotune(it, call, qual, kwargs);
  if (tuned) return tuned;
  noteWrite(it, call, qual, undefined, undefined, args, kwargs);
  const settings = loadSettings(it, qual, args, kwargs) ?? openedPath(name, args);
  if (settings) return settings;
  if (name === 'ArgumentParser') return { cliDefaults: new Map() };
  // `os.environ.get("DATA_DIR", "data")`, `os.getenv(...)`: the default is what the code runs with unless told otherwise.
  if ((/(^|\.)environ\.get$/.test(qual) || /(^|\.)getenv$/.test(qual)) && args[1]?.const !== undefined) return args[1];
  if (name === 'join' && /(^|\.)path\.join$/.test(qual) && args.length > 0 && args.every((a) => typeof a.const === 'string')) return { const: args.map((a) => a.const).join('/') };
  // `np.bincount(y_tr)`, `Counter(labels)`: the class counts are being looked at (imbalance is likely).
  // (Counts tallied batch by batch in a loop are per-class bookkeeping of an evaluation, not a look at the classes.)
  if (/^(bincount|Counter)$/.test(name) && !it.inLoop() && call.args[0] && /(^|_|\b)(y|labels?|targets?|class(es)?)(_|\b|$)/i.test(it.src(call.args[0]))) it.facts.imbalanceHints.push(call.line);
  // `BCEWithLogitsLoss(pos_weight=...)`: the classes were weighed, so they are imbalanced.
  // (So were they with `F.cross_entropy(..., weight=class_weight)` or `nn.CrossEntropyLoss(weight=w)`.)
  if (kwargs.has('pos_weight') || (kwargs.has('weight') && /^(cross_entropy|CrossEntropyLoss|nll_loss|NLLLoss)$/.test(name))) it.facts.imbalanceHints.push(call.line);
  // torchmetrics: `BinaryAccuracy()` builds a metric; calling it (`self.val_acc(p, y)`) is an evaluation.
  // (Any torchmetrics metric class: `MeanAveragePrecision()`, `JaccardIndex(...)`, `MeanSquaredError()`...)
  if (/^torchmetrics\./.test(qual) && /^[A-Z]\w+$/.test(name) && !/^(MetricCollection|MetricTracker|ClasswiseWrapper)$/.test(name)) {
    return { metricObj: { name, kind: /^(Binary|Multiclass|Multilabel)?Accuracy$/.test(name) ? 'accuracy' : 'other', line: call.line } };
  }
  // Hugging Face `evaluate.load("rouge")` (or `datasets.load_metric`): a metric object, scored by `compute`.
  if (/(^|\.)(evaluate\.load|load_metric)$/.test(qual) && typeof args[0]?.const === 'string') {
    const metric = args[0].const;
    return { metricObj: { name: metric, kind: metric === 'accuracy' ? 'accuracy' : 'other', line: call.line } };
  }
  const normalize = normalizeWithStatistics(it, call, qual, name, args, kwargs);
  if (normalize) return normalize;
  const augmentation = augmentationTransform(qual, name, args, kwargs, call) ?? augmentFunction(call, qual, args);
  if (augmentation) return augmentation;
  if (isCorpusModelCall(qual, name)) return corpusModel(it, call, name, args, kwargs);
  // `nx.Graph(edges)` holds those rows; an empty `nx.Graph()` is a container that `add_edges_from(rows)` fills.
  if (/^(Graph|DiGraph|MultiGraph|MultiDiGraph)$/.test(name) && /(^|\.)(networkx|nx)\./.test(qual)) return args[0]?.data ? derive(args[0], { data: true }) : { items: [], elems: [] };
  if (/^[A-Z]/.test(name) || PIPELINES.has(name) || name === 'make_column_transformer') {
    const est = construct(it, call, name, args, kwargs);
    if (est) return est;
  }
  // `datasets.CIFAR10("data", train=False)`, `Speech(root, split="test")`: a dataset class giving one part.
  const partKw = /^[A-Z]/.test(name) ? datasetPartKwarg(call) : undefined;
  if (partKw) return { data: true, part: partKw, origins: [it.nextOrigin()] };
  // `torchvision.datasets.EuroSAT(root)`: a dataset with no official split is all of it; those that have one give
  // their training split unless told otherwise (`CIFAR10(root)` is `train=True`, `SVHN(root)` is `split="train"`).
  if (/^torchvision\.datasets\.[A-Z]\w+$/.test(qual) && !/^(ImageFolder|DatasetFolder|VisionDataset|FakeData|Coco\w*)$/.test(name)) {
    return { data: true, part: UNSPLIT_TORCHVISION.test(name) ? 'full' : 'train', origins: [it.nextOrigin()] };
  }
  // `np.load("images.npy")` reads an array of samples (other `load`s read models, configs, pickles).
  // pyarrow: `ds.dataset(path)`, `pq.read_table(path)` read a table of rows (`.to_pandas()` keeps them).
  const arrow = /(^|\.)(pyarrow\.dataset\.dataset|pyarrow\.parquet\.(read_table|ParquetDataset)|pyarrow\.feather\.read_(table|feather)|pyarrow\.csv\.read_csv)$/.test(qual);
  // `yf.download("SPY")`, `web.DataReader(...)`: market prices indexed by trading date, in time order.
  if (/(^|\.)(yfinance\.download|yf\.download|pandas_datareader(\.data)?\.(DataReader|get_data_\w+))$/.test(qual)) {
    const time = { line: call.line, what: `prices indexed by date (\`${it.src(call.fn)}\`)`, file: it.path };
    return { data: true, part: 'full', origins: [it.nextOrigin()], time, dates: { line: call.line, what: 'a date index' } };
  }
  // `librosa.load(path)`, `cv2.imread(path)`: one sample read from its file.
  const audio = AUDIO_READERS.test(qual);
  if (audio || IMAGE_READERS.test(qual)) {
    const read = load(it, call, name, args, kwargs);
    return audio ? { ...read, waveform: true } : read;
  }
  // xarray: `xr.open_dataset("cube.nc")` reads a data cube (`.to_dataframe()` gives its rows).
  const cube = /^(xarray|xr)\.(open_dataset|open_mfdataset|open_zarr|open_dataarray)$/.test(qual);
  // MNE: `mne.io.read_raw_edf(path)` reads a continuous recording (`.get_data()` gives its samples).
  const recording = /(^|\.)mne\.(io\.)?read_(raw(_\w+)?|epochs)$/.test(qual);
  if (arrow || cube || recording || LOADERS.has(name) || /^(load_|fetch_)/.test(name) || (name === 'load' && /^(np|numpy|tfds|tensorflow_datasets)\.load$/.test(qual))) return load(it, call, name, args, kwargs);
  // `np.concatenate([train_idx, val_idx])`: positions of the parts together (train + validation is still no test row).
  if (/^(concatenate|hstack|union1d|append)$/.test(name) && /^(np|numpy)\./.test(qual)) {
    const pieces = args[0]?.items && args.length === 1 ? args[0].items : args;
    // (With the test positions among them they are judged as before: rows that include the test set.)
    if (pieces.length > 1 && pieces.every((p) => p.indexPart && p.indexPart !== 'test' && !p.data)) {
      const splitIds = [...new Set(pieces.flatMap((p) => p.splitIds ?? []))];
      return { indexPart: pieces.map((p) => p.indexPart).reduce((a, b) => mergeParts(a, b)), ...(pieces.every((p) => p.positions) ? { positions: true } : {}), ...(splitIds.length ? { splitIds } : {}) };
    }
  }
  if (/^(concat|concatenate|vstack|hstack|cat|stack|merge|append|column_stack|row_stack|concatenate_datasets|ConcatDataset)$/.test(name)) {
    const first = args[0];
    // A list literal's items, plus what was appended to it later (`xs.append(window)`; the list absorbed it).
    const parts = first?.elems ? [...first.elems, ...(first.data ? [first] : [])] : args;
    // `np.stack([emb[y == c].mean(axis=0) for c in classes])`: statistics stacked are a table of statistics.
    const stat = first?.stat ?? parts.find((p) => p.stat)?.stat;
    if (stat && !parts.some((p) => p.data) && !first?.data) return { stat };
    const out = combine(parts, { data: true });
    // The held-out folds of every iteration of a CV loop, put together: all the rows they were picked from.
    const folds = first?.elems ? first.oofOf : undefined;
    if (folds && name !== 'merge') {
      out.part = folds;
      out.oofOf = undefined;
    }
    // `pd.merge(rows, stats)` adds columns: the rows, and so the part, are the left frame's.
    if (name === 'merge' && first?.data && first.part !== undefined) {
      out.part = first.part;
      if (first.filePart) out.filePart = true;
      noteMergedStatistic(it, out, first, args.slice(1), { file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, stmtText: it.stmt ? it.src(it.stmt) : undefined });
      return out;
    }
    if (parts.some((p) => p.part === 'test') && parts.some((p) => p.part === 'train')) out.withTest = call.line;
    // Training rows stacked with rows of another source never split (an unlabelled pool, `np.vstack([X_tr, X_unl])`):
    // still no held-out row among them.
    // (The list literal itself is its items put together: judged by its items.)
    const itemOrigins = new Set((first?.elems ?? []).flatMap((p) => p.origins ?? []));
    const rows = parts.filter((p) => p.data && !(p === first && first.elems && (p.origins ?? []).every((o) => itemOrigins.has(o))));
    const trainOrigins = new Set(rows.filter((p) => p.part === 'train').flatMap((p) => p.origins ?? []));
    const otherSource = (p: Val) => p.part === 'full' && !p.leaks?.length && !!p.origins?.length && p.origins.every((o) => !trainOrigins.has(o) && !it.splitOrigins.has(o));
    if (!/^(hstack|column_stack|merge)$/.test(name) && trainOrigins.size > 0 && rows.every((p) => p.part === 'train' || otherSource(p)) && rows.some(otherSource)) out.part = 'train';
    noteRepeatedRows(it, call, name, out);
    noteRedrawnRows(it, call, name, parts, out);
    const copies = parts.slice(1).find((p) => p.augmented);
    if (copies && parts[0]?.data && !parts[0].augmented && !/^(hstack|column_stack|merge)$/.test(name)) noteAugmentedCopies(it, call, out, copies);
    return out;
  }
  if (name === 'resample' && /sklearn|utils|^resample$/.test(qual)) {
    const rows = args[0];
    const out = combine(args.slice(0, 1), { data: true });
    if (isConst(kwarg(call, 'replace'), 'True') && rows && rows.part !== 'test' && rows.part !== 'val') {
      // In a helper (`rebalance(df)`), cited at the call that handed the rows in, the resample as a site.
      addLeak(out, citeLeak(it, rows, { kind: 'oversample', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: 'resample(replace=True)', stmtText: it.stmt ? it.src(it.stmt) : undefined }));
    }
    return out;
  }
  if (name === 'random_split') return randomSplit(it, call, args);
  // `np.random.randint(0, n, size=k)`, `rng.choice(n, k)`: row indices drawn with replacement.
  if ((name === 'randint' || name === 'integers' || (name === 'choice' && !isConst(kwarg(call, 'replace'), 'False'))) && /random|rng|gen/i.test(qual)) return { draw: call.line };
  if ((name === 'arange' && /^(np|numpy|torch)\./.test(qual)) || (name === 'range' && args[0]?.countOf)) {
    // `range(len(images))`: the positions of those rows carry what the rows carry (a split of them splits the rows).
    const rows = args[0]?.countOf;
    return { positions: true, ...(rows?.leaks ? { leaks: [...rows.leaks] } : {}), ...(rows?.origins ? { origins: rows.origins } : {}) };
  }
  if (/^(list|array|asarray|tensor|as_tensor)$/.test(name) && args[0]?.positions) return args[0];
  // `np.array_split(rng.permutation(n), k)`: folds of a cross-validation written by hand; each fold's rows are
  // held out in turn.
  if (/^(array_split|split)$/.test(name) && /^(np|numpy)\./.test(qual) && args[0]?.perm) {
    it.facts.cvLines.push(call.line);
    const fold: Val = { perm: args[0].perm, indexPart: 'val', fold: true };
    return { items: [fold, fold], elems: [fold, fold] };
  }
  if (name === 'len' && (args[0]?.data || args[0]?.leaks)) return { countOf: args[0] };
  if (name === 'permutation' || name === 'randperm') {
    const id = it.nextSplitId(call.line);
    return { perm: { id, line: call.line, endLine: call.endLine, seeded: /default_rng\(\s*[^)\s]|RandomState\(\s*[^)\s]|Generator/.test(it.src(call.fn)) } };
  }
  if (name === 'shuffle' && args[0] && !args[0].data && call.args[0]?.k === 'name') {
    // `np.random.shuffle(idx)`: the index array is now in random order.
    args[0].perm = { id: it.nextSplitId(call.line), line: call.line, endLine: call.endLine, seeded: false };
    return {};
  }
  // `np.zeros((len(docs), k))`: a buffer of one row per row of `docs`, filled in a loop (what it is filled with sticks).
  const rowsCounted = /^(zeros|empty|ones|full)$/.test(name) && /^(np|numpy|torch)\./.test(qual) ? (args[0]?.items?.[0] ?? args[0])?.countOf : undefined;
  if (rowsCounted?.data) return derive(rowsCounted, { data: true, pred: undefined, prob: undefined, score: undefined, stat: undefined });
  if (/^(full_like|zeros_like|ones_like|full|repeat|tile)$/.test(name) && /^(np|numpy|torch)\./.test(qual)) {
    // `np.full_like(p_test, y_train.mean())`: a constant prediction (the prior), a naive baseline, not a model's output.
    return { data: true, ...(args[1]?.stat ? { stat: args[1].stat } : {}) };
  }
  // scikit-survival's structured label: the event and time columns of the frame are the target.
  if (name === 'from_dataframe' && /(^|\.)Surv\.from_dataframe$/.test(qual) && call.args[0]?.k === 'str' && call.args[1]?.k === 'str' && args[2]) {
    return derive(args[2], { data: true, labelColumns: [call.args[0].value, call.args[1].value] });
  }
  if (name === 'to_datetime') {
    const src = call.args[0];
    if (src?.k === 'sub' && src.index[0]?.k === 'str') it.dateColumns.add(src.index[0].value);
    return derive(args[0], { dates: { line: call.line, what: 'pd.to_datetime' } });
  }
  if (name === 'date_range' || name === 'DatetimeIndex') return { data: true, part: 'full', time: { line: call.line, what: `pd.${name}`, file: it.path } };
  if (/^(max|min|sorted|argmax|argmin|nanargmax|argsort)$/.test(name)) {
    const first = args[0];
    if (first?.container && !keyNamesOtherScores(kwarg(call, 'key'))) checkPick(it, first, call.line);
    // `min(candidates, key=lambda t: frr(y_test, p_test, t))`: each candidate ranked by a score of the test rows.
    else if (/^(max|min|sorted)$/.test(name)) pickByTestKey(it, call, first, kwargs.get('key'));
    // The position of the best point picks a threshold; `max(tpr - fpr)` (a KS statistic) is only a number.
    else if (first?.curve && /^(nan)?arg(max|min)$/.test(name)) checkCurvePick(it, first.curve, call.line);
    return first?.container ? {} : combine(args);
  }
  // (LightFM's `Dataset()` builds id mappings and matrices; it holds no rows yet.)
  if ((name === 'DataLoader' || name === 'Dataset' || /Dataset$/.test(name)) && !/^lightfm\./.test(qual)) {
    const src = args[0];
    const train = kwarg(call, 'train');
    // Loaders over one dataset object share its identity (a training loader and an "eval" loader of the same rows).
    // A dataset object built over a frame (`LesionDataset(df, ...)` keeping `frame["target"]`) holds that frame's rows too.
    const rows = src?.instanceOf && src.attrs ? [...src.attrs.values()].filter((v) => v.data) : [];
    const held = rows.flatMap((v) => v.origins ?? []);
    // (And their part: `LesionDataset(cfg["data"]["eval_csv"], ...)` reading test.csv in `__init__` holds test rows.)
    const heldParts = new Set(rows.map((v) => v.part));
    const heldPart = heldParts.size === 1 ? [...heldParts][0] : undefined;
    // (Or the folder it was handed, `Nuclei(cfg["test_dir"])` listing `stage1_test/` in `__init__` and reading each
    // sample later: the one path it keeps names the part.)
    const paths = src?.instanceOf && src.attrs ? [...src.attrs.values()].flatMap((v) => (typeof v.const === 'string' && /[\\/]|\.\w+$/.test(v.const) ? [v.const] : [])) : [];
    const folderPart = paths.length === 1 ? partOfPathText(paths[0]!) : undefined;
    const part: Part | undefined = isConst(train, 'True') ? 'train' : isConst(train, 'False') ? 'test' : src?.part ?? (heldPart !== 'full' ? heldPart : undefined) ?? folderPart;
    // (Built alike over the same files, its rows are those of the key, plus what was handed in; not what `__init__` read anew.)
    const key = src?.rowsKey;
    const own = key ? [it.originOf(key.key), ...held.filter((o) => key.passed.includes(o))] : src?.instanceOf ? [it.originOf(src), ...held] : undefined;
    const origins = src?.origins ?? (own ? [...new Set(own)] : undefined);
    return derive(src, { data: true, part, ...(origins ? { origins } : {}) });
  }
  if (/^(sigmoid|softmax|log_softmax|expit)$/.test(name)) return derive(args[0], { prob: true });
  if (name === 'deepcopy' || name === 'clone') return args[0] ?? {};
  // joblib: `Parallel(n_jobs=8)(delayed(clip_features)(p) for p in paths)` calls the function on each item.
  if (name === 'delayed' && args[0]?.fn) return args[0];
  // `cv2.imwrite(path, aug)`, `save_image(aug, path)`: the file written holds the augmented copy.
  const writer = SAMPLE_WRITERS.exec(qual);
  if (writer) {
    const [sample, path] = writer[3] ? [args[0], args[1]] : [args[1], args[0]];
    if (sample?.augmented) noteSavedCopy(sample, path);
    return {};
  }
  // `np.where(precision[:-1] >= 0.99)`: the positions on a test curve that meet a target (one is then taken as the threshold).
  if (/^(where|flatnonzero|nonzero|argwhere)$/.test(name) && /^(np|numpy)\./.test(qual) && args.length === 1 && args[0]?.curve) return { curve: args[0].curve };
  // `torch.from_numpy(z["test_mask"])`, `np.flatnonzero(test_mask)`: the same part's mask or positions.
  if (/^(from_numpy|as_tensor|tensor|asarray|array|flatnonzero|nonzero|where|argwhere|LongTensor|BoolTensor)$/.test(name) && args.length === 1 && args[0]?.indexPart && !args[0].data) {
    return { indexPart: args[0].indexPart, ...(args[0].splitIds ? { splitIds: args[0].splitIds } : {}) };
  }
  // `getattr(data, cfg["monitor"])` with the setting naming `test_mask`: that part's mask (the setting is where to fix it).
  if (name === 'getattr' && typeof args[1]?.const === 'string') {
    const mask = maskOfPart(args[1].const);
    if (mask) return { ...mask, ...(args[1].configSite ? { configSite: args[1].configSite } : {}) };
  }
  if (name === 'next' && args[0]?.firstSplit) return { items: args[0].firstSplit };
  // `list(sgkf.split(X, y, groups))`: the folds, each a (train, held-out) pair; one taken by index is one split.
  if (name === 'list' && args[0]?.firstSplit) return { splitFolds: args[0].firstSplit };
  if (SCORE_FUNCTIONS.test(name)) {
    // `mutual_info_regression(X, y)` on all rows: feature scores learned from the labels, usually used to pick columns.
    const X = args[0];
    const againstLabel = args[1] !== undefined || (name === 'chi2_contingency' || name === 'fisher_exact');
    if (X?.data && againstLabel && (X.part === undefined || X.part === 'full')) {
      // In a helper (`select_top_genes(expr, y)`), cited at the call that handed the rows in, the scoring as a site.
      return { selected: citeLeak(it, X, { kind: 'preprocess', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `\`${name}\``, stmtText: it.stmt ? it.src(it.stmt) : undefined, ...(X.origins ? { origins: X.origins } : {}) }) };
    }
    return {};
  }
  // `float(np.sqrt(np.mean((y - p) ** 2)))`: a number made of predictions is still a score of them.
  if (/^(float|round|int)$/.test(name) && (args[0]?.pred || args[0]?.score)) return args[0].score ? { score: args[0].score } : derive(args[0]);
  // `np.array([f1_score(y_te, p >= t) for t in grid])`: the collected scores, as an array.
  if (/^(array|asarray|list|tuple)$/.test(name) && args[0]?.container && !args[0].data) return { container: args[0].container };
  // `list(base_preds.values())`: the entries themselves, each with its part (a stack of test predictions is test rows).
  if (/^(list|tuple)$/.test(name) && args[0]?.elems && !args[0].data) return { elems: args[0].elems, items: args[0].elems };
  // `np.mean(y)` is `y.mean()`: a statistic of the rows (unless per sample, `axis=1`).
  if (/^(np|numpy)\.(nan)?(mean|median|std|var|average)$/.test(qual) && args[0]?.data && !args[0].pred && !args[0].prob) {
    const axis = kwarg(call, 'axis') ?? call.args[1];
    if (axis && perSampleAxis(axis) && args[0].neighbourLabels) return { stat: neighbourStat(it, call, args[0]) };
    // (In a function run per item, `np.median(oot)` of one light curve, it is that sample's own summary.)
    if ((!axis || !perSampleAxis(axis)) && !it.inPerItemCall()) return { stat: { line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `np.${name}()`, part: args[0].part, file: it.path, ...(args[0].origins ? { origins: args[0].origins } : {}) } };
  }
  // `np.sqrt(mean_squared_error(y_te, fc))`: a score put through arithmetic is still that score.
  if (/^(sqrt|log|log10|log1p|exp|abs|fabs|square|mean|asarray|array|item)$/.test(name) && args[0]?.score && !args[0].data) return { score: args[0].score };
  // `str(dst)` of a path an augmented copy was saved to still names that copy.
  // (So does the string of a listed file's path: `paths.append(str(p))` over `folder.iterdir()`.)
  if ((name === 'str' || name === 'fspath') && (args[0]?.augmented || args[0]?.data)) return derive(args[0]);
  // `cv2.imwrite(str(out_path), aug)`: the string of a path is that path (what is written there sticks to it).
  if ((name === 'str' || name === 'fspath') && args.length === 1 && args[0] && !args[0].data) return args[0];
  // `MEAN = float(pix.mean())` at the top level: a statistic as a plain number is still that statistic. (Inside
  // helpers and loops, `feats["kurtosis"] = float(np.mean(w ** 4))` is mostly one sample's own summary.)
  if (/^(float|round)$/.test(name) && args[0]?.stat && !args[0].data && it.frames.length === 0 && !it.inLoop()) return { stat: args[0].stat };
  if (/^(len|print|str|int|float|round|isinstance|type|range|enumerate|zip|repr|display)$/.test(name)) {
    if (name === 'enumerate') return { iterItems: [{}, iterateOne(args[0])] };
    // `list(zip(edges["a"], edges["b"]))`: pairs made of rows are those rows.
    if (name === 'zip') return args.length > 1 && args.every((a) => a.data) ? { ...combine(args), iterItems: args.map(iterateOne) } : { iterItems: args.map(iterateOne) };
    return {};
  }
  // `dict(spec)` of a mapping of the settings: a copy of it.
  if (name === 'dict' && qual === 'dict' && args.length === 1 && args[0]?.config) return args[0];
  // `dict(model=clf, test_auc=roc_auc_score(y_test, p))`: a dict like its literal, with the score it keeps.
  if (name === 'dict' && qual === 'dict' && args.length === 0 && kwargs.size > 0) {
    const score = [...kwargs.values()].find((v) => v.score)?.score;
    return { keys: [...kwargs.keys()], elems: [...kwargs.values()], ...(score ? { score } : {}) };
  }
  // Keras generators over a folder (`gen.flow_from_directory("data/test")`) or over a frame of file paths.
  if (/^flow_from_(directory|dataframe)$/.test(name)) {
    const src = args[0] ?? kwargs.get('directory') ?? kwargs.get('dataframe');
    if (name === 'flow_from_dataframe' && src?.data) return derive(src, { data: true });
    return { data: true, part: partOfRead(call, src), origins: [it.nextOrigin()] };
  }
  if (name === 'DMatrix' || name === 'Dataset' || name === 'Pool') return derive(args[0], { data: true });
  // `Dataset.from_list(rows)` (or from_dict / from_pandas / from_generator): a dataset of those rows, whatever built them.
  if (/^from_(list|dict|pandas|generator)$/.test(name) && /(^|\.)(Iterable)?Dataset\.from_\w+$/.test(qual) && args[0]) {
    return args[0].data ? derive(args[0], { data: true }) : { data: true, ...(args[0].part ? { part: args[0].part } : {}) };
  }
  // Hugging Face: `DatasetDict({"train": ..., "test": ...})` keeps its keyed parts.
  if (/^(Iterable)?DatasetDict$/.test(name) && args[0]?.keys) return args[0];
  // `DatasetDict(train=..., validation=..., test=...)`: the same, written as keywords.
  if (/^(Iterable)?DatasetDict$/.test(name) && kwargs.size > 0) return { keys: [...kwargs.keys()], elems: [...kwargs.values()] };
  // `cv = DatasetDict()` filled key by key (`cv["eval"] = load_dataset(..., split="test")`).
  if (/^(Iterable)?DatasetDict$/.test(name) && args.length === 0) return { keys: [], elems: [] };
  if (/TrainingArguments$|^(SFT|DPO|Reward)Config$/.test(name)) return { trainingArgs: { loadBest: isConst(kwarg(call, 'load_best_model_at_end'), 'True') } };
  if (name === 'Trainer' && /(^|\.)(lightning|pytorch_lightning|pl|L)(\.pytorch)?\.Trainer$/.test(qual)) return { lightningTrainer: lightningTrainer(it, call, kwargs) };
  // Lightning / Keras callbacks that act on a monitored validation metric.
  if (name === 'EarlyStopping' || (name === 'ModelCheckpoint' && (kwargs.has('monitor') || isConst(kwarg(call, 'save_best_only'), 'True')))) return { selectsBy: name };
  if (/Trainer$/.test(name) && /^[A-Z]/.test(name) && (kwargs.has('train_dataset') || kwargs.has('eval_dataset'))) return hfTrainer(it, call, kwargs);
  if (/^(train|cv)$/.test(name) && /xgb|xgboost|lgb|lightgbm/.test(qual)) return boosterTrain(it, call, name, args, kwargs);
  // `pd.Series(booster.get_score())`: importances put in a table still pick the columns they rank.
  if (/^(Series|DataFrame)$/.test(name) && args[0]?.selected && !args[0].data) return { selected: args[0].selected };
  // `partial(objective, X=X_dev, y=y_dev)`: the function, with those arguments bound.
  if (name === 'partial' && args[0]?.fn && /(^|\.)(functools\.)?partial$/.test(qual)) return { fn: { ...args[0].fn, bound: { args: args.slice(1), kwargs } } };
  runCallbacks(it, call, name, args, kwargs);
  // Anything else: a function of its arguments' rows (np.log, custom feature functions, ...), or of
  // symbolic tensors that went through an adapted layer (`Dense(1)(norm(inputs))`).
  // (`librosa.feature.mfcc(y=y, sr=sr)`: rows passed by keyword count as much as positional ones.)
  const rows = [...args, ...kwargs.values()].filter((a) => a.data || a.leaks || a.selected || a.combinedFit);
  return rows.length > 0 ? combine(rows) : {};
}

/**
 * `max(results, key=lambda n: results[n]["cv_accuracy"])`, `board.sort_values("val_auc")`: the pick names which of the
 * collected scores it goes by; when none it names is a test score, the test scores beside them only report.
 */
export function keyNamesOtherScores(key: Expr | undefined): boolean {
  if (!key) return false;
  const names: string[] = [];
  const visit = (e: Expr) => {
    if (e.k === 'str') names.push(e.value);
    else if (e.k === 'lambda') visit(e.body);
    else if (e.k === 'sub') {
      visit(e.obj);
      for (const i of e.index) visit(i);
    } else if (e.k === 'call') for (const a of e.args) visit(a);
    else if (e.k === 'seq') for (const i of e.items) visit(i);
  };
  visit(key);
  const other = (n: string) => partFromName(n) === 'val' || partFromName(n) === 'train' || /(^|_)(cv|oof|cross_?val\w*|in_?fold)(_|$)/i.test(n);
  return names.some(other) && !names.some((n) => partFromName(n) === 'test');
}

function iterateOne(v: Val | undefined): Val {
  if (!v) return {};
  // `enumerate(kf.split(X))`: each item is one fold's (train, held-out) indices.
  if (v.iterItems) return { items: v.iterItems };
  if (v.data) return derive(v);
  if (v.elems) return v.elems.find((x) => x.est) ?? v.elems[0] ?? {};
  return {};
}

function construct(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  let kind: Estimator['kind'] | undefined;
  let inner: string[] = [];
  if (SEARCHERS.has(name)) {
    kind = 'search';
    const base = args[0] ?? kwargs.get('estimator');
    if (base?.est) {
      base.est.tuned = true;
      inner = [base.est.cls, ...base.est.inner];
    }
  } else if (PIPELINES.has(name) || name === 'make_column_transformer') {
    const ests = collectEstimators([...args, ...kwargs.values()]);
    inner = ests.flatMap((e) => [e.cls, ...e.inner]);
    kind = ests.some((e) => e.kind === 'model' || e.kind === 'search') ? 'pipeline' : 'preprocess';
  } else if (STATEFUL_PREPROCESSORS.has(name)) kind = 'preprocess';
  // Keras' `ImageDataGenerator(featurewise_center=True, ...)`: `fit(X)` learns the pixel mean and deviation of X.
  else if (name === 'ImageDataGenerator' && call.kwargs.some((k) => /^(featurewise_center|featurewise_std_normalization|zca_whitening)$/.test(k.name ?? '') && isConst(k.value, 'True'))) kind = 'preprocess';
  else if (OVERSAMPLERS.has(name)) kind = 'oversample';
  else if (UNDERSAMPLERS.has(name)) kind = 'undersample';
  else if (isModelName(name) || name === 'Model' || name === 'Functional' || name === 'CalibratedClassifierCV') kind = 'model';
  if (!kind) return undefined;
  if (name === 'ColumnTransformer') inner = collectEstimators([...args, ...kwargs.values()]).map((e) => e.cls);
  if (kind === 'preprocess' && learnsNothing(call, name, args, kwargs)) kind = 'other';
  const est: Estimator = { cls: name, line: call.line, endLine: call.endLine, kind, call, inner };
  if (name === 'Sequential' || name === 'Model' || name === 'Functional') {
    est.deep = true;
    const layerLeaks = adaptedLayerLeaks([...args, ...kwargs.values()]);
    if (layerLeaks.length > 0) est.layerLeaks = layerLeaks;
    const combined = layerCombinedFit([...args, ...kwargs.values()]);
    if (combined) est.combinedFit = combined;
  }
  if (call.args.some((a) => a.k === 'star' && a.double)) est.tuned = true;
  const cv = kwargs.get('cv')?.splitter;
  if (cv) est.cv = cv;
  if (kwargs.has('class_weight') || kwargs.has('scale_pos_weight') || kwargs.has('is_unbalance')) it.facts.imbalanceHints.push(call.line);
  if (kind === 'oversample') it.facts.imbalanceHints.push(call.line);
  it.facts.estimators.push(est);
  return { est };
}

/** A Keras preprocessing layer adapted on train and test rows put together (`norm.adapt(np.concatenate([X_train, X_test]))`), listed or called. */
function layerCombinedFit(vals: Val[]): Estimator['combinedFit'] {
  const visit = (v: Val | undefined, depth: number): Estimator['combinedFit'] => {
    if (!v || depth > 3) return undefined;
    if (v.est?.kind === 'preprocess' && v.est.combinedFit) return v.est.combinedFit;
    if (v.combinedFit && !v.data) return v.combinedFit;
    for (const x of v.elems ?? v.items ?? []) {
      const found = visit(x, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const v of vals) {
    const found = visit(v, 0);
    if (found) return found;
  }
  return undefined;
}

/** Leaks of Keras preprocessing layers adapted on rows that were not a split part (layers listed, or outputs of the functional API). */
export function adaptedLayerLeaks(vals: Val[]): Leak[] {
  const out: Leak[] = [];
  const visit = (v: Val | undefined, depth: number) => {
    if (!v || depth > 3) return;
    const fitted = v.est?.kind === 'preprocess' ? v.est.fittedOn : undefined;
    if (fitted?.leak && fitted.part !== 'train' && fitted.part !== 'val' && fitted.part !== 'test' && !out.includes(fitted.leak)) out.push(fitted.leak);
    for (const l of v.leaks ?? []) if (!v.data && !out.includes(l)) out.push(l);
    for (const x of v.elems ?? v.items ?? []) visit(x, depth + 1);
  };
  for (const v of vals) visit(v, 0);
  return out;
}

/**
 * Encoders given their categories (`OneHotEncoder(categories=code_tables)`) learn nothing from the rows, and
 * neither does a column transformer made only of such steps: fitting them before a split leaks nothing.
 */
function learnsNothing(call: Call, name: string, args: Val[], kwargs: Map<string, Val>): boolean {
  if (name === 'OneHotEncoder' || name === 'OrdinalEncoder') {
    const categories = kwarg(call, 'categories');
    return categories !== undefined && !(categories.k === 'str' && categories.value === 'auto');
  }
  if (name === 'ColumnTransformer' || name === 'make_column_transformer') {
    const steps = collectEstimators([...args, ...kwargs.values()]);
    return steps.length > 0 && steps.every((e) => e.kind === 'other');
  }
  return false;
}

export function collectEstimators(vals: Val[]): Estimator[] {
  const out: Estimator[] = [];
  const visit = (v: Val | undefined, depth: number) => {
    if (!v || depth > 4) return;
    if (v.est) out.push(v.est);
    for (const x of v.items ?? []) visit(x, depth + 1);
  };
  for (const v of vals) visit(v, 0);
  return out;
}

/** `pd.concat([df] + [minority] * 3)`: some rows listed several times next to the others are upsampled by hand. */
function noteRepeatedRows(it: Interpreter, call: Call, name: string, out: Val): void {
  const list = call.args[0];
  if (!list || !out.data || /^(hstack|column_stack|merge)$/.test(name) || out.part === 'test' || out.part === 'val') return;
  const axis = kwarg(call, 'axis');
  if (axis && !(axis.k === 'num' && axis.value === 0) && !(axis.k === 'str' && axis.value === 'index')) return;
  const repeated = repeatedItem(list, (e) => it.src(e));
  if (!repeated) return;
  addLeak(out, { kind: 'oversample', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `\`${name}\` repeating \`${it.src(repeated)}\``, stmtText: it.stmt ? it.src(it.stmt) : undefined });
}

function metric(it: Interpreter, call: Call, name: string, args: Val[]): Val {
  const kind = METRIC_FUNCTIONS[name] ?? 'other';
  // `ndcg_score([gain[idx]], [scores[idx]])`: one query's rows wrapped in a list are those rows.
  const single = (v: Val | undefined) => (v && !v.data && v.elems?.length === 1 ? v.elems[0] : v);
  const truth = single(args[0]);
  const pred = single(args[1]);
  const part = truth?.part ?? pred?.part;
  const naive = pred !== undefined && !pred.pred && !pred.prob && (pred.data === true || pred.stat !== undefined);
  // The call that handed the scored rows in (by their origin), else the nearest call into this helper.
  // (A call that handed no rows, such as `main()`, chose nothing: the metric is cited where it is.)
  const nearest = it.frames[it.frames.length - 1];
  const outer = it.callSiteFor(truth) ?? (nearest?.handsOver ? nearest : undefined);
  const truthFrom = frameWritten(it, call.args[0]);
  it.facts.evals.push({ line: call.line, part, metric: name, kind, ...(naive ? { baseline: true } : {}), ...(truth?.origins ? { origins: truth.origins } : {}), ...(outer ? { calledAt: { file: outer.path, line: outer.line, endLine: outer.endLine } } : {}), ...(truthFrom ? { truthFrom } : {}) });
  // (Labels of rows no split divided, taken from the frame a model was fitted on: the training rows scored again.)
  const refitted = part === undefined && truth?.data === true && (truth.origins?.length ?? 0) > 0 && !truth.splitIds?.length && it.facts.fits.some((f) => f.labelsFrom !== undefined && f.labelsFrom === truthFrom && (f.origins?.length ?? 0) > 0 && truth.origins!.every((o) => f.origins!.includes(o)));
  if (part !== 'train' && part !== 'full' && !refitted) it.facts.heldOutUses.push(call.line);
  const score = { part, line: call.line, metric: name, file: it.path };
  return { score, part, ...(kind === 'threshold-curve' ? { curve: score } : {}), ...(truth?.origins ? { origins: truth.origins } : {}) };
}

/**
 * `precision_at_k(model, test_interactions, train_interactions)` (LightFM), `ranking_metrics_at_k(model, train,
 * test, K)` (implicit): a recommender scored on an interaction matrix: held-out interactions, or the ones it was
 * fitted on.
 */
function interactionMetric(it: Interpreter, call: Call, name: string, qual: string, args: Val[], kwargs: Map<string, Val>): Val {
  const model = args[0] ?? kwargs.get('model');
  const scored = qual.startsWith('lightfm') ? (args[1] ?? kwargs.get('test_interactions')) : (args[2] ?? kwargs.get('test_user_items'));
  const est = model?.est;
  if (est?.fullFit && scored?.part === 'test') reportFullFit(it, est);
  // (The matrix the model was fitted on, scored again: its training interactions.)
  const refitted = scored !== undefined && it.facts.fits.some((f) => f.est === est && (f.rows === scored || (f.origins?.length && scored.origins?.length && scored.origins.every((o) => f.origins!.includes(o)))) && (f.part === scored.part || f.part === undefined));
  const part = refitted ? 'train' : scored?.part;
  it.facts.evals.push({ line: call.line, part, metric: name, kind: 'other', ...(scored?.origins ? { origins: scored.origins } : {}) });
  if (part !== 'train' && part !== 'full') it.facts.heldOutUses.push(call.line);
  return { score: { part, line: call.line, metric: name, file: it.path }, part };
}

function boosterTrain(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): Val {
  const sets = kwargs.get('valid_sets') ?? kwargs.get('evals');
  const setVals = sets?.elems ?? [];
  const testRows = setVals.find((v) => v.part === 'test') ?? setVals.map((v) => v.items?.[0]).find((v) => v?.part === 'test');
  const early = kwarg(call, 'early_stopping_rounds') !== undefined || /early_stopping/.test(it.src(call));
  if (testRows && early) {
    recordSelection(it, testRows, { line: call.line, endLine: call.endLine, kind: 'eval-set', detail: `\`${name}\` stops early on the test set`, sites: [] });
  }
  const dtrain = args[1] ?? kwargs.get('dtrain') ?? kwargs.get('train_set');
  const est: Estimator = { cls: /lgb|lightgbm/.test(it.src(call.fn)) ? 'LGBMBooster' : 'XGBBooster', line: call.line, endLine: call.endLine, kind: 'model', call, inner: [] };
  // `params = {"objective": "binary", ...}`: the booster is a classifier.
  const params = args[0] ?? kwargs.get('params');
  const objective = params?.keys && params.elems ? params.elems[params.keys.indexOf('objective')]?.const : undefined;
  if (typeof objective === 'string' && /binary|multiclass|multi:|softmax|softprob|logistic|cross_?entropy/.test(objective)) est.classification = true;
  it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: dtrain?.part, splitIds: dtrain?.splitIds ?? [] });
  // Like a fitted model's: what the booster learned about the columns (`get_score()`) may pick columns later.
  if (dtrain?.data) {
    const what = `${est.cls} (its feature importances pick the columns used later)`;
    const leak: Leak = { kind: 'preprocess', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what, stmtText: it.stmt ? it.src(it.stmt) : undefined, origins: it.ensureOrigin(dtrain), ...(dtrain.part === 'train' && !wholeRows(dtrain) ? { fromTrainPart: true } : {}) };
    est.fittedOn = { part: wholeRows(dtrain) ? 'full' : dtrain.part, line: call.line, leak: citeLeak(it, dtrain, leak) };
  }
  return { est };
}

/**
 * `fasttext.train_supervised(input=..., autotuneValidationFile=path)`: autotune trains many models and keeps the best
 * on that file. A file named for the test set is chosen on at once; another is, once the model is scored on it.
 */
function fastTextAutotune(it: Interpreter, call: Call, qual: string, kwargs: Map<string, Val>): Val | undefined {
  if (!/(^|\.)fasttext\.train_supervised$/.test(qual)) return undefined;
  const file = kwargs.get('autotuneValidationFile')?.const;
  if (typeof file !== 'string') return {};
  const at = call.kwargs.find((k) => k.name === 'autotuneValidationFile')?.value ?? call;
  if (partOfPathText(file) === 'test') {
    recordSelection(it, undefined, { line: at.line, endLine: at.endLine, kind: 'search-on-test', detail: `\`autotuneValidationFile\` has fastText pick the hyperparameters by their score on \`${file}\`, the test file`, sites: [] });
  }
  return { tunedOnFile: { path: file, line: at.line, endLine: at.endLine } };
}

/** `model.test(path)` / `model.test_label(path)` of a fastText model: scored on the file autotune chose on is a score of the choice. */
export function scoreOnTunedFile(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[]): void {
  const tuned = receiver.tunedOnFile;
  if (!tuned || !/^(test|test_label)$/.test(method) || args[0]?.const !== tuned.path) return;
  // (A validation file scored again, `valid P@1` of the tuned model, is reported as what it is.)
  if (partOfPathText(tuned.path) === 'val') return;
  const known = it.facts.selections.find((s) => s.line === tuned.line && s.kind === 'search-on-test');
  if (known) {
    if (!known.sites.includes(call.line) && known.line !== call.line) known.sites.push(call.line);
    return;
  }
  recordSelection(it, undefined, {
    line: tuned.line,
    endLine: tuned.endLine,
    kind: 'search-on-test',
    detail: `\`autotuneValidationFile\` has fastText pick the hyperparameters by their score on \`${tuned.path}\`, and the model is then scored on that same file (line ${call.line}) as if it were unseen`,
    sites: [call.line],
  });
}
