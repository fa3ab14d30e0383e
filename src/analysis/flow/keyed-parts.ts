// Parts kept under names: dicts keyed by part (`{"train": ..., "test": ...}`, built literally or by a
// comprehension), loops over their keys or items, and short literal tuples of parts, each run once per
// part so what happens to the test part is seen as such.
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { settingAt } from './settings.js';
import { partFromName } from './knowledge.js';
import { isRowSelection, positionalCutArg } from './pieces.js';
import { Scope } from './scope.js';
import type { Val } from './values.js';

/** Dict keys that name a part. */
export const PART_KEY = /^(train|training|val|valid|validation|test|testing|holdout|dev)$/i;

export function keyedPart(it: Interpreter, key: string | undefined, v: Val, valueExpr: Expr): Val {
  const part = key && PART_KEY.test(key) ? partFromName(key) : undefined;
  // `{"train": windows(z[:i_val]), ...}`: a helper handed a positional cut of the rows makes a split, as with names.
  const cut = part ? positionalCutArg(valueExpr) : undefined;
  const rows = v.items ? v.items.find((x) => x.data) : v.data ? v : undefined;
  if (cut && rows?.part === 'full') it.manualSplit(rows, key!, part!, cut);
  // `(features, labels)` of one part: each of them is that part's rows.
  if (part && v.items && v.items.some((x) => x.data && (x.part === undefined || x.part === 'full'))) {
    const items = v.items.map((x) => (x.data && (x.part === undefined || x.part === 'full') ? { ...x, part } : x));
    return { ...v, part, items, ...(v.elems ? { elems: items } : {}) };
  }
  if (!part || !v.data || (v.part !== undefined && v.part !== 'full') || v.items) return v;
  if (v.part === 'full' && isRowSelection(valueExpr)) it.manualSplit(v, key!, part, valueExpr);
  return { ...v, part };
}
/**
 * `for name, frame in frames.items():` over a few parts (a keyed dict or a literal list of them): the body
 * runs once per part, so a fit inside is a fit on each of them (the test part included). Likewise over a
 * model's scores and a rule's, so each is scored on its own.
 */
export function unrolled(iter: Val): Val[] | undefined {
  // `for spec in cfg["transforms"]:` over a short list of the settings: once per entry (each can name a
  // registered class or carry its own parameters).
  const listed = iter.config?.value;
  if (Array.isArray(listed) && listed.length >= 1 && listed.length <= 8) return listed.map((_, i) => settingAt(iter.config!, i) ?? {});
  // `for split in feats:` over a keyed dict of parts: once per key (`feats[split]` is then that part).
  if (iter.keys && iter.elems && iter.keys.length >= 2 && iter.keys.length <= 8 && iter.keys.every((k) => k !== undefined)) {
    const parts = new Set(iter.elems.map((v) => v.items?.find((x) => x.data)?.part ?? v.part));
    if (parts.has('test') || parts.has('val')) return iter.keys.map((k) => ({ const: k! }));
  }
  const each = iter.perIteration ?? (iter.elems && !iter.keys ? iter.elems : undefined);
  if (!each || each.length < 2 || each.length > 8) return undefined;
  const second = each.map((v) => (v.items ? v.items[1] : v));
  const parts = new Set(second.filter((v) => v?.data).map((v) => v!.part));
  // `for name, s in (("forest", scores), ("rule", test["clicks_per_min"]))`: a model's scores beside a rule's (a baseline).
  const predictions = second.some((v) => v?.pred || v?.prob);
  const rule = second.some((v) => v?.data && !v.pred && !v.prob);
  return (parts.size >= 2 && (parts.has('test') || parts.has('val'))) || (predictions && rule) ? each : undefined;
}
/**
 * `{name: Pool(df) for name, df in parts.items()}` over a keyed dict of parts: a keyed dict again, each value
 * built from its own part (so `pools["test"]` is still the test rows).
 */
export function keyedComprehension(it: Interpreter, e: Extract<Expr, { k: 'comp' }>, scope: Scope): Val | undefined {
  const [gen, ...more] = e.gens;
  if (!gen || more.length > 0 || e.elt.k !== 'other' || e.elt.items.length !== 2) return undefined;
  const iter = it.eval(gen.iter, scope);
  // `.items()` of a keyed dict, or a literal tuple of part names (`for s in ("train", "val", "test")`).
  const names = iter.items?.every((v) => typeof v.const === 'string' && PART_KEY.test(v.const)) ? iter.items : undefined;
  const each = iter.perIteration ?? names;
  if (!each || each.length === 0 || each.length > 8 || !each.every((v) => typeof (v.items?.[0]?.const ?? v.const) === 'string')) return undefined;
  const [keyExpr, valueExpr] = e.elt.items as [Expr, Expr];
  const keys: string[] = [];
  const elems: Val[] = [];
  for (const item of each) {
    const inner = new Scope(scope);
    it.assign(gen.target, item, inner, undefined);
    if (e.conds.some((c) => it.eval(c, inner).const === false)) continue;
    const key = it.eval(keyExpr, inner).const;
    if (typeof key !== 'string') return undefined;
    keys.push(key);
    elems.push(keyedPart(it, key, it.eval(valueExpr, inner), valueExpr));
  }
  return { keys, elems };
}
/**
 * `train, valid, test = (prep(p) for p in (train, valid, test))`: over a short literal tuple each item is
 * evaluated on its own, so every part keeps its identity (and a fit inside is a fit on each part).
 */
export function perItem(it: Interpreter, e: Extract<Expr, { k: 'comp' }>, scope: Scope): Val[] | undefined {
  const [gen, ...more] = e.gens;
  if (!gen || more.length > 0 || e.conds.length > 0 || gen.target.k !== 'name') return undefined;
  // `[engineer(f) for f in frames]` with `frames` a list of frames handed in (`prep.fit([train_df, holdout_df])`): one each too.
  // (A literal's items as evaluated, so `(train, *others)` counts each part the star spreads.)
  const items = gen.iter.k === 'seq' ? it.eval(gen.iter, scope).items : gen.iter.k === 'name' ? framesListed(it.eval(gen.iter, scope)) : undefined;
  if (!items || items.length < 2 || items.length > 8) return undefined;
  return items.map((item) => {
    const inner = new Scope(scope);
    it.assign(gen.target, item, inner, undefined);
    return it.eval(e.elt, inner);
  });
}

/** The frames of a list literal held by a name: rows each, in order. */
function framesListed(v: Val): Val[] | undefined {
  return v.items && v.items === v.elems && v.items.every((x) => x.data) ? v.items : undefined;
}
