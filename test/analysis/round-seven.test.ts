// Round-seven idioms (graph ML, bioinformatics, academic code): score dicts keyed with f-strings, splitting
// helpers that return index arrays, statistics written back with `.loc`, and train+test put together for a
// helper that normalises them. Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\nxgboost==2.1.2\nmatplotlib==3.9.2\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('the best epoch kept by a score read from a dict keyed per split', () => {
  const code = (key: string) => ({
    'train_gcn.py': py`
      import copy

      import torch
      import torch.nn.functional as F
      from sklearn.metrics import f1_score


      @torch.no_grad()
      def evaluate(model, data):
          model.eval()
          pred = model(data.x, data.edge_index).argmax(dim=-1)
          scores = {}
          for split in ("train", "val", "test"):
              mask = data[f"{split}_mask"]
              scores[f"{split}_acc"] = (pred[mask] == data.y[mask]).float().mean().item()
              scores[f"{split}_f1"] = f1_score(data.y[mask], pred[mask], average="macro")
          return scores


      def fit(model, data, optimizer, epochs):
          torch.manual_seed(0)
          best_acc, best_state = 0.0, None
          for epoch in range(epochs):
              model.train()
              optimizer.zero_grad()
              loss = F.cross_entropy(model(data.x, data.edge_index)[data.train_mask], data.y[data.train_mask])
              loss.backward()
              optimizer.step()
              scores = evaluate(model, data)
              if scores["${key}"] > best_acc:
                  best_acc = scores["${key}"]
                  best_state = copy.deepcopy(model.state_dict())
          model.load_state_dict(best_state)
          final = evaluate(model, data)
          print(final["test_acc"], final["test_f1"])
          return model
    `,
  });

  it('fires when the kept epoch is the one with the best test accuracy', () => {
    const found = of(code('test_acc'), 'test-set-selection');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(30);
  });

  it('stays silent when the epoch is chosen by validation accuracy and test accuracy is only reported', () => {
    expect(of(code('val_acc'), 'test-set-selection')).toEqual([]);
  });
});

