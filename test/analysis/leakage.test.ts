import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();

const HEAD = py`
  import numpy as np
  import pandas as pd
  from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
  from sklearn.preprocessing import StandardScaler, OneHotEncoder, LabelEncoder
  from sklearn.pipeline import make_pipeline
  from sklearn.linear_model import LogisticRegression
  from sklearn.metrics import f1_score
`;

describe('preprocessing-before-split', () => {
  const rule = 'preprocessing-before-split';
  it('fires for a scaler fitted on all rows before train_test_split, citing the fit line', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      X = df.drop(columns=["y"])
      y = df["y"]
      X = StandardScaler().fit_transform(X)
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    `;
    const [f, ...rest] = findings(code, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 11, current: 'X = StandardScaler().fit_transform(X)', category: 'Data Preparation', sites: [{ file: 'train.py', line: 12 }] });
    expect(f?.fixed).toContain('X_train = transformer.fit_transform(X_train)');
    expect(f?.fixed).toContain('X_test = transformer.transform(X_test)');
  });

  it('fires for an encoder fitted on the full frame and applied to the parts after the split', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      enc = OneHotEncoder(handle_unknown="ignore")
      enc.fit(df[["city"]])
      train, test = train_test_split(df, random_state=0)
      X_train = enc.transform(train[["city"]])
      X_test = enc.transform(test[["city"]])
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ line: 10, current: 'enc.fit(df[["city"]])' });
  });

  it('fires once for fillna with a full-data mean and mean encoding via groupby before the same split', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      df["age"] = df["age"].fillna(df["age"].mean())
      df["city_enc"] = df.groupby("city")["y"].transform("mean")
      train, test = train_test_split(df, random_state=0)
    `;
    const found = findings(code, rule);
    expect(found.map((f) => [f.line, f.endLine])).toEqual([[9, 10]]);
    expect(found[0]?.issue).toContain('groupby(...).transform()');
  });

  it('fires when the leaky step is inside a helper function of the same file', () => {
    const code = HEAD + py`
      def prepare(frame):
          scaler = StandardScaler()
          frame[["a", "b"]] = scaler.fit_transform(frame[["a", "b"]])
          return frame

      df = prepare(pd.read_csv("data.csv"))
      train, test = train_test_split(df, random_state=0)
    `;
    // The call that passed all rows in is what to change; the fit inside the helper is a site.
    const [f] = findings(code, rule);
    expect(f?.line).toBe(13);
    expect(f?.sites).toEqual([{ file: 'train.py', line: 10 }, { file: 'train.py', line: 14 }]);
  });

  it('fires for a scaled matrix that is cross-validated afterwards, with a pipeline rewrite', () => {
    const code = HEAD + py`
      X, y = load_data()
      X_scaled = StandardScaler().fit_transform(X)
      scores = cross_val_score(LogisticRegression(), X_scaled, y, cv=5, scoring="f1")
    `;
    const [f] = findings(code, rule);
    expect(f?.line).toBe(9);
    expect(f?.fixed).toContain('make_pipeline(StandardScaler(), LogisticRegression())');
  });

  it('stays silent when the scaler is fitted on the training part only', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["y"]), df["y"], random_state=0)
      scaler = StandardScaler()
      X_train = scaler.fit_transform(X_train)
      X_test = scaler.transform(X_test)
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('stays silent for a Pipeline given to cross_val_score and GridSearchCV on training data', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["y"]), df["y"], random_state=0)
      pipe = make_pipeline(StandardScaler(), LogisticRegression())
      print(cross_val_score(pipe, X_train, y_train, cv=5))
      search = GridSearchCV(pipe, {"logisticregression__C": [0.1, 1, 10]}, cv=5)
      search.fit(X_train, y_train)
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('stays silent for a full-data transform used only for a plot', () => {
    const code = HEAD + py`
      from sklearn.decomposition import PCA
      import matplotlib.pyplot as plt
      df = pd.read_csv("data.csv")
      coords = PCA(n_components=2).fit_transform(StandardScaler().fit_transform(df[["a", "b", "c"]]))
      plt.scatter(coords[:, 0], coords[:, 1])
      X_train, X_test, y_train, y_test = train_test_split(df[["a", "b", "c"]], df["y"], random_state=0)
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('stays silent when a name is reused in a later, unrelated notebook section', () => {
    const nb = [
      '# %% [markdown] cell 1',
      '# EDA',
      '# %% [code] cell 2',
      'import pandas as pd',
      'from sklearn.preprocessing import StandardScaler',
      'from sklearn.model_selection import train_test_split',
      'df = pd.read_csv("data.csv")',
      'X = StandardScaler().fit_transform(df[["a", "b"]])',
      'print(X.mean(axis=0))',
      '# %% [markdown] cell 3',
      '# Modelling',
      '# %% [code] cell 4',
      'X = df[["a", "b"]]',
      'X_train, X_test, y_train, y_test = train_test_split(X, df["y"], random_state=0)',
    ].join('\n');
    expect(findings({ 'eda.ipynb': nb, 'requirements.txt': 'pandas==2.2.3\n' }, rule)).toEqual([]);
  });

  it('stays silent for stateless transforms before the split and for a label encoder on the target', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      df["log_income"] = np.log1p(df["income"])
      df = df.drop(columns=["id"])
      y = LabelEncoder().fit_transform(df["target"])
      X_train, X_test, y_train, y_test = train_test_split(df, y, random_state=0)
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('stays silent for CV that manages its own splits on raw data', () => {
    const code = HEAD + py`
      df = pd.read_csv("data.csv")
      print(cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), df[["a"]], df["y"], cv=KFold(5, shuffle=True, random_state=0)))
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('fit-on-test', () => {
  const rule = 'fit-on-test';
  it('fires for fit_transform on the test part, with a transform() rewrite', () => {
    const code = HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
      scaler = StandardScaler()
      X_train = scaler.fit_transform(X_train)
      X_test = scaler.fit_transform(X_test)
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 11, fixed: 'X_test = scaler.transform(X_test)' });
  });

  it('fires for a model fitted on validation rows of a second split', () => {
    const code = HEAD + py`
      X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, random_state=0)
      X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, random_state=0)
      model = LogisticRegression(C=0.5)
      model.fit(X_val, y_val)
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([11]);
  });

  it('stays silent for predict/score on the test part and for a refit on train+val', () => {
    const code = HEAD + py`
      X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, random_state=0)
      X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, random_state=0)
      model = LogisticRegression(C=0.5).fit(X_train, y_train)
      print(f1_score(y_val, model.predict(X_val)))
      final = LogisticRegression(C=0.5).fit(pd.concat([X_train, X_val]), pd.concat([y_train, y_val]))
      print(f1_score(y_test, final.predict(X_test)))
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('oversampling-before-split', () => {
  const rule = 'oversampling-before-split';
  it('fires for SMOTE on all rows before the split', () => {
    const code = HEAD + py`
      from imblearn.over_sampling import SMOTE
      X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)
      X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, random_state=0, stratify=y_res)
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 9, sites: [{ file: 'train.py', line: 10 }] });
  });

  it('fires for upsampling with resample(replace=True) before the split', () => {
    const code = HEAD + py`
      from sklearn.utils import resample
      df = pd.read_csv("data.csv")
      minority = df[df.y == 1]
      majority = df[df.y == 0]
      up = resample(minority, replace=True, n_samples=len(majority), random_state=0)
      balanced = pd.concat([majority, up])
      train, test = train_test_split(balanced, random_state=0)
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when only the training part is oversampled', () => {
    const code = HEAD + py`
      from imblearn.over_sampling import SMOTE
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      X_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('test-set-selection', () => {
  const rule = 'test-set-selection';
  it('fires for a loop that keeps the best test score', () => {
    const code = HEAD + py`
      from sklearn.neighbors import KNeighborsClassifier
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      best_score, best_k = 0, None
      for k in [1, 3, 5, 7]:
          model = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
          score = f1_score(y_test, model.predict(X_test))
          if score > best_score:
              best_score, best_k = score, k
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 13, endLine: 14 });
    expect(f?.fixed).toContain('f1_score(y_val, model.predict(X_val))');
  });

  it('fires for candidate models scored on the test set and the best picked with max()', () => {
    const code = HEAD + py`
      from sklearn.ensemble import RandomForestClassifier
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      results = {}
      for name, model in {"lr": LogisticRegression(), "rf": RandomForestClassifier(n_estimators=100)}.items():
          model.fit(X_train, y_train)
          results[name] = f1_score(y_test, model.predict(X_test))
      best = max(results, key=results.get)
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ line: 13, sites: [{ file: 'train.py', line: 14 }] });
  });

  it('fires for GridSearchCV fitted on the test set, Keras validation_data and XGBoost early stopping on test', () => {
    const code = HEAD + py`
      import xgboost as xgb
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      search = GridSearchCV(LogisticRegression(), {"C": [0.1, 1]}, cv=5)
      search.fit(X_test, y_test)
      net = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
      net.fit(X_train, y_train, epochs=10, validation_data=(X_test, y_test))
      booster = xgb.XGBClassifier(n_estimators=500, early_stopping_rounds=20)
      booster.fit(X_train, y_train, eval_set=[(X_test, y_test)])
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([11, 13, 15]);
  });

  it('stays silent for validation-set selection and for eval_set monitoring without early stopping', () => {
    const code = HEAD + py`
      import xgboost as xgb
      X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, random_state=0, stratify=y)
      X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, random_state=0, stratify=y_tmp)
      best = 0
      for c in [0.1, 1, 10]:
          m = LogisticRegression(C=c).fit(X_train, y_train)
          s = f1_score(y_val, m.predict(X_val))
          if s > best:
              best, best_c = s, c
      booster = xgb.XGBClassifier(n_estimators=200)
      booster.fit(X_train, y_train, eval_set=[(X_test, y_test)])
      print(f1_score(y_test, LogisticRegression(C=best_c).fit(X_train, y_train).predict(X_test)))
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('shuffled-time-series-split', () => {
  const rule = 'shuffled-time-series-split';
  it('fires for lag features followed by a shuffled split, with a shuffle=False rewrite', () => {
    const code = HEAD + py`
      df = pd.read_csv("sales.csv")
      df["lag_1"] = df["sales"].shift(1)
      df["roll_7"] = df["sales"].rolling(7).mean()
      X_train, X_test, y_train, y_test = train_test_split(df[["lag_1", "roll_7"]], df["sales"], test_size=0.2, random_state=1)
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 11, fixed: 'X_train, X_test, y_train, y_test = train_test_split(df[["lag_1", "roll_7"]], df["sales"], test_size=0.2, shuffle=False)' });
  });

  it('fires for KFold(shuffle=True) over rows sorted by date', () => {
    const code = HEAD + py`
      df = pd.read_csv("sales.csv", parse_dates=["date"]).sort_values("date")
      cv = KFold(n_splits=5, shuffle=True, random_state=0)
      print(cross_val_score(LogisticRegression(), df[["x"]], df["y"], cv=cv, scoring="f1"))
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([10]);
  });

  it('stays silent for shuffle=False and TimeSeriesSplit on time series, and for dates merely parsed', () => {
    const code = HEAD + py`
      df = pd.read_csv("sales.csv", parse_dates=["date"])
      df["lag_1"] = df["sales"].shift(1)
      X_train, X_test, y_train, y_test = train_test_split(df[["lag_1"]], df["sales"], shuffle=False)
      print(cross_val_score(LogisticRegression(), df[["lag_1"]], df["y"], cv=TimeSeriesSplit(5), scoring="f1"))
      other = pd.read_csv("customers.csv", parse_dates=["signup"])
      other["month"] = other["signup"].dt.month
      a, b = train_test_split(other, random_state=0)
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('preprocessing-before-split rewrite of several steps', () => {
  it('splits first and fits every step on the train part, keeping the lines between', () => {
    const code = HEAD + py`
      X = pd.read_csv("data.csv")
      imputer = SimpleImputer(strategy="median")
      X[NUM] = imputer.fit_transform(X[NUM])
      scaler = StandardScaler()
      X[NUM] = scaler.fit_transform(X[NUM])
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    `;
    const [f] = findings(code, 'preprocessing-before-split');
    expect(f).toMatchObject({ line: 10, endLine: 12 });
    expect(f?.fixed).toBe(
      [
        'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)',
        'X_train[NUM] = imputer.fit_transform(X_train[NUM])',
        'X_test[NUM] = imputer.transform(X_test[NUM])',
        'scaler = StandardScaler()',
        'X_train[NUM] = scaler.fit_transform(X_train[NUM])',
        'X_test[NUM] = scaler.transform(X_test[NUM])',
      ].join('\n'),
    );
  });
});

describe('fit-on-test: the dataflow outranks a part name', () => {
  const rule = 'fit-on-test';
  it('stays silent for a prefit calibrator fitted on a slice split off the development rows, whatever it is named', () => {
    const code = HEAD + py`
      from sklearn.calibration import CalibratedClassifierCV
      from sklearn.ensemble import GradientBoostingClassifier
      HOLDOUT_SIZE = 0.3
      frame = pd.read_parquet("visits.parquet")
      target = frame.pop("no_show")
      dev_x, final_x, dev_y, final_y = train_test_split(frame, target, test_size=HOLDOUT_SIZE, random_state=3)
      core_x, test_ish_x, core_y, test_ish_y = train_test_split(dev_x, dev_y, test_size=0.2, random_state=3)
      gbm = GradientBoostingClassifier(random_state=3).fit(core_x, core_y)
      cal = CalibratedClassifierCV(gbm, cv="prefit")
      cal.fit(test_ish_x, test_ish_y)
      print(f1_score(final_y, cal.predict(final_x)))
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('still fires for a scaler fitted on the validation slice split off the training rows', () => {
    const code = HEAD + py`
      frame = pd.read_parquet("visits.parquet")
      target = frame.pop("no_show")
      tr_x, final_x, tr_y, final_y = train_test_split(frame, target, random_state=3)
      core_x, test_ish_x, core_y, test_ish_y = train_test_split(tr_x, tr_y, random_state=3)
      scaler = StandardScaler().fit(test_ish_x)
      clf = LogisticRegression().fit(scaler.transform(core_x), core_y)
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ line: 12 });
    expect(f?.issue).toContain('validation rows');
  });

  it('still fires for a calibrator that is not prefit (it refits the model) on the real test split', () => {
    const code = HEAD + py`
      from sklearn.calibration import CalibratedClassifierCV
      frame = pd.read_parquet("visits.parquet")
      target = frame.pop("no_show")
      X_train, X_test, y_train, y_test = train_test_split(frame, target, random_state=3)
      cal = CalibratedClassifierCV(LogisticRegression(), cv=3).fit(X_test, y_test)
    `;
    expect(findings(code, rule)).toHaveLength(1);
  });
});

