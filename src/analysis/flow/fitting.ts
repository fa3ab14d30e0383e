// fit / fit_transform / fit_resample / transform: where statistics are learned and where they go.
import type { Expr } from '../python/ast.js';
import { isConst, kwarg } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { isClassifierName, isLabelColumn, isRegressorName, LABEL_ENCODERS } from './knowledge.js';
import { checkLabelInputs } from './label-sources.js';
import { isHeadSlice } from './pieces.js';
import type { Selection, TestFit } from './facts.js';
import { addLeak, derive, sharesOrigin, type Estimator, type Leak, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Label columns by the usual names: encoding a target on all rows is harmless. */
const TARGET_TEXT = /^(y|y_\w+|\w+_y|target|targets|label|labels|class|classes|outcome)$|\[\s*['"](target|label|labels|class|y|outcome|survived|species|churn)['"]\s*\]|\[\s*(TARGET|LABEL|target_col|label_col|TARGET_COL|target)\s*\]/i;

function isPrefitCalibrator(est: Estimator): boolean {
  if (est.cls !== 'CalibratedClassifierCV') return false;
  const cv = kwarg(est.call, 'cv');
  return (cv?.k === 'str' && cv.value === 'prefit') || (est.call.k === 'call' && est.call.args[0] !== undefined && /FrozenEstimator/.test(JSON.stringify(est.call.args[0])));
}

const SUPERVISED_STEP = /Select|RFE|TargetEncoder|WOE|CatBoostEncoder|LeaveOneOut|JamesStein|MEstimate|SequentialFeature|LinearDiscriminant/;

export function fitEstimator(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>): Val {
  const X = args[0] ?? kwargs.get('X') ?? kwargs.get('x');
  const xExpr = call.args[0] ?? call.kwargs.find((k) => k.name === 'X' || k.name === 'x')?.value;
  const xText = xExpr ? it.src(xExpr) : '';
  const est = receiver.est;
  // Rows transformed by a fit on train and test together reach a model: that fit is a leak, not EDA.
  // (Named inputs, `fit({"image": X_img, "question": X_q}, y)`, reach it one by one.)
  if (est === undefined || est.kind !== 'preprocess') for (const x of [X, ...(X?.keys ? (X.elems ?? []) : [])]) if (x?.combinedFit) x.combinedFit.used = true;
  // Rows named `dev` may be train+validation ("development"): fits on them are not judged.
  // A prefit calibrator is meant to be fitted on validation rows the model never saw.
  // So is a blender (stacking meta-model) fitted on the base models' predictions for validation rows.
  // (A DummyClassifier/DummyRegressor fitted on validation labels learns a prior for a baseline, nothing the model uses.)
  const heldOut = X?.part === 'test' || (X?.part === 'val' && !X.dev && !X.pred && !(receiver.est && (isPrefitCalibrator(receiver.est) || /^Dummy(Classifier|Regressor)$/.test(receiver.est.cls))));
  const result = (): Val => (method === 'fit' || method === 'fit_on_texts' || method === 'adapt' || method === 'partial_fit' ? receiver : derive(X, { data: true }));

  if (!est) {
    if (method === 'fit' && (kwargs.has('validation_data') || kwargs.has('val_data'))) validationOnTest(it, call, kwargs);
    if (heldOut && X?.part && call.fn.k === 'attr' && method !== 'partial_fit') {
      const estText = it.src(call.fn.obj);
      if (!/^(self\.)?(trainer|learner)$/.test(estText)) {
        recordTestFit(it, X, { line: call.line, endLine: call.endLine, cls: estText, method, part: X.part, dataText: xText, estText });
      }
    }
    return result();
  }

  // (Rows whose source was split by hand earlier, in a helper too: `held_out = df[last]` then a fit on all of `df`.)
  const splitByHand = X?.part === 'full' && X.splitAt === undefined && !X.splitIds?.length ? X.origins?.map((o) => it.splitOrigins.get(o)).find((l) => l !== undefined) : undefined;
  const splitAt = X?.splitAt !== undefined && X.splitAt < call.line ? { line: X.splitAt, file: it.path } : splitByHand;
  if ((est.kind === 'search' || est.kind === 'model' || est.kind === 'pipeline') && X?.part === 'full' && splitAt !== undefined) {
    est.fullFit = { line: call.line, endLine: call.endLine, splitLine: splitAt.line, ...(splitAt.file !== it.path ? { splitFile: splitAt.file } : {}), dataText: xText };
  }
  if (est.cv?.shuffled && X?.time && (method === 'fit' || method === 'fit_transform')) {
    // The folds are made where the splitter is built; the fit is where they meet time-ordered rows.
    const how = `\`${est.cv.cls}\` shuffles rows across time in the folds of \`${est.cls}\``;
    if (est.cv.file === undefined || est.cv.file === it.path) it.facts.timeSplits.push({ line: est.cv.line, endLine: est.cv.line, evidence: X.time, how, sites: [call.line] });
    else it.facts.timeSplits.push({ line: call.line, endLine: call.endLine, evidence: X.time, how, elsewhere: [{ file: est.cv.file, line: est.cv.line }] });
  }
  if (est.kind === 'search') {
    it.facts.cvLines.push(call.line);
    it.reportLeak(X, { line: call.line, kind: 'search', sinkText: it.stmt ? it.src(it.stmt) : undefined });
    if (X?.part === 'test') {
      it.facts.selections.push({ line: call.line, endLine: call.endLine, kind: 'search-on-test', detail: `\`${it.src(call.fn)}\` tunes hyperparameters on \`${xText}\`, the test set`, sites: [] });
    }
    noteFitUse(it, est, X);
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: X?.part, splitIds: X?.splitIds ?? [], ...(X?.origins ? { origins: X.origins } : {}) });
    return result();
  }

  if (LABEL_ENCODERS.has(est.cls) && TARGET_TEXT.test(xText.trim())) return result();
  // `LabelEncoder().fit(tracks["genre"])` (or `meta.species`) on all rows: one column's name <-> id mapping, learned from no
  // statistic (a refit on held-out rows is still judged below).
  // (So is `LabelEncoder().fit(genre)`: a label encoder handed one named series, the classes it can hold.)
  // (So is `LabelEncoder().fit(df[cfg["label_column"]])`, the column named by a setting.)
  if (LABEL_ENCODERS.has(est.cls) && !heldOut && /^([\w.]+\[\s*(['"][^'"]+['"]|[\w.]+(\[\s*['"][^'"]+['"]\s*\])+)\s*\]|[A-Za-z_]\w*\.[A-Za-z_]\w*|[A-Za-z_]\w*)$/.test(xText.trim())) return result();
  // (So is `y = le.fit_transform([r["family"] for r in records])`: whatever it is handed, it makes the labels.)
  const assigned = it.stmt?.k === 'assign' ? it.stmt.targets.map((t) => it.src(t)).join(',') : '';
  if (LABEL_ENCODERS.has(est.cls) && !heldOut && TARGET_TEXT.test(assigned.trim())) return result();

  // `MultiLabelBinarizer(classes=range(10))`, `OneHotEncoder(categories=[[...]])`: the vocabulary is given, so fitting
  // learns nothing from the rows, held-out ones included.
  const ctor = est.call.k === 'call' ? est.call : undefined;
  const fixedVocabulary = ctor?.kwargs.some((k) => (k.name === 'classes' && est.cls === 'MultiLabelBinarizer') || (k.name === 'categories' && /^(OneHot|Ordinal)Encoder$/.test(est.cls) && !(k.value.k === 'str' && k.value.value === 'auto')));
  if (fixedVocabulary && est.kind === 'preprocess') return result();
  // `NearestNeighbors().fit(gallery)` of the test gallery: a search index over the items to retrieve, learned from no label.
  if (heldOut && X?.part && !(/^(NearestNeighbors|BallTree|KDTree)$/.test(est.cls) && !(args[1] ?? kwargs.get('y')))) {
    recordTestFit(it, X, { line: call.line, endLine: call.endLine, cls: est.cls, method, part: X.part, dataText: xText, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : est.cls });
    return result();
  }

  if (est.kind === 'preprocess' && X?.withTest !== undefined) {
    // Train and test rows put back together and fitted as one: the test rows are learned from, once what
    // it learned reaches a model (a PCA of everything for a scatter plot is EDA).
    const pending = { used: false };
    // Combined inside a helper (`prep.fit([train_df, holdout_df])`): the call that handed both is where the fix goes, a site.
    const handed = it.callSiteFor(X);
    const sites = handed && handed.path !== it.path ? { sites: [{ file: handed.path, line: handed.line }] } : {};
    it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: est.cls, method, part: 'test', dataText: xText, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : est.cls, note: `rows that include the test set (combined at line ${X.withTest})`, group: X.withTest, pending, ...sites });
    est.combinedFit = pending;
    const out = result();
    if (out !== receiver) out.combinedFit = pending;
    return out;
  }
  if (est.kind === 'preprocess') {
    // `scaler.fit(values[:i_val])`: the rows before a cut, the training period of a chronological split.
    const headSlice = isHeadSlice(xExpr);
    // All the rows of a labelled `train.csv`, not yet split: a fit on them is a fit on all the data there is.
    const trainPart = X?.part === 'train' && !(X.filePart && !X.splitIds?.length);
    const leak: Leak = citeLeak(it, X, {
      kind: 'preprocess',
      file: it.path,
      line: call.line,
      endLine: it.stmt?.endLine ?? call.endLine,
      what: est.cls,
      objText: call.fn.k === 'attr' ? it.src(call.fn.obj) : undefined,
      stmtText: it.stmt ? it.src(it.stmt) : undefined,
      dataText: xText,
      origins: it.ensureOrigin(X),
      // Labels passed (y) or a selector/target encoder: the step learned from the target.
      ...((trainPart || X?.dev || headSlice) && !(args[1] ?? kwargs.get('y')) && !SUPERVISED_STEP.test(est.cls) ? { trainOnlyUnsupervised: true } : {}),
      ...(trainPart || headSlice ? { fromTrainPart: true } : {}),
    });
    const before = est.fittedOn;
    est.fittedOn = { part: trainPart || X?.part !== 'train' ? X?.part : 'full', line: call.line, leak };
    const out = result();
    if (out !== receiver) addLeak(out, leak);
    // Fitted before on rows of another source, and now again on these: these rows' statistics replace the training ones.
    const known = (o: readonly number[] | undefined) => o !== undefined && o.length > 0;
    if (out !== receiver && before?.leak && before.line !== call.line && known(before.leak.origins) && known(X?.origins) && !sharesOrigin(before.leak, X)) {
      out.refit = { line: call.line, endLine: call.endLine, cls: est.cls, method, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : est.cls, dataText: xText, firstLine: before.line };
    }
    return out;
  }

  if (est.kind === 'model' || est.kind === 'pipeline') {
    noteBootstrapFit(it, X, call.line);
    // The labels fitted are rows it saw too (`fit(build_features(df), df["won"])`: features in a new frame, labels of df).
    const y = args[1] ?? kwargs.get('y');
    const origins = X?.origins && y?.data && y.origins ? [...new Set([...X.origins, ...y.origins])] : X?.origins;
    const labelsFrom = frameWritten(it, call.args[1] ?? call.kwargs.find((k) => k.name === 'y')?.value);
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: X?.part, splitIds: X?.splitIds ?? [], ...(origins ? { origins } : {}), ...(X?.data && !origins?.length ? { rows: X } : {}), ...(labelsFrom ? { labelsFrom } : {}) });
    reportLayerLeaks(it, est, X);
    checkLabelInputs(it, X, y, call.line);
    // A network whose preprocessing layer was adapted on train and test rows together learns with their statistics.
    if (est.deep && est.combinedFit) est.combinedFit.used = true;
    noteFitUse(it, est, X);
    checkValidationArgs(it, call, est, kwargs, X);
    // What a model learned about the columns (importances, coefficients) may pick columns later: a supervised selection.
    // (Labels of another task, such as train-vs-test in adversarial validation, pick nothing of the target.)
    if ((est.kind === 'model' || est.kind === 'pipeline') && X?.data && !heldOut && (args[1] === undefined || args[1].data === true)) {
      const what = `${est.cls} (its feature importances pick the columns used later)`;
      const leak: Leak = { kind: 'preprocess', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what, stmtText: it.stmt ? it.src(it.stmt) : undefined, dataText: xText, origins: it.ensureOrigin(X), ...(X.part === 'train' ? { fromTrainPart: true } : {}) };
      est.fittedOn = { part: X.part, line: call.line, leak };
    }
  }
  return result();
}

