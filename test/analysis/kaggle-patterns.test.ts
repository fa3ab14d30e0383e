// Competition-notebook idioms (out-of-fold encodings, blends, feature pruning, labelled train.csv files):
// each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\ncatboost==1.2.7\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('out-of-fold encodings: the held-out folds of every iteration, concatenated', () => {
  const code = (fitRows: string) => ({
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import KFold

      def encode_pair(fit, apply):
          out = apply.copy()
          out["studio_te"] = out["studio"].map(fit.groupby("studio")["score"].mean())
          return out

      def encode_oof(fit):
          parts = []
          for in_fit, in_app in KFold(5, shuffle=True, random_state=0).split(fit):
              parts.append(encode_pair(fit.iloc[in_fit], fit.iloc[in_app]))
          return pd.concat(parts).loc[fit.index]

      anime = pd.read_csv("anime.csv")
      for tr_idx, va_idx in KFold(5, shuffle=True, random_state=0).split(anime):
          fit_part, val_part = anime.iloc[tr_idx], anime.iloc[va_idx]
          ${fitRows}
          val_enc = encode_pair(fit_part, val_part)
          gbm = lgb.LGBMRegressor(n_estimators=500, random_state=0).fit(fit_enc[["studio_te"]], fit_enc["score"])
          print(mean_squared_error(val_enc["score"], gbm.predict(val_enc[["studio_te"]])))
    `,
  });

  it('stays silent for a model fitted on the out-of-fold encoded training rows', () => {
    expect(of(code('fit_enc = encode_oof(fit_part)'), 'fit-on-test')).toEqual([]);
  });

  it('fires for a model fitted on the encoded validation rows', () => {
    expect(of(code('fit_enc = encode_pair(fit_part, val_part)'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('a project helper named for fitting, handed the test rows', () => {
  const code = (body: string) => ({
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import train_test_split

      def fit_predict(X_fit, y_fit, X_out):
          ${body}

      df = pd.read_parquet("claims.parquet")
      dev, hold = train_test_split(df, test_size=0.2, stratify=df["claim"], random_state=0)
      feats = ["age", "premium"]
      p = fit_predict(dev[feats], dev["claim"], hold[feats])
      print(roc_auc_score(hold["claim"], p))
    `,
  });

  it('stays silent when its body only predicts on that parameter', () => {
    const body = 'm = lgb.LGBMClassifier(n_estimators=300, random_state=0).fit(X_fit, y_fit)\n          return m.predict_proba(X_out)[:, 1]';
    expect(of(code(body), 'fit-on-test')).toEqual([]);
  });

  it('fires when it learns from that parameter', () => {
    const body = 'X_out = (X_out - X_out.mean()) / X_out.std()\n          m = lgb.LGBMClassifier(n_estimators=300, random_state=0).fit(X_fit, y_fit)\n          return m.predict_proba(X_out)[:, 1]';
    expect(of(code(body), 'fit-on-test')).toHaveLength(1);
  });
});

describe('rows of a labelled train.csv', () => {
  it('stay the labelled rows through a merge with side tables: a split by date then has held-out parts', () => {
    const files = {
      'train.py': py`
        import numpy as np
        import pandas as pd
        import xgboost as xgb
        from sklearn.metrics import mean_absolute_error

        sales = pd.read_csv("data/train.csv", parse_dates=["date"])
        stores = pd.read_csv("data/stores.csv")
        df = sales.merge(stores, on="store_nbr", how="left")
        df["lag_28"] = df.groupby("store_nbr")["sales"].shift(28)
        cut = df["date"].max() - pd.Timedelta(days=15)
        dev, test = df[df["date"] < cut], df[df["date"] >= cut]
        va_start = cut - pd.Timedelta(days=16)
        tr = dev[dev["date"] < va_start]
        va = dev[dev["date"] >= va_start]
        bst = xgb.train({"eta": 0.05, "seed": 0}, xgb.DMatrix(tr[["lag_28"]], tr["sales"]), 300)
        print(mean_absolute_error(va["sales"], bst.predict(xgb.DMatrix(va[["lag_28"]]))))
        print(mean_absolute_error(test["sales"], bst.predict(xgb.DMatrix(test[["lag_28"]]))))
      `,
    };
    expect(of(files, 'no-held-out-evaluation')).toEqual([]);
  });

  const encoding = (where: string) => ({
    'train.py': py`
      import lightgbm as lgb
      import numpy as np
      import pandas as pd
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import StratifiedKFold

      TARGET = "loan_status"
      train = pd.read_csv("input/train.csv")
      ${where}
      skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
      for fold, (tr_idx, va_idx) in enumerate(skf.split(train, train[TARGET])):
          tr, va = train.iloc[tr_idx], train.iloc[va_idx]
          model = lgb.LGBMClassifier(n_estimators=400, random_state=0).fit(tr[["grade_te"]], tr[TARGET])
          print(roc_auc_score(va[TARGET], model.predict_proba(va[["grade_te"]])[:, 1]))
    `,
  });

  it('fires for a target encoding learned from all of train.csv before its cross-validation', () => {
    const [f] = of(encoding('train["grade_te"] = train["grade"].map(train.groupby("grade")[TARGET].mean())'), 'preprocessing-before-split');
    expect(f?.issue).toContain('cross-validated');
  });

  it('stays silent for a frequency count of a category (no label involved)', () => {
    expect(of(encoding('train["grade_te"] = train["grade"].map(train.groupby("grade")["income"].mean())'), 'preprocessing-before-split')).toEqual([]);
  });

  it('split by train_test_split gives a test part under that name', () => {
    const files = {
      'train.py': py`
        import lightgbm as lgb
        import pandas as pd
        from sklearn.metrics import roc_auc_score
        from sklearn.model_selection import train_test_split

        train = pd.read_csv("input/train.csv")
        y = train.pop("target")
        X_rest, X_test, y_rest, y_test = train_test_split(train, y, test_size=0.15, stratify=y, random_state=1)
        results = {}
        for name, cols in {"all": list(train.columns), "some": ["a", "b"]}.items():
            clf = lgb.LGBMClassifier(random_state=1).fit(X_rest[cols], y_rest)
            results[name] = dict(model=clf, cols=cols, test_auc=roc_auc_score(y_test, clf.predict_proba(X_test[cols])[:, 1]))
        best_name = max(results, key=lambda k: results[k]["test_auc"])
      `,
    };
    expect(of(files, 'test-set-selection')).toHaveLength(1);
  });
});

