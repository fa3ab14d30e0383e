// What a call does to the values it touches: loading, splitting, fitting, transforming, scoring.
import type { Expr } from '../python/ast.js';
import { calleeName, dotted, isConst, kwarg } from '../python/ast.js';
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
  isClassifierName,
  isModelName,
  isRegressorName,
  partFromName,
  type Part,
} from './knowledge.js';
import { citeLeak, fitEstimator, fitResample, recordSelection, transformWith, validationOnTest } from './fitting.js';
import { datasetPartKwarg, hfTrainer, hfTrainerCall, lightningCall, lightningTrainer, statsmodelsModel } from './frameworks.js';
import { noteMergedStatistic, noteRedrawnRows, selectedByPartIndex } from './row-sources.js';
import { commandLine, loadSettings, openedPath, settingAt } from './settings.js';
import { noteWrite } from './handoffs.js';
import { load, partOfRead } from './loaders.js';
import type { Scope } from './scope.js';
import { repeatedItem } from './repeats.js';
import { checkCurvePick, checkPick } from './selection-checks.js';
import { frameMethod, perSampleAxis } from './frame-methods.js';
import { crossValidate, randomSplit, split, splitter, splitterSplit } from './splits.js';
import { augmentationTransform, augmentedCopy, augmentFunction, noteAugmentedCopies, noteSavedCopy } from './augmentation.js';
import { absorb, addLeak, combine, derive, wholeRows, type Estimator, type FunctionValue, type Leak, type Val } from './values.js';
import { readByName } from './project-functions.js';

type Call = Extract<Expr, { k: 'call' }>;

const ESTIMATOR_METHODS = /^(fit|fit_transform|fit_predict|fit_resample|fit_sample|fit_on_texts|adapt|partial_fit|transform|predict|predict_proba|decision_function|predict_log_proba|score|evaluate|compile|split|append|add|set_params)$/;

export function evalCall(it: Interpreter, call: Call, scope: Scope): Val {
  const kwargs = new Map(call.kwargs.map((k) => [k.name, it.eval(k.value, scope)]));
  const args: Val[] = [];
  for (const a of call.args) {
    const v = it.eval(a, scope);
    const spread = a.k === 'star' && a.double ? spreadKeywords(v) : undefined;
    // Kept in place (positions match `call.args`), marked so functions do not bind it to a parameter.
    args.push(spread ? { ...v, spread: true } : v);
    if (spread) for (const [k, x] of spread) if (!kwargs.has(k)) kwargs.set(k, x);
  }
  const name = calleeName(call) ?? '';
  selectedByPartIndex(it, call, [...args, ...kwargs.values()]);
  if (/^(print|info|debug|warning|log|write)$/.test(name)) it.noteReportedScore(call, args);

  if (call.fn.k === 'attr') {
    const receiver = it.eval(call.fn.obj, scope);
    const method = call.fn.attr;
    // `kept.remove(worst)` with `worst` chosen by p-values: the list of kept columns is the selection's.
    if (/^(remove|pop|append|insert|extend)$/.test(method) && args[0]?.selected && !receiver.data) receiver.selected = args[0].selected;
    // Keras Tuner: `tuner.search(x, y, validation_data=...)` ranks configurations on the validation rows.
    if (method === 'search' && kwargs.has('validation_data')) validationOnTest(it, call, kwargs, true);
    const local = it.method(receiver, method);
    if (local) {
      const out = it.callFunction(local, args, kwargs);
      return receiver.est?.project ? asPreprocessor(it, call, receiver, method, args, kwargs, scope, out) : out;
    }
    // `super().__init__(...)`: the method of a base class, on the same instance.
    if (receiver.superOf) {
      for (const base of it.baseClasses(receiver.superOf.cls)) {
        const inherited = it.method(receiver.superOf.self, method, base);
        if (inherited) return it.callFunction(inherited, args, kwargs);
      }
      return {};
    }
    // `self.model(xb)`, `self.val_acc(p, y)`, `self.evaluator(name, model)`: calling what the attribute holds.
    const held = receiver.attrs?.get(method);
    const heldCall = held ? callValue(it, call, held, args, kwargs) : undefined;
    if (heldCall) return heldCall;
    if (receiver.localModule) {
      // `data.split(df)` after `from penguins import data`: a function or class of a module of the review.
      const member = it.eval(call.fn, scope);
      if (member.fn) return callProjectFunction(it, call, member.fn, args, kwargs);
      if (member.cls && !member.instanceOf) return it.instantiate(member.cls, args, kwargs, it.isDeepClass(member.cls));
    }
    // A receiver the file never defined (`keras.Sequential` without the import in this cell) is
    // treated like a module, except for estimator methods that make sense on unknown objects.
    const unknown = Object.keys(receiver).length === 0 && !ESTIMATOR_METHODS.test(method);
    if (receiver.qual === undefined && !unknown) return methodCall(it, call, receiver, method, args, kwargs, scope);
    if (unknown) return functionCall(it, call, dotted(call.fn) ?? method, method, args, kwargs);
    const qual = `${receiver.qual}.${method}`;
    if (!KNOWN_LIBRARY.test(qual)) noteUnknownCall(it, call, args, kwargs);
    return functionCall(it, call, qual, method, args, kwargs);
  }

  if (call.fn.k === 'name' && call.fn.id === 'super' && !scope.get('super')) return it.superOf();
  const callee = call.fn.k === 'name' ? scope.get(call.fn.id) : it.eval(call.fn, scope);
  if (callee?.fn) return callProjectFunction(it, call, callee.fn, args, kwargs);
  if (callee?.cls && !callee.instanceOf) {
    transformOfParts(it, call, args, kwargs);
    return it.instantiate(callee.cls, args, kwargs, it.isDeepClass(callee.cls));
  }
  if (callee?.est?.kind === 'preprocess' && !callee.est.deep) {
    // Keras: `x = norm(inputs)` or `vectorize(t)` in a tf.data map applies an adapted preprocessing layer,
    // like `transform` (applied to rows split off after it was adapted on all of them, it is a leak there).
    const fittedPart = callee.est.fittedOn?.part;
    if (args[0]?.data) return transformWith(it, call, callee, args);
    // A symbolic input (`keras.Input`): the layer's leak rides along into the model built from it.
    const out = derive(args[0]);
    const leak = callee.est.fittedOn?.leak;
    if (leak && fittedPart !== 'train' && fittedPart !== 'val' && fittedPart !== 'test') addLeak(out, leak);
    if (callee.est.combinedFit) out.combinedFit = callee.est.combinedFit;
    return out;
  }
  const valueCall = callee ? callValue(it, call, callee, args, kwargs) : undefined;
  if (valueCall) return valueCall;
  const qual = callee?.qual ?? dotted(call.fn) ?? name;
  if ((callee === undefined && !BUILTINS.test(name)) || (callee?.qual !== undefined && !KNOWN_LIBRARY.test(qual))) noteUnknownCall(it, call, args, kwargs);
  // `SPLITTERS[cfg["cv"]["name"]](**params)`: a class picked from a registry is called by its own name.
  return functionCall(it, call, qual, name || (callee?.qual?.split('.').pop() ?? ''), args, kwargs);
}

