// Choices made on test data, found in control flow: a loop that keeps the best test score
// (`if score > best: best = ...`), two test scores compared to pick one, or the best of collected
// test scores taken with max()/argmax(). Comparisons that only print or warn choose nothing.
import type { Expr, Stmt } from '../python/ast.js';
import { dotted } from '../python/ast.js';
import { recordSelection } from './fitting.js';
import type { Interpreter } from './interpreter.js';
import { isMetricKey } from './knowledge.js';
import { targetNames } from './pieces.js';
import type { Score, Val } from './values.js';

/** `if test_score > best: best = ...` inside a loop, or two test scores compared to pick one. */
export function checkSelection(it: Interpreter, s: Extract<Stmt, { k: 'if' }>, test: Extract<Expr, { k: 'compare' }>, vals: Val[]): void {
  if (!test.ops.some((o) => /[<>]/.test(o))) return;
  const [a, b] = test.items as [Expr, Expr];
  const va = vals[0] ?? {};
  const vb = vals[1] ?? {};
  const isTestScore = (v: Val) => (v.part ?? v.score?.part) === 'test' && (v.score !== undefined || v.pred === true);
  // What the branch keeps: `best = ...`, `self.best = ...`, or `best["auc"] = ...` (a record of the best).
  // (`best[name]["f1"]`, a record per candidate: the record kept is `best`.)
  const kept = (e: Expr): string | undefined => dotted(e) ?? (e.k === 'sub' ? kept(e.obj) : undefined);
  const assigned = new Set(s.body.flatMap((st) => (st.k === 'assign' ? st.targets.flatMap((t) => (t.k === 'sub' ? [kept(t)].filter((x): x is string => !!x) : targetNames(t))) : [])));
  const keeps = (e: Expr) => {
    const d = kept(e);
    return d !== undefined && assigned.has(d);
  };
  const scoreLine = (v: Val) => v.score?.line ?? s.line;
  // Two test scores compared to warn or log (`if acc_model <= acc_dummy: log.warning(...)`) choose nothing.
  if (isTestScore(va) && isTestScore(vb) && !onlyReports(s)) {
    it.facts.selections.push({ line: Math.min(scoreLine(va), scoreLine(vb)), endLine: s.line, kind: 'compare-scores', detail: `\`${it.src(test)}\` compares scores measured on the test set`, sites: [s.line] });
    return;
  }
  if (!it.inLoop()) return;
  // (Or worked out by hand from test rows, `acc = correct / total`, under a metric's name.)
  const handScore = (v: Val, e: Expr) => v.part === 'test' && v.data === true && !v.score && e.k === 'name' && isMetricKey(e.id);
  for (const [score, other, scoreExpr] of [[va, b, a], [vb, a, b]] as [Val, Expr, Expr][]) {
    if ((isTestScore(score) || handScore(score, scoreExpr)) && keeps(other)) {
      // A score computed inside a helper (`rmse(test, fc)` returning it) is cited in the loop, at the comparison.
      const loop = it.loops[it.loops.length - 1]?.stmt;
      const measured = scoreLine(score);
      const line = loop && (score.score?.file ?? it.path) === it.path && measured >= loop.line && measured <= loop.endLine ? measured : s.line;
      // A trainer's loop keeping the best score on the loader a caller handed it is cited at that call.
      recordSelection(it, score, { line: Math.min(line, s.line), endLine: Math.max(line, s.line), kind: 'keep-best', detail: `\`${it.src(scoreExpr)}\` is measured on the test set and the loop keeps the best one (\`${it.src(test)}\`)`, sites: line === s.line ? [] : [s.line] });
      return;
    }
  }
  // The best score on other held-out rows (validation, an "eval" loader): a choice on the test set only if
  // nothing else is held out and those rows are reported at the end (judged over the project).
  // (Rows of a file never split, `np.load("ds2.npz")`, are held out when the network never trained on them.)
  const neverTrainedOn = (origins: readonly number[]) => !origins.some((o) => it.facts.trainedOn.some((t) => t.origins.includes(o)) || it.facts.fits.some((f) => f.origins?.includes(o)));
  for (const [score, other, scoreExpr] of [[va, b, a], [vb, a, b]] as [Val, Expr, Expr][]) {
    const part = score.part ?? score.score?.part;
    if (!score.score || part === 'train' || part === 'test' || score.dev || !score.origins?.length || !keeps(other) || (score.score.file ?? it.path) !== it.path) continue;
    if (part === 'full' && !neverTrainedOn(score.origins)) continue;
    it.facts.heldOutChoices.push({ line: s.line, endLine: s.line, kind: 'keep-best', part, origins: score.origins, after: it.loops[it.loops.length - 1]?.stmt.endLine ?? s.endLine, detail: `\`${it.src(scoreExpr)}\` is measured on the only held-out rows and the loop keeps the best one (\`${it.src(test)}\`)`, sites: [] });
    return;
  }
}