/** Keras `validation_data`, boosting `eval_set` + early stopping: held-out data steering training. */
function checkValidationArgs(it: Interpreter, call: Call, est: Estimator, kwargs: Map<string, Val>, X: Val | undefined): void {
  // Keras `fit(..., class_weight={0: 0.5, 1: 8.0})`: the classes are imbalanced.
  if (kwargs.has('class_weight')) it.facts.imbalanceHints.push(call.line);
  const valData = kwargs.get('validation_data');
  const valSplit = kwarg(call, 'validation_split');
  const callbacks = kwarg(call, 'callbacks');
  const early = callbacks !== undefined && /EarlyStopping|early_stopping|ModelCheckpoint/.test(it.src(callbacks));
  if (valData || valSplit || est.deep || kwarg(call, 'epochs')) {
    const validation = valData !== undefined || (valSplit !== undefined && !isConst(valSplit, 'None'));
    // After a fit that validated, a fit on all the rows (or for the epoch count that one found) is the release refit.
    const epochs = kwarg(call, 'epochs');
    const refit = !validation && it.facts.kerasFits.some((f) => f.validation && f.line < call.line) && (X?.part === 'full' || (epochs !== undefined && epochs.k !== 'num'));
    it.facts.kerasFits.push({ line: call.line, endLine: call.endLine, validation, earlyStopping: early, ...(refit ? { refit } : {}) });
  }
  validationOnTest(it, call, kwargs);
  const evalSet = kwargs.get('eval_set');
  if (evalSet) {
    const sets = evalSet.elems ?? [evalSet];
    const testRows = sets.map(heldRows).find((v) => v?.part === 'test');
    const ctorEarly = est.call.k === 'call' && est.call.kwargs.some((k) => k.name === 'early_stopping_rounds' || k.name === 'n_iter_no_change');
    const catboostBest = /^CatBoost/.test(est.cls) && !isConst(kwarg(call, 'use_best_model'), 'False') && !(est.call.k === 'call' && isConst(kwarg(est.call, 'use_best_model'), 'False'));
    // Settings spread from a config (`XGBRegressor(**cfg["model"])`) hide early stopping; reading the
    // model's best iteration afterwards shows it was on.
    const spreadEarly = est.call.k === 'call' && est.call.args.some((a) => a.k === 'star' && a.double) && /\.best_(iteration|ntree_limit)\b/.test(it.ctx.text);
    // (pytorch-tabnet stops on the last eval_set with `patience`, 10 by default, and restores the best epoch.)
    const patience = kwarg(call, 'patience');
    const tabnet = /^TabNet(Classifier|Regressor|MultiTaskClassifier)$/.test(est.cls) && !(patience?.k === 'num' && patience.value === 0);
    const fitEarly = kwarg(call, 'early_stopping_rounds') !== undefined || early || spreadEarly || tabnet;
    if (testRows && (ctorEarly || fitEarly || catboostBest)) {
      const text = it.src(call.kwargs.find((k) => k.name === 'eval_set')!.value);
      recordSelection(it, testRows, { line: call.line, endLine: call.endLine, kind: 'eval-set', detail: `\`eval_set=${text}\` is the test set and ${catboostBest && !ctorEarly && !fitEarly ? 'CatBoost keeps the best iteration on it (use_best_model)' : tabnet ? 'early stopping (patience) keeps the best epoch on it' : 'early stopping picks the number of trees on it'}`, sites: ctorEarly ? [est.line] : [] });
    }
  }
}