describe('test-set-selection through a list comprehension of scores', () => {
  const rule = 'test-set-selection';
  const BASE = HEAD + py`
    raw = pd.read_csv("loans.csv")
    X_tr, X_te, y_tr, y_te = train_test_split(raw.drop(columns=["bad"]), raw["bad"], random_state=0, stratify=raw["bad"])
    X_fit, X_va, y_fit, y_va = train_test_split(X_tr, y_tr, random_state=0, stratify=y_tr)
    clf = LogisticRegression().fit(X_fit, y_fit)
    grid = np.arange(0.1, 0.9, 0.05)
  `;
  it('fires when cut-offs are scored on the test rows in a comprehension and the best is taken', () => {
    const code = BASE + py`
      p_te = clf.predict_proba(X_te)[:, 1]
      by_cut = [f1_score(y_te, p_te > c) for c in grid]
      cut = grid[int(np.argmax(by_cut))]
    `;
    const [f, ...rest] = findings(code, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 14 });
  });

  it('stays silent when the comprehension scores validation rows, or test scores are only printed', () => {
    const onVal = BASE + py`
      p_va = clf.predict_proba(X_va)[:, 1]
      by_cut = [f1_score(y_va, p_va > c) for c in grid]
      cut = grid[int(np.argmax(by_cut))]
    `;
    const printed = BASE + py`
      p_te = clf.predict_proba(X_te)[:, 1]
      print([f1_score(y_te, p_te > c) for c in grid])
    `;
    expect(findings(onVal, rule)).toEqual([]);
    expect(findings(printed, rule)).toEqual([]);
  });
});

