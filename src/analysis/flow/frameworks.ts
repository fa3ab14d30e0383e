// Training frameworks that evaluate or select on the data they are handed: Hugging Face's Trainer
// (eval_dataset + early stopping / best checkpoint), PyTorch Lightning's Trainer (fit / validate / test),
// dataset classes that pick their part with `train=` or `split=`, and statsmodels' models.
import type { Expr } from '../python/ast.js';
import { isConst, kwarg } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { partFromName, type Part } from './knowledge.js';
import { derive, type Estimator, type Val } from './values.js';
import { citeLeak, noteBootstrapFit, recordSelection } from './fitting.js';

type Call = Extract<Expr, { k: 'call' }>;

/**
 * `Trainer(eval_dataset=ds["test"], callbacks=[EarlyStoppingCallback(...)])` or with `load_best_model_at_end`:
 * the test split decides when training stops and which checkpoint is kept.
 */
export function hfTrainer(it: Interpreter, call: Call, kwargs: Map<string, Val>): Val {
  const train = kwargs.get('train_dataset');
  const model = kwargs.get('model');
  if (train?.data) {
    const est: Estimator = model?.est ?? { cls: 'Trainer', line: call.line, endLine: call.endLine, kind: 'model', call, inner: [], deep: true };
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: train.part, splitIds: train.splitIds ?? [], ...(train.origins ? { origins: train.origins } : {}) });
  }
  // `compute_metrics` runs on the eval rows the Trainer is given (judged here), not on rows of its own.
  const metrics = kwargs.get('compute_metrics')?.fn;
  const evalRows = kwargs.get('eval_dataset');
  if (metrics) {
    it.inlined.add(metrics.def);
    // Run once on the predictions for those rows, so the metrics it reports are known (accuracy alone, say).
    if (evalRows?.data) it.callFunction(metrics, [derive(evalRows, { pred: true })], new Map(), false);
  }
  const trainer = { hfTrainer: { fitRows: train } };
  if (evalRows) hfEvaluation(it, call, trainer.hfTrainer, evalRows);
  hfSelection(it, call, kwargs);
  return trainer;
}

/** `trainer.evaluate(ds)` / `trainer.predict(ds)`: scores on those rows, training scores when they are the training rows. */
export function hfTrainerCall(it: Interpreter, call: Call, trainer: { fitRows?: Val }, method: string, args: Val[], kwargs: Map<string, Val>): Val {
  if (method !== 'evaluate' && method !== 'predict') return {};
  const rows = args[0] ?? kwargs.get('eval_dataset') ?? kwargs.get('test_dataset');
  const part = rows ? hfEvaluation(it, call, trainer, rows) : undefined;
  if (method === 'predict') return derive(rows, { pred: true });
  // `trainer.evaluate(data["test"])`: the metrics of those rows (a loop keeping the best of them chooses on them).
  return rows ? { score: { part, line: call.line, metric: 'trainer.evaluate', file: it.path } } : {};
}

/**
 * Are these the rows the trainer was fitted on? The very value it was given, or rows of the same origin
 * and the same part (a second loader over the training set); a test loader cut from the same file is not.
 */
export function isFittedRows(rows: Val | undefined, fitRows: Val | undefined): boolean {
  if (rows === undefined || fitRows === undefined) return false;
  if (rows === fitRows) return true;
  return !!rows.origins?.length && !!fitRows.origins?.some((o) => rows.origins!.includes(o)) && rows.part === fitRows.part;
}

function hfEvaluation(it: Interpreter, call: Call, trainer: { fitRows?: Val }, rows: Val): Part | undefined {
  const fitted = isFittedRows(rows, trainer.fitRows);
  const part = fitted ? 'train' : rows.part;
  if (!fitted && part !== 'train') it.facts.heldOutUses.push(call.line);
  it.facts.evals.push({ line: call.line, part, metric: 'trainer.evaluate', kind: 'other' });
  return part;
}

function hfSelection(it: Interpreter, call: Call, kwargs: Map<string, Val>): void {
  const evalSet = kwargs.get('eval_dataset');
  const parts = evalSet?.elems ?? (evalSet ? [evalSet] : []);
  if (!parts.some((p) => p.part === 'test')) return;
  const callbacks = kwarg(call, 'callbacks');
  const early = callbacks !== undefined && /EarlyStopping/.test(it.src(callbacks));
  const loadBest = kwargs.get('args')?.trainingArgs?.loadBest === true;
  if (!early && !loadBest) return;
  const text = it.src(call.kwargs.find((k) => k.name === 'eval_dataset')!.value);
  const how = [early ? 'early stopping watches it' : '', loadBest ? 'the checkpoint kept at the end is the best on it (load_best_model_at_end)' : ''].filter(Boolean).join(' and ');
  it.facts.selections.push({ line: call.line, endLine: call.endLine, kind: 'eval-dataset', detail: `\`eval_dataset=${text}\` is the test set, and ${how}`, sites: [] });
}