/**
 * A project transformer's `fit` / `fit_transform` / `transform` ran as written (`out`); what it learned is also
 * booked as a preprocessor's, so rows it transforms carry its fit (on all rows: a leak at their split).
 */
function asPreprocessor(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>, scope: Scope, out: Val): Val {
  let booked: Val | undefined;
  // `prep.fit([train_df, holdout_df])`: frames listed for the body to put together; its own fits judge that.
  if (args[0]?.items || it.insideClass(receiver.cls)) return out;
  if (method === 'fit' || method === 'fit_transform') booked = fitEstimator(it, call, receiver, method, args, kwargs, scope);
  else if (method === 'transform') booked = transformWith(it, call, receiver, args);
  if (!booked || booked === receiver) return out;
  // The rows it returns are the rows it was handed (their origins too, so their split finds the leak).
  return out.data ? combine([out, booked], { data: true }) : booked;
}

/**
 * `LesionDataset(test_df, img_dir, eval_tfm)` where `eval_tfm` holds a Normalize built from statistics of all the
 * images: each split part is normalised with what every part contributed.
 */
function transformOfParts(it: Interpreter, call: Call, args: Val[], kwargs: Map<string, Val>): void {
  const vals = [...args, ...kwargs.values()];
  // Rows of a split part (a labelled file read whole is no part of a split of those rows).
  const rows = vals.find((v) => v.data && (v.part === 'train' || v.part === 'val' || v.part === 'test') && (v.splitIds?.length || !v.filePart));
  if (!rows) return;
  // Without a split the analyzer saw, only statistics of the files these very rows list (by their origin) count.
  const traced = (l: Leak) => !!rows.splitIds?.length || (l.ofListedFiles === true && !!l.origins?.length && !!rows.origins?.some((o) => l.origins!.includes(o)));
  for (const t of vals) {
    const leaks = t !== rows && !t.data ? (t.leaks ?? []).filter(traced) : [];
    if (leaks.length) it.reportLeak(rows, { line: call.line, kind: 'transform', sinkText: it.stmt ? it.src(it.stmt) : undefined }, leaks);
  }
}

/**
 * `transforms.Normalize([mean], [std])` with statistics computed from the rows (`pixel_stats(full_ds)`): the
 * transform carries them into every image it is applied to, the ones split off later included.
 */
function normalizeWithStatistics(it: Interpreter, call: Call, qual: string, name: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  if (name !== 'Normalize' || !/(^|\.)(transforms(\.v2)?|albumentations|T|A)\.Normalize$/.test(qual)) return undefined;
  const stat = [...args, ...kwargs.values()].flatMap((v) => [v, ...(v.elems ?? [])]).map((v) => v.stat).find((s) => s && (s.part === undefined || s.part === 'full'));
  if (!stat) return {};
  const elsewhere = (stat.file ?? it.path) !== it.path || stat.line !== call.line;
  return {
    leaks: [{
      kind: 'preprocess',
      file: it.path,
      line: call.line,
      endLine: it.stmt?.endLine ?? call.endLine,
      what: 'Normalize(mean, std)',
      stmtText: it.stmt ? it.src(it.stmt) : undefined,
      ...(stat.origins ? { origins: stat.origins } : {}),
      ...(elsewhere ? { sites: [{ file: stat.file ?? it.path, line: stat.line }] } : {}),
    }],
  };
}

/**
 * Calling a value (not a function of the review): an augmenting transform makes a copy, a torchmetrics object
 * scores, an instance with `__call__` runs it (`evaluate(name, model)`), a network or another instance makes a
 * forward pass.
 */
function callValue(it: Interpreter, call: Call, v: Val, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  if (v.augment) return augmentedCopy(call, v.augment.what, args[0] ?? kwargs.get('image'));
  if (v.metricObj) return metricObjectCall(it, call, v.metricObj, args);
  const dunderCall = v.instanceOf ? it.method(v, '__call__') : undefined;
  if (dunderCall) return it.callFunction(dunderCall, args, kwargs);
  if (v.est?.deep || v.instanceOf) return forwardPass(it, call, args);
  return undefined;
}