describe('columns picked by the feature importances of a model', () => {
  const code = (rank: string) => ({
    'train.py': py`
      import numpy as np
      import pandas as pd
      from catboost import CatBoostClassifier, Pool
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import StratifiedKFold

      train = pd.read_csv("input/train.csv")
      candidate_cols = [c for c in train.columns if c.startswith("var_")]
      ${rank}
      skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
      for k, (tr, va) in enumerate(skf.split(train, train["target"])):
          model = CatBoostClassifier(iterations=500, random_seed=0, verbose=0)
          model.fit(train.loc[tr, selected], train.loc[tr, "target"])
          print(roc_auc_score(train.loc[va, "target"], model.predict_proba(train.loc[va, selected])[:, 1]))
    `,
  });

  it('fires when the ranking model saw every row (and its labels) before the cross-validation', () => {
    const rank = 'ranker = CatBoostClassifier(iterations=300, random_seed=0, verbose=0)\n      ranker.fit(Pool(train[candidate_cols], train["target"]))\n      imp = pd.Series(ranker.get_feature_importance(), index=candidate_cols).sort_values(ascending=False)\n      selected = imp.head(60).index.tolist()';
    expect(of(code(rank), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent for columns chosen by a rule that learns nothing from the rows', () => {
    expect(of(code('selected = candidate_cols[:60]'), 'preprocessing-before-split')).toEqual([]);
  });

  it('stays silent for adversarial validation (labels of train-vs-test, not the target)', () => {
    const adv = 'adv_X = pd.concat([train[candidate_cols], pd.read_csv("input/test.csv")[candidate_cols]])\n      adv_y = np.r_[np.zeros(len(train)), np.ones(len(adv_X) - len(train))]\n      adv = CatBoostClassifier(iterations=200, random_seed=0, verbose=0).fit(adv_X, adv_y)\n      drift = pd.Series(adv.feature_importances_, index=candidate_cols).sort_values(ascending=False)\n      selected = [c for c in candidate_cols if c not in drift.index[:4].tolist()]';
    expect(of(code(adv), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('nested cross-validation written with enumerate', () => {
  const code = (validation: string) => ({
    'cv.py': py`
      import numpy as np
      from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold
      from sklearn.preprocessing import StandardScaler
      from tensorflow import keras

      X, y, speaker = np.load("x.npy"), np.load("y.npy"), np.load("s.npy")
      outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
      for k, (tr, te) in enumerate(outer.split(X, y, groups=speaker)):
          inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=k)
          fit_rel, es_rel = next(inner.split(X[tr], y[tr], groups=speaker[tr]))
          fit_idx, es_idx = tr[fit_rel], tr[es_rel]
          scaler = StandardScaler().fit(X[fit_idx])
          Xf, Xes, Xte = (scaler.transform(X[i]) for i in (fit_idx, es_idx, te))
          net = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
          net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
          net.fit(Xf, y[fit_idx], validation_data=${validation}, epochs=200,
                  callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=20, restore_best_weights=True)])
          print(net.evaluate(Xte, y[te]))
    `,
  });

  it('stays silent for early stopping on the inner split of the outer training fold', () => {
    expect(of(code('(Xes, y[es_idx])'), 'test-set-selection')).toEqual([]);
  });

  it('fires for early stopping on the outer held-out fold', () => {
    expect(of(code('(Xte, y[te])'), 'test-set-selection')).toHaveLength(1);
  });
});
