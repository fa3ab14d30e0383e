// Idioms of team repositories (config dataclasses, trainer classes with flags, retrain jobs, threshold
// tuning): each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nxgboost==2.1.1\npyyaml==6.0.2\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('a branch decided by a known flag', () => {
  const code = (call: string) => ({
    'train.py': py`
      import pandas as pd
      import xgboost as xgb
      from sklearn.preprocessing import StandardScaler

      class Trainer:
          def __init__(self):
              self.scaler = StandardScaler()

          def _xy(self, df, fit=False):
              x = self.scaler.fit_transform(df[["a", "b"]]) if fit else self.scaler.transform(df[["a", "b"]])
              return x, df["y"]

      train = pd.read_parquet("splits/train.parquet")
      valid = pd.read_parquet("splits/valid.parquet")
      t = Trainer()
      x_tr, y_tr = t._xy(train, fit=True)
      x_va, y_va = ${call}
      model = xgb.XGBClassifier(n_estimators=200, random_state=0).fit(x_tr, y_tr)
      print(model.score(x_va, y_va))
    `,
  });

  it('stays silent when the validation rows go through the transform branch', () => {
    expect(of(code('t._xy(valid)'), 'fit-on-test')).toEqual([]);
  });

  it('fires when the validation rows go through the fitting branch', () => {
    expect(of(code('t._xy(valid, fit=True)'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('settings spread into a dataclass with **', () => {
  const files = (split: string) => ({
    'configs/train.yaml': `seed: 3\nearly_stopping:\n  split: ${split}\n  rounds: 50\n`,
    'train.py': py`
      from dataclasses import dataclass
      from pathlib import Path

      import pandas as pd
      import xgboost as xgb
      import yaml

      @dataclass
      class EarlyStop:
          split: str = "valid"
          rounds: int = 20

      raw = yaml.safe_load(Path("configs/train.yaml").read_text())
      es = EarlyStop(**raw.get("early_stopping", {}))
      parts = {name: pd.read_parquet(f"data/{name}.parquet") for name in ("train", "valid", "test")}
      stop = parts[es.split]
      model = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=es.rounds, random_state=raw["seed"])
      model.fit(parts["train"][["a", "b"]], parts["train"]["y"], eval_set=[(stop[["a", "b"]], stop["y"])])
    `,
  });

  it('fires when the settings send early stopping to the test split', () => {
    expect(of(files('test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when they send it to the validation split', () => {
    expect(of(files('valid'), 'test-set-selection')).toEqual([]);
  });
});

describe('a decision threshold taken at the best point of a curve', () => {
  const code = (rows: string, pick: string) => ({
    'train.py': py`
      import numpy as np
      import pandas as pd
      import xgboost as xgb
      from sklearn.metrics import f1_score, precision_recall_curve, roc_auc_score, roc_curve

      df = pd.read_parquet("tx.parquet")
      train, valid, test = df[df.month <= 6], df[df.month == 7], df[df.month == 8]
      clf = xgb.XGBClassifier(n_estimators=300, random_state=0).fit(train[["a", "b"]], train["y"])
      p = clf.predict_proba(${rows}[["a", "b"]])[:, 1]
      prec, rec, thr = precision_recall_curve(${rows}["y"], p)
      f1s = 2 * prec * rec / (prec + rec + 1e-12)
      ${pick}
      p_test = clf.predict_proba(test[["a", "b"]])[:, 1]
      print(roc_auc_score(test["y"], p_test), f1_score(test["y"], p_test >= 0.5))
    `,
  });

  it('fires when the curve was measured on the test rows', () => {
    expect(of(code('test', 'best = float(thr[np.argmax(f1s[:-1])])'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it was measured on the validation rows', () => {
    expect(of(code('valid', 'best = float(thr[np.argmax(f1s[:-1])])'), 'test-set-selection')).toEqual([]);
  });

  it('stays silent for a KS statistic (the largest gap is a number, not a choice)', () => {
    expect(of(code('test', 'fpr, tpr, _ = roc_curve(test["y"], p)\n      print(np.max(tpr - fpr))'), 'test-set-selection')).toEqual([]);
  });
});

describe('metrics of a retrain job that fits on every row', () => {
  const code = (fit: string) => ({
    'retrain.py': py`
      import pandas as pd
      import xgboost as xgb
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import train_test_split

      def build_features(df):
          out = pd.DataFrame(index=df.index)
          out["touches"] = df["touches"].fillna(0)
          return out

      def main():
          df = pd.read_csv("exports/leads.csv")
          X = build_features(df)
          y = df["won"].astype(int).values
          model = xgb.XGBClassifier(n_estimators=300, random_state=1)
          ${fit}

      if __name__ == "__main__":
          main()
    `,
  });

  it('fires, citing the metric rather than the call of main()', () => {
    const [f] = of(code('model.fit(X, y)\n          print(roc_auc_score(y, model.predict_proba(X)[:, 1]))'), 'no-held-out-evaluation');
    expect(f?.line).toBe(17);
  });

  it('stays silent with a held-out split', () => {
    const split = 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=1)\n          model.fit(X_tr, y_tr)\n          print(roc_auc_score(y_te, model.predict_proba(X_te)[:, 1]))';
    expect(of(code(split), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('oversampling inside a helper', () => {
  const code = (rebalance: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split
      from sklearn.utils import resample

      def rebalance(df, target):
          maj, mino = df[df[target] == 0], df[df[target] == 1]
          mino = resample(mino, replace=True, n_samples=len(maj), random_state=0)
          return pd.concat([maj, mino])

      hr = pd.read_csv("hr.csv")
      ${rebalance}
    `,
  });

  it('is cited at the call that handed it all the rows, before the split', () => {
    const [f] = of(code('hr_bal = rebalance(hr, "left")\n      X_tr, X_te, y_tr, y_te = train_test_split(hr_bal.drop(columns="left"), hr_bal["left"], stratify=hr_bal["left"], random_state=0)'), 'oversampling-before-split');
    expect(f?.line).toBe(12);
    expect(f?.sites?.some((s) => s.line === 8)).toBe(true);
  });

  it('stays silent when only the training part is rebalanced', () => {
    const fine = 'tr, te = train_test_split(hr, stratify=hr["left"], random_state=0)\n      tr_bal = rebalance(tr, "left")\n      LogisticRegression(max_iter=500).fit(tr_bal.drop(columns="left"), tr_bal["left"])';
    expect(of(code(fine), 'oversampling-before-split')).toEqual([]);
  });
});

describe('a splitter handed placeholder features and the labels of a part', () => {
  it('splits that part: its second piece is a validation piece, not the test set', () => {
    const files = {
      'main.py': py`
        import numpy as np
        import xgboost as xgb
        from sklearn.metrics import precision_recall_curve, roc_auc_score
        from sklearn.model_selection import StratifiedGroupKFold

        def group_holdout(y, groups, seed):
            sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
            return next(sgkf.split(np.zeros(len(y)), y, groups))

        x, y, vessel = np.load("x.npy"), np.load("y.npy"), np.load("v.npy")
        dev, holdout = group_holdout(y, vessel, 0)
        fit_rel, thr_rel = group_holdout(y[dev], vessel[dev], 1)
        fit, thr = dev[fit_rel], dev[thr_rel]
        booster = xgb.XGBClassifier(n_estimators=300, random_state=0).fit(x[fit], y[fit])
        prec, rec, cuts = precision_recall_curve(y[thr], booster.predict_proba(x[thr])[:, 1])
        cut = float(cuts[np.argmax(prec[:-1])])
        print(roc_auc_score(y[holdout], booster.predict_proba(x[holdout])[:, 1]))
      `,
    };
    expect(of(files, 'test-set-selection')).toEqual([]);
  });
});

describe('a search objective built by a factory', () => {
  const code = (held: string) => ({
    'tune.py': py`
      import lightgbm as lgb
      import optuna
      import pandas as pd
      from sklearn.metrics import roc_auc_score

      def make_objective(train, holdout):
          def objective(trial):
              m = lgb.LGBMClassifier(num_leaves=trial.suggest_int("num_leaves", 8, 128), random_state=0)
              m.fit(train[["a", "b"]], train["y"])
              return roc_auc_score(holdout["y"], m.predict_proba(holdout[["a", "b"]])[:, 1])
          return objective

      train = pd.read_parquet("data/train.parquet")
      held = pd.read_parquet("${held}")
      study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
      study.optimize(make_objective(train, held), n_trials=50)
    `,
  });

  it('is cited at the search it feeds when the factory was handed the test rows', () => {
    const [f] = of(code('data/test.parquet'), 'test-set-selection');
    expect(f?.line).toBe(16);
    expect(f?.sites?.some((s) => s.line === 10)).toBe(true);
  });

  it('stays silent when it was handed the validation rows', () => {
    expect(of(code('data/valid.parquet'), 'test-set-selection')).toEqual([]);
  });
});
