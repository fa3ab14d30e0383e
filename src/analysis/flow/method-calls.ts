// Method calls on values (`scaler.fit(X)`, `df.fillna(...)`, `model.predict(X_te)`): fitting, transforming,
// scoring and the frame methods, by what the receiver holds.
import type { Expr } from '../python/ast.js';
import { calleeName, kwarg } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { isClassifierName, isMetricKey, isRegressorName, RECOMMENDERS, type Part } from './knowledge.js';
import { citeLeak, fitEstimator, fitResample, transformWith } from './fitting.js';
import { hfTrainerCall, lightningCall } from './frameworks.js';
import { commandLine, settingAt } from './settings.js';
import { noteWrite } from './handoffs.js';
import type { Scope } from './scope.js';
import { checkCurvePick, checkPick } from './selection-checks.js';
import { frameMethod } from './frame-methods.js';
import { splitterSplit } from './splits.js';
import { augmentedCopy, noteAugmentedCopies, noteSavedCopy } from './augmentation.js';
import { corpusModelMethod } from './embeddings.js';
import { listFiles } from './loaders.js';
import { absorb, addLeak, combine, derive, sharesOrigin, type Estimator, type Leak, type Val } from './values.js';
import { keyNamesOtherScores, runCallbacks, adaptedLayerLeaks, scoreOnTunedFile } from './function-calls.js';

type Call = Extract<Expr, { k: 'call' }>;

const STAT_RESHAPES = /^(item|cpu|detach|tolist|rename|reset_index|to_frame|round|astype|add_prefix|add_suffix|set_axis|fillna|clip|sort_index|rename_axis|clamp|clamp_min|clamp_max|sqrt|abs|to|float|double|numpy|squeeze|unsqueeze|reshape|view|values|to_numpy|replace|with_columns|select|drop|sort|alias|unstack|stack|droplevel|swaplevel|add|sub|mul|div)$/;

/**
 * `metric.update(preds, target)` then `metric.compute()` (torchmetrics' accumulate-then-compute form): the score
 * is of the rows updated with.
 */
function metricObjectMethod(it: Interpreter, call: Call, metricObj: NonNullable<Val['metricObj']>, method: string, args: Val[], kwargs: Map<string, Val>): Val | undefined {
  // (Hugging Face `evaluate`: `rouge.add_batch(predictions=p, references=r)`, then `compute()`, or `compute(predictions=...)` at once.)
  const handed = (): Part | undefined => kwargs.get('references')?.part ?? kwargs.get('predictions')?.part ?? args[1]?.part ?? args[0]?.part;
  if (method === 'update' || method === 'add_batch' || method === 'add') {
    const part = handed();
    if (part !== undefined) metricObj.part = part;
    return {};
  }
  if (method !== 'compute') return undefined;
  const part = handed();
  if (part !== undefined) metricObj.part = part;
  // (Updated with rows of no known part: no evidence of held-out rows, nor of training ones.)
  if (metricObj.part !== undefined) it.facts.evals.push({ line: call.line, part: metricObj.part, metric: metricObj.name, kind: metricObj.kind });
  return { score: { part: metricObj.part, line: call.line, metric: metricObj.name, file: it.path } };
}

/**
 * `rows.append({"t0": t0, **features(block), "fault": y})`: a record built from rows is a row of them. In a loop
 * over positions (sliding windows) it keeps their time order; one record per entity does not.
 */
function recordOfRows(it: Interpreter, item: Val): Val {
  // `{**row.to_dict(), "filename": name}` with `name` the file an augmented copy was saved to: a record of that copy.
  // (Or a tuple, `(out_path, label)`.)
  const fields = item.data ? [] : item.keys ? (item.elems ?? []) : (item.items ?? []);
  const copy = fields.find((v) => v.augmented)?.augmented;
  if (copy) return { ...combine(fields.filter((v) => v.data), { data: true }), augmented: copy };
  if (item.data || !item.keys || !item.elems?.some((v) => v.data)) return item;
  const record = combine(item.elems.filter((v) => v.data), { data: true });
  const windowed = it.loops.some(({ stmt }) => stmt.k === 'for' && stmt.iter.k === 'call' && calleeName(stmt.iter) === 'range');
  if (!windowed) record.time = undefined;
  return record;
}

