// Assignment: binding a value to a name, the pieces of a tuple, an attribute or a subscript. A name
// also says what rows it holds (`X_test`, `hold`, `fit_df`), which is where most of the part-naming
// judgement of the dataflow lives.

import type { Expr } from '../python/ast.js';
import { calleeName } from '../python/ast.js';
import { leakOfStatistic } from './fitting.js';
import { guessFromName, type Interpreter } from './interpreter.js';
import { keyedPart } from './keyed-parts.js';
import { DATE_VALUE, isDevName, LOADERS, temporalPart, type Part } from './knowledge.js';
import { noteLabelSource } from './label-sources.js';
import { assignPieces, isRowSelection, isWindowSlice, positionalCutArg, targetNames, unnamedPiecePart } from './pieces.js';
import type { Scope } from './scope.js';
import { absorb, addLeak, derive, type Val } from './values.js';

/** scikit-learn's dataset functions (`fetch_california_housing`, `load_diabetes`, `make_classification`). */
function isBundledDataset(it: Interpreter, name: string | undefined): boolean {
  if (!name || !/^(fetch|load|make)_\w+$/.test(name)) return false;
  return new RegExp(`\\bsklearn\\.datasets\\b[^\\n]*\\b${name}\\b|\\bdatasets\\.${name}\\(`).test(it.text);
}

function readsRows(name: string | undefined): boolean {
  return name !== undefined && (LOADERS.has(name) || /^(read|load|fetch)_\w+$/.test(name));
}