/**
 * Keras `fit(..., validation_data=(x_test, y_test))` or a Keras Tuner `search(...)` with it: the test rows steer
 * training (early stopping, checkpoints) or rank the configurations. Judged for models the analyzer cannot see
 * built too (`tuner.hypermodel.build(best_hp).fit(...)`).
 */
export function validationOnTest(it: Interpreter, call: Call, kwargs: Map<string, Val>, search = false): void {
  // (torchtuples and pycox models spell it `val_data`.)
  const name = kwargs.has('validation_data') ? 'validation_data' : 'val_data';
  const valData = kwargs.get(name);
  const rows = heldRows(valData);
  const callbacks = kwarg(call, 'callbacks');
  const early = callbacks !== undefined && /EarlyStopping|early_stopping|ModelCheckpoint|stop_early|early_stop|checkpoint|ckpt/i.test(it.src(callbacks));
  const text = valData ? it.src(call.kwargs.find((k) => k.name === name)!.value) : '';
  // Validation rows stopping or checkpointing the training: the test set's role if they are the only rows held out.
  // (The callbacks list built before the call: `callbacks=callbacks` holding a ModelCheckpoint.)
  const selecting = early || (kwargs.get('callbacks')?.elems ?? []).some((c) => c.selectsBy !== undefined);
  if (valData && rows?.data && selecting && !search && (rows.part === 'val' || rows.part === undefined) && !rows.dev && rows.origins?.length) {
    it.facts.heldOutChoices.push({ line: call.line, endLine: call.endLine, kind: 'validation-data', part: rows.part, origins: rows.origins, after: call.endLine, detail: `\`${name}=${text}\` are the only held-out rows, and callbacks stop or checkpoint on them`, sites: [] });
  }
  if (!valData || rows?.part !== 'test') return;
  const how = search ? ', and the tuner ranks the configurations by their score on it' : early ? ', and callbacks stop or checkpoint on it' : '';
  recordSelection(it, rows, { line: call.line, endLine: call.endLine, kind: 'validation-data', detail: `\`${name}=${text}\` is the test set${how}`, sites: [] });
}