/** `max(scores)`, `np.argmax(scores)`, `max(results, key=results.get)` over scores of test data. */
export function checkPick(it: Interpreter, container: Val | undefined, line: number): void {
  const scores = container?.container?.scores.filter((sc: Score) => sc.part === 'test') ?? [];
  const first = scores[0];
  if (!first) return;
  // Picked again elsewhere (a leaderboard's best, then the grid's idxmax): one root cause, the pick as a site.
  const known = it.facts.selections.find((sel) => sel.line === first.line);
  if (known) {
    if (line !== known.line && !known.sites.includes(line)) known.sites.push(line);
    return;
  }
  // The loop that collected them already keeps the best test score: one root cause, one finding.
  if (it.facts.selections.some((sel) => sel.kind === 'keep-best')) return;
  // Scores computed in a helper of another file (`ranking_metrics(y_test, p)`): cited at the pick, here.
  if ((first.file ?? it.path) !== it.path) {
    it.facts.selections.push({ line, endLine: line, kind: 'pick-best', detail: 'scores measured on the test set are collected and the best one is picked', sites: [], elsewhere: [{ file: first.file!, line: first.line }] });
    return;
  }
  it.facts.selections.push({ line: first.line, endLine: first.line, kind: 'pick-best', detail: 'scores measured on the test set are collected and the best one is picked', sites: [line] });
}
/** `thr[np.argmax(f1s)]` with `prec, rec, thr = precision_recall_curve(y_test, p)`: a threshold picked on the test rows. */
export function checkCurvePick(it: Interpreter, curve: Score, line: number): void {
  if (curve.part !== 'test' || it.facts.selections.some((sel) => sel.kind === 'threshold')) return;
  // In a helper handed the scores (`threshold_for_sensitivity(y_thr, p_thr, 0.8)`): cited at that call, where the
  // rows were chosen, the curve inside as a site.
  const nearest = it.frames[it.frames.length - 1];
  if (nearest?.handsOver) {
    const facts = it.factsOf(nearest.path);
    if (facts.selections.some((sel) => sel.kind === 'threshold' && sel.line === nearest.line)) return;
    facts.selections.push({ line: nearest.line, endLine: nearest.endLine, kind: 'threshold', detail: `the decision threshold is picked on \`${curve.metric}\` of the test set, in the helper this call runs`, sites: [], elsewhere: [{ file: curve.file ?? it.path, line: curve.line }] });
    return;
  }
  const elsewhere = (curve.file ?? it.path) !== it.path;
  it.facts.selections.push({
    line: elsewhere ? line : curve.line,
    endLine: elsewhere ? line : curve.line,
    kind: 'threshold',
    detail: `the decision threshold is picked at the best point of \`${curve.metric}\` measured on the test set`,
    sites: elsewhere || line === curve.line ? [] : [line],
    ...(elsewhere ? { elsewhere: [{ file: curve.file!, line: curve.line }] } : {}),
  });
}

const REPORTING_CALL = /^(print|log|info|debug|warning|warn|error|critical|exception|echo|write|display|pprint)$/;

/** A branch whose statements only print, log, warn, raise or assert: it reports a comparison, it does not act on it. */
function onlyReports(s: Extract<Stmt, { k: 'if' }>): boolean {
  const reports = (st: Stmt): boolean =>
    (st.k === 'expr' && st.value.k === 'call' && REPORTING_CALL.test(st.value.fn.k === 'attr' ? st.value.fn.attr : st.value.fn.k === 'name' ? st.value.fn.id : '')) ||
    (st.k === 'other' && /^(raise|assert|pass)$/.test(st.keyword)) ||
    (st.k === 'if' && st.body.every(reports) && st.orelse.every(reports));
  return s.body.every(reports) && s.orelse.every(reports);
}
