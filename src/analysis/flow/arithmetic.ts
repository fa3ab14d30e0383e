// Arithmetic on values: known strings joined into paths, statistics combined into statistics, and statistics
// applied to rows (`(df - df.mean()) / df.std()`): a leak when they are of all rows, a fit on the test rows when
// they are of the test rows or of train and test put back together.
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { leakOfStatistic, recordTestFit } from './fitting.js';
import type { Scope } from './scope.js';
import { combine, type Val } from './values.js';

/** Groups of fits in one loop, kept apart from the groups of call sites (`-line`). */
const LOOP_GROUP = -1_000_000;

/** `a - b`, `x / n`, `root / "train.csv"`: known strings joined, statistics kept, statistics applied to rows. */
export function evalBinop(it: Interpreter, e: Extract<Expr, { k: 'binop' }>, scope: Scope): Val {
  const l = it.eval(e.left, scope);
  const r = it.eval(e.right, scope);
  // `Path("conf") / "train.yaml"`, `root + "/test.csv"`: a path still known.
  if (typeof l.const === 'string' && typeof r.const === 'string' && (e.op === '/' || e.op === '+')) return { const: e.op === '/' ? `${l.const.replace(/\/+$/, '')}/${r.const}` : l.const + r.const };
  // `DATA_DIR / "model_table.parquet"` under a folder only known at run time: the file is still known by its name.
  if (e.op === '/' && typeof r.const === 'string' && /\.\w{1,8}$/.test(r.const) && !l.data) return { const: r.const };
  // `PRE_FEATURES + ["avg_basket", "treated"]`: lists of names put together are one list.
  if (e.op === '+' && l.elems && r.elems && !l.keys && !r.keys && !l.data && !r.data) {
    const elems = [...l.elems, ...r.elems];
    return combine([l, r], { elems, items: elems, ...(l.openList || r.openList ? { openList: true } : {}) });
  }
  const out = combine([l, r]);
  // `y = train["claim_count"] / train["exposure"]`: a label computed from columns (judged against inputs made from them).
  const labelColumns = [l, r].flatMap((v) => (v.data && v.column !== undefined ? [v.column] : (v.labelColumns ?? [])));
  if (labelColumns.length > 0) out.labelColumns = labelColumns;
  const stat = l.stat ?? r.stat;
  const rows = l.data ? l : r.data ? r : undefined;
  // `(stats["sum"] + m * prior) / (stats["count"] + m)`: arithmetic on statistics is still a statistic.
  if (stat && !rows) return { ...out, stat };
  // `np.sum((y_true - y_true.mean()) ** 2)` in R² or NSE: the mean of observed targets inside a metric is no fit.
  const rowsText = it.src(l.data ? e.left : e.right).trim();
  // (`(Y_true - Y_true.mean(0)) / Y_true.std(0)` in a correlation: the statistic is of the observed targets too.)
  const statExpr = l.stat ? e.left : e.right;
  const statOf = statExpr.k === 'call' && statExpr.fn.k === 'attr' ? it.src(statExpr.fn.obj).trim() : '';
  const targetRows = TARGET_ROWS.test(rowsText) || TARGET_ROWS.test(statOf);
  // `abs(y[m].mean() - p[m].mean())` in a calibration error: a statistic set against predictions is a metric.
  const predictions = rows?.pred === true || rows?.prob === true;
  if (stat && rows && stat.part === 'test' && !targetRows && !predictions) statOfTestRows(it, l.stat ? e.left : e.right, stat, rows);
  // `(x_tr - mean) / std` with the statistics of `np.concatenate([x_tr, x_va, x_te])`: learned from the test rows too,
  // applied to a part already split off (judged once what it shapes reaches a model).
  if (stat?.withTest !== undefined && rows && rows.withTest === undefined && rows.part !== undefined && rows.part !== 'full' && !targetRows && !predictions) {
    combinedStatistic(it, stat, { ...rows, withTest: stat.withTest }, out);
    return out;
  }
  // Statistics of rows already split off (`train - train.mean()`) are not a leak across the split.
  // (A statistic of other rows, a reference panel or an external corpus, read from another file, learns nothing of these.)
  const otherRows = stat?.origins?.length && rows?.origins?.length && !stat.origins.some((o) => rows.origins!.includes(o));
  if (stat && rows && (stat.part === undefined || stat.part === 'full') && !otherRows) {
    if (rows.withTest !== undefined && !targetRows && !predictions) combinedStatistic(it, stat, rows, out);
    else out.leaks = [...(out.leaks ?? []), leakOfStatistic(it, rows, stat)];
  }
  return out;
}

const TARGET_ROWS = /^(y|t|yt|tgt|y_\w+|\w+_y|targets?|truth|true|gt|gold|ground_truth|labels?|obs\w*|actual\w*|observed\w*)$/i;

/**
 * `(df - df.mean()) / df.std()` on train and test rows put back together (`pd.concat([X_train, X_test])`): the
 * statistics are learned from the test rows, once what they shape reaches a model (a plot of them is EDA).
 */
function combinedStatistic(it: Interpreter, stat: NonNullable<Val['stat']>, rows: Val, out: Val): void {
  const pending = out.combinedFit ?? rows.combinedFit ?? { used: false };
  const estText = stat.ofText ?? 'rows';
  const method = stat.what.replace(/\(\)$/, '');
  const fit = { line: stat.line, endLine: stat.endLine, cls: 'statistics', method, part: 'test' as const, dataText: '', estText, note: `rows that include the test set (combined at line ${rows.withTest})`, group: rows.withTest, pending };
  if (!it.facts.testFits.some((t) => t.line === fit.line && t.cls === 'statistics')) recordTestFit(it, rows, fit);
  out.combinedFit = pending;
}

/** `(test - test.mean()) / test.std()`: statistics learned from the test rows (cited at a helper's call). */
function statOfTestRows(it: Interpreter, statExpr: Expr, stat: NonNullable<Val['stat']>, rows: Val): void {
  if (statExpr.k !== 'call' || statExpr.fn.k !== 'attr') return;
  noteTestStatistic(it, stat, rows, it.src(statExpr.fn.obj), statExpr.fn.attr);
}

/** Statistics of the test rows applied to them (`test.fillna(self.medians_)` after a fit on test): a fit on test. */
export function noteTestStatistic(it: Interpreter, stat: NonNullable<Val['stat']>, rows: Val, estText: string, method: string): void {
  const fit = { line: stat.line, endLine: stat.endLine, cls: 'statistics', method, part: 'test' as const, dataText: '', estText, note: 'the test rows (their own statistics)' };
  if (!it.callSiteFor(rows)) {
    if (it.facts.testFits.some((t) => t.line === stat.line && t.cls === 'statistics')) return;
    // A loop over the parts that fits an encoder on each and counts frequencies on each: one root cause.
    const loop = it.loops[0]?.stmt;
    const sibling = loop && it.facts.testFits.find((t) => t.line >= loop.line && t.line <= loop.endLine);
    if (sibling) {
      sibling.group = sibling.group ?? LOOP_GROUP - sibling.line;
      it.facts.testFits.push({ ...fit, group: sibling.group });
      return;
    }
  }
  recordTestFit(it, rows, fit);
}