/** Binds a value to an assignment target, mutating the receiver for `df[...] = v` and `self.x = v`. */
export function assignTo(it: Interpreter, target: Expr, value: Val, scope: Scope, valueExpr: Expr | undefined, impliedPart?: Part): void {
  switch (target.k) {
    case 'name': {
      let v = value;
      // `train_end = udates[k]`, `test_start = dates[cut]`: a boundary of a part, not its rows.
      const boundary = /(^|_)(start|end|begin|cutoff|cut|boundary|date|day|year|month)(_|$)/i.test(target.id);
      // Names of periods (`past`, `hist`, `future`) name parts cut from rows, not files read whole; and
      // `hist = z[t - LOOKBACK:t]`, a window of both bounds, is a sample's history, not the training period.
      // (`hist = prepare(pd.read_csv(path))`: a helper over a file read whole is still the whole file.)
      const readWhole = valueExpr?.k === 'call' && (/^(read_\w+|load|load_\w+|fetch\w*)$/.test(calleeName(valueExpr) ?? '') || valueExpr.args.some((a) => a.k === 'call' && /^(read_\w+|load_\w+|fetch\w*)$/.test(calleeName(a) ?? '')));
      // (Nor does a piece of one sample, `oot = np.r_[f[:128], f[-128:]]` (out of transit) in a helper run per curve.)
      const periodCut = !readWhole && !isWindowSlice(valueExpr) && !it.inPerItemCall();
      // `cal = fetch_california_housing(as_frame=True)`: a library's bundled dataset is all of it, whatever it is called.
      const bundled = valueExpr?.k === 'call' && isBundledDataset(it, calleeName(valueExpr));
      const named = boundary || bundled ? undefined : it.namedPart(target.id) ?? impliedPart ?? (periodCut ? temporalPart(target.id) : undefined);
      // `X_test, y_test = joblib.load("test_split.joblib")`: rows from a call the analyzer cannot see into,
      // known only by the name they are given.
      // Constants (`TEST_START = datetime(...)`) and names of dates, sizes or paths are not rows.
      const rowsName = !/^[A-Z0-9_]+$/.test(target.id) && !isDevName(target.id) && !/start|end|cutoff|date|day|year|month/i.test(target.id) && guessFromName(target.id).data === true;
      const loaded = it.stmt?.k === 'assign' && it.stmt.value?.k === 'call' && /^(load|loads|read\w*|fetch\w*|load_\w+|unpickle)$/.test(calleeName(it.stmt.value) ?? '');
      if (Object.values(v).every((x) => x === undefined) && rowsName && loaded && (named === 'test' || named === 'val' || named === 'train') && it.namedPart(target.id) === named) {
        v = { data: true, part: named, origins: [it.nextOrigin()] };
      }
      // `tr, va, te = scaffold_split(mols, 0.8, 0.1)`: what a splitting helper returns, unknown here, are the parts'
      // row indices when named for them.
      const splitHelper = it.stmt?.k === 'assign' && it.stmt.value?.k === 'call' && /split/i.test(calleeName(it.stmt.value) ?? '');
      const opaque = Object.entries(v).every(([k, x]) => x === undefined || (k === 'container' && (x as { scores: unknown[] }).scores.length === 0));
      if (splitHelper && opaque && named && named !== 'full' && named === it.namedPart(target.id) && !isDevName(target.id)) v = { indexPart: named };
      // `test = sales[sales.date > CUT]` of a frame read from `train.csv`: the labelled file, split by hand.
      // (So is `valid_dl = DataLoader(Windows(sales, va_t))` of it: windows of its validation period.)
      // (And rows of no known split named for the training period, `X_te = make_windows(scaled, split_t, n)` cut from it.)
      // (Not under a name that also says training, `tr_te`, `train_valid`, `hist_valid`: training rows encoded or extended.)
      const alsoTrain = /(^|_)(tr|trn|train|training|fit|hist|history|past|dev)(_|$)|^(tr|train)[A-Z]/i.test(target.id);
      const heldOutName = (named === 'test' || named === 'val') && !alsoTrain;
      const splitOfTrainFile = v.filePart === true && v.part === 'train' && heldOutName && valueExpr !== undefined && (isRowSelection(valueExpr) || !readWhole);
      const carved = !splitOfTrainFile && v.data && v.part === 'train' && !v.splitIds?.length && heldOutName && valueExpr?.k === 'call' && !readWhole;
      // `test_ds = ImageFolder(os.path.join(root, cfg["test_dir"]))` with `test_dir: valid`: the folder the code
      // holds out as its test set (and reports as one), whatever the dataset's authors called it.
      const readAsTest = named === 'test' && heldOutName && v.part === 'val' && !v.splitIds?.length && valueExpr?.k === 'call' && readsRows(calleeName(valueExpr));
      // `test, val = df.iloc[folds[0][1]], df.iloc[folds[1][1]]`: a second fold's held-out rows, named for validation.
      const foldAsVal = named === 'val' && heldOutName && v.part === 'test' && valueExpr?.k === 'sub' && !/test|hold|\bte\b|_te\b/i.test(it.src(valueExpr));
      if (splitOfTrainFile) v = { ...v, part: 'full' };
      else if (readAsTest) v = { ...v, part: 'test' };
      else if (foldAsVal) v = { ...v, part: 'val' };
      else if (carved && named) v = { ...v, part: named };
      // `fit_df = train_df[~train_df.unit.isin(val_units)]`: some rows of the labelled file, under a name of their own.
      else if (named === 'train' && v.filePart && valueExpr !== undefined && isRowSelection(valueExpr) && /(^|_)fit(_|$)/i.test(target.id)) v = { ...v, filePart: undefined };
      // `X_tr = X_tr[~is_val]` after `X_val = X_tr[is_val]`: the rows left once a validation part was taken out.
      else if (named === 'train' && v.filePart && valueExpr?.k === 'sub' && valueExpr.index.some((i) => i.k === 'unary' && /(^|_)(val|valid|validation|dev|test|holdout|hold)(_|$)/i.test(it.src(i)))) v = { ...v, filePart: undefined };
      if (v.data && named && (v.part === undefined || v.part === 'full') && !v.items) {
        // `test = df[df.year == 2020]`, `train = df.sample(frac=.8)`: a split made by hand.
        // `Xtr, ytr = make_windows(arr[:cut])`: a helper handed a positional cut of the rows makes a split too.
        const cut = positionalCutArg(valueExpr);
        if (v.part === 'full' && valueExpr && (isRowSelection(valueExpr) || cut)) it.manualSplit(v, target.id, named, cut ?? valueExpr);
        // (`train_df, test_df = leave_last_out(df)`: test rows taken from the source by a helper.)
        // (Unpacked from the helper's result and named in full, `te` in `fit_te` may well be a target encoding; and of
        // one source only: train.csv and test.csv put together and cut apart again are two sources.)
        else if (named === 'test' && v.origins?.length === 1 && it.stmt?.k === 'assign' && it.stmt.targets[0]?.k === 'seq' && /(^|_)(test|holdout|held_out)(_|$)/i.test(target.id)) {
          for (const o of v.origins) if (!it.splitOrigins.has(o)) it.splitOrigins.set(o, { line: it.stmt.line, file: it.path });
        }
        v = { ...v, part: named, dev: isDevName(target.id) || undefined };
      } else if (v.perm && !v.data && named && !v.indexPart) {
        // `test_idx = order[cut:]`: row indices of a part.
        v = { ...v, indexPart: named };
      } else if (v.indexPart && !v.data && named && named !== 'full' && named !== v.indexPart && named === it.namedPart(target.id) && !isDevName(target.id)) {
        // `fit_idx, val_idx = next(inner.split(dev))`: as with train_test_split, the name says which part.
        v = { ...v, indexPart: named };
      }
      if (v.data && v.part === 'test') it.facts.testRows = true;
      it.noteScoreName(target.id, v);
      scope.set(target.id, v);
      return;
    }
    case 'seq':
    case 'star': {
      const items = target.k === 'seq' ? target.items : [target.value];
      const pieces = target.k === 'seq' && value.items ? assignPieces(items, value.items) : value.items;
      // `tr, te = df.iloc[:cut], df.iloc[cut:]`: each target keeps its own expression (a manual split).
      const exprs = target.k === 'seq' && valueExpr?.k === 'seq' && valueExpr.items.length === items.length ? valueExpr.items : undefined;
      const guessed = exprs ? unnamedPiecePart(items, exprs, (n) => it.namedPart(n)) : undefined;
      // (Cut from rows already of the training or development part, the piece beside the training one validates.)
      const source = guessed ? pieces?.[guessed.index] : undefined;
      const implied = guessed?.part === 'test' && (source?.dev || source?.part === 'train' || source?.part === 'val') ? { ...guessed, part: 'val' as const } : guessed;
      // `fit_df, val_df = train[~is_val].copy(), train[is_val].copy()` of the labelled train file: the piece for
      // fitting is part of the file now, no longer all of its rows.
      const heldOutSibling = exprs !== undefined && items.some((t) => t.k === 'name' && (it.namedPart(t.id) === 'val' || it.namedPart(t.id) === 'test'));
      items.forEach((t, i) => {
        let piece = pieces?.[i] ?? derive(value);
        if (heldOutSibling && piece.filePart && t.k === 'name' && it.namedPart(t.id) === 'train') piece = { ...piece, filePart: undefined };
        it.assign(t, piece, scope, exprs?.[i] ?? (valueExpr?.k === 'call' ? valueExpr : undefined), implied?.index === i ? implied.part : undefined);
      });
      return;
    }
    case 'attr': {
      const owner = it.eval(target.obj, scope);
      if (owner.attrs) owner.attrs.set(target.attr, value);
      else if (owner.data) absorb(owner, value);
      else if (target.obj.k === 'name') scope.set(`${target.obj.id}.${target.attr}`, value);
      return;
    }
    case 'sub': {
      // `out.loc[idx] = ...`: written into `out` itself (an attribute read would be a copy).
      const indexer = target.obj.k === 'attr' && /^(loc|iloc|at|iat)$/.test(target.obj.attr) ? target.obj.obj : undefined;
      const owner = it.eval(indexer ?? target.obj, scope);
      // `feats[split] = (...)` in a dict of parts: that entry now holds the new value.
      // (`df[f"{col}_sev"]`: an f-string names a key only when its pieces are known.)
      const first = target.index[0];
      const key = target.index.length === 1 && first ? (first.k === 'str' && !first.fstring ? first.value : it.eval(first, scope).const) : undefined;
      if (owner.keys && owner.elems && typeof key === 'string' && owner.keys.includes(key)) owner.elems[owner.keys.indexOf(key)] = keyedPart(it, key, value, target);
      // `cols[f"res_{k}d"] = resid.rolling(k).sum()`: a new entry of a dict built up column by column; or
      // `TRANSFORMS[name] = cls` in a registering decorator: the registry holds the class under that name.
      else if (owner.keys && owner.elems && !owner.data && (value.data || (value.cls && !value.instanceOf))) {
        owner.keys.push(typeof key === 'string' ? key : undefined);
        owner.elems.push(value);
      }
      // A leak written into one named column stays with that column (`df["label"]` read later does not carry it).
      const into = typeof key === 'string' && value.leaks?.length ? { ...value, leaks: value.leaks.map((l) => (owner.leaks?.includes(l) || l.intoColumn ? l : { ...l, intoColumn: key })) } : value;
      if (owner.data) absorb(owner, into);
      // (The label's neighbour mean is judged as a statistic of all rows, below, not as a copy of the label.)
      if (!value.stat?.neighbourLabel) noteLabelSource(it, target, owner, valueExpr);
      // `per_season[["cum_sum"]] = per_season.groupby("player")[...].transform(lambda s: s.cumsum().shift(1))`:
      // a per-period table turned into earlier-periods-only values is no statistic of the future.
      if (owner.stat && value.time && /lagged|rolling/.test(value.time.what)) owner.stat = { ...owner.stat, pastOnly: true };
      // `in_train[tr_idx] = True`: a mask marking one part's rows selects that part.
      const marked = target.index.length === 1 && !owner.data ? it.eval(target.index[0]!, scope).indexPart : undefined;
      if (marked && Object.keys(owner).length === 0) owner.indexPart = marked;
      if (owner.data && value.stat && value.stat.part !== 'test' && value.stat.part !== 'val' && !writesLoopRow(it, target)) {
        // `df['enc'] = df.groupby('city')['y'].transform('mean')`: a statistic of all rows becomes a feature.
        addLeak(owner, leakOfStatistic(it, owner, value.stat));
      }
      if (owner.container && value.score) owner.container.scores.push(value.score);
      // `pvals[snp] = p` of a test against the label, column by column: the table of p-values picks columns.
      if (value.selected && !owner.data && !owner.selected) owner.selected = value.selected;
      // (A column computed from others of a dated frame, `df["ws_bin"] = df["ws"].round()`, is no date.)
      if (value.dates && target.index[0]?.k === 'str' && valueExpr !== undefined && DATE_VALUE.test(it.src(valueExpr))) it.dateColumns.add(target.index[0].value);
      return;
    }
    default:
      return;
  }
}

/** `out[i, :d] = vecs.mean(axis=0)` in `for i, doc in enumerate(docs)`: one row written per item, not a column of all rows. */
function writesLoopRow(it: Interpreter, target: Extract<Expr, { k: 'sub' }>): boolean {
  const first = target.index[0]?.k === 'seq' ? target.index[0].items[0] : target.index[0];
  if (first?.k !== 'name') return false;
  return it.loops.some(({ stmt }) => stmt.k === 'for' && targetNames(stmt.target).includes(first.id));
}