describe('shuffled-time-series-split: a date sort that only picks one row per entity', () => {
  const rule = 'shuffled-time-series-split';
  it('stays silent when the date order served groupby(...).head(1) and the split is shuffled', () => {
    const code = HEAD + py`
      visits = pd.read_csv("visits.csv", parse_dates=["visit_day"])
      firsts = visits.sort_values("visit_day").groupby("member").head(1)
      X_tr, X_te, y_tr, y_te = train_test_split(firsts.drop(columns=["lapsed"]), firsts["lapsed"], random_state=0, stratify=firsts["lapsed"])
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('still fires for rows sorted by date and shuffled without a per-entity pick', () => {
    const code = HEAD + py`
      visits = pd.read_csv("visits.csv", parse_dates=["visit_day"])
      ordered = visits.sort_values("visit_day")
      X_tr, X_te, y_tr, y_te = train_test_split(ordered.drop(columns=["lapsed"]), ordered["lapsed"], random_state=0)
    `;
    expect(findings(code, rule)).toHaveLength(1);
  });
});

describe('preprocessing-before-split: columns chosen by a selector fitted on all rows', () => {
  const rule = 'preprocessing-before-split';
  it('fires when SelectKBest picks columns on every row and the split parts are indexed with them', () => {
    const code = HEAD + py`
      from sklearn.feature_selection import SelectKBest, f_classif
      shop = pd.read_csv("shop.csv")
      picker = SelectKBest(f_classif, k=10).fit(shop.drop(columns=["bought"]), shop["bought"])
      chosen = list(shop.drop(columns=["bought"]).columns[picker.get_support()])
      tr, te = train_test_split(shop, random_state=0, stratify=shop["bought"])
      clf = LogisticRegression().fit(tr[chosen], tr["bought"])
    `;
    const [f, ...rest] = findings(code, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 10 });
  });

  it('stays silent when the selector is fitted on the training part only', () => {
    const code = HEAD + py`
      from sklearn.feature_selection import SelectKBest, f_classif
      shop = pd.read_csv("shop.csv")
      tr, te = train_test_split(shop, random_state=0, stratify=shop["bought"])
      picker = SelectKBest(f_classif, k=10).fit(tr.drop(columns=["bought"]), tr["bought"])
      chosen = list(tr.drop(columns=["bought"]).columns[picker.get_support()])
      clf = LogisticRegression().fit(tr[chosen], tr["bought"])
      print(f1_score(te["bought"], clf.predict(te[chosen])))
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('test-set-selection: rows left beside a named test part in a split by hand are training rows', () => {
  const rule = 'test-set-selection';
  const split = (left: string) => HEAD + py`
    import xgboost as xgb
    feats = pd.read_csv("load.csv", parse_dates=["ts"], index_col="ts")
    cut = feats.index.max() - pd.Timedelta(weeks=8)
    ${left} = feats[feats.index < cut], feats[feats.index >= cut]
    X_hist, y_hist = ${left.split(',')[0]}.drop(columns="y"), ${left.split(',')[0]}["y"]
    X_fit, X_es, y_fit, y_es = train_test_split(X_hist, y_hist, test_size=0.1, shuffle=False)
    model = xgb.XGBRegressor(n_estimators=5000, early_stopping_rounds=100)
    model.fit(X_fit, y_fit, eval_set=[(X_es, y_es)])
  `;

  it('stays silent for early stopping on a slice split off that history', () => {
    expect(findings(split('hist, test'), rule)).toEqual([]);
  });

  it('stays silent for early stopping on a slice of the history beside the later rows', () => {
    expect(findings(split('hist, later'), rule)).toEqual([]);
  });

  it('still fires when the first piece has no name of a part (so the slice may be held out)', () => {
    expect(findings(split('rows, later'), rule).map((f) => f.line)).toEqual([15]);
  });
});

describe('parts kept through a comprehension over a literal tuple and through merges', () => {
  it('fires for a scaler refitted on each part, test included, inside a comprehension', () => {
    const code = HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      X_train, X_test = [StandardScaler().fit_transform(p) for p in (X_train, X_test)]
      model = LogisticRegression().fit(X_train, y_train)
      print(f1_score(y_test, model.predict(X_test)))
    `;
    expect(findings(code, 'fit-on-test').map((f) => f.line)).toEqual([9]);
  });

  it('stays silent when a comprehension merges a table learned on the training part into each part', () => {
    const code = HEAD + py`
      from sklearn.metrics import mean_absolute_error
      import lightgbm as lgb
      sales = pd.read_csv("sales.csv")
      train = sales[sales.week < 40]
      valid = sales[(sales.week >= 40) & (sales.week < 46)]
      test = sales[sales.week >= 46]
      profile = train.groupby("store")["units"].mean().rename("store_mean").reset_index()
      train, valid, test = (p.merge(profile, on="store", how="left") for p in (train, valid, test))
      model = lgb.LGBMRegressor(n_estimators=300, random_state=0)
      model.fit(train[["store_mean"]], train["units"], eval_set=[(valid[["store_mean"]], valid["units"])])
      print(mean_absolute_error(test["units"], model.predict(test[["store_mean"]])))
    `;
    const serious = findings(code).filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH');
    expect(serious).toEqual([]);
  });

  it('still fires when that table is learned on all rows before the parts are cut', () => {
    const code = HEAD + py`
      from sklearn.metrics import mean_absolute_error
      import lightgbm as lgb
      sales = pd.read_csv("sales.csv")
      profile = sales.groupby("store")["units"].mean().rename("store_mean").reset_index()
      sales = sales.merge(profile, on="store", how="left")
      train = sales[sales.week < 46]
      test = sales[sales.week >= 46]
      model = lgb.LGBMRegressor(n_estimators=300, random_state=0)
      model.fit(train[["store_mean"]], train["units"])
      print(mean_absolute_error(test["units"], model.predict(test[["store_mean"]])))
    `;
    expect(findings(code, 'preprocessing-before-split').map((f) => f.line)).toEqual([11]);
  });
});

describe('preprocessing-before-split: statistics merged back onto the rows they were computed from', () => {
  const rule = 'preprocessing-before-split';
  it('fires for a per-group churn rate of all customers merged onto them before the split', () => {
    const code = HEAD + py`
      customers = pd.read_csv("customers.csv")
      rates = customers.groupby(["plan", "region"])["churned"].mean().rename("plan_rate").reset_index()
      customers = customers.merge(rates, on=["plan", "region"], how="left")
      X_tr, X_te, y_tr, y_te = train_test_split(customers[["plan_rate"]], customers["churned"], stratify=customers["churned"], random_state=0)
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([9]);
  });

  it('stays silent for a lookup table aggregated from another source and merged before the split', () => {
    const code = HEAD + py`
      customers = pd.read_csv("customers.csv")
      towers = pd.read_csv("towers.csv")
      coverage = towers.groupby("region")["signal"].mean().rename("region_signal").reset_index()
      customers = customers.merge(coverage, on="region", how="left")
      X_tr, X_te, y_tr, y_te = train_test_split(customers[["region_signal"]], customers["churned"], stratify=customers["churned"], random_state=0)
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('stays silent for the same rates learned on the training part and merged onto each part', () => {
    const code = HEAD + py`
      customers = pd.read_csv("customers.csv")
      train, test = train_test_split(customers, stratify=customers["churned"], random_state=0)
      rates = train.groupby("plan")["churned"].mean().rename("plan_rate").reset_index()
      train = train.merge(rates, on="plan", how="left")
      test = pd.merge(test, rates, on="plan", how="left")
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('shuffled-time-series-split: the cv= splitter of a search', () => {
  const rule = 'shuffled-time-series-split';
  const code = (folds: string, lagged: boolean) => HEAD + py`
    from sklearn.model_selection import RandomizedSearchCV
    from sklearn.ensemble import GradientBoostingRegressor
    load = pd.read_csv("load.csv")
    ${lagged ? 'load["lag_24"] = load["mw"].shift(24)' : 'load["temp_sq"] = load["temp"] ** 2'}
    X, y = load.drop(columns="mw"), load["mw"]
    folds = ${folds}
    search = RandomizedSearchCV(GradientBoostingRegressor(random_state=0), {"max_depth": [2, 3, 4]}, n_iter=3, cv=folds, random_state=0)
    search.fit(X, y)
  `;

  it('fires at the splitter for KFold(shuffle=True) given to a search over lag features', () => {
    const [f] = findings(code('KFold(n_splits=5, shuffle=True, random_state=0)', true), rule);
    expect(f?.line).toBe(13);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'train.py', line: 15 }]));
  });

  it('stays silent for TimeSeriesSplit, and for shuffled folds of rows that are not time-ordered', () => {
    expect(findings(code('TimeSeriesSplit(n_splits=5)', true), rule)).toEqual([]);
    expect(findings(code('KFold(n_splits=5, shuffle=True, random_state=0)', false), rule)).toEqual([]);
  });
});

describe('shuffled-time-series-split: windows collected in a list and stacked', () => {
  const rule = 'shuffled-time-series-split';
  const code = (split: string, load: string) => HEAD + py`
    meter = ${load}
    arr = meter[["kwh", "temp"]].to_numpy()
    def make_windows(a, lookback):
        xs, ys = [], []
        for start in range(len(a) - lookback):
            xs.append(a[start:start + lookback])
            ys.append(a[start + lookback, 0])
        return np.stack(xs), np.array(ys)
    X, Y = make_windows(arr, 168)
    X_fit, X_eval, Y_fit, Y_eval = ${split}
  `;
  const timed = 'pd.read_csv("meter.csv", parse_dates=["ts"], index_col="ts")';

  it('fires for a shuffled split of windows cut from a date-indexed series', () => {
    expect(findings(code('train_test_split(X, Y, test_size=0.2, random_state=3)', timed), rule).map((f) => f.line)).toEqual([17]);
  });

  it('stays silent for shuffle=False, and for windows of rows with no time order', () => {
    expect(findings(code('train_test_split(X, Y, test_size=0.2, shuffle=False)', timed), rule)).toEqual([]);
    expect(findings(code('train_test_split(X, Y, test_size=0.2, random_state=3)', 'pd.read_csv("spectra.csv")'), rule)).toEqual([]);
  });
});

describe('preprocessing-before-split: tensor statistics before a torch split', () => {
  const rule = 'preprocessing-before-split';
  const TORCH = py`
    import numpy as np
    import torch
    from torch.utils.data import TensorDataset, random_split, Subset
  `;

  it('fires for a whole tensor standardised, wrapped in a TensorDataset and cut with random_split', () => {
    const code = TORCH + py`
      X = torch.tensor(np.load("features.npy"), dtype=torch.float32)
      y = torch.tensor(np.load("labels.npy"), dtype=torch.float32)
      mu, sigma = X.mean(dim=0), X.std(dim=0)
      X = (X - mu) / (sigma + 1e-8)
      train_ds, val_ds, test_ds = random_split(TensorDataset(X, y), [0.7, 0.15, 0.15], generator=torch.Generator().manual_seed(0))
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([6]);
  });

  it('fires for images normalised in a helper module before a permutation picks each part (Dataset with indices)', () => {
    const data = py`
      import numpy as np
      import torch

      def load_tensors(path):
          x = torch.from_numpy(np.load(path)).float()
          mean = x.mean()
          std = x.std()
          return (x - mean) / std
    `;
    const main = TORCH + py`
      from cxr.data import load_tensors
      x = load_tensors("images.npy")
      perm = np.random.default_rng(0).permutation(len(x))
      train_idx, test_idx = perm[200:], perm[:200]
      train_set = Subset(TensorDataset(x), train_idx)
      test_set = Subset(TensorDataset(x), test_idx)
    `;
    const found = findings({ 'cxr/__init__.py': '', 'cxr/data.py': data, 'train.py': main, 'requirements.txt': 'torch==2.5.1\n' }, rule);
    expect(found.map((f) => [f.file, f.line])).toEqual([['cxr/data.py', 6]]);
  });

  it('stays silent when the statistics come from the training indices only', () => {
    const code = TORCH + py`
      x = torch.from_numpy(np.load("images.npy")).float()
      perm = np.random.default_rng(0).permutation(len(x))
      train_idx, test_idx = perm[200:], perm[:200]
      mean, std = x[train_idx].mean(), x[train_idx].std()
      train_x = (x[train_idx] - mean) / std
      test_x = (x[test_idx] - mean) / std
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('stays silent for a scaler fitted on stacked training sites and applied to those rows (no split made them)', () => {
    const code = HEAD + py`
      a_x, b_x, c_x = np.load("a.npy"), np.load("b.npy"), np.load("c.npy")
      train_x = np.vstack([a_x, b_x])
      scaler = StandardScaler().fit(np.vstack([a_x, b_x]))
      train_scaled = scaler.transform(train_x)
      external_scaled = scaler.transform(c_x)
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('test-set-selection: a checkpoint kept by its test accuracy (model moved with .to(device))', () => {
  const code = (loader: string) => py`
    import torch
    from torch import nn
    from torch.utils.data import DataLoader
    from torchvision import datasets

    class Net(nn.Module):
        def forward(self, x):
            return x

    def accuracy(model, loader):
        model.eval()
        correct = total = 0
        with torch.no_grad():
            for x, y in loader:
                pred = model(x.to("cuda")).argmax(1)
                correct += (pred == y).sum().item()
                total += y.numel()
        return correct / total

    train_set = datasets.CIFAR10("data", train=True)
    full_test = datasets.CIFAR10("data", train=False)
    val_set, test_set = torch.utils.data.random_split(full_test, [5000, 5000], generator=torch.Generator().manual_seed(0))
    model = Net().to("cuda")
    best = 0.0
    for epoch in range(10):
        score = accuracy(model, DataLoader(${loader}, batch_size=256))
        if score > best:
            best = score
            torch.save(model.state_dict(), "best.pt")
  `;

  it('fires when the kept checkpoint is the one with the best test accuracy', () => {
    // From the line that measures the test score in the loop to the comparison that keeps the best.
    expect(findings(code('test_set'), 'test-set-selection').map((f) => [f.line, f.endLine])).toEqual([[26, 27]]);
  });

  it('stays silent when the checkpoint is chosen on the validation split', () => {
    expect(findings(code('val_set'), 'test-set-selection')).toEqual([]);
  });
});

describe('test-set-selection: a leaderboard of candidate models built from their test scores', () => {
  const code = (X: string, y: string) => HEAD + py`
    from sklearn.metrics import roc_auc_score, average_precision_score
    from sklearn.ensemble import RandomForestClassifier
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=0)
    candidates = {"logreg": LogisticRegression(max_iter=2000), "forest": RandomForestClassifier(n_estimators=300, random_state=0)}
    scores = {}
    for name, est in candidates.items():
        est.fit(X_fit, y_fit)
        proba = est.predict_proba(${X})[:, 1]
        scores[name] = {"roc_auc": roc_auc_score(${y}, proba), "pr_auc": average_precision_score(${y}, proba)}
    leaderboard = pd.DataFrame(scores).T.sort_values("roc_auc", ascending=False)
    best_name = leaderboard.index[0]
  `;

  it('fires when the table of test scores is sorted to pick the model', () => {
    expect(findings(code('X_te', 'y_te'), 'test-set-selection').map((f) => f.line)).toEqual([17]);
  });

  it('stays silent when the leaderboard holds validation scores', () => {
    expect(findings(code('X_val', 'y_val'), 'test-set-selection')).toEqual([]);
  });
});

describe('fit-on-test: a loop over a dict of the parts', () => {
  const rule = 'fit-on-test';
  const code = (body: string) => HEAD + py`
    from sklearn.preprocessing import OrdinalEncoder
    logs = pd.read_parquet("impressions.parquet")
    frames = {
        "train": logs[logs["day"] < 8].copy(),
        "valid": logs[logs["day"] == 8].copy(),
        "test": logs[logs["day"] == 9].copy(),
    }
    ${body}
    model = LogisticRegression(max_iter=1000).fit(frames["train"][["site"]], frames["train"]["click"])
    print(f1_score(frames["test"]["click"], model.predict(frames["test"][["site"]])))
  `;

  it('fires for an encoder refitted on every frame of the loop, the test frame included', () => {
    const body = py`
      for name, frame in frames.items():
          enc = OrdinalEncoder()
          frame[["site"]] = enc.fit_transform(frame[["site"]])
    `;
    expect(findings(code(body.replace(/\n/g, '\n    ')), rule).map((f) => f.line)).toEqual([17]);
  });

  it('stays silent when the encoder is fitted on the training frame and applied in the loop', () => {
    const body = py`
      enc = OrdinalEncoder().fit(frames["train"][["site"]])
      for name, frame in frames.items():
          frame[["site"]] = enc.transform(frame[["site"]])
    `;
    expect(findings(code(body.replace(/\n/g, '\n    ')), rule)).toEqual([]);
  });

  it('stays silent for a loop over a dict of models fitted on the training frame', () => {
    const body = py`
      for name, est in {"lr": LogisticRegression(max_iter=500), "lr2": LogisticRegression(C=0.1, max_iter=500)}.items():
          est.fit(frames["train"][["site"]], frames["train"]["click"])
    `;
    expect(findings(code(body.replace(/\n/g, '\n    ')), rule)).toEqual([]);
  });
});

describe('fit-on-test: a featurizer class whose method refits on every frame it is given', () => {
  const code = (testLine: string) => HEAD + py`
    class Featurizer:
        def __init__(self):
            self.scaler = StandardScaler()

        @staticmethod
        def _clean(frame):
            out = frame.copy()
            out["ratio"] = out["price"] / out["spend"]
            return out

        def build(self, frame):
            frame = self._clean(frame)
            return self.scaler.fit_transform(frame[["price", "ratio"]])

        def apply(self, frame):
            return self.scaler.transform(self._clean(frame)[["price", "ratio"]])

    pairs = pd.read_parquet("pairs.parquet")
    train_pairs, test_pairs = train_test_split(pairs, random_state=0)
    feats = Featurizer()
    X_train = feats.build(train_pairs)
    ${testLine}
  `;

  it('fires at the call that builds the test features (the static helper passes the rows through)', () => {
    const [f] = findings(code('X_test = feats.build(test_pairs)'), 'fit-on-test');
    expect(f?.line).toBe(29);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'train.py', line: 20 }]));
  });

  it('stays silent when the test frame is only transformed', () => {
    expect(findings(code('X_test = feats.apply(test_pairs)'), 'fit-on-test')).toEqual([]);
  });
});

describe('test-set-selection: Hugging Face Trainer evaluating on the test split', () => {
  const rule = 'test-set-selection';
  const code = (evalKey: string, callbacks: string, loadBest: string) => py`
    import pandas as pd
    from datasets import Dataset, DatasetDict
    from sklearn.model_selection import train_test_split
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, EarlyStoppingCallback, Trainer, TrainingArguments

    reviews = pd.read_csv("reviews.csv")
    train_df, test_df = train_test_split(reviews, test_size=0.15, stratify=reviews["label"], random_state=0)
    fit_df, val_df = train_test_split(train_df, test_size=0.1, stratify=train_df["label"], random_state=0)
    ds = DatasetDict({"train": Dataset.from_pandas(fit_df), "validation": Dataset.from_pandas(val_df), "test": Dataset.from_pandas(test_df)})
    tok = AutoTokenizer.from_pretrained("distilbert-base-uncased")
    ds = ds.map(lambda b: tok(b["text"], truncation=True), batched=True)
    args = TrainingArguments(output_dir="runs", eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=${loadBest}, seed=0)
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
    trainer = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds["${evalKey}"], callbacks=[${callbacks}])
    trainer.train()
    print(trainer.evaluate(ds["test"]))
  `;

  it('fires when early stopping or the kept checkpoint follow the test split, with a validation rewrite', () => {
    const [f] = findings(code('test', 'EarlyStoppingCallback(early_stopping_patience=2)', 'True'), rule);
    expect(f?.line).toBe(14);
    expect(f?.fixed).toContain('eval_dataset=ds["validation"]');
    expect(findings(code('test', '', 'True'), rule).map((x) => x.line)).toEqual([14]);
  });

  it('stays silent for the validation split, and for a test split only logged each epoch', () => {
    expect(findings(code('validation', 'EarlyStoppingCallback(early_stopping_patience=2)', 'True'), rule)).toEqual([]);
    expect(findings(code('test', '', 'False'), rule)).toEqual([]);
  });
});

describe('preprocessing-before-split: encoders given their categories learn nothing from the rows', () => {
  const rule = 'preprocessing-before-split';
  const code = (enc: string) => HEAD + py`
    from sklearn.compose import ColumnTransformer
    claims = pd.read_csv("claims.csv")
    codes = {c: sorted(pd.read_csv(f"codes/{c}.csv")["code"]) for c in ["type", "segment"]}
    enc = ${enc}
    X = enc.fit_transform(claims[["type", "segment", "amount"]])
    X_tr, X_te, y_tr, y_te = train_test_split(X, claims["fraud"], stratify=claims["fraud"], random_state=0)
  `;
  const fixed = 'OneHotEncoder(categories=[codes["type"], codes["segment"]], handle_unknown="ignore")';

  it('stays silent for a one-hot encoder with fixed categories, alone or in a ColumnTransformer with passthrough', () => {
    expect(findings(code(fixed), rule)).toEqual([]);
    expect(findings(code(`ColumnTransformer([("cat", ${fixed}, ["type", "segment"])], remainder="passthrough")`), rule)).toEqual([]);
  });

  it('still fires for categories learned from the rows, or a scaler beside the fixed encoder', () => {
    expect(findings(code('OneHotEncoder(handle_unknown="ignore")'), rule).map((f) => f.line)).toEqual([12]);
    expect(findings(code(`ColumnTransformer([("cat", ${fixed}, ["type", "segment"])], remainder=StandardScaler())`), rule).map((f) => f.line)).toEqual([12]);
  });
});

describe('held-out rows that are not the test set', () => {
  it('test-set-selection stays silent for early stopping on the held-out fold of a CV splitter', () => {
    const code = HEAD + py`
      from sklearn.model_selection import GroupKFold
      from xgboost import XGBRegressor
      fields = pd.read_csv("fields.csv")
      for tr, va in GroupKFold(n_splits=5).split(fields, groups=fields["farm"]):
          a, b = fields.iloc[tr], fields.iloc[va]
          m = XGBRegressor(n_estimators=2000, early_stopping_rounds=100, random_state=0)
          m.fit(a[["x"]], a["y"], eval_set=[(b[["x"]], b["y"])], verbose=False)
    `;
    expect(findings(code, 'test-set-selection')).toEqual([]);
  });

  it('fit-on-test stays silent for a prefit calibrator on a split named for calibration, and fires on the test split', () => {
    const code = (names: string) => HEAD + py`
      from sklearn.calibration import CalibratedClassifierCV
      from sklearn.ensemble import RandomForestClassifier
      X_fit, X_rest, y_fit, y_rest = train_test_split(X, y, stratify=y, random_state=0)
      ${names} = train_test_split(X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=0)
      forest = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_fit, y_fit)
      calibrated = CalibratedClassifierCV(forest, method="sigmoid", cv="prefit").fit(X_cal, y_cal)
    `;
    expect(findings(code('X_test, X_cal, y_test, y_cal'), 'fit-on-test')).toEqual([]);
    expect(findings(code('X_cal, X_test, y_cal, y_test').replace('.fit(X_cal, y_cal)', '.fit(X_test, y_test)'), 'fit-on-test').map((f) => f.line)).toEqual([13]);
  });

  it('preprocessing-before-split stays silent for a LabelEncoder giving one column its ids, and fires for its refit on the test rows', () => {
    const code = HEAD + py`
      tracks = pd.read_csv("tracks.csv")
      codes = LabelEncoder().fit(tracks["genre"])
      y_all = codes.transform(tracks["genre"])
      x_tr, x_te, y_tr, y_te = train_test_split(tracks[["tempo"]], y_all, stratify=y_all, random_state=0)
    `;
    expect(findings(code, 'preprocessing-before-split')).toEqual([]);
    const refit = code + 'test_rows = tracks.loc[x_te.index]\ntest_codes = LabelEncoder().fit_transform(test_rows["genre"])\n';
    expect(findings(refit, 'fit-on-test')).toHaveLength(1);
  });
});

describe('preprocessing-before-split: rows picked by the ids of one part', () => {
  const code = (ids: string) => HEAD + py`
    pairs = pd.read_csv("pairs.csv")
    expr = pd.read_parquet("expression.parquet")
    order = np.random.default_rng(0).permutation(len(pairs))
    te_idx, tr_idx = order[:500], order[500:]
    lines = ${ids}
    mu, sd = expr.loc[lines].mean(), expr.loc[lines].std()
    g_all = ((expr.loc[pairs["cell_id"]] - mu) / sd).to_numpy()
    g_train, g_test = g_all[tr_idx], g_all[te_idx]
  `;

  it('stays silent for statistics of the rows of the training ids', () => {
    expect(findings(code('pairs["cell_id"].iloc[tr_idx].unique()'), 'preprocessing-before-split')).toEqual([]);
  });

  it('fires for statistics of the rows of every id', () => {
    expect(findings(code('pairs["cell_id"].unique()'), 'preprocessing-before-split').map((f) => f.line)).toEqual([13]);
  });
});

describe('fit-on-test: one split taken with next(splitter.split(...)) is a train/test split', () => {
  const code = (take: string) => HEAD + py`
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import StratifiedShuffleSplit
    sss = StratifiedShuffleSplit(n_splits=1, test_size=0.25, random_state=0)
    ${take}
        X_fit, y_fit, X_out, y_out = X.iloc[fit_rows], y[fit_rows], X.iloc[out_rows], y[out_rows]
        gbm = HistGradientBoostingClassifier(random_state=0).fit(X_fit, y_fit)
        cal = CalibratedClassifierCV(gbm, method="isotonic", cv="prefit").fit(X_out, y_out)
  `;

  it('fires for a prefit calibrator fitted on the rows held out by that single split', () => {
    expect(findings(code('fit_rows, out_rows = next(sss.split(X, y))\nif True:'), 'fit-on-test').map((f) => f.line)).toEqual([16]);
  });

  it('stays silent inside a loop over the folds (the held-out fold is a validation fold)', () => {
    expect(findings(code('for fit_rows, out_rows in sss.split(X, y):'), 'fit-on-test')).toEqual([]);
  });
});

describe('preprocessing-before-split: parts picked through nested index arrays and masks', () => {
  const code = (stats: string) => HEAD + py`
    from sklearn.model_selection import GroupShuffleSplit
    blob = np.load("windows.npz")
    W, rul, vin = blob["X"], blob["rul"], blob["vin"]
    dev_i, test_i = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(W, rul, groups=vin))
    tr_rel, va_rel = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=1).split(W[dev_i], rul[dev_i], groups=vin[dev_i]))
    tr_i, va_i = dev_i[tr_rel], dev_i[va_rel]
    in_train = np.zeros(len(W), dtype=bool)
    in_train[tr_i] = True
    ${stats}
    Wn = (W - mu) / sigma
    W_train, W_val, W_test = Wn[tr_i], Wn[va_i], Wn[test_i]
  `;

  it('stays silent for statistics of the rows a training mask selects', () => {
    expect(findings(code('mu, sigma = W[in_train].mean(axis=0), W[in_train].std(axis=0)'), 'preprocessing-before-split')).toEqual([]);
  });

  it('fires for statistics of every window', () => {
    expect(findings(code('mu, sigma = W.mean(axis=0), W.std(axis=0)'), 'preprocessing-before-split').map((f) => f.line)).toEqual([16]);
  });
});

describe('preprocessing-before-split: a Dataset class that keeps statistics of all its rows', () => {
  const code = (rows: string) => py`
    import numpy as np
    import torch
    from torch.utils.data import Dataset, random_split

    class Clips(Dataset):
        def __init__(self, path):
            self.mels = torch.from_numpy(np.load(path))
            self.mean = ${rows}.mean(dim=(0, 2), keepdim=True)[0]
            self.std = ${rows}.std(dim=(0, 2), keepdim=True)[0].clamp_min(1e-5)

        def __len__(self):
            return len(self.mels)

        def __getitem__(self, i):
            return (self.mels[i] - self.mean) / self.std

    full = Clips("mels.npy")
    train_set, val_set, test_set = random_split(full, [800, 100, 100], generator=torch.Generator().manual_seed(0))
  `;

  it('fires at the statistic when the dataset is cut with random_split', () => {
    expect(findings(code('self.mels'), 'preprocessing-before-split').map((f) => f.line)).toEqual([8]);
  });

  it('stays silent when the constants come from elsewhere (a reference file)', () => {
    expect(findings(code('torch.from_numpy(np.load("reference_stats.npy"))'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('preprocessing fitted on the training part, then cross-validated over it', () => {
  const rule = 'preprocessing-before-split';
  const code = (step: string) => HEAD + py`
    from sklearn.feature_selection import SelectKBest, f_classif
    df = pd.read_csv("x.csv")
    train_df, test_df = train_test_split(df, stratify=df["y"], random_state=0)
    X_train = ${step}
    search = GridSearchCV(LogisticRegression(max_iter=1000), {"C": [0.1, 1, 10]}, cv=5)
    search.fit(X_train, train_df["y"])
  `;

  it('stays silent for an unsupervised scaler (the test set is untouched)', () => {
    expect(findings(code('StandardScaler().fit_transform(train_df[["a", "b"]])'), rule)).toEqual([]);
  });

  it('fires for a supervised selector: the folds chose the features too', () => {
    expect(findings(code('SelectKBest(f_classif, k=5).fit_transform(train_df[["a", "b"]], train_df["y"])'), rule).map((f) => f.line)).toEqual([11]);
  });
});

describe('fit-on-test: a test file named inside a path expression', () => {
  it('fires for fit_transform on rows read from work / "test_tickets.parquet"', () => {
    const code = py`
      import joblib
      import pandas as pd
      from pathlib import Path
      work = Path("runs/latest")
      featurizer = joblib.load(work / "featurizer.joblib")
      held = pd.read_parquet(work / "test_tickets.parquet")
      X_held = featurizer.fit_transform(held["text"].tolist())
    `;
    expect(findings(code, 'fit-on-test').map((f) => f.line)).toEqual([7]);
  });
});

describe('oversampling-before-split: copies drawn with replacement and added back before the split', () => {
  const rule = 'oversampling-before-split';
  const code = (rows: string, after: string) => HEAD + py`
    images, labels = np.load("x.npy"), np.load("y.npy")
    ${rows}
    def top_up(imgs, ys, floor=800):
        extra = []
        for k in np.unique(ys):
            pool = imgs[ys == k]
            picks = pool[np.random.randint(0, len(pool), size=floor)]
            extra.append(np.flip(picks, axis=2))
        return np.concatenate([imgs, *extra])
    ${after}
  `;

  it('fires when the topped-up array is split afterwards', () => {
    const found = findings(code('', 'X_bal = top_up(images, labels)\nx_tr, x_te = train_test_split(X_bal, random_state=0)'), rule);
    expect(found).toHaveLength(1);
  });

  it('stays silent when only the training part is topped up, and for two disjoint selections put together', () => {
    expect(findings(code('x_tr, x_te, y_tr, y_te = train_test_split(images, labels, stratify=labels, random_state=0)', 'x_bal = top_up(x_tr, y_tr)'), rule)).toEqual([]);
    expect(findings(code('', 'both = np.concatenate([images[labels == 0], images[labels == 1]])\nb_tr, b_te = train_test_split(both, random_state=0)'), rule)).toEqual([]);
  });
});

describe('preprocessing-before-split: a per-period table shifted to earlier periods only', () => {
  const code = (shift: string) => HEAD + py`
    serves = pd.read_csv("serves.csv")
    per_season = serves.groupby(["player", "season"])["speed"].agg(["sum", "count"]).sort_index().reset_index()
    per_season[["cum_sum", "cum_n"]] = per_season.groupby("player")[["sum", "count"]].transform(lambda s: ${shift})
    per_season["prior"] = per_season["cum_sum"] / per_season["cum_n"]
    serves = serves.merge(per_season[["player", "season", "prior"]], on=["player", "season"], how="left")
    fit_df, test_df = serves[serves["season"] <= 2021], serves[serves["season"] >= 2022]
  `;

  it('stays silent when each row sees only earlier seasons (cumsum shifted by one)', () => {
    expect(findings(code('s.cumsum().shift(1)'), 'preprocessing-before-split')).toEqual([]);
  });

  it('fires when the merged table covers every season', () => {
    expect(findings(code('s.cumsum()'), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('shuffled-time-series-split: splitter settings spread from a config dict', () => {
  const code = (shuffle: string) => HEAD + py`
    CFG = {"cv": {"n_splits": 5, "shuffle": ${shuffle}}, "seed": 11}
    daily = pd.read_csv("daily.csv", parse_dates=["date"], index_col="date")
    daily["lag_7"] = daily["count"].shift(7)
    def oof(model, X, y, folds):
        for a, b in folds.split(X):
            model.fit(X.iloc[a], y.iloc[a])
    splitter = KFold(**CFG["cv"], random_state=CFG["seed"])
    oof(LogisticRegression(), daily[["lag_7"]], daily["count"], splitter)
  `;

  it('fires for KFold(**CFG["cv"]) with shuffle True in the dict, citing the split and the splitter', () => {
    const [f] = findings(code('True'), 'shuffled-time-series-split');
    expect(f?.line).toBe(12);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'train.py', line: 14 }]));
  });

  it('stays silent when the dict says shuffle False', () => {
    expect(findings(code('False'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('preprocessing-before-split: columns kept by a supervised score of every row', () => {
  const code = (scored: string, split: string) => HEAD + py`
    from sklearn.feature_selection import mutual_info_regression
    muts = pd.read_csv("mutants.csv")
    D, ddg = muts.drop(columns="ddg"), muts["ddg"]
    ${split}
    mi = pd.Series(mutual_info_regression(${scored}, random_state=0), index=D.columns)
    keep = mi.nlargest(60).index
  `;

  it('fires when the scores come from all rows and the kept frame is split afterwards', () => {
    const code2 = code('D, ddg', '') + 'D = D[keep]\nD_tr, D_te, y_tr, y_te = train_test_split(D, ddg, random_state=0)\n';
    expect(findings(code2, 'preprocessing-before-split').map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when the scores come from the training part', () => {
    const code2 = code('D_tr, y_tr', 'D_tr, D_te, y_tr, y_te = train_test_split(D, ddg, random_state=0)') + 'D_tr, D_te = D_tr[keep], D_te[keep]\n';
    expect(findings(code2, 'preprocessing-before-split')).toEqual([]);
  });
});

describe('preprocessing-before-split: group structure and per-row arithmetic are not learned statistics', () => {
  const rule = 'preprocessing-before-split';
  const code = (feature: string) => HEAD + py`
    df = pd.read_csv("visits.csv", parse_dates=["date"])
    df["f"] = ${feature}
    X_tr, X_te, y_tr, y_te = train_test_split(df[["f"]], df["visits"], random_state=0)
  `;

  it('stays silent for days since each season started and for a row-wise softmax shift', () => {
    expect(findings(code('(df["date"] - df.groupby("season")["date"].transform("min")).dt.days'), rule)).toEqual([]);
    expect(findings(code('df[["a", "b"]].sub(df[["a", "b"]].max(axis=1), axis=0)["a"]'), rule)).toEqual([]);
  });

  it('still fires for a per-group mean of the target', () => {
    expect(findings(code('df.groupby("resort")["visits"].transform("mean")'), rule)).toHaveLength(1);
  });
});

describe('shuffled-time-series-split: windows built per group of a time-sorted frame', () => {
  const code = (split: string) => HEAD + py`
    occ = pd.read_csv("occupancy.csv", parse_dates=["ts"]).sort_values(["garage", "ts"])
    def windows(frame):
        feats = frame[["rate"]].to_numpy()
        xs = []
        for end in range(24, len(frame)):
            xs.append(feats[end - 24:end])
        return np.stack(xs)
    X_all = np.concatenate([windows(g) for _, g in occ.groupby("garage")])
    X_fit, X_eval = ${split}
  `;

  it('fires for a shuffled split of the stacked windows', () => {
    expect(findings(code('train_test_split(X_all, test_size=0.2, random_state=0)'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stays silent for a chronological cut', () => {
    expect(findings(code('train_test_split(X_all, test_size=0.2, shuffle=False)'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('fit-on-test: a project helper named for fitting, handed the test rows', () => {
  const code = (arg: string) => HEAD + py`
    def fit_normalizer(frame):
        x = frame[["pressure", "sst"]].to_numpy()
        return x.mean(axis=0), x.std(axis=0)

    test_df = pd.read_parquet("test_seasons.parquet")
    train_df = pd.read_parquet("train_seasons.parquet")
    norm = fit_normalizer(${arg})
  `;

  it('fires for fit_normalizer(test_df), with a rewrite to the training rows', () => {
    const [f] = findings(code('test_df'), 'fit-on-test');
    expect(f?.line).toBe(14);
    expect(f?.fixed).toBe('norm = fit_normalizer(train_df)');
  });

  it('stays silent for the training rows', () => {
    expect(findings(code('train_df'), 'fit-on-test')).toEqual([]);
  });
});

describe('polars: a target mean per group joined before a shuffled slice split', () => {
  const code = (stats: string) => py`
    import polars as pl
    batches = pl.read_csv("batches.csv")
    per_bakery = ${stats}.group_by("bakery").agg(pl.col("proof_minutes").mean().alias("typical"))
    batches = batches.join(per_bakery, on="bakery", how="left")
    shuffled = batches.sample(fraction=1.0, shuffle=True, seed=0)
    n = shuffled.height
    train = shuffled.slice(0, int(0.8 * n))
    test = shuffled.slice(int(0.8 * n), n)
  `;

  it('fires when the means come from every batch', () => {
    expect(findings(code('batches'), 'preprocessing-before-split').map((f) => f.line)).toEqual([3]);
  });

  it('stays silent when they come from a reference table of other batches', () => {
    expect(findings(code('pl.read_csv("reference_batches.csv")'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('test-set-selection: a pretrained torchvision network kept by its test accuracy', () => {
  const code = (loader: string) => py`
    import torch
    from torchvision import datasets, models

    net = models.resnet34(weights=None)
    test_loader = torch.utils.data.DataLoader(datasets.ImageFolder("violins/test"), batch_size=64)
    val_loader = torch.utils.data.DataLoader(datasets.ImageFolder("violins/val"), batch_size=64)

    def score(loader):
        net.eval()
        preds, gold = [], []
        with torch.no_grad():
            for imgs, labels in loader:
                preds.append(net(imgs).argmax(1))
                gold.append(labels)
        return (torch.cat(preds) == torch.cat(gold)).float().mean()

    best = 0.0
    for epoch in range(10):
        acc = score(${loader})
        if acc > best:
            best = acc
            torch.save(net.state_dict(), "best.pt")
  `;

  it('fires when the kept checkpoint has the best test accuracy', () => {
    expect(findings(code('test_loader'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it has the best validation accuracy', () => {
    expect(findings(code('val_loader'), 'test-set-selection')).toEqual([]);
  });
});

describe('shuffled-time-series-split: polars lag features', () => {
  const code = (split: string) => py`
    import polars as pl
    from sklearn.model_selection import train_test_split
    sales = pl.read_parquet("sales.parquet").sort(["route", "travel_date"])
    feats = sales.with_columns(pl.col("tickets").shift(14).over("route").alias("lag_14")).drop_nulls(["lag_14"])
    X, y = feats.select(["lag_14"]).to_pandas(), feats["tickets"].to_numpy()
    X_tr, X_te, y_tr, y_te = ${split}
  `;

  it('fires for a shuffled split of rows with polars lag features', () => {
    expect(findings(code('train_test_split(X, y, test_size=0.2, random_state=0)'), 'shuffled-time-series-split').map((f) => f.line)).toEqual([6]);
  });

  it('stays silent for a chronological cut', () => {
    expect(findings(code('train_test_split(X, y, test_size=0.2, shuffle=False)'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('rows named for time, and target means inside a metric', () => {
  const code = (scoreWith: string) => HEAD + py`
    import optuna
    from sklearn.metrics import mean_squared_error
    from sklearn.linear_model import Ridge
    ww = pd.read_csv("wastewater.csv")
    past = ww[ww["week"] < 40]
    future = ww[ww["week"] >= 40]
    Xp, yp = past[["flow"]], past["load"]
    Xf, yf = future[["flow"]], future["load"]
    def objective(trial):
        m = Ridge(alpha=trial.suggest_float("alpha", 0.01, 10.0, log=True)).fit(Xp, yp)
        return mean_squared_error(${scoreWith}) ** 0.5
    study = optuna.create_study(direction="minimize")
    study.optimize(objective, n_trials=30)
  `;

  it('test-set-selection fires for an objective scored on the future weeks', () => {
    expect(findings(code('yf, m.predict(Xf)'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent for an objective scored on the past weeks (in-sample, but no test-set selection)', () => {
    expect(findings(code('yp, m.predict(Xp)'), 'test-set-selection')).toEqual([]);
  });

  it('fit-on-test stays silent for the mean of observed test targets in an NSE metric', () => {
    const nse = HEAD + py`
      future = pd.read_csv("test_stage.csv")
      y_true = future["stage"].to_numpy()
      y_pred = np.zeros_like(y_true)
      nse = 1 - np.sum((y_true - y_pred) ** 2) / np.sum((y_true - y_true.mean()) ** 2)
    `;
    expect(findings(nse, 'fit-on-test')).toEqual([]);
  });
});

describe('preprocessing-before-split: a scaled series cut by position inside window helpers', () => {
  const code = (scaled: string) => HEAD + py`
    from sklearn.preprocessing import MinMaxScaler
    st = pd.read_csv("station.csv", parse_dates=["time"], index_col="time")
    ${scaled}
    def windows(a):
        return np.stack([a[i - 144:i] for i in range(144, len(a))])
    n = len(arr)
    Xtr = windows(arr[:int(n * 0.7)])
    Xte = windows(arr[int(n * 0.85):])
  `;

  it('fires when the scaler saw the whole series', () => {
    expect(findings(code('arr = MinMaxScaler().fit_transform(st.values)'), 'preprocessing-before-split').map((f) => f.line)).toEqual([10]);
  });

  it('stays silent when the series is scaled by fixed constants', () => {
    expect(findings(code('arr = st.values / 50.0'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('test-set-selection: a SARIMAX order search ranked by its error on the holdout weeks', () => {
  const code = (scored: string) => py`
    import itertools
    import numpy as np
    import pandas as pd
    from statsmodels.tsa.statespace.sarimax import SARIMAX
    weekly = pd.read_csv("weekly.csv", parse_dates=["week"]).set_index("week")["tickets"]
    history, holdout = weekly.iloc[:-26], weekly.iloc[-26:]
    fit_part, check = history.iloc[:-26], history.iloc[-26:]
    def rmse(a, b):
        return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))
    results = []
    for p, q in itertools.product([0, 1, 2], [0, 1]):
        fit = SARIMAX(fit_part, order=(p, 1, q)).fit(disp=False)
        results.append({"order": (p, 1, q), "rmse": rmse(${scored}, fit.forecast(26))})
    grid = pd.DataFrame(results).sort_values("rmse")
    best = grid.iloc[0]
  `;

  it('fires when the candidates are ranked on the holdout weeks', () => {
    expect(findings(code('holdout'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when they are ranked on a validation tail of the history', () => {
    expect(findings(code('check'), 'test-set-selection')).toEqual([]);
  });
});

describe('preprocessing-before-split: polars expressions with whole-frame statistics', () => {
  const code = (expr: string) => py`
    import polars as pl
    from sklearn.model_selection import train_test_split
    df = pl.read_csv("lavender.csv")
    df = df.with_columns(${expr})
    X_fit, X_hold = train_test_split(df.to_pandas(), test_size=0.2, random_state=0)
  `;

  it('fires for a median fill and a standardisation computed over every row', () => {
    expect(findings(code('pl.col("rain").fill_null(pl.col("rain").median())'), 'preprocessing-before-split').map((f) => f.line)).toEqual([4]);
    expect(findings(code('((pl.col("sun") - pl.col("sun").mean()) / pl.col("sun").std()).alias("sun")'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent for per-group windows and for constants', () => {
    expect(findings(code('(pl.col("oil") - pl.col("oil").mean().over("farm")).alias("oil_dev")'), 'preprocessing-before-split')).toEqual([]);
    expect(findings(code('(pl.col("sun") / 12.0).alias("sun_share")'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('test-set-selection: a record of the best kept in a dict, and comparisons that only report', () => {
  const sweep = (keep: string) => HEAD + py`
    from sklearn.ensemble import RandomForestClassifier
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    best = {"auc": -1.0}
    for depth in [4, 8, 12]:
        forest = RandomForestClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
        auc = roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1])
        if auc > best["auc"]:
            ${keep}
  `;

  it('fires when the branch overwrites the record (best = {...}) or one of its keys', () => {
    expect(findings(sweep('best = {"auc": auc, "model": forest}'), 'test-set-selection').map((f) => f.line)).toEqual([13]);
    expect(findings(sweep('best["auc"] = auc'), 'test-set-selection').map((f) => f.line)).toEqual([13]);
  });

  it('stays silent when the branch only logs', () => {
    expect(findings(sweep('print("deeper helps", depth)'), 'test-set-selection')).toEqual([]);
  });

  const pair = (branch: string) => HEAD + py`
    from sklearn.dummy import DummyClassifier
    from sklearn.ensemble import RandomForestClassifier
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    forest = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_train, y_train)
    acc_majority = f1_score(y_test, majority.predict(X_test))
    acc_forest = f1_score(y_test, forest.predict(X_test))
    if acc_forest <= acc_majority:
        ${branch}
  `;

  it('stays silent for a model compared with its baseline on the test set to warn, and fires when the comparison picks the model', () => {
    expect(findings(pair('log.warning("forest does not beat the majority-class baseline")'), 'test-set-selection')).toEqual([]);
    expect(findings(pair('raise SystemExit("no better than the baseline")'), 'test-set-selection')).toEqual([]);
    expect(findings(pair('forest = majority'), 'test-set-selection')).toHaveLength(1);
  });
});

describe('fit-on-test: a feature builder whose statistics are re-learned on the test rows', () => {
  const code = (testLine: string) => HEAD + py`
    class FeatureBuilder:
        def __init__(self, numeric):
            self.numeric = list(numeric)
            self.medians_ = None

        def fit(self, df):
            self.medians_ = df[self.numeric].median()
            return self

        def transform(self, df):
            return df[self.numeric].fillna(self.medians_)

        def fit_transform(self, df):
            return self.fit(df).transform(df)

    claims = pd.read_parquet("claims.parquet")
    train_claims, test_claims = train_test_split(claims, random_state=0)
    builder = FeatureBuilder(["age", "value"])
    X_train = builder.fit_transform(train_claims)
    ${testLine}
  `;

  it('fires at the call that refits it on the test rows, the statistic inside as a site', () => {
    const [f] = findings(code('X_test = FeatureBuilder(["age", "value"]).fit_transform(test_claims)'), 'fit-on-test');
    expect(f?.line).toBe(27);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'train.py', line: 14 }]));
  });

  it('stays silent when the builder fitted on the training rows transforms the test rows', () => {
    expect(findings(code('X_test = builder.transform(test_claims)'), 'fit-on-test')).toEqual([]);
  });
});

describe('fit-on-test: one loop over the parts that fits an encoder and counts frequencies on each', () => {
  const code = (freq: string) => HEAD + py`
    from sklearn.preprocessing import OrdinalEncoder
    logs = pd.read_parquet("logs.parquet")
    frames = {"train": logs[logs["day"] < 8].copy(), "test": logs[logs["day"] >= 8].copy()}
    for name, frame in frames.items():
        enc = OrdinalEncoder()
        frame[["site"]] = enc.fit_transform(frame[["site"]])
        for col in ("site", "app"):
            ${freq}
  `;

  it('is one finding, the frequency counts a site of it', () => {
    const found = findings(code('frame[col + "_freq"] = frame[col].map(frame[col].value_counts(normalize=True))'), 'fit-on-test');
    expect(found.map((f) => f.line)).toEqual([13]);
    expect(found[0]?.sites).toEqual([{ file: 'train.py', line: 15 }]);
  });

  it('counts alone are still a fit on the test rows', () => {
    const code2 = HEAD + py`
      logs = pd.read_parquet("logs.parquet")
      frames = {"train": logs[logs["day"] < 8].copy(), "test": logs[logs["day"] >= 8].copy()}
      for name, frame in frames.items():
          frame["site_freq"] = frame["site"].map(frame["site"].value_counts(normalize=True))
    `;
    expect(findings(code2, 'fit-on-test').map((f) => f.line)).toEqual([11]);
  });
});

describe('preprocessing-before-split: row positions split with train_test_split(np.arange(n))', () => {
  const code = (beforeSplit: string, afterSplit: string) => HEAD + py`
    import torch
    from torch.utils.data import TensorDataset
    df = pd.read_csv("covtype.csv")
    labels = torch.tensor(df.pop("cover").values)
    features = torch.tensor(df.values, dtype=torch.float32)
    ${beforeSplit}
    all_idx = np.arange(len(labels))
    train_idx, rest_idx = train_test_split(all_idx, test_size=0.3, stratify=labels.numpy(), random_state=0)
    val_idx, test_idx = train_test_split(rest_idx, test_size=0.5, random_state=0)
    ${afterSplit}
    def subset(idx):
        return TensorDataset(features[idx], labels[idx])
    train_ds, val_ds, test_ds = subset(train_idx), subset(val_idx), subset(test_idx)
  `;

  it('fires for mean/std of the whole tensor applied before the positions pick the parts', () => {
    const found = findings(code('features = (features - features.mean(dim=0)) / features.std(dim=0)', ''), 'preprocessing-before-split');
    expect(found.map((f) => f.line)).toEqual([13]);
  });

  it('stays silent when the statistics come from the training positions only', () => {
    expect(findings(code('', 'features = (features - features[train_idx].mean(dim=0)) / features[train_idx].std(dim=0)'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('preprocessing-before-split: per-sample statistics and a scaler fitted on the training positions', () => {
  const clips = (stats: string) => HEAD + py`
    bundle = np.load("clips.npz")
    spec, label = bundle["spec"], bundle["label"]
    ${stats}
    idx = np.arange(len(spec_n))
    idx_train, idx_test = train_test_split(idx, test_size=0.2, stratify=label, random_state=0)
    X_train, X_test = spec_n[idx_train], spec_n[idx_test]
  `;

  it('stays silent for each clip standardised over its own axes (axis=(1, 2))', () => {
    expect(findings(clips('spec_n = (spec - spec.mean(axis=(1, 2), keepdims=True)) / spec.std(axis=(1, 2), keepdims=True)'), 'preprocessing-before-split')).toEqual([]);
  });

  it('fires for statistics across clips (axis=0)', () => {
    expect(findings(clips('spec_n = (spec - spec.mean(axis=0)) / spec.std(axis=0)'), 'preprocessing-before-split')).toHaveLength(1);
  });

  const shuffled = (fit: string) => HEAD + py`
    df = pd.read_csv("origami.csv")
    X = df[["folds", "layers"]].to_numpy(np.float32)
    perm = np.random.default_rng(0).permutation(len(df))
    n_tr = int(0.8 * len(df))
    tr, te = perm[:n_tr], perm[n_tr:]
    scaler = StandardScaler()
    scaler.fit(${fit})
    Xs = scaler.transform(X)
    make = lambda idx: Xs[idx]
    X_train, X_test = make(tr), make(te)
  `;

  it('stays silent when the scaler is fitted on the training positions and all rows are transformed before the pick', () => {
    expect(findings(shuffled('X[tr]'), 'preprocessing-before-split')).toEqual([]);
  });

  it('fires when it is fitted on all rows', () => {
    expect(findings(shuffled('X'), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('per-group statistics before a split that keeps groups whole', () => {
  const code = (feature: string, split: string) => HEAD + py`
    from sklearn.model_selection import GroupShuffleSplit
    imps = pd.read_parquet("impressions.parquet").sort_values(["session_id", "ts"])
    imps["f"] = ${feature}
    imps["prev_clicks"] = imps.groupby("session_id")["clicked"].transform(lambda s: s.shift(1, fill_value=0).cumsum())
    ${split}
    train_df, test_df = imps.iloc[train_idx], imps.iloc[test_idx]
  `;
  const grouped = 'train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(imps, imps["clicked"], groups=imps["user_id"]))';
  const shuffled = 'train_idx, test_idx = next(ShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(imps))';
  const ratio = 'imps["price"] / imps.groupby("session_id")["price"].transform("median")';

  it('stays silent for a per-session feature statistic and per-session lags when users are kept whole', () => {
    expect(findings(code(ratio, grouped), 'preprocessing-before-split')).toEqual([]);
    expect(findings(code(ratio, grouped), 'shuffled-time-series-split')).toEqual([]);
  });

  it('fires for the same statistic before a row-wise shuffled split', () => {
    expect(findings(code(ratio, `from sklearn.model_selection import ShuffleSplit\n${shuffled}`), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('fires for a per-group mean of the label (target encoding) even when users are kept whole', () => {
    expect(findings(code('imps.groupby("item_id")["clicked"].transform("mean")', grouped), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('test-set-selection: an ARIMA order search scored by a helper that takes np.sqrt of the error', () => {
  const code = (scored: string) => HEAD + py`
    import itertools
    from sklearn.metrics import mean_squared_error
    from statsmodels.tsa.arima.model import ARIMA
    series = np.log(pd.read_csv("passengers.csv", parse_dates=["month"]).set_index("month")["passengers"])
    train, test = series.iloc[:-12], series.iloc[-12:]
    fit_part, val_part = train.iloc[:-12], train.iloc[-12:]

    def rmse(actual, forecast):
        return float(np.sqrt(mean_squared_error(np.exp(actual), np.exp(forecast))))

    best_rmse, best_order = np.inf, None
    for order in itertools.product(range(3), range(2), range(3)):
        res = ARIMA(${scored === 'test' ? 'train' : 'fit_part'}, order=order).fit()
        score = rmse(${scored === 'test' ? 'test' : 'val_part'}, res.forecast(steps=12))
        if score < best_rmse:
            best_rmse, best_order = score, order
  `;

  it('fires at the comparison in the loop when the order is picked on the test months', () => {
    expect(findings(code('test'), 'test-set-selection').map((f) => f.line)).toEqual([22]);
  });

  it('stays silent when it is picked on validation months carved from the training part', () => {
    expect(findings(code('val'), 'test-set-selection')).toEqual([]);
  });
});

describe('preprocessing-before-split: Normalize with pixel statistics of every image, before random_split', () => {
  const code = (statsOf: string, order: 'before' | 'after') => py`
    import torch
    from torch.utils.data import DataLoader, random_split
    from torchvision import datasets, transforms

    def pixel_stats(dataset):
        total, sq_total, n_pix = 0.0, 0.0, 0
        for imgs, _ in DataLoader(dataset, batch_size=64):
            total += imgs.sum().item()
            sq_total += (imgs ** 2).sum().item()
            n_pix += imgs.numel()
        mean = total / n_pix
        return mean, (sq_total / n_pix - mean ** 2) ** 0.5

    full_ds = datasets.ImageFolder("xray", transform=transforms.ToTensor())
    ${order === 'after' ? 'train_ds, test_ds = random_split(full_ds, [0.8, 0.2], generator=torch.Generator().manual_seed(0))' : 'pass'}
    mean, std = ${statsOf}
    full_ds.transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize([mean], [std])])
    ${order === 'before' ? 'train_ds, test_ds = random_split(full_ds, [0.8, 0.2], generator=torch.Generator().manual_seed(0))' : 'pass'}
  `;

  it('fires at the Normalize built from statistics of all images, the running sums as a site', () => {
    const [f, ...rest] = findings(code('pixel_stats(full_ds)', 'before'), 'preprocessing-before-split');
    expect(rest).toEqual([]);
    expect(f?.line).toBe(17);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'train.py', line: 8 }]));
  });

  it('stays silent for published constants, and for statistics of the training part', () => {
    expect(findings(code('[0.485], [0.229]', 'before').replace('transforms.Normalize([mean], [std])', 'transforms.Normalize(mean, std)'), 'preprocessing-before-split')).toEqual([]);
    expect(findings(code('pixel_stats(train_ds)', 'after'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('fit-on-test: a scaler fitted per split over a dict keyed by part names', () => {
  const code = (body: string) => HEAD + py`
    def load_split(name):
        frame = pd.read_parquet(f"embeddings_{name}.parquet")
        return frame.drop(columns="y").to_numpy(), frame["y"].to_numpy()

    feats = {s: load_split(s) for s in ("train", "val", "test")}
    ${body}
    (z_tr, y_tr), (z_te, y_te) = feats["train"], feats["test"]
  `;

  it('fires when every split, the test one included, gets its own fit_transform', () => {
    const found = findings(code('for split in feats:\n        feats[split] = (StandardScaler().fit_transform(feats[split][0]), feats[split][1])'), 'fit-on-test');
    expect(found.map((f) => f.line)).toEqual([14]);
  });

  it('stays silent when the scaler is fitted on the training split and applied to the others', () => {
    const body = 'scaler = StandardScaler().fit(feats["train"][0])\n    for split in feats:\n        feats[split] = (scaler.transform(feats[split][0]), feats[split][1])';
    expect(findings(code(body), 'fit-on-test')).toEqual([]);
  });
});

describe('fit-on-test: train and test rows fitted together, for a plot or for the model', () => {
  const code = (after: string) => HEAD + py`
    import matplotlib.pyplot as plt
    from sklearn.decomposition import PCA
    from sklearn.ensemble import RandomForestClassifier
    X_tr, y_tr = np.load("X_train.npy"), np.load("y_train.npy")
    X_te, y_te = np.load("X_test.npy"), np.load("y_test.npy")
    both = np.vstack([X_tr, X_te])
    emb = PCA(n_components=2).fit_transform(both)
    ${after}
  `;

  it('stays silent when the PCA of everything only feeds a scatter plot', () => {
    const eda = 'plt.scatter(emb[:, 0], emb[:, 1], s=2)\n    plt.show()\n    clf = RandomForestClassifier(n_estimators=200, random_state=0).fit(X_tr, y_tr)\n    print(f1_score(y_te, clf.predict(X_te)))';
    expect(findings(code(eda), 'fit-on-test')).toEqual([]);
  });

  it('fires when its output is what the model is trained on', () => {
    const used = 'clf = RandomForestClassifier(n_estimators=200, random_state=0).fit(emb[: len(X_tr)], y_tr)\n    print(f1_score(y_te, clf.predict(emb[len(X_tr):])))';
    expect(findings(code(used), 'fit-on-test').map((f) => f.line)).toEqual([14]);
  });
});

describe('shuffled-time-series-split: telemetry indexed by a `ts` column and cut into windows', () => {
  const code = (split: string) => HEAD + py`
    tele = pd.read_parquet("telemetry_hourly.parquet").set_index("ts").sort_index()
    vals = tele[["amp", "temp"]].to_numpy()
    lab = tele["stop_next_24h"].to_numpy()
    windows = np.stack([vals[i - 72:i] for i in range(72, len(vals))])
    labels = lab[71:len(vals) - 1]
    ${split}
  `;

  it('fires for a stratified random split of the windows', () => {
    expect(findings(code('X_tr, X_te, y_tr, y_te = train_test_split(windows, labels, test_size=0.2, stratify=labels, random_state=0)'), 'shuffled-time-series-split').map((f) => f.line)).toEqual([13]);
  });

  it('stays silent for a chronological cut', () => {
    expect(findings(code('X_tr, X_te, y_tr, y_te = train_test_split(windows, labels, test_size=0.2, shuffle=False)'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('preprocessing-before-split: a cross-validation written by hand over np.array_split folds', () => {
  const code = (scale: string) => HEAD + py`
    def zscore(A):
        return (A - A.mean(axis=0)) / A.std(axis=0)

    def make_folds(n, k, rng):
        return np.array_split(rng.permutation(n), k)

    wine = pd.read_csv("wine.csv")
    X, y = wine.drop(columns="good").to_numpy(), wine["good"].to_numpy()
    ${scale}
    folds = make_folds(len(y), 10, np.random.default_rng(0))
    for i, held in enumerate(folds):
        fit_idx = np.concatenate([f for j, f in enumerate(folds) if j != i])
        clf = LogisticRegression(max_iter=1000).fit(X[fit_idx], y[fit_idx])
        print(f1_score(y[held], clf.predict(X[held])))
  `;

  it('fires for z-scores of all rows before the folds', () => {
    const [f, ...rest] = findings(code('X = zscore(X)'), 'preprocessing-before-split');
    expect(rest).toEqual([]);
    expect(f?.line).toBe(16);
    expect(f?.issue).toContain('cross-validated');
  });

  it('stays silent when nothing is learned from all rows first', () => {
    expect(findings(code('X = np.log1p(X)'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('preprocessing-before-split: rows read with pyarrow (a feature store of parquet files)', () => {
  const code = (select: string, after: string) => HEAD + py`
    import pyarrow.dataset as ds
    from sklearn.feature_selection import SelectKBest, mutual_info_classif
    frame = ds.dataset("feature_store/applications", format="parquet").to_table().to_pandas()
    label = frame.pop("defaulted")
    ${select}
    X_dev, X_val, y_dev, y_val = train_test_split(frame, label, test_size=0.2, stratify=label, random_state=0)
    ${after}
  `;

  it('fires for features screened on every row before the split', () => {
    expect(findings(code('frame = frame[frame.columns[SelectKBest(mutual_info_classif, k=20).fit(frame, label).get_support()]]', ''), 'preprocessing-before-split').map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when the screening is fitted on the development part', () => {
    expect(findings(code('', 'keep = SelectKBest(mutual_info_classif, k=20).fit(X_dev, y_dev).get_support()'), 'preprocessing-before-split')).toEqual([]);
  });
});
