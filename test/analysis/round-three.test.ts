// Mixed applied code (labelled files through pandas helpers, uplift models, threshold grids, multi-input
// Keras models, settings-driven splitters, sparse hand-offs, searches inside helpers): each mechanism fires
// on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nscipy==1.14.1\nlightgbm==4.5.0\noptuna==4.0.0\ntensorflow==2.17.0\npyyaml==6.0.2\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('rows of a labelled train file after pd.get_dummies', () => {
  const code = (fitOn: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.decomposition import PCA
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split

      ins = pd.get_dummies(pd.read_csv("data/cross_sell_train.csv"), columns=["age_band"], dtype=int)
      features = [c for c in ins.columns if c != "Response"]
      ${fitOn}
    `,
  });

  it('are still all the labelled rows: a PCA fitted on them before their split fires', () => {
    expect(of(code('Z = PCA(n_components=5).fit_transform(ins[features])\n      Z_tr, Z_te, y_tr, y_te = train_test_split(Z, ins["Response"], stratify=ins["Response"], random_state=0)'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stay silent when the PCA is fitted on the training part', () => {
    expect(of(code('X_tr, X_te, y_tr, y_te = train_test_split(ins[features], ins["Response"], stratify=ins["Response"], random_state=0)\n      pca = PCA(n_components=5).fit(X_tr)\n      LogisticRegression(max_iter=500).fit(pca.transform(X_tr), y_tr)'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('models run on the rows they were fitted on, with a hand-written metric', () => {
  it('is cited where the model predicts on those rows', () => {
    const files = {
      'uplift.py': py`
        import numpy as np
        import pandas as pd
        from sklearn.ensemble import HistGradientBoostingClassifier

        raw = pd.read_csv("campaign.csv")
        treated, control = raw[raw["treatment"] == 1], raw[raw["treatment"] == 0]
        m_t = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(treated[["a", "b"]], treated["conversion"])
        m_c = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(control[["a", "b"]], control["conversion"])
        raw["uplift"] = m_t.predict_proba(raw[["a", "b"]])[:, 1] - m_c.predict_proba(raw[["a", "b"]])[:, 1]
        print(np.cumsum(raw.sort_values("uplift")["conversion"].to_numpy())[-1])
      `,
    };
    const [f] = of(files, 'no-held-out-evaluation');
    expect(f?.line).toBe(9);
  });
});

describe('a threshold grid scored into a numpy array', () => {
  const code = (rows: string) => ({
    'train.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score, roc_auc_score
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("hr.csv")
      X_dev, X_te, y_dev, y_te = train_test_split(df[["a", "b"]], df["left"], stratify=df["left"], random_state=0)
      X_tr, X_va, y_tr, y_va = train_test_split(X_dev, y_dev, stratify=y_dev, random_state=0)
      pipe = LogisticRegression(max_iter=500).fit(X_tr, y_tr)
      p = pipe.predict_proba(X_${rows})[:, 1]
      grid = np.arange(0.05, 0.96, 0.01)
      f1s = np.array([f1_score(y_${rows}, (p >= t).astype(int)) for t in grid])
      thr = float(grid[f1s.argmax()])
      print(thr, roc_auc_score(y_te, pipe.predict_proba(X_te)[:, 1]))
    `,
  });

  it('fires when the grid is scored on the test rows', () => {
    expect(of(code('te'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent on the validation rows', () => {
    expect(of(code('va'), 'test-set-selection')).toEqual([]);
  });
});

describe('R² written by hand with t for the targets', () => {
  it('is a metric, not a fit on the test rows', () => {
    const files = {
      'train.py': py`
        import pandas as pd
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import train_test_split

        def r2(p, t):
            return 1 - ((p - t) ** 2).sum() / ((t - t.mean()) ** 2).sum()

        df = pd.read_csv("concrete.csv")
        X_tr, X_te, y_tr, y_te = train_test_split(df[["a", "b"]], df["y"], random_state=0)
        model = Ridge(alpha=1.0).fit(X_tr, y_tr)
        print(r2(model.predict(X_te), y_te.to_numpy()))
      `,
    };
    expect(of(files, 'fit-on-test')).toEqual([]);
  });
});

describe('Keras validation_data with several named inputs', () => {
  const code = (file: string) => ({
    'train.py': py`
      import pandas as pd
      from tensorflow import keras

      def to_inputs(frame):
          feats = {}
          for col in ("a", "b"):
              feats[col] = frame[col].to_numpy()
          return feats

      train = pd.read_csv("data/orders_train.csv")
      held = pd.read_csv("data/orders_${file}.csv")
      x_tr, y_tr = to_inputs(train), train["returned"].to_numpy()
      x_held, y_held = to_inputs(held), held["returned"].to_numpy()
      inputs = {c: keras.Input(shape=(1,), name=c) for c in ("a", "b")}
      out = keras.layers.Dense(1, activation="sigmoid")(keras.layers.Concatenate()(list(inputs.values())))
      model = keras.Model(inputs, out)
      model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[keras.metrics.AUC()])
      model.fit(x_tr, y_tr, validation_data=(x_held, y_held), epochs=30,
                callbacks=[keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)])
    `,
  });

  it('fires when the held-out file is the test set', () => {
    expect(of(code('holdout'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent for a validation file', () => {
    expect(of(code('valid'), 'test-set-selection')).toEqual([]);
  });
});

describe('a splitter whose shuffle comes from the settings', () => {
  const files = (shuffle: string) => ({
    'conf.yaml': `cv:\n  n_splits: 5\n  shuffle: ${shuffle}\n`,
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      import yaml
      from sklearn.model_selection import KFold

      cfg = yaml.safe_load(open("conf.yaml"))
      sales = pd.read_parquet("sales.parquet").sort_values("date")
      sales["lag_28"] = sales.groupby("store")["units"].shift(28)
      cv = KFold(n_splits=cfg["cv"]["n_splits"], shuffle=cfg["cv"]["shuffle"], random_state=${shuffle === 'true' ? '7' : 'None'})
      for fit_idx, val_idx in cv.split(sales):
          lgb.LGBMRegressor(random_state=7).fit(sales.iloc[fit_idx][["lag_28"]], sales.iloc[fit_idx]["units"])
    `,
  });

  it('fires when the settings turn shuffling on for time-ordered rows', () => {
    expect(of(files('true'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stays silent when they leave it off', () => {
    expect(of(files('false'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('a sparse matrix handed from one script to another', () => {
  const files = (fitOn: string) => ({
    'featurize.py': py`
      import pandas as pd
      from scipy import sparse
      from sklearn.feature_extraction.text import TfidfVectorizer

      reviews = pd.read_csv("data/reviews.csv")
      ${fitOn}
    `,
    'train.py': py`
      import numpy as np
      from scipy import sparse
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split

      X = sparse.load_npz("work/X_tfidf.npz")
      y = np.load("work/y.npy")
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=0)
      print(LogisticRegression(max_iter=500).fit(X_tr, y_tr).score(X_te, y_te))
    `,
  });

  it('carries the vectorizer fitted on every review to the split', () => {
    expect(of(files('X = TfidfVectorizer(min_df=3).fit_transform(reviews["text"])\n      sparse.save_npz("work/X_tfidf.npz", X)'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent for counts that learn nothing from the corpus', () => {
    expect(of(files('X = sparse.csr_matrix(reviews[["n_words", "n_links"]].to_numpy())\n      sparse.save_npz("work/X_tfidf.npz", X)'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('a search run inside a helper handed the test rows', () => {
  const code = (scored: string) => ({
    'tuning.py': py`
      import lightgbm as lgb
      import optuna
      from sklearn.metrics import mean_squared_error

      def run_study(X_fit, y_fit, X_score, y_score, n_trials, seed):
          def objective(trial):
              model = lgb.LGBMRegressor(num_leaves=trial.suggest_int("num_leaves", 15, 255), random_state=seed)
              model.fit(X_fit, y_fit)
              return mean_squared_error(y_score, model.predict(X_score))
          study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
          study.optimize(objective, n_trials=n_trials)
          return study
    `,
    'tune.py': py`
      import pandas as pd
      from tuning import run_study

      train = pd.read_parquet("data/train.parquet")
      held = pd.read_parquet("data/${scored}.parquet")
      study = run_study(train[["a"]], train["y"], held[["a"]], held["y"], 50, 0)
    `,
  });

  it('is cited at the call that handed them', () => {
    const [f] = of(code('test'), 'test-set-selection');
    expect(f?.file).toBe('tune.py');
    expect(f?.line).toBe(6);
  });

  it('stays silent for validation rows', () => {
    expect(of(code('valid'), 'test-set-selection')).toEqual([]);
  });
});

describe('stepwise selection by statsmodels p-values', () => {
  const code = (rows: string) => ({
    'train.py': py`
      import pandas as pd
      import statsmodels.api as sm
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import train_test_split

      def backward_eliminate(data, features, target, alpha=0.05):
          kept = list(features)
          while kept:
              fit = sm.Logit(data[target], sm.add_constant(data[kept])).fit(disp=0)
              pvals = fit.pvalues.drop("const")
              worst = pvals.idxmax()
              if pvals[worst] < alpha:
                  break
              kept.remove(worst)
          return kept

      df = pd.read_csv("admissions.csv")
      ${rows}
      model = sm.Logit(train["readmit"], sm.add_constant(train[selected])).fit(disp=0)
      print(roc_auc_score(test["readmit"], model.predict(sm.add_constant(test[selected], has_constant="add"))))
    `,
  });

  it('fires when it runs on all rows before the split', () => {
    const [f] = of(code('selected = backward_eliminate(df, ["age", "los", "prior"], "readmit")\n      train, test = train_test_split(df, test_size=0.25, stratify=df["readmit"], random_state=0)'), 'preprocessing-before-split');
    expect(f?.line).toBe(18);
  });

  it('stays silent when it runs on the training part', () => {
    expect(of(code('train, test = train_test_split(df, test_size=0.25, stratify=df["readmit"], random_state=0)\n      selected = backward_eliminate(train, ["age", "los", "prior"], "readmit")'), 'preprocessing-before-split')).toEqual([]);
  });
});
