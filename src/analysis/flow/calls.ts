// What a call does to the values it touches: dispatch to the project's own functions and classes, to
// values that are called (layers, metrics, networks), to methods, and to module functions.
import type { Expr, Stmt } from '../python/ast.js';
import { calleeName, dotted, walkExpr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { citeLeak, fitEstimator, recordTestFit, transformWith, validationOnTest } from './fitting.js';
import { selectedByPartIndex } from './row-sources.js';
import { settingAt } from './settings.js';
import type { Scope } from './scope.js';
import { augmentedCopy } from './augmentation.js';
import { addLeak, combine, derive, wholeRows, type FunctionValue, type Leak, type Val } from './values.js';
import { readByName } from './project-functions.js';
import { hfTrainer } from './frameworks.js';
import { aliasesOf } from './aliases.js';
import { functionCall } from './function-calls.js';
import { methodCall } from './method-calls.js';
import { partFromName } from './knowledge.js';

type Call = Extract<Expr, { k: 'call' }>;

const SEED_KEY = /^(random_state|seed|random_seed|rng|generator)$/;

const ESTIMATOR_METHODS = /^(fit|fit_transform|fit_predict|fit_resample|fit_sample|fit_on_texts|adapt|partial_fit|transform|predict|predict_proba|decision_function|predict_log_proba|score|evaluate|compile|split|append|add|set_params)$/;

export function evalCall(it: Interpreter, call: Call, scope: Scope): Val {
  const out = evalCallInner(it, call, scope);
  copiesNamed(it, call, scope);
  return out;
}

function evalCallInner(it: Interpreter, call: Call, scope: Scope): Val {
  const kwargs = new Map(call.kwargs.map((k) => [k.name, it.eval(k.value, scope)]));
  const args: Val[] = [];
  for (const a of call.args) {
    const v = it.eval(a, scope);
    const spread = a.k === 'star' && a.double ? spreadKeywords(v) : undefined;
    // Kept in place (positions match `call.args`), marked so functions do not bind it to a parameter.
    args.push(spread ? { ...v, spread: true } : v);
    if (spread) for (const [k, x] of spread) if (!kwargs.has(k)) kwargs.set(k, x);
    // (A settings mapping, known here, that names no seed: whatever it configures is left unseeded.)
    if (spread && v.config && !spread.some(([k]) => SEED_KEY.test(k)) && !call.kwargs.some((k) => k.name !== undefined && SEED_KEY.test(k.name))) it.facts.seedlessSettings.push(call.line);
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
      return receiver.est?.project ? asPreprocessor(it, call, receiver, method, args, kwargs, out) : out;
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
    const instance = it.instantiate(callee.cls, args, kwargs, it.isDeepClass(callee.cls));
    // `MVTecAD(root, category, "test")`, `Speech(root, split="val")`: a dataset class of the project handed the name of a split.
    const split = [...args, kwargs.get('split'), kwargs.get('subset'), kwargs.get('phase'), kwargs.get('mode')].find((a) => typeof a?.const === 'string' && /^(train|training|val|valid|validation|test)$/i.test(a.const));
    if (split && !instance.data && !instance.est && callee.cls.def.bases.some((b) => /Dataset$/.test(b.k === 'name' ? b.id : b.k === 'attr' ? b.attr : ''))) instance.part = partFromName(String(split.const));
    const key = sameRowsKey(it, call, callee.cls.def);
    if (key) instance.rowsKey = { key, passed: [...args, ...kwargs.values()].flatMap((a) => a.origins ?? []) };
    // `class PairwiseRewardTrainer(Trainer)` built with datasets: a Hugging Face Trainer all the same.
    if (/Trainer$/.test(callee.cls.def.name) && (kwargs.has('train_dataset') || kwargs.has('eval_dataset'))) instance.hfTrainer = hfTrainer(it, call, kwargs).hfTrainer;
    return instance;
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
function asPreprocessor(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>, out: Val): Val {
  let booked: Val | undefined;
  // `prep.fit([train_df, holdout_df])`: frames listed for the body to put together; its own fits judge that.
  if (args[0]?.items || it.insideClass(receiver.cls)) return out;
  if (method === 'fit' || method === 'fit_transform') booked = fitEstimator(it, call, receiver, method, args, kwargs);
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
    // On rows put together with the test set (`ConcatDataset([train, test])`, labels used or not): the network
    // learns from the test images. Cited where they were put together, the training step as a site.
    const combined = x.withTest;
    if (combined !== undefined && !it.facts.testFits.some((f) => f.group === combined)) {
      const model = it.src(call.fn);
      recordTestFit(it, x, { line: combined, endLine: combined, cls: model, method: 'training loop', part: 'test', dataText: it.src(call.args[0]!), estText: model, note: `rows that include the test set (combined at line ${combined})`, group: combined, sites: [{ file: it.path, line: call.line }] });
    }
    return derive(x, { pred: true, prob: true });
  }
  // Only rows known to be data count (a Lightning `validation_step`'s batch is whatever the trainer passes);
  // rows of the whole, never split, dataset are no held-out rows, and neither are the rows it trained on.
  // (A loader over the dataset object the training loader ran, by another name, holds the training rows too.)
  const sameDataset = (t: { part: string | undefined }) => x !== undefined && x.part === undefined && t.part === 'train' && (x.origins ?? []).every((id) => it.datasetOrigins.has(id));
  const trained = x?.origins?.length && it.facts.trainedOn.some((t) => (t.part === x.part || sameDataset(t)) && t.origins.length > 0 && x.origins!.every((id) => t.origins.includes(id)));
  if (trained) it.facts.trainedRowsScored.push(it.frames[it.frames.length - 1]?.line ?? call.line);
  // (Inside `forward`, layers applied to the network's own input evaluate nothing.)
  else if (x?.data && x.part !== 'train' && x.part !== 'full' && !/^(forward|__call__|call)$/.test(it.runningFunction() ?? '')) it.facts.heldOutUses.push(call.line);
  return derive(x, { pred: true, prob: true });
}

const BUILTINS = /^(print|len|str|repr|type|isinstance|issubclass|list|dict|tuple|set|frozenset|sorted|reversed|getattr|setattr|hasattr|delattr|id|vars|dir|callable|enumerate|zip|map|filter|min|max|sum|any|all|abs|round|int|float|bool|range|open|iter|next|super|format|hash|display)$/;

/** Roots of libraries whose functions the analyzer knows (or knows not to evaluate a model). */
const KNOWN_LIBRARY = /^(lightfm\.evaluation|implicit\.evaluation|sklearn|numpy|np|pandas|pd|torch|tensorflow|tf|keras|xgboost|xgb|lightgbm|lgb|catboost|scipy|matplotlib|plt|seaborn|sns|joblib|pickle|json|os|sys|math|random|re|time|datetime|pathlib|logging|warnings|collections|itertools|functools|typing|dataclasses|argparse|imblearn|optuna|mlflow|wandb|statsmodels|transformers|datasets|shap|tqdm|copy|csv|io|gc|glob|shutil|yaml|peft|accelerate|deepspeed|class:)(\.|$)/;

/**
 * A function the analyzer cannot follow (not defined in the review, from an unknown module): when it
 * receives a trained model, it may well evaluate it, so rules that need the absence of an evaluation
 * stay silent. Function values passed to it (callbacks, objectives) are run once.
 */
function noteUnknownCall(it: Interpreter, call: Call, args: Val[], kwargs: Map<string, Val>): void {
  const all = [...args, ...kwargs.values()];
  if (all.some((a) => a.est && (a.est.kind === 'model' || a.est.kind === 'pipeline' || a.est.kind === 'search' || a.est.deep))) it.facts.unknownModelUses.push(call.line);
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
    // (`Z_te = clr(X_te[:, keep])`: what is made from the parameter counts as it.)
    const names = aliasesOf(body, [param]);
    const learns = names.some((n) => new RegExp(`(fit\\w*|adapt)\\(\\s*${n}\\b|\\b${n}(\\.\\w+|\\[[^\\]]*\\])*\\.(mean|std|median|var|min|max|quantile|sum|value_counts|groupby)\\(`).test(body));
    // `predict_proba(X_out)`, `get_forecast(steps=len(x_future), exog=x_future)`: used to predict, not to learn.
    const applied = names.some((n) => new RegExp(`(predict\\w*|transform|score|decision_function|forecast|get_forecast)\\((?:[^()]|\\([^()]*\\))*\\b${n}\\b`).test(body));
    if (!learns && applied) return;
  }
  const dataText = call.args[at] ? it.src(call.args[at]!) : '';
  it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: name, method: 'call', part: 'test', dataText, estText: name });
}