/** `EarlyStoppingCfg(**raw["early_stopping"])`, `f(**{"split": "test"})`: keyword arguments a mapping spells out. */
function spreadKeywords(v: Val): [string, Val][] | undefined {
  if (v.config) {
    const tree = v.config.value;
    if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return undefined;
    return Object.keys(tree).map((k) => [k, settingAt(v.config!, k) ?? {}]);
  }
  if (v.keys && v.elems && v.keys.every((k) => k !== undefined)) return v.keys.map((k, i) => [k!, v.elems![i] ?? {}]);
  return undefined;
}

/**
 * `metric.update(preds, target)` then `metric.compute()` (torchmetrics' accumulate-then-compute form): the score
 * is of the rows updated with.
 */
function metricObjectMethod(it: Interpreter, call: Call, metricObj: NonNullable<Val['metricObj']>, method: string, args: Val[]): Val | undefined {
  if (method === 'update') {
    const part = args[1]?.part ?? args[0]?.part;
    if (part !== undefined) metricObj.part = part;
    return {};
  }
  if (method !== 'compute') return undefined;
  // (Updated with rows of no known part: no evidence of held-out rows, nor of training ones.)
  if (metricObj.part !== undefined) it.facts.evals.push({ line: call.line, part: metricObj.part, metric: metricObj.name, kind: metricObj.kind });
  return { score: { part: metricObj.part, line: call.line, metric: metricObj.name, file: it.path } };
}

/** `acc(preds, y)` with a torchmetrics object: a score of those predictions. */
function metricObjectCall(it: Interpreter, call: Call, metricObj: NonNullable<Val['metricObj']>, args: Val[]): Val {
  const part = args[1]?.part ?? args[0]?.part;
  // Cited where the metric was chosen (its construction), not at each update.
  it.facts.evals.push({ line: metricObj.line, part, metric: metricObj.name, kind: metricObj.kind });
  return { score: { part, line: call.line, metric: metricObj.name, file: it.path } };
}

/** `model(x)`: a forward pass of a network. */
function forwardPass(it: Interpreter, call: Call, args: Val[]): Val {
  const x = args[0];
  if (x?.combinedFit) x.combinedFit.used = true;
  if (x?.data && it.inTrainingLoop()) {
    // A training step, not an evaluation.
    it.facts.trainedOn.push({ origins: x.origins ?? [], part: x.part });
    return derive(x, { pred: true, prob: true });
  }
  // Only rows known to be data count (a Lightning `validation_step`'s batch is whatever the trainer passes);
  // rows of the whole, never split, dataset are no held-out rows, and neither are the rows it trained on.
  const trained = x?.origins?.length && it.facts.trainedOn.some((t) => t.part === x.part && t.origins.length > 0 && x.origins!.every((id) => t.origins.includes(id)));
  if (trained) it.facts.trainedRowsScored.push(it.frames[it.frames.length - 1]?.line ?? call.line);
  // (Inside `forward`, layers applied to the network's own input evaluate nothing.)
  else if (x?.data && x.part !== 'train' && x.part !== 'full' && !/^(forward|__call__|call)$/.test(it.runningFunction() ?? '')) it.facts.heldOutUses.push(call.line);
  return derive(x, { pred: true, prob: true });
}

const TORCH_NETS = /^(Linear|Sequential|Conv[123]d|LSTM|GRU|RNN|Transformer|TransformerEncoder|Embedding|EmbeddingBag|Bilinear|ModuleList|ModuleDict)$/;

const BUILTINS = /^(print|len|str|repr|type|isinstance|issubclass|list|dict|tuple|set|frozenset|sorted|reversed|getattr|setattr|hasattr|delattr|id|vars|dir|callable|enumerate|zip|map|filter|min|max|sum|any|all|abs|round|int|float|bool|range|open|iter|next|super|format|hash|display)$/;

/** Roots of libraries whose functions the analyzer knows (or knows not to evaluate a model). */
const KNOWN_LIBRARY = /^(sklearn|numpy|np|pandas|pd|torch|tensorflow|tf|keras|xgboost|xgb|lightgbm|lgb|catboost|scipy|matplotlib|plt|seaborn|sns|joblib|pickle|json|os|sys|math|random|re|time|datetime|pathlib|logging|warnings|collections|itertools|functools|typing|dataclasses|argparse|imblearn|optuna|mlflow|wandb|statsmodels|transformers|datasets|shap|tqdm|copy|csv|io|gc|glob|shutil|yaml|peft|accelerate|deepspeed|class:)(\.|$)/;

/**
 * A function the analyzer cannot follow (not defined in the review, from an unknown module): when it
 * receives a trained model, it may well evaluate it, so rules that need the absence of an evaluation
 * stay silent. Function values passed to it (callbacks, objectives) are run once.
 */
function noteUnknownCall(it: Interpreter, call: Call, args: Val[], kwargs: Map<string, Val>): void {
  const all = [...args, ...kwargs.values()];
  if (all.some((a) => a.est && (a.est.kind === 'model' || a.est.kind === 'pipeline' || a.est.kind === 'search' || a.est.deep))) it.facts.unknownModelUses.push(call.line);
}

/** Objective functions handed to a hyperparameter search (Optuna, hyperopt, scikit-optimize...). */
const OBJECTIVE_RUNNERS = /^(optimize|fmin|minimize|maximize|gp_minimize|forest_minimize|gbrt_minimize|dummy_minimize|run|fit)$/;