describe('a splitting helper of the project returning index arrays', () => {
  const code = (unpack: string) => ({
    'splits.py': py`
      from collections import defaultdict

      import numpy as np


      def scaffold_split(keys, frac_train=0.8, frac_valid=0.1):
          groups = defaultdict(list)
          for i, k in enumerate(keys):
              groups[k].append(i)
          train, valid, test = [], [], []
          for g in sorted(groups.values(), key=len, reverse=True):
              if len(train) + len(g) <= frac_train * len(keys):
                  train.extend(g)
              elif len(train) + len(valid) + len(g) <= (frac_train + frac_valid) * len(keys):
                  valid.extend(g)
              else:
                  test.extend(g)
          return np.array(train), np.array(valid), np.array(test)
    `,
    'train.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import average_precision_score, roc_auc_score

      from splits import scaffold_split

      np.random.seed(0)
      df = pd.read_csv("molecules.csv")
      X, y = df.drop(columns=["scaffold", "label"]).values, df["label"].values
      ${unpack}
      for m in (LogisticRegression(max_iter=2000), DummyClassifier(strategy="prior")):
          m.fit(X[tr], y[tr])
          p = m.predict_proba(X[te])[:, 1]
          print(roc_auc_score(y[te], p), average_precision_score(y[te], p))
    `,
  });

  it('gives the parts named by the unpacking: the model is scored on held-out rows', () => {
    expect(of(code('tr, va, te = scaffold_split(df["scaffold"].tolist())'), 'no-held-out-evaluation')).toEqual([]);
  });

  it('still finds a model scored on its training rows when no part is held out', () => {
    const found = of(code('tr = te = np.arange(len(df))'), 'no-held-out-evaluation');
    expect(found).toHaveLength(1);
  });
});

describe('train and test put back together for a helper that normalises them', () => {
  const code = (rows: string, after: string) => ({
    'relapse.py': py`
      import matplotlib.pyplot as plt
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import roc_auc_score, average_precision_score
      from sklearn.model_selection import train_test_split

      expr = pd.read_csv("expression.csv", index_col=0)
      clin = pd.read_csv("clinical.csv", index_col=0)
      y, batch = clin["relapse"], clin["series"]
      X_train, X_test, y_train, y_test = train_test_split(expr, y, test_size=0.25, stratify=y, random_state=0)


      def harmonise(df, batches):
          pooled_mean = df.mean(axis=0)
          pooled_sd = df.std(axis=0)
          out = df.copy()
          for b in batches.unique():
              idx = batches.index[batches == b]
              mu = df.loc[idx].mean(axis=0)
              sd = df.loc[idx].std(axis=0)
              out.loc[idx] = (df.loc[idx] - mu) / sd * pooled_sd + pooled_mean
          return out


      combined = ${rows}
      harmonised = harmonise(combined, batch.loc[combined.index])
      ${after}
    `,
  });
  const MODEL = py`
    X_train_h, X_test_h = harmonised.loc[X_train.index], harmonised.loc[X_test.index]
    for m in (LogisticRegression(max_iter=5000), DummyClassifier()):
        p = m.fit(X_train_h, y_train).predict_proba(X_test_h)[:, 1]
        print(roc_auc_score(y_test, p), average_precision_score(y_test, p))
  `;
  const PLOT = py`
    harmonised.mean(axis=1).hist()
    plt.show()
    for m in (LogisticRegression(max_iter=5000), DummyClassifier()):
        p = m.fit(X_train, y_train).predict_proba(X_test)[:, 1]
        print(roc_auc_score(y_test, p), average_precision_score(y_test, p))
  `;

  it('fires at the helper call when the harmonised rows reach the model', () => {
    const found = of(code('pd.concat([X_train, X_test])', MODEL), 'fit-on-test');
    expect(found).toHaveLength(1);
    expect(found[0]!.current).toContain('harmonise(combined');
    expect(found[0]!.issue).toMatch(/combined at line 26/);
  });

  it('stays silent when the harmonised rows only feed a plot', () => {
    expect(of(code('pd.concat([X_train, X_test])', PLOT), 'fit-on-test')).toEqual([]);
  });

  it('stays silent when only the training rows are harmonised', () => {
    const after = py`
      for m in (LogisticRegression(max_iter=5000), DummyClassifier()):
          m.fit(harmonised, y_train)
          print(roc_auc_score(y_test, m.predict_proba(X_test)[:, 1]))
    `;
    expect(of(code('X_train', after), 'fit-on-test')).toEqual([]);
  });
});

describe('a fold helper named for fitting, handed the fold held out', () => {
  const code = (selectOn: string) => ({
    'cv.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.feature_selection import SelectKBest, f_classif
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import average_precision_score, roc_auc_score
      from sklearn.model_selection import StratifiedKFold


      def clr(x):
          logx = np.log(x + 1e-6)
          return logx - logx.mean(axis=1, keepdims=True)


      def fit_fold(X_tr, y_tr, X_te):
          Z_tr, Z_te = clr(X_tr), clr(X_te)
          selector = SelectKBest(f_classif, k=50)
          ${selectOn}
          model = LogisticRegression(max_iter=2000).fit(Z_tr, y_tr)
          return model.predict_proba(Z_te)[:, 1]


      prof = pd.read_csv("species.csv", index_col=0)
      y = prof.pop("crc").to_numpy()
      X = prof.to_numpy()
      oof = np.zeros(len(y))
      skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
      for tr, te in skf.split(X, y):
          oof[te] = fit_fold(X[tr], y[tr], X[te])
          prior = DummyClassifier().fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
          print(roc_auc_score(y[te], oof[te]), roc_auc_score(y[te], prior))
      print(average_precision_score(y, oof))
    `,
  });

  it('stays silent when what is made from the held-out rows is only transformed and scored', () => {
    expect(of(code('Z_tr = selector.fit_transform(Z_tr, y_tr)\n          Z_te = selector.transform(Z_te)'), 'fit-on-test')).toEqual([]);
  });

  it('fires when what is made from them is fitted on', () => {
    expect(of(code('selector.fit(np.vstack([Z_tr, Z_te]), np.r_[y_tr, y_tr[: len(Z_te)]])\n          Z_tr, Z_te = selector.transform(Z_tr), selector.transform(Z_te)'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('a keep-best comparison nested in a condition', () => {
  const code = (rows: string) => ({
    'panel.py': py`
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import average_precision_score, roc_auc_score
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("olink.csv")
      X, y = df.drop(columns=["pdac"]), df["pdac"]
      X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
      X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=0)
      best = None
      for C in [0.01, 0.1, 1.0]:
          model = LogisticRegression(penalty="l1", solver="liblinear", C=C).fit(X_train, y_train)
          n_selected = int((model.coef_ != 0).sum())
          auc = roc_auc_score(${rows}, model.predict_proba(${rows.replace('y_', 'X_')})[:, 1])
          if n_selected > 0 and (best is None or auc > best[0]):
              best = (auc, C, model)
      prior = DummyClassifier().fit(X_train, y_train)
      p = best[2].predict_proba(X_test)[:, 1]
      print(roc_auc_score(y_test, p), average_precision_score(y_test, p), roc_auc_score(y_test, prior.predict_proba(X_test)[:, 1]))
    `,
  });

  it('fires when the kept score is measured on the test set', () => {
    expect(of(code('y_test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it is measured on the validation set', () => {
    expect(of(code('y_val'), 'test-set-selection')).toEqual([]);
  });
});

describe('genes ranked by a univariate test in a helper, on counts collapsed per gene', () => {
  const code = (select: string) => ({
    'expr_utils/__init__.py': '',
    'expr_utils/features.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.feature_selection import f_classif


      def load_counts(path):
          counts = pd.read_csv(path, sep="\\t", index_col=0)
          counts.index = [g.split(".")[0] for g in counts.index]
          counts = counts.groupby(level=0).sum().T
          return np.log2(counts.div(counts.sum(axis=1), axis=0) * 1e6 + 1)


      def select_top_genes(expr, y, k=500):
          f_stat, p_val = f_classif(expr.to_numpy(), y)
          order = np.argsort(np.nan_to_num(f_stat))[::-1][:k]
          return expr[expr.columns[order]]
    `,
    'train.py': py`
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.feature_selection import SelectKBest, f_classif
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import StratifiedKFold, cross_validate
      from sklearn.pipeline import make_pipeline

      from expr_utils.features import load_counts, select_top_genes

      expr = load_counts("counts.tsv")
      y = pd.read_csv("labels.csv", index_col=0).loc[expr.index, "tumour"].to_numpy()
      ${select}
      cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
      for model in (model, DummyClassifier()):
          print(cross_validate(model, X, y, cv=cv, scoring=["roc_auc", "average_precision"]))
    `,
  });

  it('fires at the helper call when the genes are picked on all samples before the CV', () => {
    const found = of(code('X = select_top_genes(expr, y).to_numpy()\n      model = LogisticRegression(max_iter=2000)'), 'preprocessing-before-split');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'train.py', line: 12 });
  });

  it('stays silent when the selection is a step of the cross-validated pipeline', () => {
    const found = of(code('X = expr.to_numpy()\n      model = make_pipeline(SelectKBest(f_classif, k=500), LogisticRegression(max_iter=2000))'), 'preprocessing-before-split');
    expect(found).toEqual([]);
  });
});

describe('random estimators built without random_state', () => {
  const code = (model: string, seed: string) => ({
    'baselines.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.linear_model import SGDClassifier
      from sklearn.metrics import f1_score, roc_auc_score

      ${seed}
      train = pd.read_csv("train.csv")
      test = pd.read_csv("test.csv")
      X_tr, y_tr = train.drop(columns=["y"]), train["y"]
      X_te, y_te = test.drop(columns=["y"]), test["y"]
      for m in (DummyClassifier(), ${model}):
          p = m.fit(X_tr, y_tr).predict(X_te)
          print(f1_score(y_te, p), roc_auc_score(y_te, p))
    `,
  });
  const seeds = (files: Record<string, string>) => of(files, 'missing-random-seed');

  it('fire when no seed is set anywhere', () => {
    const found = seeds(code('RandomForestClassifier(n_estimators=500)', ''));
    expect(found).toHaveLength(1);
    expect(found[0]!.issue).toMatch(/RandomForestClassifier/);
  });

  it('stay silent with random_state, or with numpy seeded globally', () => {
    expect(seeds(code('RandomForestClassifier(n_estimators=500, random_state=0)', ''))).toEqual([]);
    expect(seeds(code('SGDClassifier(loss="hinge")', 'np.random.seed(7)'))).toEqual([]);
  });
});

describe('a leaderboard of test scores shown, then its best taken', () => {
  const code = (after: string) => ({
    'svm.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.metrics import accuracy_score, f1_score
      from sklearn.model_selection import train_test_split
      from sklearn.svm import SVC

      df = pd.read_csv("parkinsons.csv")
      X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns=["status"]), df["status"], stratify=df["status"], random_state=0)
      rows = []
      for C in [0.1, 1.0, 10.0]:
          pred = SVC(C=C, random_state=0).fit(X_tr, y_tr).predict(X_te)
          rows.append({"C": C, "acc": accuracy_score(y_te, pred), "f1": f1_score(y_te, pred)})
      grid = pd.DataFrame(rows)
      print(grid.sort_values("acc", ascending=False).head(10))
      ${after}
    `,
  });

  it('cites the pick as a site of the finding', () => {
    const found = of(code('best = grid.loc[grid["acc"].idxmax()]'), 'test-set-selection');
    expect(found).toHaveLength(1);
    expect(found[0]!.sites?.map((s) => s.line)).toContain(15);
  });

  it('stays silent when the top rows are only shown', () => {
    expect(of(code('grid.to_csv("grid.csv")'), 'test-set-selection')).toEqual([]);
  });
});

describe('a torch classifier trained with a functional cross-entropy and judged by accuracy alone', () => {
  const code = (loss: string, metric: string) => ({
    'train.py': py`
      import torch
      import torch.nn.functional as F
      from sklearn.metrics import f1_score


      @torch.no_grad()
      def accuracy(model, x, y, mask):
          model.eval()
          pred = model(x)[mask].argmax(1)
          return (pred == y[mask]).float().mean().item()


      def main(model, x, y, train_mask, val_mask, test_mask, epochs=200):
          torch.manual_seed(0)
          opt = torch.optim.Adam(model.parameters(), lr=1e-3)
          best = 0.0
          for epoch in range(epochs):
              model.train()
              opt.zero_grad()
              loss = ${loss}
              loss.backward()
              opt.step()
              val_acc = accuracy(model, x, y, val_mask)
              if val_acc > best:
                  best = val_acc
                  torch.save(model.state_dict(), "best.pt")
          model.load_state_dict(torch.load("best.pt"))
          test_acc = accuracy(model, x, y, test_mask)
          print(test_acc${metric})
    `,
  });
  const WEIGHTED = 'F.cross_entropy(model(x)[train_mask], y[train_mask], weight=torch.tensor([1.0, 6.0]))';

  it('fires (HIGH) when the loss weighs the classes', () => {
    const found = of(code(WEIGHTED, ''), 'accuracy-only');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('HIGH');
  });

  it('stays silent when another metric is reported, or the classes are not weighed', () => {
    expect(of(code(WEIGHTED, ', f1_score(y[test_mask], model(x)[test_mask].argmax(1))'), 'accuracy-only')).toEqual([]);
    expect(of(code('F.cross_entropy(model(x)[train_mask], y[train_mask])', ''), 'accuracy-only')).toEqual([]);
  });
});