/** Project helpers named for choosing a decision threshold or operating point. */
const THRESHOLD_PICKER = /^_?(pick|choose|select|find|tune|search|get|compute)_(\w+_)?(threshold|thresh|thr|cutoff|operating_point)s?$|^_?(best|optimal|opt)_(\w+_)?(threshold|thresh|thr|cutoff)s?$/i;

/** `pick_threshold(scores, labels, ...)` handed the test scores: the operating point is chosen on the test rows. */
function thresholdHelperOnTest(it: Interpreter, call: Call, fn: FunctionValue, args: Val[]): void {
  if (!THRESHOLD_PICKER.test(fn.def.name) || it.facts.selections.some((s) => s.kind === 'threshold')) return;
  if (!args.some((a) => (a.data || a.pred || a.prob) && a.part === 'test')) return;
  it.facts.selections.push({ line: call.line, endLine: call.endLine, kind: 'threshold', detail: `\`${fn.def.name}\` chooses the decision threshold from the test scores it is handed`, sites: [] });
}

/** A function of the review, called by name or as `mod.func(...)`: run with the caller's values. */
function callProjectFunction(it: Interpreter, call: Call, fn: FunctionValue, args: Val[], kwargs: Map<string, Val>): Val {
  fitHelperOnHeldOut(it, call, fn, args);
  thresholdHelperOnTest(it, call, fn, [...args, ...kwargs.values()]);
  // `evaluate(net, X_test, y_test)`: held-out rows handed to the project's own code (a numpy network's
  // evaluation the analyzer cannot read as one) are held-out use all the same.
  if ([...args, ...kwargs.values()].some((a) => a.data && (a.part === 'test' || a.part === 'val'))) it.facts.heldOutUses.push(call.line);
  // `cross_validation(make_model, df, ...)`, `backtest(...)`: the project's own resampling of the rows (held-out folds or origins).
  if (RESAMPLING_FUNCTION.test(fn.def.name) && args.some((a) => a.data)) it.facts.cvLines.push(call.line);
  const out = it.callFunction(fn, args, kwargs, true, call.args.some((a) => it.isItemArgument(a)));
  const named = readByName(it, call, fn.def.name, args, out);
  if (named) return named;
  // `paraphrase_minority(df, ...)` that concatenates synthetic rows to the frame it was handed: the topped-up rows,
  // oversampled by hand (a split afterwards puts paraphrases of test rows in training).
  const rows = args[0];
  const topsUp = AUGMENTING_FUNCTION.test(fn.def.name) && rows?.data && wholeRows(rows) && out.data && !out.augmented && TOPPED_UP.test(fn.def.name) && /\bconcat(enate)?\(|\.append\(/.test((fn.ctx ?? it.ctx).text.slice(fn.def.start, fn.def.end));
  if (topsUp) {
    const topped = derive(out);
    addLeak(topped, citeLeak(it, rows, { kind: 'oversample', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `\`${fn.def.name}\` (synthetic rows added to the data)`, stmtText: it.stmt ? it.src(it.stmt) : undefined, ...(rows.origins ? { origins: rows.origins } : {}) }));
    return topped;
  }
  // `eda(text, n_aug=4)`, `augment(img)`: the project's own augmentation returns copies of the sample it was handed.
  if (AUGMENTING_FUNCTION.test(fn.def.name) && args[0]?.data && !out.augmented) return augmentedCopy(call, fn.def.name, combine([args[0], out]));
  return out;
}

/** Project functions named for resampling rows into folds or forecast origins (they hold rows out by design). */
const RESAMPLING_FUNCTION = /^_?(cross_validat\w*|\w*_cv|cv_\w+|\w*backtest\w*|walk_forward\w*|rolling_origin\w*|expanding_window\w*|nested_cv\w*|kfold_\w+)$/i;

/** Project functions named for making augmented copies of a sample (text, image or signal). */
/** Augmentation helpers named for topping up classes: they return the rows they were handed plus the copies. */
const TOPPED_UP = /minority|balance|upsample|oversample|top_?up|(^|_)rare(_|$)/i;
const AUGMENTING_FUNCTION = /^_?(eda|augment\w*|\w+_augment\w*|paraphrase\w*|back_?translat\w*|synonym_replac\w*|random_(swap|deletion|insertion)|add_noise|jitter\w*)$/i;


/** Arguments that only change how samples are augmented, not which samples a dataset holds. */
const AUGMENTATION_KWARG = /^(transforms?|augment\w*|aug|tfms|train_transforms?|eval_transforms?|preprocess\w*)$/;

/**
 * `CellDataset(image_paths, mask_paths, augment=None)` built twice over the same files: the same rows, whatever
 * the augmentation. Undefined when an argument may pick a part (`mode="val"`, `split`, `fold`, a path naming one).
 */
function sameRowsKey(it: Interpreter, call: Call, cls: Extract<Stmt, { k: 'class' }>): string | undefined {
  // Positional arguments are named by `__init__`'s parameters (`CellDataset(paths, masks, aug)`).
  const init = cls.body.find((s): s is Extract<Stmt, { k: 'def' }> => s.k === 'def' && s.name === '__init__');
  const names = init?.params.slice(1).map((p) => p.name) ?? [];
  const args = call.args.filter((_, i) => !AUGMENTATION_KWARG.test(names[i] ?? ''));
  if (args.length === 0 || args.some((a) => a.k !== 'name' && a.k !== 'attr')) return undefined;
  const kept = call.kwargs.filter((k) => k.name === undefined || !AUGMENTATION_KWARG.test(k.name));
  const text = [...args.map((a) => it.src(a)), ...kept.map((k) => `${k.name ?? '**'}=${it.src(k.value)}`)].join(', ');
  if (/\b(train\w*|val\w*|valid\w*|test\w*|dev|holdout|split|mode|fold\w*|subset|part|phase|stage|is_train|training)\b/i.test(text)) return undefined;
  return `${it.src(call.fn)}(${text})`;
}

/**
 * `cv2.imwrite(str(image_dir / name), aug_img)`: once an augmented copy is saved, the varying names its path is built
 * from (`name = f"aug{k}_{row['filename']}"`, not the folder) name that copy, so a record listing it lists a copy.
 */
function copiesNamed(it: Interpreter, call: Call, scope: Scope): void {
  const name = calleeName(call) ?? '';
  if (!/^(imwrite|imsave|save_image|save)$/.test(name) || call.args.length < 2) return;
  const pathExpr = name === 'save_image' ? call.args[1] : call.args[0];
  if (!pathExpr) return;
  const sampleExpr = name === 'save_image' ? call.args[0] : call.args[1];
  const sample = sampleExpr?.k === 'name' ? scope.get(sampleExpr.id) : undefined;
  if (!sample?.augmented) return;
  walkExpr(pathExpr, (e) => {
    if (e.k !== 'name') return;
    const v = scope.get(e.id);
    if (v && v.const === undefined && !v.data && Object.keys(v).length === 0) v.augmented = sample.augmented;
  });
}