/** Runs function values passed as arguments (callbacks, objectives) once; a search objective that scores on test data is selection on the test set. */
function runCallbacks(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): void {
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

/**
 * `fit_normalizer(test_df)`: a project helper named for fitting, handed the test rows. Its name says what it
 * does with them; what it returns (constants kept in an object, applied later) is often out of sight.
 */
function fitHelperOnHeldOut(it: Interpreter, call: Call, fn: FunctionValue, args: Val[]): void {
  const name = fn.def.name;
  if (!/^fit_|_fit$|^fit[A-Z]/.test(name)) return;
  const at = args.findIndex((a) => a.data && a.part === 'test');
  if (at < 0) return;
  // `fit_predict(name, X_fit, y_fit, X_eval, y_eval, X_out)` whose body only predicts on the test rows' parameter.
  const param = fn.def.params[at + (fn.self ? 1 : 0)]?.name;
  const body = (fn.ctx ?? it.ctx).text.slice(fn.def.start, fn.def.end);
  if (param && /^\w+$/.test(param)) {
    const learns = new RegExp(`(fit\\w*|adapt)\\(\\s*${param}\\b|\\b${param}(\\.\\w+|\\[[^\\]]*\\])*\\.(mean|std|median|var|min|max|quantile|sum|value_counts|groupby)\\(`);
    // `predict_proba(X_out)`, `get_forecast(steps=len(x_future), exog=x_future)`: used to predict, not to learn.
    const applied = new RegExp(`(predict\\w*|transform|score|decision_function|forecast|get_forecast)\\((?:[^()]|\\([^()]*\\))*\\b${param}\\b`);
    if (!learns.test(body) && applied.test(body)) return;
  }
  const dataText = call.args[at] ? it.src(call.args[at]!) : '';
  it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: name, method: 'call', part: 'test', dataText, estText: name });
}

/** A function of the review, called by name or as `mod.func(...)`: run with the caller's values. */
function callProjectFunction(it: Interpreter, call: Call, fn: FunctionValue, args: Val[], kwargs: Map<string, Val>): Val {
  fitHelperOnHeldOut(it, call, fn, args);
  // `evaluate(net, X_test, y_test)`: held-out rows handed to the project's own code (a numpy network's
  // evaluation the analyzer cannot read as one) are held-out use all the same.
  if ([...args, ...kwargs.values()].some((a) => a.data && (a.part === 'test' || a.part === 'val'))) it.facts.heldOutUses.push(call.line);
  // `cross_validation(make_model, df, ...)`, `backtest(...)`: the project's own resampling of the rows (held-out folds or origins).
  if (RESAMPLING_FUNCTION.test(fn.def.name) && args.some((a) => a.data)) it.facts.cvLines.push(call.line);
  const out = it.callFunction(fn, args, kwargs);
  const named = readByName(it, call, fn.def.name, args, out);
  if (named) return named;
  // `eda(text, n_aug=4)`, `augment(img)`: the project's own augmentation returns copies of the sample it was handed.
  if (AUGMENTING_FUNCTION.test(fn.def.name) && args[0]?.data && !out.augmented) return augmentedCopy(call, fn.def.name, combine([args[0], out]));
  return out;
}

/** Functions writing one sample to a file: (path, sample), or (sample, path) for the second group. */
const SAMPLE_WRITERS = /(^|\.)(?:(cv2\.imwrite|imageio\.(?:v\d\.)?imwrite|skimage\.io\.imsave|matplotlib\.pyplot\.imsave|soundfile\.write|scipy\.io\.wavfile\.write|torchaudio\.save)|(torchvision\.utils\.save_image))$/;

/**
 * `rows.append({"t0": t0, **features(block), "fault": y})`: a record built from rows is a row of them. In a loop
 * over positions (sliding windows) it keeps their time order; one record per entity does not.
 */
function recordOfRows(it: Interpreter, item: Val): Val {
  if (item.data || !item.keys || !item.elems?.some((v) => v.data)) return item;
  const record = combine(item.elems.filter((v) => v.data), { data: true });
  const windowed = it.loops.some(({ stmt }) => stmt.k === 'for' && stmt.iter.k === 'call' && calleeName(stmt.iter) === 'range');
  if (!windowed) record.time = undefined;
  return record;
}

/** Project functions named for resampling rows into folds or forecast origins (they hold rows out by design). */
const RESAMPLING_FUNCTION = /^_?(cross_validat\w*|\w*_cv|cv_\w+|\w*backtest\w*|walk_forward\w*|rolling_origin\w*|expanding_window\w*|nested_cv\w*|kfold_\w+)$/i;

/** Project functions named for making augmented copies of a sample (text, image or signal). */
const AUGMENTING_FUNCTION = /^_?(eda|augment\w*|\w+_augment\w*|paraphrase\w*|back_?translat\w*|synonym_replac\w*|random_(swap|deletion|insertion)|add_noise|jitter\w*)$/i;

// ---------- module functions and constructors ----------

