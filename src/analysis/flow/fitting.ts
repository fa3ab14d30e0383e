// fit / fit_transform / fit_resample / transform: where statistics are learned and where they go.
import type { Expr } from '../python/ast.js';
import { isConst, kwarg } from '../python/ast.js';
import { noteFitUse } from './calls.js';
import type { Interpreter } from './interpreter.js';
import { LABEL_ENCODERS } from './knowledge.js';
import type { Scope } from './scope.js';
import { addLeak, derive, type Estimator, type Leak, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Label columns by the usual names: encoding a target on all rows is harmless. */
const TARGET_TEXT = /^(y|y_\w+|\w+_y|target|targets|label|labels|class|classes|outcome)$|\[\s*['"](target|label|labels|class|y|outcome|survived|species|churn)['"]\s*\]|\[\s*(TARGET|LABEL|target_col|label_col|TARGET_COL|target)\s*\]/i;

export function fitEstimator(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>, scope: Scope): Val {
  void scope;
  const X = args[0] ?? kwargs.get('X') ?? kwargs.get('x');
  const xExpr = call.args[0] ?? call.kwargs.find((k) => k.name === 'X' || k.name === 'x')?.value;
  const xText = xExpr ? it.src(xExpr) : '';
  const est = receiver.est;
  const heldOut = X?.part === 'test' || X?.part === 'val';
  const result = (): Val => (method === 'fit' || method === 'fit_on_texts' || method === 'adapt' || method === 'partial_fit' ? receiver : derive(X, { data: true }));

  if (!est) {
    if (heldOut && X?.part && call.fn.k === 'attr' && method !== 'partial_fit') {
      const estText = it.src(call.fn.obj);
      if (!/^(self\.)?(trainer|learner)$/.test(estText)) {
        it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: estText, method, part: X.part, dataText: xText, estText });
      }
    }
    return result();
  }

  if ((est.kind === 'search' || est.kind === 'model' || est.kind === 'pipeline') && X?.part === 'full' && X.splitAt !== undefined && X.splitAt < call.line) {
    est.fullFit = { line: call.line, endLine: call.endLine, splitLine: X.splitAt, dataText: xText };
  }
  if (est.kind === 'search') {
    it.facts.cvLines.push(call.line);
    it.reportLeak(X, { line: call.line, kind: 'search', sinkText: it.stmt ? it.src(it.stmt) : undefined });
    if (X?.part === 'test') {
      it.facts.selections.push({ line: call.line, endLine: call.endLine, kind: 'search-on-test', detail: `\`${it.src(call.fn)}\` tunes hyperparameters on \`${xText}\`, the test set`, sites: [] });
    }
    noteFitUse(it, est, X);
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: X?.part, splitIds: X?.splitIds ?? [] });
    return result();
  }

  if (LABEL_ENCODERS.has(est.cls) && TARGET_TEXT.test(xText.trim())) return result();

  if (heldOut && X?.part) {
    it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: est.cls, method, part: X.part, dataText: xText, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : est.cls });
    return result();
  }

  if (est.kind === 'preprocess' && X?.withTest !== undefined) {
    // Train and test rows put back together and fitted as one: the test rows are learned from.
    it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: est.cls, method, part: 'test', dataText: xText, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : est.cls, note: `rows that include the test set (combined at line ${X.withTest})`, group: X.withTest });
    return result();
  }
  if (est.kind === 'preprocess') {
    const leak: Leak = {
      kind: 'preprocess',
      line: call.line,
      endLine: it.stmt?.endLine ?? call.endLine,
      what: est.cls,
      objText: call.fn.k === 'attr' ? it.src(call.fn.obj) : undefined,
      stmtText: it.stmt ? it.src(it.stmt) : undefined,
      dataText: xText,
    };
    est.fittedOn = { part: X?.part, line: call.line, leak };
    const out = result();
    if (out !== receiver) addLeak(out, leak);
    return out;
  }

  if (est.kind === 'model' || est.kind === 'pipeline') {
    it.facts.fits.push({ line: call.line, endLine: call.endLine, est, part: X?.part, splitIds: X?.splitIds ?? [] });
    noteFitUse(it, est, X);
    checkValidationArgs(it, call, est, kwargs);
  }
  return result();
}