/** `(x_hold, y_hold)`; with several named inputs (`{"numeric": ..., "cats": ...}`) the rows are its entries, or the labels. */
function heldRows(v: Val | undefined): Val | undefined {
  const first = v?.items?.[0] ?? v;
  if (first?.data || !v?.items) return first;
  return first?.elems?.find((e) => e.data) ?? v.items.find((x) => x.data) ?? first;
}

export function fitResample(it: Interpreter, call: Call, receiver: Val, args: Val[]): Val {
  const [X, y] = args;
  const est = receiver.est;
  const xText = call.args[0] ? it.src(call.args[0]) : '';
  if (X?.part === 'test' || (X?.part === 'val' && !X.dev)) {
    recordTestFit(it, X, { line: call.line, endLine: call.endLine, cls: est?.cls ?? 'resampler', method: 'fit_resample', part: X.part, dataText: xText, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : '' });
    return { items: [derive(X, { data: true }), derive(y, { data: true })] };
  }
  const outX = derive(X, { data: true });
  const outY = derive(y, { data: true });
  if (est?.kind === 'oversample') {
    const leak: Leak = citeLeak(it, X, { kind: 'oversample', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: est.cls, objText: call.fn.k === 'attr' ? it.src(call.fn.obj) : undefined, stmtText: it.stmt ? it.src(it.stmt) : undefined, dataText: xText, origins: it.ensureOrigin(X) });
    addLeak(outX, leak);
    addLeak(outY, leak);
  }
  return { items: [outX, outY] };
}

