// Round-five idioms (finance packages, sensor rigs, in-house frameworks): transformer classes written in the
// project, frames listed for a helper, multi-line imports, settings named on the command line, registries of
// splitters. Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\nxgboost==2.1.2\npyyaml==6.0.2\nomegaconf==2.3.0\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('a run of a test rig named in the data file', () => {
  const code = (file: string) => ({
    'train_ae.py': py`
      import pandas as pd
      from sklearn.decomposition import PCA
      from sklearn.preprocessing import StandardScaler

      df = pd.read_parquet("data/${file}.parquet").sort_values("timestamp").reset_index(drop=True)
      n = len(df)
      train_df, test_df = df.iloc[: int(0.6 * n)], df.iloc[int(0.6 * n) :]
      scaler = StandardScaler().fit(train_df[["band_1", "band_2"]])
      pca = PCA(n_components=2, random_state=0).fit(scaler.transform(train_df[["band_1", "band_2"]]))
      print(pca.transform(scaler.transform(test_df[["band_1", "band_2"]])))
    `,
  });

  it('is an experiment, not the test split: fits on the first rows stay silent', () => {
    expect(of(code('ims_test2_fft_bands'), 'fit-on-test')).toEqual([]);
  });

  it('still reads a file named as the test split as test rows', () => {
    expect(of(code('bands_test'), 'fit-on-test').length).toBeGreaterThan(0);
  });
});

