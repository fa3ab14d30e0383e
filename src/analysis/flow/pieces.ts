// Assignment helpers of the dataflow: target names, what a loop yields, row selections, and the
// parts of the pieces a shuffled index is cut into.
import type { Expr } from '../python/ast.js';
import { dotted } from '../python/ast.js';
import { partFromName, type Part } from './knowledge.js';
import { derive, type Val } from './values.js';

export function targetNames(e: Expr): string[] {
  if (e.k === 'name') return [e.id];
  if (e.k === 'seq') return e.items.flatMap(targetNames);
  if (e.k === 'star') return targetNames(e.value);
  const d = dotted(e);
  return d ? [d] : [];
}

/** What one iteration of a loop over `v` yields. */
export function iterate(v: Val): Val {
  if (v.iterItems) return { items: v.iterItems };
  // `for key, rows in df.groupby("garage")`: each group's rows, with what is known of the frame.
  if (v.grouped) return { items: [{}, derive(v, { grouped: undefined, data: true })] };
  if (v.elems && v.elems.length > 0) return v.elems.find((x) => x.est) ?? v.elems[0] ?? {};
  if (v.data) {
    const batch = derive(v);
    batch.items = [derive(v), derive(v), derive(v)];
    return batch;
  }
  return v.items ? { items: v.items } : {};
}

/** Row selections that can carve a part out of a frame (`df[mask]`, `df.iloc[:n]`, `df.sample()`, `df.drop(train.index)`). */
export function isRowSelection(e: Expr): boolean {
  if (e.k === 'sub') return true;
  // `filter` is polars' row selection (and Spark's); `where` keeps rows in pandas/polars too.
  if (e.k === 'call' && e.fn.k === 'attr') return /^(sample|drop|query|head|tail|loc|iloc|filter|slice)$/.test(e.fn.attr) || isRowSelection(e.fn.obj);
  if (e.k === 'attr') return isRowSelection(e.obj);
  return false;
}

/**
 * `fit_idx, test_idx = order[:cut], order[cut:]`: pieces of one shuffled index. Names decide where
 * they announce a part; an unnamed piece next to a named training piece is the held-out one (and the
 * other way round); with no names at all, the first piece trains and the last one tests, like
 * `train_test_split`.
 */
export function assignPieces(targets: readonly Expr[], items: readonly Val[]): readonly Val[] {
  const ids = items.map((v) => (v.perm && !v.data && !v.indexPart ? v.perm.id : undefined));
  if (items.length < 2 || targets.length !== items.length || ids[0] === undefined || ids.some((id) => id !== ids[0])) return items;
  const named = targets.map((t) => (t.k === 'name' ? partFromName(t.id) : undefined));
  const known = new Set(named.filter((p): p is Part => p !== undefined));
  const unnamed = named.filter((p) => p === undefined).length;
  return items.map((v, i) => {
    let part = named[i];
    if (!part) {
      if (unnamed === 1 && known.has('train')) part = known.has('test') ? 'val' : 'test';
      else if (unnamed === 1 && (known.has('test') || known.has('val'))) part = 'train';
      else if (known.size === 0) part = i === 0 ? 'train' : i === items.length - 1 ? 'test' : 'val';
    }
    return part ? { ...v, indexPart: part } : v;
  });
}

/**
 * A split made by hand with one piece unnamed: beside pieces named test or validation it holds the rest,
 * the training (development) part (`hist, test = df[df.ts < cut], df[df.ts >= cut]`); beside a piece
 * named for training it is the held-out part (`fit_part, eval_part = df.iloc[:cut], df.iloc[cut:]`).
 */
export function unnamedPiecePart(targets: Expr[], exprs: Expr[], partOf: (name: string) => Part | undefined = partFromName): { index: number; part: Part } | undefined {
  if (!exprs.every(isRowSelection) || !targets.every((t) => t.k === 'name')) return undefined;
  const parts = targets.map((t) => (t.k === 'name' ? partOf(t.id) : undefined));
  const unnamed = parts.flatMap((p, i) => (p === undefined ? [i] : []));
  if (unnamed.length !== 1) return undefined;
  const named = parts.filter((p): p is Part => p !== undefined);
  if (named.length > 0 && named.every((p) => p === 'test' || p === 'val')) return { index: unnamed[0]!, part: 'train' };
  if (named.length > 0 && named.every((p) => p === 'train')) return { index: unnamed[0]!, part: 'test' };
  return undefined;
}

/** `x[:k]`, `df.iloc[:k]`: the first rows, up to a cut. */
export function isHeadSlice(e: Expr | undefined): boolean {
  const i = e?.k === 'sub' && e.index.length === 1 ? e.index[0]! : undefined;
  return i?.k === 'slice' && i.lower === undefined && i.upper !== undefined;
}

/** `z[t - L:t]`: rows between two bounds (a window), not a part cut at one point. */
export function isWindowSlice(e: Expr | undefined): boolean {
  const i = e?.k === 'sub' && e.index.length === 1 ? e.index[0]! : undefined;
  return i?.k === 'slice' && i.lower !== undefined && i.upper !== undefined;
}

/** `make_windows(arr[:cut])`: the argument of a call that is a positional cut of rows, if any. */
export function positionalCutArg(e: Expr | undefined): Expr | undefined {
  return e?.k === 'call' ? e.args.find((a) => a.k === 'sub' && a.index.some((i) => i.k === 'slice')) : undefined;
}