export function transformWith(it: Interpreter, call: { line: number }, receiver: Val, args: Val[]): Val {
  const X = args[0];
  const out = derive(X, { data: true });
  // A transformer fitted on train and test together, applied to rows that go on to a model: mark its output.
  if (receiver.est?.combinedFit) out.combinedFit = receiver.est.combinedFit;
  const fitted = receiver.est?.fittedOn;
  // A transformer fitted on other rows (an external corpus) carries nothing of these rows.
  if (receiver.est?.kind === 'preprocess' && fitted?.leak && sharesOrigin(fitted.leak, X)) {
    addLeak(out, fitted.leak);
    // Rows only named `train` (no split made them) may be exactly the rows it was fitted on: a held-out part,
    // or a training part cut by a split, is what shows the fit saw more than the training rows.
    const splitOff = X?.part === 'test' || X?.part === 'val' || (X?.part === 'train' && (X.splitIds?.length ?? 0) > 0);
    if (fitted.part === 'full' && splitOff) {
      it.reportLeak(X, { line: call.line, kind: 'transform', sinkText: it.stmt ? it.src(it.stmt) : undefined }, [fitted.leak]);
    }
  }
  return out;
}

/**
 * A fit inside helpers on rows that a call passed in is cited at that call (`prepare(test_df)`), with
 * the fits inside as sites: the call is what to change. Fits on rows the helper made itself stay put.
 */
