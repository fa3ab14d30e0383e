// Functions of the review read by their names, when the dataflow alone cannot say what they return: the
// project's own metrics (`fov_accuracy`, `jaccard_dice`), business objectives (`incremental_profit`), and
// normalisation statistics of the files a frame lists (`compute_channel_stats`). Each reading has a test where
// it must stay silent (row-wise `row_stats`, statistics of the training part, an objective on validation rows).
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { wholeRows, type Leak, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

const STATS_FUNCTION = /(^|_)(stats|statistics|mean_std|mean_and_std|moments)(_|$)|^_?(compute|calc|calculate|get|estimate|fit)_(\w+_)?(mean|std|norm|normali[sz]ation)(_\w+)?$/i;
const PROJECT_METRIC = /^_?(\w+_)?(accuracy|acc|f1|f1_score|auc|roc_auc|dice|iou|jaccard|rmse|mae|mse|mape|smape|wape|ndcg|precision|recall|kappa|mcc|brier|csi)(_\w+)?$/i;
const BUSINESS_OBJECTIVE = /^_?(\w+_)?(profit|profits|revenue|gain|gains|savings|payoff|utility|net_benefit|expected_value|roi|cost|costs|reward|uplift_value)(_\w+)?$/i;

/** What a call of the project function `name` returned (`out`), read by its name; undefined when the name says nothing. */
export function readByName(it: Interpreter, call: Call, name: string, args: Val[], out: Val): Val | undefined {
  // `incremental_profit(test, frac)`: the project's own business objective measured on held-out rows is a score
  // (collected over a grid and maximised, it picks the grid value on those rows).
  const scored = args.find((a) => a.data && (a.part === 'test' || a.part === 'val'));
  if (scored && !out.score && !out.data && BUSINESS_OBJECTIVE.test(name)) {
    return { ...out, score: { part: scored.part, line: call.line, metric: name, file: it.path } };
  }
  // `fov_accuracy(probs, vessels, fovs)`, `dice(pred, mask)`: the project's own metric, written by hand, is an evaluation.
  const rows = scored ?? args.find((a) => a.data && a.part !== undefined);
  if (rows && !out.score && PROJECT_METRIC.test(name)) {
    it.facts.evals.push({ line: call.line, part: rows.part, metric: name, kind: /(^|_)acc(uracy)?(_|$)/i.test(name) && !/balanced/i.test(name) ? 'accuracy' : 'other' });
    return { ...out, score: { part: rows.part, line: call.line, metric: name, file: it.path } };
  }
  // `compute_channel_stats(df.image_path.tolist())`: normalisation statistics of every image the frame lists,
  // before the frame is split; datasets of the parts normalised with them carry them (see transformOfParts).
  // (Or of a Dataset object handed whole, `compute_norm_stats(dataset)` before `random_split(dataset, ...)`.)
  const dataset = args.find((a) => a.instanceOf !== undefined && a.attrs !== undefined && !a.data);
  // (Or features kept per sample in a dict, `compute_global_stats(features.values())`: its entries are the samples.)
  const whole = (a: Val) => a.data === true && wholeRows(a) && !!a.origins?.length;
  const listed = args.find(whole) ?? args.flatMap((a) => (a.data ? [] : (a.elems ?? []))).find(whole) ?? (dataset ? { ...dataset, origins: [it.originOf(dataset)] } : undefined);
  // (Not row-wise features such as `row_stats(df)`, a frame of new columns; statistics come back as a tuple or scalars.)
  const rowWise = /(^|_)(rows?|rowwise|per_row|per_sample)(_|$)/i.test(name) || (out.data === true && !out.items);
  if (listed && !rowWise && STATS_FUNCTION.test(name)) {
    const leak: Leak = { kind: 'preprocess', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `${name}()`, stmtText: it.stmt ? it.src(it.stmt) : undefined, origins: listed.origins, ofListedFiles: true };
    // What it returns are statistics (means, deviations), not rows, whatever the arithmetic that made them.
    const carry = (v: Val): Val => ({ leaks: [...(v.leaks ?? []), leak], ...(v.elems ? { elems: v.elems } : {}), ...(v.stat ? { stat: v.stat } : {}) });
    return out.items ? { ...carry(out), items: out.items.map(carry) } : carry(out);
  }
  return undefined;
}
