// Round-six idioms (tuning and model-selection code): leaderboards sorted for display or to pick, stacked test
// predictions, Keras Tuner searches, functools.partial objectives, records of the best per candidate.
// Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nxgboost==2.1.2\ntensorflow==2.17.0\nkeras-tuner==1.4.7\nhyperopt==0.2.7\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('a leaderboard of test scores', () => {
  const code = (after: string) => ({
    'compare.py': py`
      import pandas as pd
      from sklearn.dummy import DummyRegressor
      from sklearn.ensemble import RandomForestRegressor
      from sklearn.linear_model import Ridge
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("houses.csv")
      X_train, X_test, y_train, y_test = train_test_split(df[["a", "b"]], df["price"], test_size=0.2, random_state=0)
      rows = []
      for name, model in {"prior": DummyRegressor(), "ridge": Ridge(), "rf": RandomForestRegressor(random_state=0)}.items():
          model.fit(X_train, y_train)
          rows.append({"model": name, "rmse": mean_squared_error(y_test, model.predict(X_test)) ** 0.5})
      table = pd.DataFrame(rows).set_index("model").sort_values("rmse")
      print(table)
      ${after}
    `,
  });

  it('sorted to be printed and saved chooses nothing', () => {
    expect(of(code('table.to_csv("comparison.csv")'), 'test-set-selection')).toEqual([]);
  });

  it('picks when its top entry is taken', () => {
    expect(of(code('best = table.index[0]'), 'test-set-selection')).toHaveLength(1);
  });

  it('picks when reshaped and its best is looked up', () => {
    expect(of(code('best = table.round(3)["rmse"].idxmin()'), 'test-set-selection')).toHaveLength(1);
  });
});

describe('a record of the best configuration per candidate, kept in a loop', () => {
  const code = (scoredOn: string) => ({
    'bench.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score
      from sklearn.model_selection import ParameterGrid, train_test_split

      df = pd.read_csv("beans.csv")
      X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns=["cls"]), df["cls"], stratify=df["cls"], random_state=0)
      X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, stratify=y_tr, random_state=0)
      best = {}
      for name, grid in {"logreg": {"C": [0.1, 1.0, 10.0]}}.items():
          best[name] = {"f1": -np.inf}
          for params in ParameterGrid(grid):
              model = LogisticRegression(max_iter=1000, **params).fit(X_fit, y_fit)
              score = f1_score(${scoredOn}, model.predict(${scoredOn === 'y_te' ? 'X_te' : 'X_val'}), average="macro")
              if score > best[name]["f1"]:
                  best[name] = {"f1": score, "params": params}
      print(best)
    `,
  });

  it('fires when the configurations are compared on the test rows', () => {
    expect(of(code('y_te'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when they are compared on validation rows', () => {
    expect(of(code('y_val'), 'test-set-selection')).toEqual([]);
  });
});

describe('a meta-model stacked on base-model predictions', () => {
  const code = (stackedOn: string) => ({
    'stack.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.ensemble import RandomForestRegressor
      from sklearn.linear_model import Ridge, RidgeCV
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("houses.csv")
      X, y = df[["a", "b"]], df["price"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
      X_fit, X_blend, y_fit, y_blend = train_test_split(X_train, y_train, test_size=0.25, random_state=0)
      bases = {"ridge": Ridge().fit(X_fit, y_fit), "rf": RandomForestRegressor(random_state=0).fit(X_fit, y_fit)}
      blend_preds = {k: m.predict(X_blend) for k, m in bases.items()}
      test_preds = {k: m.predict(X_test) for k, m in bases.items()}
      meta = RidgeCV(fit_intercept=False)
      meta.fit(np.column_stack(list(${stackedOn}_preds.values())), y_${stackedOn})
      print(mean_squared_error(y_test, meta.predict(np.column_stack(list(test_preds.values())))))
    `,
  });

  it('fires when it is fitted on the test predictions', () => {
    expect(of(code('test'), 'fit-on-test')).toHaveLength(1);
  });

  it('stays silent when it is fitted on a blending split of the training rows', () => {
    expect(of(code('blend'), 'fit-on-test')).toEqual([]);
  });
});

describe('Keras Tuner and a model the analyzer cannot see built', () => {
  const code = (validation: string) => ({
    'search.py': py`
      import keras
      import keras_tuner as kt
      import numpy as np
      from sklearn.model_selection import train_test_split

      keras.utils.set_random_seed(0)
      x_all, y_all = np.load("data/images.npy"), np.load("data/labels.npy")
      x_train, x_test, y_train, y_test = train_test_split(x_all, y_all, test_size=0.2, stratify=y_all, random_state=0)
      x_fit, x_val, y_fit, y_val = train_test_split(x_train, y_train, test_size=0.2, stratify=y_train, random_state=0)

      def build(hp):
          model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(hp.Int("units", 16, 64, step=16), activation="relu"), keras.layers.Dropout(0.2), keras.layers.Dense(4, activation="softmax")])
          model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
          return model

      tuner = kt.Hyperband(build, objective="val_accuracy", max_epochs=20, seed=0, directory="tuning")
      tuner.search(x_fit, y_fit, epochs=20, validation_data=${validation})
      model = tuner.hypermodel.build(tuner.get_best_hyperparameters(1)[0])
      model.fit(x_fit, y_fit, epochs=30, validation_data=${validation}, callbacks=[keras.callbacks.EarlyStopping(patience=5)])
      print(model.evaluate(x_test, y_test))
    `,
  });

  it('fire when the search and the final fit validate on the test rows', () => {
    expect(of(code('(x_test, y_test)'), 'test-set-selection').map((f) => f.line).sort((a, b) => a - b)).toEqual([17, 19]);
  });

  it('stay silent when they validate on a split of the training rows', () => {
    expect(of(code('(x_val, y_val)'), 'test-set-selection')).toEqual([]);
  });
});

describe('an objective bound with functools.partial', () => {
  const code = (cv: string) => ({
    'tune.py': py`
      from functools import partial

      import numpy as np
      import pandas as pd
      from hyperopt import STATUS_OK, Trials, fmin, hp, tpe
      from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score
      from xgboost import XGBRegressor

      def objective(params, X, y):
          model = XGBRegressor(n_estimators=300, random_state=0, max_depth=int(params["max_depth"]))
          scores = cross_val_score(model, X, y, cv=${cv}, scoring="neg_mean_absolute_error")
          return {"loss": -scores.mean(), "status": STATUS_OK}

      sales = pd.read_parquet("sales.parquet").sort_values("date")
      sales["lag_7"] = sales.groupby("sku")["units"].shift(7)
      X, y = sales[["lag_7"]], sales["units"]
      best = fmin(fn=partial(objective, X=X, y=y), space={"max_depth": hp.quniform("max_depth", 3, 10, 1)}, algo=tpe.suggest, max_evals=50, trials=Trials(), rstate=np.random.default_rng(0))
      print(best)
    `,
  });

  it('runs with the bound rows: shuffled folds of time-ordered sales fire', () => {
    expect(of(code('KFold(n_splits=5, shuffle=True, random_state=0)'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stays silent with time-ordered folds', () => {
    expect(of(code('TimeSeriesSplit(n_splits=5)'), 'shuffled-time-series-split')).toEqual([]);
  });
});