export function recordTestFit(it: Interpreter, X: Val, fit: TestFit): void {
  const frame = it.callSiteFor(X);
  if (!frame) {
    it.facts.testFits.push(fit);
    return;
  }
  const facts = it.factsOf(frame.path);
  const group = -frame.line;
  const inner = { file: it.path, line: fit.line };
  const prior = facts.testFits.find((t) => t.group === group);
  if (prior) {
    prior.sites = [...(prior.sites ?? []), inner];
    return;
  }
  facts.testFits.push({ ...fit, line: frame.line, endLine: frame.endLine, group, via: frame.text().trim(), sites: [inner] });
}

/**
 * A selection on test rows that a helper was handed (`train(model, X_te, y_te)` stopping early on them) is
 * cited at the call that handed them, where the fix goes; the line inside the helper is a site. `home` is
 * the file of `sel.line` (the helper's file when an objective is run from elsewhere).
 */
export function recordSelection(it: Interpreter, rows: Val | undefined, sel: Selection, home: string = it.path): void {
  const frame = it.callSiteFor(rows);
  let at = frame ? { ...sel, line: frame.line, endLine: frame.endLine, sites: [], elsewhere: [{ file: home, line: sel.line }] } : sel;
  // `eval_set=pools[cfg["monitor_split"]]`: the settings line that names the test part is where the fix goes too.
  if (rows?.configSite) at = { ...at, elsewhere: [...(at.elsewhere ?? []), rows.configSite] };
  const facts = it.factsOf(frame ? frame.path : home);
  if (facts.selections.some((s) => s.line === at.line && s.kind === at.kind)) return;
  facts.selections.push(at);
}

/** The name an expression starts with, as written (`utterances` of `utterances["intent"]`): the frame labels come from. */
export function frameWritten(it: Interpreter, e: Expr | undefined): string | undefined {
  return e ? /^[A-Za-z_]\w*/.exec(it.src(e))?.[0] : undefined;
}