export function methodCall(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>, scope: Scope): Val {
  const est = receiver.est;
  noteWrite(it, call, undefined, method, receiver, args, kwargs);
  // `imgs.numel()`, `x.size(0)`: how many, not which rows.
  if (receiver.data && /^(numel|nelement|size|dim|ndimension|__len__)$/.test(method)) return {};
  const cli = commandLine(call, receiver, method, args, kwargs);
  if (cli) return cli;
  // `cfg.get("monitor", "val")`: the setting, or the default the code gives.
  // `spec.get("name")`, `spec.pop("name")` on a mapping of the settings.
  if (receiver.config && (method === 'get' || method === 'pop') && typeof args[0]?.const === 'string') return settingAt(receiver.config, args[0].const) ?? args[1] ?? {};
  if (typeof receiver.const === 'string' && /^(read_text|open|read_bytes)$/.test(method)) return { opened: receiver.const };
  if (method === 'pipe' && args[0]?.fn) return it.callFunction(args[0].fn, [receiver, ...args.slice(1)], kwargs);
  if (receiver.grouped) return frameMethod(it, call, receiver, method, args, kwargs, scope);
  if (receiver.tunedOnFile) scoreOnTunedFile(it, call, receiver, method, args);
  // nlpaug: `syn_aug.augment(text)` returns paraphrases of the text, copies of that sample.
  if (receiver.augment && method === 'augment' && (args[0]?.data || kwargs.get('data')?.data)) return augmentedCopy(call, receiver.augment.what, args[0] ?? kwargs.get('data'));
  // `tree.query(coords, k=11)` of a BallTree/KDTree (not `df.query("x > 0")`), `nn.kneighbors(X)`: neighbours' row indices.
  if ((method === 'query' && args[0]?.data) || (/^(kneighbors|radius_neighbors|query_radius)$/.test(method) && (args[0]?.data || receiver.data))) {
    return derive(args[0]?.data ? args[0] : receiver, { neighbours: true });
  }
  // (As with `.T`: the periods of time-ordered rows become columns.)
  if (receiver.data && receiver.time && method === 'transpose' && args.length === 0) return derive(receiver, { time: undefined });
  const metricStep = receiver.metricObj ? metricObjectMethod(it, call, receiver.metricObj, method, args, kwargs) : undefined;
  if (metricStep) return metricStep;
  // `metrics["map"].item()`: a score taken out of a tensor is that score.
  // (`confusion_matrix(y_te, p >= t).ravel()`: its cells, counts of those predictions, are scored too.)
  if (receiver.score && !receiver.data && /^(item|cpu|numpy|tolist|detach|squeeze|mean|ravel|flatten|diagonal|sum)$/.test(method)) return { score: receiver.score };
  if (receiver.lightningTrainer) return lightningCall(it, call, receiver.lightningTrainer, method, args, kwargs);
  if (receiver.hfTrainer) return hfTrainerCall(it, call, receiver.hfTrainer, method, args, kwargs);
  if (receiver.keys && receiver.elems && /^(map|filter|shuffle|select_columns|remove_columns|rename_column|rename_columns|cast|cast_column|with_format|flatten|class_encode_column)$/.test(method)) {
    // `ds.map(tokenize)` on a DatasetDict maps every split and keeps them apart.
    return { keys: receiver.keys, elems: receiver.elems.map((v) => derive(v)) };
  }
  // `row.update(self._score(y_eval, proba, prefix))`: the record now holds those entries (and their scores).
  if (receiver.keys && receiver.elems && !receiver.data && method === 'update') {
    const from = args[0];
    if (from?.keys && from.elems) {
      receiver.keys.push(...from.keys);
      receiver.elems.push(...from.elems);
    }
    const score = from?.score ?? [...kwargs.values()].find((v) => v.score)?.score;
    if (score && (!receiver.score || (score.part === 'test' && receiver.score.part !== 'test'))) receiver.score = score;
    return {};
  }
  if (receiver.keys && receiver.elems && /^(items|values)$/.test(method)) {
    const elems = receiver.elems;
    const keys = receiver.keys;
    const perIteration = method === 'items' ? elems.map((v, i) => ({ items: [keys[i] !== undefined ? { const: keys[i] } : {}, v] })) : elems;
    return { elems, perIteration, iterItems: method === 'items' ? [{}, elems.find((x) => x.est) ?? elems[0] ?? {}] : undefined };
  }
  // `SmallCNN().to(device)`: torch's device/dtype/mode moves return the module itself.
  if ((receiver.instanceOf || est?.deep) && /^(to|cuda|cpu|float|double|half|bfloat16|train|eval|requires_grad_|share_memory)$/.test(method)) return receiver;
  // `(Path(root) / name).iterdir()`, `root.rglob("*.png")`: a listing of files, the samples of the dataset.
  if (/^(iterdir|glob|rglob)$/.test(method) && !receiver.data && !receiver.est && !receiver.instanceOf) {
    const dir = typeof receiver.const === 'string' ? receiver.const : undefined;
    const pattern = typeof args[0]?.const === 'string' ? args[0].const : undefined;
    return listFiles(it, [dir, pattern].filter((x) => x !== undefined).join('/'));
  }
  const corpus = corpusModelMethod(it, call, receiver, method, args);
  if (corpus) return corpus;
  if (/^(fit|fit_transform|fit_predict|fit_on_texts|adapt|partial_fit)$/.test(method)) {
    return fitEstimator(it, call, receiver, method, args, kwargs);
  }
  if (method === 'fit_resample' || method === 'fit_sample') return fitResample(it, call, receiver, args);
  // (`datagen.flow(X_train, y_train)` / `standardize(x)`: a fitted ImageDataGenerator applies what it learned.)
  if ((/^(transform|texts_to_sequences|texts_to_matrix|inverse_transform)$/.test(method) || (est?.cls === 'ImageDataGenerator' && /^(flow|standardize)$/.test(method))) && (est || receiver.instanceOf === undefined)) {
    return transformWith(it, call, receiver, args);
  }
  if (/^(predict|predict_proba|decision_function|predict_log_proba|score|evaluate)$/.test(method) && est?.fullFit && args[0]?.part === 'test') {
    reportFullFit(it, est);
  }
  if (/^(get_support|get_feature_names_out)$/.test(method) && est?.kind === 'preprocess' && est.fittedOn?.leak && (est.fittedOn.part ?? 'full') === 'full') return { selected: est.fittedOn.leak };
  // CatBoost `get_feature_importance()`, LightGBM `feature_importance()`, XGBoost `get_score()`.
  if (/^(get_feature_importance|feature_importance|get_score|get_fscore)$/.test(method) && est?.kind === 'model' && est.fittedOn?.leak) return { selected: est.fittedOn.leak };
  if (/^(predict|predict_proba|decision_function|predict_log_proba|score|evaluate)$/.test(method) && args[0]?.combinedFit) args[0].combinedFit.used = true;
  // (`model.generate(input_ids=...)` of a sequence-to-sequence or language model: its predictions, the generated tokens.)
  const generate = method === 'generate' && est?.kind === 'model';
  if (/^(predict|predict_proba|decision_function|predict_log_proba)$/.test(method) || (est?.kind === 'model' && /^(forecast|get_forecast)$/.test(method)) || generate) {
    const forecast = /^(forecast|get_forecast)$/.test(method);
    const X = forecast ? kwargs.get('exog') : generate ? args[0] ?? kwargs.get('input_ids') ?? kwargs.get('inputs') : args[0];
    if (X?.refit && est?.kind !== undefined) reportRefit(it, X.refit);
    // `m.predict_proba(raw[FEATS])` after `m.fit(raw[...])`: predictions on the rows it was fitted on.
    const onFitted = !forecast && X?.data === true && (X.part === undefined || X.part === 'train' || X.part === 'full') && it.facts.fits.some((f) => f.est === est && ((f.rows !== undefined && f.rows === X) || (!!X.origins?.length && !!f.origins?.length && X.origins.every((o) => f.origins!.includes(o)))));
    // A forecast predicts the periods after the fitted sample: out of sample by construction.
    // (`model.predict(["where is my parcel"])`: a demo on inputs written in the code, no held-out rows.)
    const written = call.args[0]?.k === 'seq' && !X?.data;
    // (`model.predict(uidx, item_ids)` of a recommender scores ids for a recommendation, not held-out rows.)
    const ids = est !== undefined && RECOMMENDERS.has(est.cls) && call.args.length >= 2;
    if (forecast || (X && X.part !== 'train' && X.part !== 'full' && !onFitted && !written && !ids)) it.facts.heldOutUses.push(call.line);
    if (onFitted) it.facts.trainedRowsScored.push(call.line);
    const prob = !forecast && !generate && (method !== 'predict' || est?.deep === true);
    // Rows of no known part that the model was fitted on are its training rows: scores of them are training scores.
    const out = derive(X, { pred: true, prob, data: true, ...(onFitted && X?.part === undefined ? { part: 'train' as const } : {}) });
    const learned = modelFeatureLeak(it, est, X);
    if (learned) addLeak(out, learned);
    return out;
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
  // (`G.add_edges_from(pairs)`: a graph built from rows holds them, like a list they are appended to.)
  if (/^(append|add|extend|add_edges_from|add_weighted_edges_from|add_nodes_from)$/.test(method) && args[0]) {
    const item = recordOfRows(it, args[0]);
    // `rate_cols.append(f"{col}_attr_rate")` in a loop over columns: the list holds names the loop's one pass
    // does not show; outside a loop, the name itself.
    if (receiver.elems && !receiver.keys && !receiver.data && !item.data && !item.est && !item.instanceOf && (method === 'append' || method === 'extend')) {
      if (method === 'append' && typeof item.const === 'string' && !it.inLoop()) {
        receiver.elems.push(item);
        receiver.items?.push(item);
      } else receiver.openList = true;
    }
    if (est?.deep && method === 'add') {
      const leaks = adaptedLayerLeaks([item]);
      if (leaks.length > 0) est.layerLeaks = [...(est.layerLeaks ?? []), ...leaks];
      return {};
    }
    if (item.data && !receiver.est) {
      // `xs.append(series[i:i + w])`: the list now holds rows of that data.
      // (Each of them all the rows of the labelled file, chunk by chunk: the list holds that file's rows too.)
      if (item.filePart && item.part === 'train' && !receiver.data) receiver.filePart = true;
      else if (!item.filePart) receiver.filePart = undefined;
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
    // `steps.append(TRANSFORMS[name](**spec))`: a list of fitted-to-be steps holds them (a loop over it fits each).
    if ((item.est || item.instanceOf) && !item.data && receiver.elems && !receiver.keys && !receiver.data && receiver.elems.length < 16 && !receiver.elems.includes(item)) {
      receiver.elems.push(item);
      receiver.items?.push(item);
    }
    // A record of values computed from predictions (`{"cutoff": c, "profit": p, "approval_rate": a}`) is kept under
    // its metric's key, so that another column of the table (`table["approval_rate"]`) is not taken for it.
    const metricKeys = args[0].keys?.filter((k): k is string => k !== undefined && isMetricKey(k)) ?? [];
    const score = item.score ?? (item.pred && item.part ? { part: item.part, line: call.line, metric: 'value', ...(metricKeys.length > 0 ? { keys: metricKeys } : {}) } : undefined);
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
    // `.head(10)` (or `.head()`) of a leaderboard shows its top rows; `.head(1)` takes the best.
    const shown = method === 'head' && (call.args.length === 0 || (call.args[0]?.k === 'num' && call.args[0].value > 1));
    if (shown) return { container: receiver.container, ...(receiver.ranked ? { ranked: receiver.ranked } : {}) };
    checkPick(it, receiver, call.line);
    return {};
  }
  // OGB's `dataset.get_idx_split()` / `get_edge_split()`: the official train / valid / test parts.
  if (/^get_(idx|edge)_split$/.test(method)) {
    const parts = ['train', 'val', 'test'] as const;
    return { keys: ['train', 'valid', 'test'], elems: parts.map((indexPart) => ({ indexPart })) };
  }
  // `data.test_mask.cpu().numpy()`, `mask.nonzero().squeeze()`: still that part's mask or positions.
  if (receiver.indexPart && !receiver.data && /^(cpu|numpy|to|cuda|nonzero|squeeze|view|flatten|ravel|tolist|bool|long|int|astype|reshape|detach|clone|flatnonzero)$/.test(method)) {
    return { indexPart: receiver.indexPart };
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

/**
 * `df["pscore"] = propensity.predict_proba(df[cols])[:, 1]` with the model fitted on all of `df`: a feature
 * learned from every row (a stacking or propensity feature), a leak once those rows are split.
 */
function modelFeatureLeak(it: Interpreter, est: Estimator | undefined, X: Val | undefined): Leak | undefined {
  const fitted = est?.kind === 'model' || est?.kind === 'pipeline' ? est.fittedOn : undefined;
  const whole = (p: Val['part']) => p === undefined || p === 'full';
  if (!fitted?.leak || !whole(fitted.part) || !X?.data || !whole(X.part) || !sharesOrigin(fitted.leak, X)) return undefined;
  // Cited where a helper was handed the rows (`add_propensity_score(df, ...)`), like any fit inside one.
  const name = est!.kind === 'pipeline' ? (est!.inner.at(-1) ?? est!.cls) : est!.cls;
  return citeLeak(it, X, { ...fitted.leak, what: `${name} model whose predictions become a feature`, sites: undefined });
}

/** A model trained on one fit of a transformer predicts on the output of a second fit, made on the evaluation rows. */
function reportRefit(it: Interpreter, r: NonNullable<Val['refit']>): void {
  if (it.facts.testFits.some((t) => t.line === r.line)) return;
  it.facts.testFits.push({ line: r.line, endLine: r.endLine, cls: r.cls, method: r.method, part: 'test', dataText: r.dataText, estText: r.estText, note: `the rows the model is then evaluated on, after it was fitted on the training rows at line ${r.firstLine}` });
}

/** A model fitted on all rows (test rows included) and then scored on the test rows. */
export function reportFullFit(it: Interpreter, est: Estimator): void {
  const ff = est.fullFit;
  if (!ff || it.facts.testFits.some((t) => t.line === ff.line) || it.facts.selections.some((s) => s.line === ff.line)) return;
  const at = ff.splitFile ? `${ff.splitFile}:${ff.splitLine}` : `line ${ff.splitLine}`;
  if (est.kind === 'search') {
    it.facts.selections.push({ line: ff.line, endLine: ff.endLine, kind: 'search-on-test', detail: `the search is fitted on all of \`${ff.dataText}\`, including the test rows split off at ${at}, and then scored on those test rows`, sites: ff.splitFile ? [] : [ff.splitLine] });
  } else {
    it.facts.testFits.push({ line: ff.line, endLine: ff.endLine, cls: est.cls, method: 'fit', part: 'test', dataText: ff.dataText, estText: est.cls, note: `all of \`${ff.dataText}\`, including the test rows split off at ${at}` });
  }
}

/** Records that a model was trained on rows of a split (to tell classification splits apart). */
