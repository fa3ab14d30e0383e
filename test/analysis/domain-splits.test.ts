// Splits as domain code writes them (masks of subjects, walk-forward windows, group k-folds, minibatches of a
// time-ordered training part), market data and survival models: each mechanism fires on the wrong variant
// and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.4.1\nlightgbm==4.5.0\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('rows picked by a mask of one part (subjects drawn by hand)', () => {
  const code = (norm: string) => ({
    'train.py': py`
      import numpy as np
      import torch
      from torch.utils.data import TensorDataset

      arr = np.load("epochs.npz")
      X = torch.tensor(arr["signals"], dtype=torch.float32)
      y = torch.tensor(arr["label"], dtype=torch.float32)
      subj = arr["subject"]
      rng = np.random.default_rng(8)
      subjects = rng.permutation(np.unique(subj))
      test_s, train_s = subjects[:14], subjects[14:]
      mask = lambda s: torch.tensor(np.isin(subj, s))
      tr, te = mask(train_s), mask(test_s)
      ${norm}
      train_ds = TensorDataset(Xn[tr], y[tr])
      test_ds = TensorDataset(Xn[te], y[te])
    `,
  });

  it('fires when the channel statistics are taken over every subject before the masks pick the parts', () => {
    const [f] = of(code('Xn = (X - X.mean(dim=(0, 2), keepdim=True)) / X.std(dim=(0, 2), keepdim=True)'), 'preprocessing-before-split');
    expect(f?.line).toBe(14);
  });

  it('stays silent when the statistics come from the training subjects only', () => {
    expect(of(code('Xn = (X - X[tr].mean(dim=(0, 2), keepdim=True)) / X[tr].std(dim=(0, 2), keepdim=True)'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('complements and boundaries are not the part their name mentions', () => {
  const code = (fit: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import average_precision_score, roc_auc_score

      tx = pd.read_parquet("tx.parquet").sort_values("ts")
      X, y = tx.drop(columns=["y", "ts"]), tx["y"]
      is_test = (tx["ts"] >= tx["ts"].quantile(0.75)).values
      X_tr, X_te, y_tr, y_te = X[~is_test], X[is_test], y[~is_test], y[is_test]
      clf = LogisticRegression(C=0.5, max_iter=500)
      ${fit}
      p = clf.predict_proba(X_te)[:, 1]
      print(roc_auc_score(y_te, p), average_precision_score(y_te, p))
    `,
  });

  it('stays silent for a model fitted on X[~is_test]', () => {
    expect(of(code('clf.fit(X_tr, y_tr)'), 'fit-on-test')).toEqual([]);
  });

  it('fires for a model fitted on X[is_test]', () => {
    expect(of(code('clf.fit(X_te, y_te)'), 'fit-on-test')).toHaveLength(1);
  });

  it('takes `train_end = dates[k]` for a boundary, not the training rows', () => {
    const files = {
      'train.py': py`
        import numpy as np
        import pandas as pd
        from sklearn.linear_model import Ridge

        df = pd.read_csv("panel.csv")
        df["z"] = (df["x"] - df["x"].mean()) / df["x"].std()
        dates = np.sort(df["date"].unique())
        train_end = dates[200]
        fit_rows = df[df["date"] < train_end]
        later = df[df["date"] >= train_end]
        model = Ridge(alpha=1.0).fit(fit_rows[["z"]], fit_rows["y"])
        print(model.score(later[["z"]], later["y"]))
      `,
    };
    const [f] = of(files, 'preprocessing-before-split');
    expect(f?.issue).toContain('afterwards (line 9)');
  });
});

describe('mini-batches of a time-ordered training part are no shuffled split', () => {
  const code = (batches: string) => ({
    'train.py': py`
      import numpy as np
      import pandas as pd
      import torch

      ev = pd.read_csv("events.csv").sort_values(["user", "timestamp"])
      last = ev.groupby("user").cumcount(ascending=False)
      train, test = ev[last >= 1], ev[last == 0]
      u_all = train["user"].to_numpy()
      rng = np.random.default_rng(0)
      model = torch.nn.Embedding(1000, 16)
      opt = torch.optim.Adam(model.parameters(), lr=1e-3)
      ${batches}
    `,
  });

  it('stays silent for rows drawn in shuffled order inside the training loop', () => {
    const loop = py`
      for epoch in range(5):
          order = rng.permutation(len(u_all))
          for s in range(0, len(order), 256):
              idx = order[s:s + 256]
              u = torch.as_tensor(u_all[idx])
              opt.zero_grad()
              loss = model(u).pow(2).sum()
              loss.backward()
              opt.step()
    `.replace(/\n/g, '\n      ');
    expect(of(code(loop), 'shuffled-time-series-split')).toEqual([]);
  });

  it('fires for a shuffled validation cut of the time-ordered training part', () => {
    expect(of(code('order = rng.permutation(len(u_all))\n      fit_users, val_users = u_all[order[:5000]], u_all[order[5000:]]'), 'shuffled-time-series-split')).toHaveLength(1);
  });
});

describe('per-group statistics before a split by groups', () => {
  const code = (stat: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.ensemble import ExtraTreesClassifier
      from sklearn.metrics import f1_score
      from sklearn.model_selection import StratifiedGroupKFold

      win = pd.read_parquet("windows.parquet")
      feat_cols = [c for c in win.columns if c.startswith("acc_")]
      ${stat}
      y = win["activity"]
      outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
      dev_idx, test_idx = next(outer.split(win, y, groups=win["subject"]))
      dev, test = win.iloc[dev_idx], win.iloc[test_idx]
      model = ExtraTreesClassifier(n_estimators=300, random_state=0).fit(dev[feat_cols], dev["activity"])
      print(f1_score(test["activity"], model.predict(test[feat_cols]), average="macro"))
    `,
  });

  it('stays silent for features z-scored within each subject (columns named by a variable)', () => {
    const z = 'g = win.groupby("subject")[feat_cols]\n      win[feat_cols] = (win[feat_cols] - g.transform("mean")) / g.transform("std")';
    expect(of(code(z), 'preprocessing-before-split')).toEqual([]);
  });

  it('fires for the label averaged per group, the label known through `y = win["activity"]`', () => {
    const te = 'win["act_rate"] = win.groupby("device")["activity"].transform("mean")';
    expect(of(code(te), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('an evaluation helper of the project called in the epoch loop', () => {
  const files = (body: string) => ({
    'evaluate.py': py`
      import torch

      @torch.no_grad()
      def evaluate_model(model, rows):
          ${body}
          return float(model(rows).mean())
    `,
    'train.py': py`
      import torch
      from evaluate import evaluate_model

      model = torch.nn.Linear(8, 1)
      opt = torch.optim.SGD(model.parameters(), lr=0.1)
      train_x, valid = torch.randn(64, 8), torch.randn(16, 8)
      for epoch in range(10):
          model.train()
          opt.zero_grad()
          loss = model(train_x).pow(2).mean()
          loss.backward()
          opt.step()
          val = evaluate_model(model, valid)
    `,
  });

  it('is judged where it is defined: silent when it switches the model to eval mode', () => {
    expect(of(files('model.eval()'), 'missing-eval-mode')).toEqual([]);
  });

  it('fires in its own file when it does not', () => {
    const [f] = of(files('pass'), 'missing-eval-mode');
    expect(f?.file).toBe('evaluate.py');
  });
});

describe('imbalance seen through the label column', () => {
  const code = (counts: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.metrics import accuracy_score
      from sklearn.model_selection import train_test_split

      tx = pd.read_parquet("tx.parquet")
      print(${counts}.value_counts())
      X, y = tx.drop(columns=["is_fraud", "channel"]), tx["is_fraud"]
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
      clf = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_tr, y_tr)
      print(accuracy_score(y_te, clf.predict(X_te)))
    `,
  });

  it('makes accuracy-only HIGH when the counted column is the label', () => {
    expect(of(code('tx["is_fraud"]'), 'accuracy-only')[0]?.severity).toBe('HIGH');
  });

  it('leaves it MEDIUM when another column is counted', () => {
    expect(of(code('tx["channel"]'), 'accuracy-only')[0]?.severity).toBe('MEDIUM');
  });
});

describe('development rows picked by a mask named dev', () => {
  it('are no validation rows: a refit on them is silent', () => {
    const files = {
      'train.py': py`
        import lightgbm as lgb
        import pandas as pd
        from sklearn.metrics import roc_auc_score
        from sklearn.model_selection import TimeSeriesSplit

        panel = pd.read_parquet("panel.parquet").sort_index()
        X, y = panel.drop(columns="y"), panel["y"]
        dev = panel.index < "2021-01-01"
        hold = panel.index >= "2021-01-01"
        X_dev, y_dev, X_hold, y_hold = X[dev], y[dev], X[hold], y[hold]
        for tr, va in TimeSeriesSplit(n_splits=4).split(X_dev):
            m = lgb.LGBMClassifier(num_leaves=15, random_state=0).fit(X_dev.iloc[tr], y_dev.iloc[tr])
        model = lgb.LGBMClassifier(num_leaves=15, random_state=0).fit(X_dev, y_dev)
        print(roc_auc_score(y_hold, model.predict_proba(X_hold)[:, 1]))
      `,
    };
    expect(of(files, 'fit-on-test')).toEqual([]);
  });
});

describe('market prices are time-ordered', () => {
  const code = (cv: string) => ({
    'train.py': py`
      import lightgbm as lgb
      import numpy as np
      import yfinance as yf
      from sklearn.model_selection import KFold, TimeSeriesSplit

      px = yf.download("SPY", start="2010-01-01")
      X = np.log(px["Close"]).to_frame("c")
      y = (px["Close"].pct_change().shift(-1) > 0).astype(int)
      cv = ${cv}
      for tr, va in cv.split(X):
          lgb.LGBMClassifier(random_state=0).fit(X.iloc[tr], y.iloc[tr])
    `,
  });

  it('fires for a shuffled KFold over prices from yf.download', () => {
    expect(of(code('KFold(n_splits=5, shuffle=True, random_state=0)'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stays silent for TimeSeriesSplit', () => {
    expect(of(code('TimeSeriesSplit(n_splits=5)'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('survival models', () => {
  const code = (evaluation: string) => ({
    'train.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from sksurv.ensemble import RandomSurvivalForest
      from sksurv.metrics import concordance_index_censored
      from sksurv.util import Surv

      np.random.seed(1)
      df = pd.read_csv("cohort.csv")
      covars = ["age", "ef", "sodium"]
      ${evaluation}
    `,
  });

  it('fires when the C-index is computed on the patients the forest was fitted on', () => {
    const insample = py`
      rsf = RandomSurvivalForest(n_estimators=300, random_state=1)
      rsf.fit(df[covars], Surv.from_arrays(event=df["event"], time=df["time"]))
      print(concordance_index_censored(df["event"], df["time"], rsf.predict(df[covars]))[0])
    `.replace(/\n/g, '\n      ');
    expect(of(code(insample), 'no-held-out-evaluation')).toHaveLength(1);
  });

  it('stays silent for a C-index on held-out patients', () => {
    const heldOut = py`
      tr, te = train_test_split(df, test_size=0.25, random_state=1)
      rsf = RandomSurvivalForest(n_estimators=300, random_state=1)
      rsf.fit(tr[covars], Surv.from_arrays(event=tr["event"], time=tr["time"]))
      print(concordance_index_censored(te["event"], te["time"], rsf.predict(te[covars]))[0])
    `.replace(/\n/g, '\n      ');
    expect(of(code(heldOut), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('walk-forward backtests', () => {
  const code = (factors: string) => ({
    'backtest.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.decomposition import PCA
      from sklearn.linear_model import Ridge
      from sklearn.metrics import mean_absolute_error

      rets = pd.read_parquet("returns.parquet")
      ${factors}
      cols = {}
      for k in (5, 10):
          cols[f"res_{k}d"] = resid.rolling(k).sum().stack()
      panel = pd.DataFrame(cols)
      panel["y"] = rets.shift(-1).stack()
      panel = panel.dropna()
      dates = panel.index.get_level_values(0)
      udates = np.sort(dates.unique())
      for start in range(250, len(udates), 21):
          tr = dates < udates[start]
          te = dates.isin(udates[start:start + 21])
          model = Ridge(alpha=1.0).fit(panel.loc[tr, ["res_5d", "res_10d"]], panel.loc[tr, "y"])
          print(mean_absolute_error(panel.loc[te, "y"], model.predict(panel.loc[te, ["res_5d", "res_10d"]])))
    `,
  });

  it('fires for a factor model fitted on the whole history, carried through a dict of columns', () => {
    const full = 'z = (rets - rets.mean()) / rets.std()\n      pca = PCA(n_components=5).fit(z.values)\n      resid = pd.DataFrame(z.values - pca.inverse_transform(pca.transform(z.values)), index=rets.index)';
    const [f] = of(code(full), 'preprocessing-before-split');
    expect(f?.line).toBe(8);
  });

  it('stays silent for plain returns', () => {
    expect(of(code('resid = rets'), 'preprocessing-before-split')).toEqual([]);
  });

  it('takes the block after a training window for held-out rows', () => {
    const files = {
      'rv.py': py`
        import pandas as pd
        from sklearn.linear_model import Ridge
        from sklearn.metrics import mean_absolute_error

        feat = pd.read_csv("rv.csv", parse_dates=["date"], index_col="date").sort_index()
        X, y = feat.drop(columns="target"), feat["target"]
        out = []
        for start in range(500, len(feat), 21):
            X_fit, y_fit = X.iloc[:start - 1], y.iloc[:start - 1]
            block = pd.DataFrame({"y": y.iloc[start:start + 21]})
            block["ridge"] = Ridge(alpha=1.0).fit(X_fit, y_fit).predict(X.iloc[start:start + 21])
            out.append(block)
        fc = pd.concat(out)
        print(mean_absolute_error(fc["y"], fc["ridge"]))
      `,
    };
    expect(of(files, 'no-held-out-evaluation')).toEqual([]);
  });
});