/** Keras `validation_data`, boosting `eval_set` + early stopping: held-out data steering training. */
function checkValidationArgs(it: Interpreter, call: Call, est: Estimator, kwargs: Map<string, Val>): void {
  const valData = kwargs.get('validation_data');
  const valSplit = kwarg(call, 'validation_split');
  const callbacks = kwarg(call, 'callbacks');
  const early = callbacks !== undefined && /EarlyStopping|early_stopping|ModelCheckpoint/.test(it.src(callbacks));
  const firstOf = (v: Val | undefined) => v?.items?.[0] ?? v;
  if (valData || valSplit || est.deep || kwarg(call, 'epochs')) {
    it.facts.kerasFits.push({ line: call.line, endLine: call.endLine, validation: valData !== undefined || (valSplit !== undefined && !isConst(valSplit, 'None')), earlyStopping: early });
  }
  if (valData && firstOf(valData)?.part === 'test') {
    const text = it.src(call.kwargs.find((k) => k.name === 'validation_data')!.value);
    it.facts.selections.push({ line: call.line, endLine: call.endLine, kind: 'validation-data', detail: `\`validation_data=${text}\` is the test set${early ? ', and callbacks stop or checkpoint on it' : ''}`, sites: [] });
  }
  const evalSet = kwargs.get('eval_set');
  if (evalSet) {
    const sets = evalSet.elems ?? [evalSet];
    const onTest = sets.some((s) => firstOf(s)?.part === 'test');
    const ctorEarly = est.call.k === 'call' && est.call.kwargs.some((k) => k.name === 'early_stopping_rounds' || k.name === 'n_iter_no_change');
    const catboostBest = /^CatBoost/.test(est.cls) && !isConst(kwarg(call, 'use_best_model'), 'False') && !(est.call.k === 'call' && isConst(kwarg(est.call, 'use_best_model'), 'False'));
    const fitEarly = kwarg(call, 'early_stopping_rounds') !== undefined || early;
    if (onTest && (ctorEarly || fitEarly || catboostBest)) {
      const text = it.src(call.kwargs.find((k) => k.name === 'eval_set')!.value);
      it.facts.selections.push({ line: call.line, endLine: call.endLine, kind: 'eval-set', detail: `\`eval_set=${text}\` is the test set and ${catboostBest && !ctorEarly && !fitEarly ? 'CatBoost keeps the best iteration on it (use_best_model)' : 'early stopping picks the number of trees on it'}`, sites: ctorEarly ? [est.line] : [] });
    }
  }
}

export function fitResample(it: Interpreter, call: Call, receiver: Val, args: Val[]): Val {
  const [X, y] = args;
  const est = receiver.est;
  const xText = call.args[0] ? it.src(call.args[0]) : '';
  if (X?.part === 'test' || X?.part === 'val') {
    it.facts.testFits.push({ line: call.line, endLine: call.endLine, cls: est?.cls ?? 'resampler', method: 'fit_resample', part: X.part, dataText: xText, estText: call.fn.k === 'attr' ? it.src(call.fn.obj) : '' });
    return { items: [derive(X, { data: true }), derive(y, { data: true })] };
  }
  const outX = derive(X, { data: true });
  const outY = derive(y, { data: true });
  if (est?.kind === 'oversample') {
    const leak: Leak = { kind: 'oversample', line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: est.cls, objText: call.fn.k === 'attr' ? it.src(call.fn.obj) : undefined, stmtText: it.stmt ? it.src(it.stmt) : undefined, dataText: xText };
    addLeak(outX, leak);
    addLeak(outY, leak);
  }
  return { items: [outX, outY] };
}

export function transformWith(it: Interpreter, call: Call, receiver: Val, args: Val[]): Val {
  const X = args[0];
  const out = derive(X, { data: true });
  const fitted = receiver.est?.fittedOn;
  if (receiver.est?.kind === 'preprocess' && fitted?.leak) {
    addLeak(out, fitted.leak);
    if (fitted.part === 'full' && (X?.part === 'train' || X?.part === 'test' || X?.part === 'val')) {
      it.reportLeak({ leaks: [fitted.leak] }, { line: call.line, kind: 'transform', sinkText: it.stmt ? it.src(it.stmt) : undefined });
    }
  }
  return out;
}