/** `L.Trainer(callbacks=[EarlyStopping(monitor="val_f1"), ModelCheckpoint(monitor="val_f1")])`: what it does with the validation loop. */
export function lightningTrainer(it: Interpreter, call: Call, kwargs: Map<string, Val>): { selects?: { how: string; line: number } } {
  const callbacks = kwargs.get('callbacks');
  const named = [...new Set((callbacks?.elems ?? []).flatMap((v) => (v.selectsBy ? [v.selectsBy] : [])))];
  const text = kwarg(call, 'callbacks');
  if (text) for (const m of it.src(text).matchAll(/\b(EarlyStopping|ModelCheckpoint)\(/g)) if (!named.includes(m[1]!)) named.push(m[1]!);
  if (named.length === 0) return {};
  const how = named.map((n) => (n === 'EarlyStopping' ? 'early stopping watches it' : 'the checkpoint kept is the best on it')).join(' and ');
  return { selects: { how, line: call.line } };
}

/**
 * `trainer.fit(model, train_dataloaders=...)` trains the module; `trainer.validate(model, dataloaders=...)` and
 * `trainer.test(...)` evaluate it on the rows of the loader given (held out only if those are held out).
 */
export function lightningCall(it: Interpreter, call: Call, trainer: { fitRows?: Val; selects?: { how: string; line: number } }, method: string, args: Val[], kwargs: Map<string, Val>): Val {
  const model = args[0] ?? kwargs.get('model');
  if (method === 'fit') {
    const rows = args[1] ?? kwargs.get('train_dataloaders') ?? kwargs.get('datamodule');
    trainer.fitRows = rows;
    const val = args[2] ?? kwargs.get('val_dataloaders');
    const est: Estimator = model?.est ?? { cls: model?.instanceOf ?? 'LightningModule', line: call.line, endLine: call.endLine, kind: 'model', call, inner: [], deep: true };
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: rows?.part, splitIds: rows?.splitIds ?? [], ...(rows?.origins ? { origins: rows.origins } : {}) });
    if (val && val.part !== 'train' && val.part !== 'full') it.facts.heldOutUses.push(call.line);
    if (val?.part === 'test' && trainer.selects) {
      const arg = call.kwargs.find((k) => k.name === 'val_dataloaders')?.value ?? call.args[2];
      const sites = trainer.selects.line === call.line ? [] : [trainer.selects.line];
      recordSelection(it, val, { line: call.line, endLine: call.endLine, kind: 'val-dataloaders', detail: `\`val_dataloaders=${arg ? it.src(arg) : 'the test loader'}\` is the test set, and ${trainer.selects.how}`, sites });
    }
    return {};
  }
  if (method === 'validate' || method === 'test' || method === 'predict') {
    const rows = args[1] ?? kwargs.get('dataloaders') ?? kwargs.get('datamodule');
    const fitted = isFittedRows(rows, trainer.fitRows);
    const part = fitted ? 'train' : rows?.part;
    // Other rows than the fitted ones (another file, another loader) are held out as far as we can tell.
    if (rows && !fitted && part !== 'train') it.facts.heldOutUses.push(call.line);
    if (method !== 'predict') it.facts.evals.push({ line: call.line, part, metric: `trainer.${method}`, kind: 'other' });
    return method === 'predict' ? derive(rows, { pred: true }) : {};
  }
  return {};
}

export function datasetPartKwarg(call: Call): Part | undefined {
  const train = kwarg(call, 'train');
  if (isConst(train, 'True')) return 'train';
  if (isConst(train, 'False')) return 'test';
  const split = kwarg(call, 'split') ?? kwarg(call, 'subset');
  // (`split="trainval"`, Oxford Pets' and VOC's training plus validation images: the development rows.)
  if (split?.k === 'str' && /^train_?val(id)?$/i.test(split.value)) return 'train';
  return split?.k === 'str' ? partFromName(split.value) : undefined;
}

/** statsmodels: `smf.ols("y ~ x", data=df)`, `sm.OLS(y, X)`, `sm.GLM(...)`: a model of those rows, fitted by `.fit()`. */
export function statsmodelsModel(it: Interpreter, call: Call, qual: string, name: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  // Time-series models (`SARIMAX(history, order=...)`) are fitted on their first argument and forecast ahead.
  const tsa = /(^|\.)statsmodels\.tsa\./.test(qual) && /^(SARIMAX|ARIMA|ExponentialSmoothing|Holt|SimpleExpSmoothing|ETSModel|UnobservedComponents|AutoReg|VAR|VARMAX)$/.test(name);
  const regression = /(^|\.)statsmodels\.(formula\.)?api\.\w+$/.test(qual) && /^(ols|wls|gls|glm|logit|probit|poisson|negativebinomial|mixedlm|quantreg|OLS|WLS|GLS|GLM|Logit|Probit|Poisson|NegativeBinomial|MixedLM|QuantReg)$/.test(name);
  if (!tsa && !regression) return undefined;
  const rows = tsa ? (args[0] ?? kwargs.get('endog')) : (kwargs.get('data') ?? (/^[A-Z]/.test(name) ? args[1] : undefined));
  const est: Estimator = { cls: name.toUpperCase() === name ? name : name.toUpperCase(), line: call.line, endLine: call.endLine, kind: 'model', call, inner: [] };
  // Logit/Probit models are classifiers of a binary outcome.
  if (/^(logit|probit|Logit|Probit)$/.test(name)) est.classification = true;
  it.facts.estimators.push(est);
  if (rows?.data) {
    // What the fit says about each column (p-values, coefficients) may pick the columns kept later (stepwise selection).
    const heldOut = rows.part === 'test' || rows.part === 'val';
    const leak = regression && !heldOut ? citeLeak(it, rows, { kind: 'preprocess', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `${name} (its p-values or coefficients pick the columns used later)`, stmtText: it.stmt ? it.src(it.stmt) : undefined, origins: it.ensureOrigin(rows), ...(rows.part === 'train' ? { fromTrainPart: true } : {}) }) : undefined;
    est.fittedOn = { part: rows.part, line: call.line, ...(leak ? { leak } : {}) };
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: rows.part, splitIds: rows.splitIds ?? [], ...(rows.origins ? { origins: rows.origins } : {}) });
    noteBootstrapFit(it, rows, call.line);
  }
  return { est };
}