/** A leak learned inside helpers from rows a call passed in: cited at that call, the fit inside as a site. */
export function citeLeak(it: Interpreter, X: Val | undefined, leak: Leak): Leak {
  const frame = it.callSiteFor(X);
  if (!frame) return leak;
  // (The calls between, `build_features` calling `smoothed_target_mean(df, ...)`, are sites too: one of them may be
  // where a reader sees the statistic taken.)
  const between = it.frames.slice(it.frames.indexOf(frame) + 1).map((f) => ({ file: f.path, line: f.line }));
  return { ...leak, file: frame.path, line: frame.line, endLine: frame.endLine, stmtText: frame.text(), objText: undefined, sites: [...between, { file: it.path, line: leak.line }] };
}

/** A pandas statistic of all rows (`df.mean()`, a groupby target mean) written into or applied to rows split later. */
export function leakOfStatistic(it: Interpreter, rows: Val | undefined, stat: NonNullable<Val['stat']>, what = stat.what, endLine = it.stmt?.endLine ?? stat.endLine): Leak {
  const stmtText = it.stmt ? it.src(it.stmt) : undefined;
  // A statistic of a feature over all of train.csv is judged like an unsupervised fit on it: a leak across a split, not across CV folds.
  const unsupervised = stat.trainFile && !(stat.perGroup?.column !== undefined && isLabelColumn(it.text, stat.perGroup.column));
  return citeStatistic(it, rows, stat, { kind: 'preprocess', file: it.path, line: stat.line, endLine, what, stmtText, ...(stat.perGroup ? { perGroup: stat.perGroup } : {}), ...(stat.neighbourLabel ? { neighbourLabel: stat.neighbourLabel } : {}), ...(unsupervised ? { trainOnlyUnsupervised: true } : {}) });
}

/** Like `citeLeak`; a statistic a helper computed from rows its caller handed in is cited at that call (`stat.via`). */
export function citeStatistic(it: Interpreter, rows: Val | undefined, stat: NonNullable<Val['stat']>, leak: Leak): Leak {
  const cited = citeLeak(it, rows, leak);
  const via = stat.via;
  if (cited !== leak || !via) return cited;
  return { ...leak, file: via.file, line: via.line, endLine: via.file === leak.file ? Math.max(via.endLine, leak.endLine) : via.endLine, stmtText: via.text, sites: [{ file: stat.file ?? it.path, line: stat.line }] };
}

/**
 * Keras preprocessing layers (Normalization, TextVectorization, lookups) keep what `adapt` learned
 * inside the model: adapted on all rows and trained on a split part of those rows, the test rows'
 * statistics are part of the model.
 */
function reportLayerLeaks(it: Interpreter, est: Estimator, X: Val | undefined): void {
  const split = X?.splitIds?.[0];
  if (!est.layerLeaks || split === undefined) return;
  const site = it.splitSites.get(split);
  if (!site) return;
  for (const leak of est.layerLeaks) {
    if (leak.line > site.line && (leak.file ?? it.path) === site.path) continue;
    it.reportLeak(X, { line: site.line, kind: 'split' }, [leak]);
  }
}

/** Which kind of model each split's parts were fitted to (for the stratify check). */
export function noteFitUse(it: Interpreter, est: Estimator, X: Val | undefined): void {
  const kind = isClassifierName(est.cls) || est.classification || est.inner.some(isClassifierName) ? 'classifier' : isRegressorName(est.cls) || est.inner.some(isRegressorName) ? 'regressor' : 'other';
  for (const id of X?.splitIds ?? []) it.facts.splits.find((s) => s.id === id)?.usedBy.add(kind);
}

/**
 * A model refitted in a loop on rows drawn with replacement (a bootstrap, as in Harrell's optimism correction) is
 * judged on rows each refit did not see: a resampling validation, like cross-validation.
 */
export function noteBootstrapFit(it: Interpreter, X: Val | undefined, line: number): void {
  if (X?.redrawn !== undefined && it.underLoop()) it.facts.cvLines.push(line);
}