describe('a preprocessor class fitted on the frames listed for it', () => {
  const files = (frames: string) => ({
    'credit/__init__.py': '',
    'credit/preprocess.py': py`
      import pandas as pd
      from sklearn.impute import SimpleImputer
      from sklearn.preprocessing import StandardScaler

      class CreditPreprocessor:
          def __init__(self, cols):
              self.cols = cols
              self.imputer = SimpleImputer(strategy="median")
              self.scaler = StandardScaler()

          def fit(self, frames):
              data = pd.concat([f[self.cols] for f in frames], ignore_index=True)
              self.scaler.fit(self.imputer.fit_transform(data))
              return self

          def transform(self, df):
              return self.scaler.transform(self.imputer.transform(df[self.cols]))
    `,
    'train.py': py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import roc_auc_score
      from credit.preprocess import CreditPreprocessor

      train_df = pd.read_csv("data/loans_train.csv")
      holdout_df = pd.read_csv("data/loans_holdout.csv")
      prep = CreditPreprocessor(["age", "debt_ratio"])
      prep.fit(${frames})
      model = LogisticRegression(max_iter=1000).fit(prep.transform(train_df), train_df["bad"])
      print(roc_auc_score(holdout_df["bad"], model.predict_proba(prep.transform(holdout_df))[:, 1]))
    `,
  });

  it('fires when the holdout file is among them, with the call that listed it as a site', () => {
    const found = of(files('[train_df, holdout_df]'), 'fit-on-test');
    expect(found).toHaveLength(1);
    expect(found[0]?.sites).toContainEqual({ file: 'train.py', line: 9 });
  });

  it('stays silent when only the training file is listed', () => {
    expect(of(files('[train_df]'), 'fit-on-test')).toEqual([]);
  });
});

describe('a transformer class written in the project', () => {
  const code = (fitBody: string, use: string) => ({
    'woe.py': py`
      import numpy as np
      import pandas as pd

      class WoEBinner:
          def __init__(self, max_bins=6):
              self.max_bins = max_bins
              self.tables_ = {}

          def fit(self, X, y):
              ${fitBody}
              return self

          def transform(self, X):
              out = pd.DataFrame(index=X.index)
              for col in X.columns:
                  out[col] = X[col].map(self.tables_.get(col, {})).fillna(0.0)
              return out

          def fit_transform(self, X, y):
              return self.fit(X, y).transform(X)
    `,
    'train.py': py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import train_test_split
      from woe import WoEBinner

      df = pd.read_parquet("applications.parquet")
      features = ["income", "age"]
      binner = WoEBinner(max_bins=5)
      ${use}
      model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
      print(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    `,
  });
  const learns = 'for col in X.columns:\n                  self.tables_[col] = pd.DataFrame({"x": X[col], "y": y}).groupby("x")["y"].mean()';
  const beforeSplit = 'woe = binner.fit_transform(df[features], df["bad"])\n      X_train, X_test, y_train, y_test = train_test_split(woe, df["bad"], stratify=df["bad"], random_state=0)';
  const afterSplit =
    'X_tr, X_te, y_train, y_test = train_test_split(df[features], df["bad"], stratify=df["bad"], random_state=0)\n      X_train = binner.fit_transform(X_tr, y_train)\n      X_test = binner.transform(X_te)';

  it('fires when it learns label statistics from all rows before the split', () => {
    const [f] = of(code(learns, beforeSplit), 'preprocessing-before-split');
    expect(f?.line).toBe(10);
  });

  it('stays silent when it is fitted on the training part', () => {
    expect(of(code(learns, afterSplit), 'preprocessing-before-split')).toEqual([]);
  });

  it('stays silent when its fit learns nothing (a stateless step)', () => {
    expect(of(code('self.columns_ = list(X.columns)', beforeSplit), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('helpers imported in a parenthesised list over several lines', () => {
  const files = (fitOn: string) => ({
    'rul/__init__.py': '',
    'rul/features.py': py`
      from sklearn.preprocessing import StandardScaler

      def scale_sensors(df, cols):
          scaler = StandardScaler()
          out = df.copy()
          out[cols] = scaler.fit_transform(df[cols])
          return out, scaler
    `,
    'train.py': py`
      import pandas as pd
      from sklearn.linear_model import Ridge
      from sklearn.metrics import mean_absolute_error
      from sklearn.model_selection import GroupShuffleSplit
      from rul.features import (
          scale_sensors,  # fitted here
      )

      frame = pd.read_csv("data/fleet.csv")
      ${fitOn}
    `,
  });

  it('are followed: a scaler they fit on every engine before the split fires', () => {
    const files_ = files('frame, scaler = scale_sensors(frame, ["s1", "s2"])\n      a, b = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(frame, groups=frame["unit"]))\n      model = Ridge().fit(frame.iloc[a][["s1", "s2"]], frame.iloc[a]["rul"])\n      print(mean_absolute_error(frame.iloc[b]["rul"], model.predict(frame.iloc[b][["s1", "s2"]])))');
    expect(of(files_, 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stay silent when the helper scales the training engines only', () => {
    const files_ = files('a, b = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(frame, groups=frame["unit"]))\n      train, scaler = scale_sensors(frame.iloc[a], ["s1", "s2"])\n      model = Ridge().fit(train[["s1", "s2"]], train["rul"])\n      test = frame.iloc[b].copy()\n      test[["s1", "s2"]] = scaler.transform(test[["s1", "s2"]])\n      print(mean_absolute_error(test["rul"], model.predict(test[["s1", "s2"]])))');
    expect(of(files_, 'preprocessing-before-split')).toEqual([]);
  });
});

describe('a settings file named on the command line', () => {
  const files = (evalSplit: string) => ({
    'configs/fraud.yaml': `seed: 7\ntrain:\n  eval_split: ${evalSplit}\n  early_stopping_rounds: 100\n`,
    'fraudkit/__init__.py': '',
    'fraudkit/run.py': py`
      import sys
      import pandas as pd
      import xgboost as xgb
      from omegaconf import OmegaConf
      from sklearn.metrics import average_precision_score
      from sklearn.model_selection import train_test_split

      cfg = OmegaConf.merge(OmegaConf.load(sys.argv[1]), OmegaConf.from_dotlist(sys.argv[2:]))
      df = pd.read_parquet("transactions.parquet")
      X, y = df.drop(columns=["is_fraud"]), df["is_fraud"]
      X_rest, X_hold, y_rest, y_hold = train_test_split(X, y, test_size=0.2, stratify=y, random_state=cfg.seed)
      X_train, X_valid, y_train, y_valid = train_test_split(X_rest, y_rest, test_size=0.2, stratify=y_rest, random_state=cfg.seed)
      splits = {"train": (X_train, y_train), "valid": (X_valid, y_valid), "holdout": (X_hold, y_hold)}
      es_X, es_y = splits[cfg.train.eval_split]
      model = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=cfg.train.early_stopping_rounds, random_state=cfg.seed)
      model.fit(X_train, y_train, eval_set=[(es_X, es_y)])
      print(average_precision_score(y_hold, model.predict_proba(X_hold)[:, 1]))
    `,
  });

  it("is the review's only settings file: early stopping on the split it names as holdout fires", () => {
    expect(of(files('holdout'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it names the validation split', () => {
    expect(of(files('valid'), 'test-set-selection')).toEqual([]);
  });
});

describe('a splitter picked from a registry by a setting', () => {
  const files = (params: string) => ({
    'configs/demand.yaml': `seed: 3\ncv:\n  name: kfold\n  params:\n${params}`,
    'cv.py': py`
      from sklearn.model_selection import KFold, TimeSeriesSplit

      SPLITTERS = {"kfold": KFold, "timeseries": TimeSeriesSplit}

      def build_splitter(spec):
          return SPLITTERS[spec["name"]](**spec.get("params", {}))
    `,
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      import yaml
      from sklearn.metrics import mean_absolute_error
      from cv import build_splitter

      cfg = yaml.safe_load(open("configs/demand.yaml"))
      df = pd.read_parquet("sales.parquet").sort_values("date")
      df["lag_7"] = df.groupby("item")["units"].shift(7)
      X, y = df[["lag_7"]], df["units"]
      for tr, va in build_splitter(cfg["cv"]).split(X):
          m = lgb.LGBMRegressor(random_state=cfg["seed"]).fit(X.iloc[tr], y.iloc[tr])
          print(mean_absolute_error(y.iloc[va], m.predict(X.iloc[va])))
    `,
  });

  it('is that class: a shuffled KFold over lagged daily sales fires', () => {
    expect(of(files('    n_splits: 5\n    shuffle: true\n    random_state: 3\n'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('is seeded by a random_state spread from the settings', () => {
    expect(of(files('    n_splits: 5\n    shuffle: true\n    random_state: 3\n'), 'missing-random-seed')).toEqual([]);
  });

  it('is unseeded when the settings spread no random_state', () => {
    expect(of(files('    n_splits: 5\n    shuffle: true\n'), 'missing-random-seed')).toHaveLength(1);
  });

  it('stays silent when the settings keep the folds in order', () => {
    expect(of(files('    n_splits: 5\n'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('a network scored by hand on the rows it was fitted on', () => {
  const code = (evaluate: string) => ({
    'wear.py': py`
      import numpy as np
      import scipy.io
      import tensorflow as tf

      tf.keras.utils.set_random_seed(0)
      mill = scipy.io.loadmat("mill.mat")["mill"][0]
      windows, targets = [], []
      for run in mill:
          windows.append(np.asarray(run["smcAC"], dtype=np.float32)[:1024])
          targets.append(float(run["VB"]))
      X, y = np.stack(windows), np.asarray(targets, dtype=np.float32)
      model = tf.keras.Sequential([tf.keras.Input(shape=(1024,)), tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dropout(0.2), tf.keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      ${evaluate}
    `,
  });

  it('has no held-out evaluation when its rows have no known part', () => {
    const found = of(code('model.fit(X, y, epochs=60, callbacks=[tf.keras.callbacks.EarlyStopping(monitor="loss", patience=6)])\n      pred = model.predict(X).ravel()\n      print("MAE", np.mean(np.abs(pred - y)))'), 'no-held-out-evaluation');
    expect(found).toHaveLength(1);
  });

  it('stays silent when the last runs are held out and scored', () => {
    expect(of(code('model.fit(X[:-20], y[:-20], epochs=60, validation_split=0.2, callbacks=[tf.keras.callbacks.EarlyStopping(patience=6)])\n      pred = model.predict(X[-20:]).ravel()\n      print("MAE", np.mean(np.abs(pred - y[-20:])))'), 'no-held-out-evaluation')).toEqual([]);
  });
});