function functionCall(it: Interpreter, call: Call, qual: string, name: string, args: Val[], kwargs: Map<string, Val>): Val {
  if (name === 'train_test_split') return split(it, call, args);
  if (CV_FUNCTIONS.has(name)) return crossValidate(it, call, name, args, kwargs);
  if (name in METRIC_FUNCTIONS) return metric(it, call, name, args);
  if (SPLITTER_CLASSES.has(name)) return splitter(it, call, name, args, kwargs);
  const statsModel = statsmodelsModel(it, call, qual, name, args, kwargs);
  if (statsModel) return statsModel;
  // `torch.nn.Linear(3, 1)`, `nn.Sequential(...)`, `models.resnet34(weights=...)`, `timm.create_model(...)`,
  // `AutoModelFor...from_pretrained(...)`: a network used without a class of its own.
  const pretrained = /(^|\.)torchvision\.models\.\w+$|^timm\.create_model$|(^|\.)(transformers\.)?AutoModel\w*\.from_pretrained$/.test(qual);
  if ((TORCH_NETS.test(name) && /(^|\.)nn\.\w+$/.test(qual)) || pretrained) {
    const est: Estimator = { cls: pretrained ? qual.replace(/^.*\.(\w+\.from_pretrained|\w+)$/, '$1') : name, line: call.line, endLine: call.endLine, kind: 'model', call, inner: [], deep: true };
    it.facts.estimators.push(est);
    return { est };
  }
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
  if (kwargs.has('pos_weight')) it.facts.imbalanceHints.push(call.line);
  // torchmetrics: `BinaryAccuracy()` builds a metric; calling it (`self.val_acc(p, y)`) is an evaluation.
  // (Any torchmetrics metric class: `MeanAveragePrecision()`, `JaccardIndex(...)`, `MeanSquaredError()`...)
  if (/^torchmetrics\./.test(qual) && /^[A-Z]\w+$/.test(name) && !/^(MetricCollection|MetricTracker|ClasswiseWrapper)$/.test(name)) {
    return { metricObj: { name, kind: /^(Binary|Multiclass|Multilabel)?Accuracy$/.test(name) ? 'accuracy' : 'other', line: call.line } };
  }
  const normalize = normalizeWithStatistics(it, call, qual, name, args, kwargs);
  if (normalize) return normalize;
  const augmentation = augmentationTransform(qual, name, args, kwargs, call) ?? augmentFunction(call, qual, args);
  if (augmentation) return augmentation;
  if (/^[A-Z]/.test(name) || PIPELINES.has(name) || name === 'make_column_transformer') {
    const est = construct(it, call, name, args, kwargs);
    if (est) return est;
  }
  // `datasets.CIFAR10("data", train=False)`, `Speech(root, split="test")`: a dataset class giving one part.
  const partKw = /^[A-Z]/.test(name) ? datasetPartKwarg(call) : undefined;
  if (partKw) return { data: true, part: partKw, origins: [it.nextOrigin()] };
  // `np.load("images.npy")` reads an array of samples (other `load`s read models, configs, pickles).
  // pyarrow: `ds.dataset(path)`, `pq.read_table(path)` read a table of rows (`.to_pandas()` keeps them).
  const arrow = /(^|\.)(pyarrow\.dataset\.dataset|pyarrow\.parquet\.(read_table|ParquetDataset)|pyarrow\.feather\.read_(table|feather)|pyarrow\.csv\.read_csv)$/.test(qual);
  // `yf.download("SPY")`, `web.DataReader(...)`: market prices indexed by trading date, in time order.
  if (/(^|\.)(yfinance\.download|yf\.download|pandas_datareader(\.data)?\.(DataReader|get_data_\w+))$/.test(qual)) {
    const time = { line: call.line, what: `prices indexed by date (\`${it.src(call.fn)}\`)`, file: it.path };
    return { data: true, part: 'full', origins: [it.nextOrigin()], time, dates: { line: call.line, what: 'a date index' } };
  }
  if (arrow || LOADERS.has(name) || /^(load_|fetch_)/.test(name) || (name === 'load' && /^(np|numpy)\.load$/.test(qual))) return load(it, call, name, args, kwargs);
  if (/^(concat|concatenate|vstack|hstack|cat|stack|merge|append|column_stack|row_stack|concatenate_datasets)$/.test(name)) {
    const first = args[0];
    // A list literal's items, plus what was appended to it later (`xs.append(window)`; the list absorbed it).
    const parts = first?.elems ? [...first.elems, ...(first.data ? [first] : [])] : args;
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
  if (/^(full_like|zeros_like|ones_like|full|repeat|tile)$/.test(name) && /^(np|numpy|torch)\./.test(qual)) {
    // `np.full_like(p_test, y_train.mean())`: a constant prediction (the prior), a naive baseline, not a model's output.
    return { data: true, ...(args[1]?.stat ? { stat: args[1].stat } : {}) };
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
    // The position of the best point picks a threshold; `max(tpr - fpr)` (a KS statistic) is only a number.
    else if (first?.curve && /^(nan)?arg(max|min)$/.test(name)) checkCurvePick(it, first.curve, call.line);
    return first?.container ? {} : combine(args);
  }
  if (name === 'DataLoader' || name === 'Dataset' || /Dataset$/.test(name)) {
    const src = args[0];
    const train = kwarg(call, 'train');
    const part: Part | undefined = isConst(train, 'True') ? 'train' : isConst(train, 'False') ? 'test' : src?.part;
    // Loaders over one dataset object share its identity (a training loader and an "eval" loader of the same rows).
    // A dataset object built over a frame (`LesionDataset(df, ...)` keeping `frame["target"]`) holds that frame's rows too.
    const held = src?.instanceOf && src.attrs ? [...src.attrs.values()].flatMap((v) => (v.data && v.origins ? v.origins : [])) : [];
    const origins = src?.origins ?? (src?.instanceOf ? [...new Set([it.originOf(src), ...held])] : undefined);
    return derive(src, { data: true, part, ...(origins ? { origins } : {}) });
  }
  if (/^(sigmoid|softmax|log_softmax|expit)$/.test(name)) return derive(args[0], { prob: true });
  if (name === 'deepcopy' || name === 'clone') return args[0] ?? {};
  // `cv2.imwrite(path, aug)`, `save_image(aug, path)`: the file written holds the augmented copy.
  const writer = SAMPLE_WRITERS.exec(qual);
  if (writer) {
    const [sample, path] = writer[3] ? [args[0], args[1]] : [args[1], args[0]];
    if (sample?.augmented) noteSavedCopy(sample, path);
    return {};
  }
  if (name === 'next' && args[0]?.firstSplit) return { items: args[0].firstSplit };
  if (SCORE_FUNCTIONS.test(name)) {
    // `mutual_info_regression(X, y)` on all rows: feature scores learned from the labels, usually used to pick columns.
    const X = args[0];
    if (X?.data && args[1] && (X.part === undefined || X.part === 'full')) {
      return { selected: { kind: 'preprocess', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `\`${name}\``, stmtText: it.stmt ? it.src(it.stmt) : undefined, ...(X.origins ? { origins: X.origins } : {}) } };
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
    if (!axis || !perSampleAxis(axis)) return { stat: { line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `np.${name}()`, part: args[0].part, file: it.path, ...(args[0].origins ? { origins: args[0].origins } : {}) } };
  }
  // `np.sqrt(mean_squared_error(y_te, fc))`: a score put through arithmetic is still that score.
  if (/^(sqrt|log|log10|log1p|exp|abs|fabs|square|mean|asarray|array|item)$/.test(name) && args[0]?.score && !args[0].data) return { score: args[0].score };
  // `str(dst)` of a path an augmented copy was saved to still names that copy.
  if ((name === 'str' || name === 'fspath') && args[0]?.augmented) return derive(args[0]);
  // `cv2.imwrite(str(out_path), aug)`: the string of a path is that path (what is written there sticks to it).
  if ((name === 'str' || name === 'fspath') && args.length === 1 && args[0] && !args[0].data) return args[0];
  if (/^(len|print|str|int|float|round|isinstance|type|range|enumerate|zip|repr|display)$/.test(name)) {
    if (name === 'enumerate') return { iterItems: [{}, iterateOne(args[0])] };
    if (name === 'zip') return { iterItems: args.map(iterateOne) };
    return {};
  }
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
  // Hugging Face: `DatasetDict({"train": ..., "test": ...})` keeps its keyed parts.
  if (/^(Iterable)?DatasetDict$/.test(name) && args[0]?.keys) return args[0];
  // `DatasetDict(train=..., validation=..., test=...)`: the same, written as keywords.
  if (/^(Iterable)?DatasetDict$/.test(name) && kwargs.size > 0) return { keys: [...kwargs.keys()], elems: [...kwargs.values()] };
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
  const rows = args.filter((a) => a.data || a.leaks || a.selected || a.combinedFit);
  return rows.length > 0 ? combine(rows) : {};
}

/**
 * `max(results, key=lambda n: results[n]["cv_accuracy"])`, `board.sort_values("val_auc")`: the pick names which of the
 * collected scores it goes by; when none it names is a test score, the test scores beside them only report.
 */
function keyNamesOtherScores(key: Expr | undefined): boolean {
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
function adaptedLayerLeaks(vals: Val[]): Leak[] {
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

function collectEstimators(vals: Val[]): Estimator[] {
  const out: Estimator[] = [];
  const visit = (v: Val | undefined, depth: number) => {
    if (!v || depth > 4) return;
    if (v.est) out.push(v.est);
    for (const x of v.items ?? []) visit(x, depth + 1);
  };
  for (const v of vals) visit(v, 0);
  return out;
}

// ---------- splitting ----------

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
  it.facts.evals.push({ line: call.line, part, metric: name, kind, ...(naive ? { baseline: true } : {}), ...(truth?.origins ? { origins: truth.origins } : {}), ...(outer ? { calledAt: { file: outer.path, line: outer.line, endLine: outer.endLine } } : {}) });
  if (part !== 'train' && part !== 'full') it.facts.heldOutUses.push(call.line);
  const score = { part, line: call.line, metric: name, file: it.path };
  return { score, part, ...(kind === 'threshold-curve' ? { curve: score } : {}), ...(truth?.origins ? { origins: truth.origins } : {}) };
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

// ---------- methods ----------

function methodCall(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>, scope: Scope): Val {
  const est = receiver.est;
  noteWrite(it, call, undefined, method, receiver, args, kwargs);
  // `imgs.numel()`, `x.size(0)`: how many, not which rows.
  if (receiver.data && /^(numel|nelement|size|dim|ndimension|__len__)$/.test(method)) return {};
  const cli = commandLine(call, receiver, method, args, kwargs);
  if (cli) return cli;
  // `cfg.get("monitor", "val")`: the setting, or the default the code gives.
  if (receiver.config && method === 'get' && typeof args[0]?.const === 'string') return settingAt(receiver.config, args[0].const) ?? args[1] ?? {};
  if (typeof receiver.const === 'string' && /^(read_text|open|read_bytes)$/.test(method)) return { opened: receiver.const };
  if (method === 'pipe' && args[0]?.fn) return it.callFunction(args[0].fn, [receiver, ...args.slice(1)], kwargs);
  if (receiver.grouped) return frameMethod(it, call, receiver, method, args, kwargs, scope);
  const metricStep = receiver.metricObj ? metricObjectMethod(it, call, receiver.metricObj, method, args) : undefined;
  if (metricStep) return metricStep;
  // `metrics["map"].item()`: a score taken out of a tensor is that score.
  if (receiver.score && !receiver.data && /^(item|cpu|numpy|tolist|detach|squeeze|mean)$/.test(method)) return { score: receiver.score };
  if (receiver.lightningTrainer) return lightningCall(it, call, receiver.lightningTrainer, method, args, kwargs);
  if (receiver.hfTrainer) return hfTrainerCall(it, call, receiver.hfTrainer, method, args, kwargs);
  if (receiver.keys && receiver.elems && /^(map|filter|shuffle|select_columns|remove_columns|rename_column|rename_columns|cast|cast_column|with_format|flatten|class_encode_column)$/.test(method)) {
    // `ds.map(tokenize)` on a DatasetDict maps every split and keeps them apart.
    return { keys: receiver.keys, elems: receiver.elems.map((v) => derive(v)) };
  }
  if (receiver.keys && receiver.elems && /^(items|values)$/.test(method)) {
    const elems = receiver.elems;
    const keys = receiver.keys;
    const perIteration = method === 'items' ? elems.map((v, i) => ({ items: [keys[i] !== undefined ? { const: keys[i] } : {}, v] })) : elems;
    return { elems, perIteration, iterItems: method === 'items' ? [{}, elems.find((x) => x.est) ?? elems[0] ?? {}] : undefined };
  }
  // `SmallCNN().to(device)`: torch's device/dtype/mode moves return the module itself.
  if ((receiver.instanceOf || est?.deep) && /^(to|cuda|cpu|float|double|half|bfloat16|train|eval|requires_grad_|share_memory)$/.test(method)) return receiver;
  if (/^(fit|fit_transform|fit_predict|fit_on_texts|adapt|partial_fit)$/.test(method)) {
    return fitEstimator(it, call, receiver, method, args, kwargs, scope);
  }
  if (method === 'fit_resample' || method === 'fit_sample') return fitResample(it, call, receiver, args);
  if (/^(transform|texts_to_sequences|texts_to_matrix|inverse_transform)$/.test(method) && (est || receiver.instanceOf === undefined)) {
    return transformWith(it, call, receiver, args);
  }
  if (/^(predict|predict_proba|decision_function|predict_log_proba|score|evaluate)$/.test(method) && est?.fullFit && args[0]?.part === 'test') {
    reportFullFit(it, est);
  }
  if (/^(get_support|get_feature_names_out)$/.test(method) && est?.kind === 'preprocess' && est.fittedOn?.leak && (est.fittedOn.part ?? 'full') === 'full') return { selected: est.fittedOn.leak };
  // CatBoost `get_feature_importance()`, LightGBM `feature_importance()`, XGBoost `get_score()`.
  if (/^(get_feature_importance|feature_importance|get_score|get_fscore)$/.test(method) && est?.kind === 'model' && est.fittedOn?.leak) return { selected: est.fittedOn.leak };
  if (/^(predict|predict_proba|decision_function|predict_log_proba|score|evaluate)$/.test(method) && args[0]?.combinedFit) args[0].combinedFit.used = true;
  if (/^(predict|predict_proba|decision_function|predict_log_proba)$/.test(method) || (est?.kind === 'model' && /^(forecast|get_forecast)$/.test(method))) {
    const forecast = /^(forecast|get_forecast)$/.test(method);
    const X = forecast ? kwargs.get('exog') : args[0];
    if (X?.refit && est?.kind !== undefined) reportRefit(it, X.refit);
    // `m.predict_proba(raw[FEATS])` after `m.fit(raw[...])`: predictions on the rows it was fitted on.
    const onFitted = !forecast && X?.data === true && (X.part === undefined || X.part === 'train' || X.part === 'full') && it.facts.fits.some((f) => f.est === est && ((f.rows !== undefined && f.rows === X) || (!!X.origins?.length && !!f.origins?.length && X.origins.every((o) => f.origins!.includes(o)))));
    // A forecast predicts the periods after the fitted sample: out of sample by construction.
    if (forecast || (X && X.part !== 'train' && X.part !== 'full' && !onFitted)) it.facts.heldOutUses.push(call.line);
    if (onFitted) it.facts.trainedRowsScored.push(call.line);
    const prob = !forecast && (method !== 'predict' || est?.deep === true);
    // Rows of no known part that the model was fitted on are its training rows: scores of them are training scores.
    return derive(X, { pred: true, prob, data: true, ...(onFitted && X?.part === undefined ? { part: 'train' as const } : {}) });
  }
  if (method === 'score' && (est || args.length >= 2)) {
    const X = args[0];
    const metricName = est && isClassifierName(est.cls) ? 'accuracy' : est && isRegressorName(est.cls) ? 'r2' : 'score';
    if (metricName !== 'score') it.facts.evals.push({ line: call.line, part: X?.part, metric: metricName, kind: metricName === 'accuracy' ? 'accuracy' : 'other' });
    if (X?.part !== 'train' && X?.part !== 'full') it.facts.heldOutUses.push(call.line);
    return { score: { part: X?.part, line: call.line, metric: metricName }, part: X?.part };
  }
  if (method === 'evaluate') {
    const X = args[0];
    const metrics = est?.metrics ?? [];
    const onlyAccuracy = metrics.length > 0 && metrics.every((m) => /^(acc|accuracy|binary_accuracy|categorical_accuracy|sparse_categorical_accuracy)$/.test(m));
    if (est?.deep) it.facts.evals.push({ line: call.line, part: X?.part, metric: metrics.join(',') || 'loss', kind: onlyAccuracy ? 'accuracy' : 'other' });
    if (X?.part !== 'train' && X?.part !== 'full') it.facts.heldOutUses.push(call.line);
    return { score: { part: X?.part, line: call.line, metric: 'evaluate' }, part: X?.part };
  }
  if (method === 'compile' && est) {
    const m = call.kwargs.find((k) => k.name === 'metrics')?.value;
    if (m?.k === 'seq') est.metrics = m.items.map((x) => (x.k === 'str' ? x.value : it.src(x)));
    const loss = kwarg(call, 'loss');
    if (loss && /crossentropy|hinge|BCE|CrossEntropy/i.test(it.src(loss))) est.classification = true;
    return receiver;
  }
  if (method === 'set_params' && est) {
    est.tuned = true;
    return receiver;
  }
  if (method === 'split' && receiver.splitter) return splitterSplit(it, call, receiver, args, kwargs);
  if (method === 'save' && receiver.augmented) noteSavedCopy(receiver, args[0]);
  if ((method === 'append' || method === 'add' || method === 'extend') && args[0]) {
    const item = recordOfRows(it, args[0]);
    if (est?.deep && method === 'add') {
      const leaks = adaptedLayerLeaks([item]);
      if (leaks.length > 0) est.layerLeaks = [...(est.layerLeaks ?? []), ...leaks];
      return {};
    }
    if (item.data && !receiver.est) {
      // `xs.append(series[i:i + w])`: the list now holds rows of that data.
      receiver.data = true;
      receiver.part = receiver.part ?? item.part;
      // The list's rows come from where the item's did (so a helper's result can be traced to its caller's rows).
      if (item.origins?.length) receiver.origins = [...new Set([...(receiver.origins ?? []), ...item.origins])];
      absorb(receiver, item);
      // `parts.append(encode(fit.iloc[i_fit], fit.iloc[i_app]))` in the CV loop: the list gathers every held-out fold.
      if (item.oofOf && it.inLoop() && (receiver.oofOf === undefined || receiver.oofOf === item.oofOf)) receiver.oofOf = item.oofOf;
      // `preds.append(net(x).argmax(1))`: a list of predictions stays predictions.
      if (item.pred) receiver.pred = true;
      if (item.prob) receiver.prob = true;
      if (item.augmented) noteAugmentedCopies(it, call, receiver, item);
    }
    const score = item.score ?? (item.pred && item.part ? { part: item.part, line: call.line, metric: 'value' } : undefined);
    if (score) {
      if (!receiver.container) receiver.container = { scores: [], line: call.line };
      receiver.container.scores.push(score);
    }
    return {};
  }
  if (receiver.curve && !receiver.container && /^(argmax|argmin|idxmax|idxmin)$/.test(method)) checkCurvePick(it, receiver.curve, call.line);
  // `scores[:, 0].mean()`: the average of per-image scores is a score of those images.
  if (receiver.container && !receiver.data && /^(mean|median|nanmean)$/.test(method) && receiver.container.scores[0]) return { score: receiver.container.scores[0] };
  // `pd.DataFrame(results).set_index("model").round(4)`: the same table of scores, reshaped.
  if (receiver.container && !receiver.data && /^(set_index|reset_index|round|rename|transpose|astype|drop|dropna|fillna|assign|copy|to_frame|rename_axis|style)$/.test(method)) {
    return { container: receiver.container, ...(receiver.ranked ? { ranked: receiver.ranked } : {}) };
  }
  if (receiver.container && /^(idxmax|idxmin|sort_values|nlargest|max|min|argmax|sort|index|head|first)$/.test(method) && !keyNamesOtherScores(kwarg(call, 'key') ?? kwarg(call, 'by') ?? (method === 'sort_values' || method === 'nlargest' ? call.args[method === 'nlargest' ? 1 : 0] : undefined))) {
    // A leaderboard sorted to be printed or saved chooses nothing; taking its top entry (`.iloc[0]`, `.head(1)`) does.
    if (method === 'sort_values' || method === 'sort') {
      receiver.ranked = call.line;
      return { container: receiver.container, ranked: call.line };
    }
    checkPick(it, receiver, call.line);
    return {};
  }
  if (receiver.data || receiver.grouped) return frameMethod(it, call, receiver, method, args, kwargs, scope);
  // `stats.rename("rate").reset_index()`: reshaping a statistic keeps it one (to be merged back later).
  if (receiver.stat && STAT_RESHAPES.test(method)) return { stat: receiver.stat };
  if (receiver.selected && /^(nlargest|nsmallest|sort_values|sort_index|head|tail|index|tolist|to_list|argsort|keys|drop|idxmax|idxmin|abs|reindex|fillna|rename)$/.test(method)) return { selected: receiver.selected };
  // A table of statistics grouped again (`per_season.groupby("player")[...].transform(...)`).
  if (receiver.stat && (method === 'groupby' || method === 'group_by')) return { stat: receiver.stat, grouped: true };
  runCallbacks(it, call, method, args, kwargs);
  // Unknown receiver: stay neutral, but keep rows flowing through unknown transformations.
  const rows = args.filter((a) => a.data);
  if (rows.length > 0) return combine(rows);
  // `list(cols[selector.support_])`: the chosen columns stay chosen.
  const selected = args.find((a) => a.selected)?.selected;
  return selected ? { selected } : {};
}

/** Supervised feature scores (used to keep the best columns). */
const SCORE_FUNCTIONS = /^(mutual_info_regression|mutual_info_classif|f_classif|f_regression|chi2|r_regression)$/;

const STAT_RESHAPES = /^(item|cpu|detach|tolist|rename|reset_index|to_frame|round|astype|add_prefix|add_suffix|set_axis|fillna|clip|sort_index|rename_axis|clamp|clamp_min|clamp_max|sqrt|abs|to|float|double|numpy|squeeze|unsqueeze|reshape|view|values|to_numpy|replace|with_columns|select|drop|sort|alias)$/;

/** A model trained on one fit of a transformer predicts on the output of a second fit, made on the evaluation rows. */
function reportRefit(it: Interpreter, r: NonNullable<Val['refit']>): void {
  if (it.facts.testFits.some((t) => t.line === r.line)) return;
  it.facts.testFits.push({ line: r.line, endLine: r.endLine, cls: r.cls, method: r.method, part: 'test', dataText: r.dataText, estText: r.estText, note: `the rows the model is then evaluated on, after it was fitted on the training rows at line ${r.firstLine}` });
}

/** A model fitted on all rows (test rows included) and then scored on the test rows. */
function reportFullFit(it: Interpreter, est: Estimator): void {
  const ff = est.fullFit;
  if (!ff || it.facts.testFits.some((t) => t.line === ff.line) || it.facts.selections.some((s) => s.line === ff.line)) return;
  if (est.kind === 'search') {
    it.facts.selections.push({ line: ff.line, endLine: ff.endLine, kind: 'search-on-test', detail: `the search is fitted on all of \`${ff.dataText}\`, including the test rows split off at line ${ff.splitLine}, and then scored on those test rows`, sites: [ff.splitLine] });
  } else {
    it.facts.testFits.push({ line: ff.line, endLine: ff.endLine, cls: est.cls, method: 'fit', part: 'test', dataText: ff.dataText, estText: est.cls, note: `all of \`${ff.dataText}\`, including the test rows split off at line ${ff.splitLine}` });
  }
}

/** Records that a model was trained on rows of a split (to tell classification splits apart). */
