// Transformers written in the project (`class WoEBinner: fit / transform`, sklearn-style custom steps): a class
// whose `fit` stores statistics of the rows it is handed is judged like a library preprocessor, so fitting it
// on all rows before a split (or its target statistics before CV) is a leak as a StandardScaler's would be.
// Stateless custom steps (`fit` that only returns self, or stores column names) learn nothing and are left alone.
import type { Stmt } from '../python/ast.js';
import type { ClassRef, Estimator } from './values.js';

type Def = Extract<Stmt, { k: 'def' }>;

/** Statistics a `fit` may compute, directly or through the class's own helper methods. */
const LEARNS = /\.(mean|median|std|var|quantile|sum|count|agg|aggregate|value_counts|nunique|mode|groupby|cov|corr|fit|fit_transform|cumsum)\(|\bnp\.(nan)?(mean|median|std|var|quantile|percentile|histogram|bincount|unique)\(|\bnp\.(nan)?(min|max)\(/;
/** `self.upper_ = ...`, `self.tables_[col] = ...`, `self.stats += ...`. */
const STORES = /\bself\.\w+(\s*\[[^\]\n]*\])?\s*(\+|-)?=(?!=)/;

const memo = new WeakMap<Extract<Stmt, { k: 'class' }>, Estimator | null>();

/** The preprocessor estimator a class of the review stands for, or undefined when it is no learned transformer. */
export function projectTransformer(cls: ClassRef): Estimator | undefined {
  const known = memo.get(cls.def);
  if (known !== undefined) return known ?? undefined;
  const found = judge(cls);
  memo.set(cls.def, found ?? null);
  return found;
}

function judge(cls: ClassRef): Estimator | undefined {
  const defs = new Map(cls.def.body.filter((s): s is Def => s.k === 'def').map((d) => [d.name, d]));
  const fit = defs.get('fit');
  if (!fit || !defs.has('transform') || defs.has('predict') || defs.has('predict_proba') || defs.has('forward')) return undefined;
  const text = (d: Def) => cls.ctx.text.slice(d.start, d.end);
  const fitText = text(fit);
  if (!STORES.test(fitText)) return undefined;
  // What fit computes, with the private helpers it calls on self (`self._numeric_edges(x)`).
  const helpers = [...fitText.matchAll(/\bself\.(_\w+)\(/g)].map((m) => defs.get(m[1]!)).filter((d): d is Def => d !== undefined);
  if (!LEARNS.test([fitText, ...helpers.map(text)].join('\n'))) return undefined;
  const call = { line: cls.def.line, endLine: cls.def.line, start: cls.def.start, end: cls.def.start, k: 'name' as const, id: cls.def.name };
  return { cls: cls.def.name, line: cls.def.line, endLine: cls.def.line, kind: 'preprocess', call, inner: [], project: true };
}
