import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();

const HEAD = py`
  import pandas as pd
  from sklearn.model_selection import train_test_split, cross_val_score
  from sklearn.linear_model import LogisticRegression, LinearRegression
  from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
  from sklearn.metrics import accuracy_score, f1_score, classification_report, mean_absolute_error
  df = pd.read_csv("data.csv")
  X, y = df.drop(columns=["y"]), df["y"]
`;

describe('no-held-out-evaluation', () => {
  const rule = 'no-held-out-evaluation';
  it('fires when metrics are computed on the training rows only', () => {
    const code = HEAD + py`
      model = LogisticRegression(C=1.0).fit(X, y)
      print(f1_score(y, model.predict(X)))
    `;
    const [f] = findings(code, rule);
    expect(f).toMatchObject({ severity: 'HIGH', line: 9, title: 'Metrics computed on the training data only' });
  });

  it('fires when a model is trained and no rows are held out at all', () => {
    const code = HEAD + py`
      import joblib
      model = RandomForestClassifier(n_estimators=300).fit(X, y)
      joblib.dump(model, "model.joblib")
    `;
    expect(findings(code, rule).map((f) => f.line)).toEqual([9]);
  });

  it('stays silent with a test split, with cross-validation, and for evaluation in another file', () => {
    expect(findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = LogisticRegression().fit(X_train, y_train)
      print(model.score(X_train, y_train), f1_score(y_test, model.predict(X_test)))
    `, rule)).toEqual([]);
    expect(findings(HEAD + py`
      print(cross_val_score(LogisticRegression(), X, y, cv=5, scoring="f1"))
      final = LogisticRegression().fit(X, y)
    `, rule)).toEqual([]);
    expect(findings({
      'train.py': HEAD + 'LogisticRegression().fit(X, y)\n',
      'evaluate.py': 'from sklearn.metrics import f1_score\ndef report(model, X_test, y_test):\n    print(f1_score(y_test, model.predict(X_test)))\n',
      'requirements.txt': 'pandas==2.2.3\n',
    }, rule)).toEqual([]);
  });
});

describe('accuracy-only', () => {
  const rule = 'accuracy-only';
  it('fires MEDIUM for accuracy alone and HIGH when the code shows imbalance', () => {
    const base = HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = LogisticRegression().fit(X_train, y_train)
      print(accuracy_score(y_test, model.predict(X_test)))
    `;
    // stratify=y is good practice on any classes, no sign of imbalance; class_weight="balanced" is one.
    expect(findings(base, rule)[0]).toMatchObject({ line: 10, severity: 'MEDIUM' });
    expect(findings(base.replace('LogisticRegression()', 'LogisticRegression(class_weight="balanced")'), rule)[0]).toMatchObject({ line: 10, severity: 'HIGH' });
    const plain = base.replace(', stratify=y', '');
    expect(findings(plain, rule)[0]).toMatchObject({ line: 10, severity: 'MEDIUM' });
    expect(findings(plain, rule)[0]?.fixed).toContain('classification_report(y_test, model.predict(X_test))');
  });

  it('writes the added report at the indentation of the metric line', () => {
    const code = HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
      for depth in [4, 8]:
          model = RandomForestClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
          acc = accuracy_score(y_test, model.predict(X_test))
    `;
    const [f] = findings(code, 'accuracy-only');
    expect(f?.fixed).toBe('acc = accuracy_score(y_test, model.predict(X_test))\nprint(classification_report(y_test, model.predict(X_test)))');
  });

  it('stays silent with another metric and for regression', () => {
    expect(findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = LogisticRegression().fit(X_train, y_train)
      print(accuracy_score(y_test, model.predict(X_test)))
      print(classification_report(y_test, model.predict(X_test)))
    `, rule)).toEqual([]);
    expect(findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
      model = LinearRegression().fit(X_train, y_train)
      print(model.score(X_test, y_test))
    `, rule)).toEqual([]);
  });
});

describe('split-without-stratify', () => {
  const rule = 'split-without-stratify';
  it('fires for a classification split without stratify, with a rewrite', () => {
    const [f] = findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
      model = LogisticRegression().fit(X_train, y_train)
      print(f1_score(y_test, model.predict(X_test)))
    `, rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', line: 8, fixed: 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)' });
  });

  it('stays silent for regression, stratified and unshuffled splits', () => {
    expect(findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
      LinearRegression().fit(X_train, y_train)
      a, b, c, d = train_test_split(X, y, random_state=0, stratify=y)
      LogisticRegression().fit(a, c)
      e, f, g, h = train_test_split(X, y, shuffle=False)
      LogisticRegression().fit(e, g)
    `, rule)).toEqual([]);
  });
});

describe('no-baseline', () => {
  const rule = 'no-baseline';
  it('fires when only a complex model is evaluated', () => {
    const [f] = findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = RandomForestClassifier(n_estimators=300, max_depth=8)
      model.fit(X_train, y_train)
      print(f1_score(y_test, model.predict(X_test)))
    `, rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', line: 9, category: 'Model Selection' });
  });

  it('stays silent with a Dummy model, a simple model, or a mentioned baseline', () => {
    const tail = py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = RandomForestClassifier(n_estimators=300).fit(X_train, y_train)
      print(f1_score(y_test, model.predict(X_test)))
    `;
    expect(findings(HEAD + tail + 'from sklearn.dummy import DummyClassifier\nprint(DummyClassifier().fit(X_train, y_train).score(X_test, y_test))\n', rule)).toEqual([]);
    expect(findings(HEAD + tail + 'lr = LogisticRegression().fit(X_train, y_train)\n', rule)).toEqual([]);
    expect(findings(HEAD + '# baseline: majority class gets 0.71\n' + tail, rule)).toEqual([]);
  });
});

describe('default-threshold', () => {
  const rule = 'default-threshold';
  it('fires for probabilities cut at 0.5 with no threshold tuning', () => {
    const [f] = findings(HEAD + py`
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = LogisticRegression().fit(X_train, y_train)
      y_pred = (model.predict_proba(X_test)[:, 1] > 0.5).astype(int)
      print(f1_score(y_test, y_pred))
    `, rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', line: 10, fixed: 'y_pred = (model.predict_proba(X_test)[:, 1] > threshold).astype(int)' });
  });

  it('stays silent when thresholds are tuned, and for 0.5 on something other than probabilities', () => {
    expect(findings(HEAD + py`
      from sklearn.metrics import precision_recall_curve
      X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
      model = LogisticRegression().fit(X_train, y_train)
      proba = model.predict_proba(X_test)[:, 1]
      prec, rec, thr = precision_recall_curve(y_test, proba)
      y_pred = (proba > 0.5).astype(int)
    `, rule)).toEqual([]);
    expect(findings(HEAD + py`
      df = df[df["ratio"] > 0.5]
    `, rule)).toEqual([]);
  });
});

describe('no-baseline with a naive forecast', () => {
  it('counts a metric of a non-model prediction (a lag column) as a baseline', () => {
    const code = py`
      import pandas as pd
      from sklearn.ensemble import HistGradientBoostingRegressor
      from sklearn.metrics import mean_absolute_error
      from sklearn.model_selection import train_test_split
      df = pd.read_csv("d.csv")
      train, test = train_test_split(df, shuffle=False)
      model = HistGradientBoostingRegressor(max_iter=300).fit(train[["lag_1"]], train["y"])
      print(mean_absolute_error(test["y"], model.predict(test[["lag_1"]])))
      print(mean_absolute_error(test["y"], test["lag_1"]))
    `;
    expect(findings(code, 'no-baseline')).toEqual([]);
    expect(findings(code.split('\n').slice(0, -2).join('\n'), 'no-baseline')).toHaveLength(1);
  });
});

describe('no-baseline with a statsmodels formula', () => {
  const code = (reference: string) => py`
    import pandas as pd
    import statsmodels.api as sm
    import statsmodels.formula.api as smf
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split
    df = pd.read_csv("cohort.csv")
    dev, val = train_test_split(df, test_size=0.3, stratify=df["delirium"], random_state=1)
    glm = smf.glm("delirium ~ age + asa + mmse", data=dev, family=sm.families.Binomial()).fit()
    print(roc_auc_score(val["delirium"], glm.predict(val)))
    ${reference}
  `;

  it('counts an intercept-only model ("y ~ 1") as the baseline', () => {
    expect(findings(code('ref = smf.glm("delirium ~ 1", data=dev, family=sm.families.Binomial()).fit()'), 'no-baseline')).toEqual([]);
  });

  it('still asks for one when every formula has predictors', () => {
    expect(findings(code('ref = smf.glm("delirium ~ age + asa", data=dev, family=sm.families.Binomial()).fit()'), 'no-baseline')).toHaveLength(1);
  });
});

describe('no-held-out-evaluation: labels from another source', () => {
  const rule = 'no-held-out-evaluation';
  const CODE = py`
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    def load(path):
        frame = pd.read_parquet(path)
        return frame[["a", "b"]], frame["churned"]
  `;
  it('stays silent when the scored labels come from a different load than the fitted rows', () => {
    const code = CODE + py`
      Xa, ya = load(settings.fit_file)
      Xb, yb = load(settings.score_file)
      clf = LogisticRegression().fit(Xa, ya)
      print(f1_score(yb, clf.predict(Xb)))
    `;
    expect(findings(code, rule)).toEqual([]);
  });

  it('still fires when the scored labels are the fitted ones', () => {
    const code = CODE + py`
      Xa, ya = load(settings.fit_file)
      clf = LogisticRegression().fit(Xa, ya)
      print(f1_score(ya, clf.predict(Xa)))
    `;
    expect(findings(code, rule)).toHaveLength(1);
  });
});

describe('no-held-out-evaluation: the unnamed piece beside a training piece cut by hand is held out', () => {
  const code = (left: string) => py`
    import pandas as pd
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.metrics import mean_absolute_error
    frame = pd.read_csv("turbines.csv")
    cut = int(0.8 * len(frame))
    ${left} = frame.iloc[:cut], frame.iloc[cut:]
    model = RandomForestRegressor(n_estimators=300, random_state=0).fit(fit_part[["wind"]], fit_part["power"])
    print(mean_absolute_error(eval_part["power"], model.predict(eval_part[["wind"]])))
  `;

  it('stays silent when the model is scored on eval_part, cut off beside fit_part', () => {
    expect(findings(code('fit_part, eval_part'), 'no-held-out-evaluation')).toEqual([]);
  });

  it('still fires when the scored frame is the fitted one', () => {
    expect(findings(code('fit_part, eval_part').replace('mean_absolute_error(eval_part["power"], model.predict(eval_part[["wind"]]))', 'mean_absolute_error(fit_part["power"], model.predict(fit_part[["wind"]]))'), 'no-held-out-evaluation')).toHaveLength(1);
  });
});

describe('metrics computed inside f-strings, and a constant prior as the baseline', () => {
  const code = (report: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import accuracy_score, roc_auc_score, brier_score_loss
    from sklearn.model_selection import train_test_split
    clicks = pd.read_parquet("clicks.parquet")
    print(clicks["converted"].value_counts())
    X_a, X_b, y_a, y_b = train_test_split(clicks[["bid", "hour"]], clicks["converted"], stratify=clicks["converted"], random_state=0)
    forest = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_a, y_a)
    ${report}
  `;

  it('accuracy-only fires for an accuracy computed only inside an f-string (HIGH on imbalanced data)', () => {
    const [f] = findings(code('print(f"hold-out accuracy: {accuracy_score(y_b, forest.predict(X_b)):.4f}")'), 'accuracy-only');
    expect([f?.line, f?.severity]).toEqual([10, 'HIGH']);
  });

  it('no-baseline stays silent when an f-string compares with a constant prior prediction', () => {
    const report = py`
      proba = forest.predict_proba(X_b)[:, 1]
      prior = np.full_like(proba, y_a.mean())
      print(f"AUC {roc_auc_score(y_b, proba):.3f}  Brier {brier_score_loss(y_b, proba):.4f} (prior {brier_score_loss(y_b, prior):.4f})")
    `;
    expect(findings(code(report.replace(/\n/g, '\n    ')), 'no-baseline')).toEqual([]);
  });

  it('reads the metrics of implicitly concatenated f-strings: a hand-written rule scored as the baseline', () => {
    const report = py`
      proba = forest.predict_proba(X_b)[:, 1]
      rule = (X_b["bid"] > 2.0).astype(int)
      print(f"AUC {roc_auc_score(y_b, proba):.3f}")
      print(f"rule: AUC {roc_auc_score(y_b, rule):.3f}  "
            f"accuracy {accuracy_score(y_b, rule):.3f}")
    `;
    expect(findings(code(report.replace(/\n/g, '\n    ')), 'no-baseline')).toEqual([]);
    // The second piece is code too: an accuracy only there is still the only metric.
    const [f] = findings(code('print("hold-out "\n          f"accuracy: {accuracy_score(y_b, forest.predict(X_b)):.4f}")'), 'accuracy-only');
    expect(f?.line).toBe(11);
  });

  it('no-baseline stays silent when a no-skill reference score is kept next to the model\'s, and fires without it', () => {
    const report = (extra: string) => py`
      from sklearn.metrics import average_precision_score
      proba = forest.predict_proba(X_b)[:, 1]
      scores = {"model_pr_auc": float(average_precision_score(y_b, proba))}
      ${extra}
      print(scores)
    `.replace(/\n/g, '\n    ');
    expect(findings(code(report('scores["null_pr_auc"] = float(y_b.mean())')), 'no-baseline')).toEqual([]);
    expect(findings(code(report('scores["n_test"] = len(y_b)')), 'no-baseline')).toHaveLength(1);
  });

  it('no-baseline stays silent when a popularity ranking is scored next to the model', () => {
    const report = py`
      from ranking_metrics import ndcg_at
      scored = X_b.assign(model=forest.predict_proba(X_b)[:, 1], popularity=X_b["bid"], label=y_b)
      print({col: ndcg_at(scored, col, 10) for col in ("popularity", "model")}, roc_auc_score(y_b, forest.predict_proba(X_b)[:, 1]))
    `.replace(/\n/g, '\n    ');
    expect(findings(code(report), 'no-baseline')).toEqual([]);
    expect(findings(code(report.replace(/popularity/g, 'recency')), 'no-baseline')).toHaveLength(1);
  });

  it('no-baseline stays silent when random targeting is scored next to the model (uplift)', () => {
    const report = py`
      proba = forest.predict_proba(X_b)[:, 1]
      rand = np.random.default_rng(0).random(len(y_b))
      print({"auc_model": roc_auc_score(y_b, proba), "auc_random": roc_auc_score(y_b, rand)})
    `.replace(/\n/g, '\n    ');
    expect(findings(code(report), 'no-baseline')).toEqual([]);
  });

  it('no-baseline fires when the f-string reports the model alone', () => {
    const report = py`
      proba = forest.predict_proba(X_b)[:, 1]
      print(f"AUC {roc_auc_score(y_b, proba):.3f}  Brier {brier_score_loss(y_b, proba):.4f}")
    `;
    expect(findings(code(report.replace(/\n/g, '\n    ')), 'no-baseline')).toHaveLength(1);
  });
});

describe('default-threshold next to a threshold-free metric', () => {
  const code = (metrics: string) => py`
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.dummy import DummyClassifier
    from sklearn.metrics import f1_score, roc_auc_score, precision_score
    from sklearn.model_selection import train_test_split
    df = pd.read_csv("hives.csv")
    X_tr, X_te, y_tr, y_te = train_test_split(df[["a", "b"]], df["queenless"], stratify=df["queenless"], random_state=0)
    model = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_tr, y_tr)
    base = DummyClassifier().fit(X_tr, y_tr)
    p = model.predict_proba(X_te)[:, 1]
    ${metrics}
  `;

  it('stays silent when ROC-AUC is reported beside the 0.5 cut', () => {
    expect(findings(code('print(roc_auc_score(y_te, p), f1_score(y_te, p >= 0.5))'), 'default-threshold')).toEqual([]);
  });

  it('fires when the model is judged at the 0.5 cut alone', () => {
    expect(findings(code('print(f1_score(y_te, p >= 0.5), precision_score(y_te, p >= 0.5))'), 'default-threshold')).toHaveLength(1);
  });
});

describe('no-held-out-evaluation: statsmodels fitted and scored on the same rows', () => {
  const code = (fitRows: string, scoredRows: string) => py`
    import numpy as np
    import pandas as pd
    import statsmodels.formula.api as smf
    routes = pd.read_csv("routes.csv", parse_dates=["date"])
    train, test = routes[routes["date"] < "2023-10-01"], routes[routes["date"] >= "2023-10-01"]
    ols = smf.ols("duration ~ n_stops + distance_km", data=${fitRows}).fit()
    predicted = ols.predict(${scoredRows})
    mae = np.mean(np.abs(${scoredRows}["duration"] - predicted))
    print(mae)
  `;

  it('fires for an OLS fitted on every route and its MAE on those routes', () => {
    const src = code('routes', 'routes').replace('train, test = routes[routes["date"] < "2023-10-01"], routes[routes["date"] >= "2023-10-01"]\n', '');
    expect(findings(src, 'no-held-out-evaluation').map((f) => f.line)).toEqual([7]);
  });

  it('stays silent when it is fitted on the earlier routes and scored on the later ones', () => {
    expect(findings(code('train', 'test'), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('no-held-out-evaluation: a time-series forecast is out of sample', () => {
  it('stays silent for SARIMAX fitted on the history and forecast over the next weeks', () => {
    const code = py`
      import numpy as np
      import pandas as pd
      from statsmodels.tsa.statespace.sarimax import SARIMAX
      melt = pd.read_csv("melt.csv", parse_dates=["ts"], index_col="ts")
      y_tr, y_te = melt["lph"].iloc[:-72], melt["lph"].iloc[-72:]
      fit = SARIMAX(y_tr, order=(1, 0, 1)).fit(disp=False)
      fc = fit.forecast(72)
      print(np.mean(np.abs(y_te.to_numpy() - fc)))
    `;
    expect(findings(code, 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('no-held-out-evaluation: a Hugging Face Trainer evaluated on its training dataset', () => {
  const code = (evalSet: string, setup: string) => py`
    import pandas as pd
    from datasets import Dataset
    from sklearn.metrics import accuracy_score, f1_score
    from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
    notes = pd.read_csv("notes.csv")
    ds = Dataset.from_pandas(notes[["text", "label"]])
    ${setup}
    def compute_metrics(pred):
        logits, labels = pred
        yhat = logits.argmax(-1)
        return {"accuracy": accuracy_score(labels, yhat), "macro_f1": f1_score(labels, yhat, average="macro")}
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=4)
    trainer = Trainer(model=model, args=TrainingArguments(output_dir="runs", seed=0), train_dataset=train_part, eval_dataset=${evalSet}, compute_metrics=compute_metrics)
    trainer.train()
    print(trainer.evaluate())
  `;

  it('fires when eval_dataset is the training dataset and nothing is split', () => {
    expect(findings(code('train_part', 'train_part = ds'), 'no-held-out-evaluation')).toHaveLength(1);
  });

  it('stays silent with a held-out split as eval_dataset', () => {
    const setup = 'parts = ds.train_test_split(test_size=0.2, seed=0)\ntrain_part, held = parts["train"], parts["test"]';
    expect(findings(code('held', setup), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('no-held-out-evaluation: predictions on an unlabelled test set for a submission file', () => {
  const code = (extra: string) => py`
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    train = pd.read_csv("train.csv")
    test = pd.read_csv("test.csv")
    clf = LogisticRegression(max_iter=2000).fit(train[["a", "b"]], train["label"])
    pred = clf.predict(train[["a", "b"]])
    print(accuracy_score(train["label"], pred), f1_score(train["label"], pred, average="macro"))
    ${extra}
    sub = pd.DataFrame({"id": test["id"], "label": clf.predict(test[["a", "b"]])})
    sub.to_csv("submission.csv", index=False)
  `;
  const { analyze } = useAnalyzer();
  const rules = (extra: string) => analyze({ 'requirements.txt': 'pandas==2.2.3\n', 'nb.py': code(extra) }).findings.map((f) => f.rule);

  it('fires: the only scores are on the training rows, the test rows have no labels', () => {
    expect(rules('')).toContain('no-held-out-evaluation');
  });

  it('stays silent when a labelled validation file is scored as well', () => {
    expect(rules('valid = pd.read_csv("valid.csv")\n    print(f1_score(valid["label"], clf.predict(valid[["a", "b"]]), average="macro"))')).not.toContain('no-held-out-evaluation');
  });
});

describe('accuracy-only: class counts looked at with np.bincount make it HIGH', () => {
  const code = (look: string) => py`
    import numpy as np
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import accuracy_score
    X_tr, y_tr = np.load("beats_train.npy"), np.load("labels_train.npy")
    X_te, y_te = np.load("beats_test.npy"), np.load("labels_test.npy")
    ${look}
    clf = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_tr, y_tr)
    print("test accuracy", accuracy_score(y_te, clf.predict(X_te)))
  `;
  it('is HIGH after np.bincount(y_tr), MEDIUM without a sign of imbalance', () => {
    expect(findings(code('print(np.bincount(y_tr, minlength=4))'), 'accuracy-only').map((f) => f.severity)).toEqual(['HIGH']);
    expect(findings(code('print(X_tr.shape)'), 'accuracy-only').map((f) => f.severity)).toEqual(['MEDIUM']);
  });
});

describe('accuracy-only: classifiers known by their parameters (LightGBM objective) or their family (statsmodels Logit)', () => {
  it('fires for a native LightGBM booster trained with objective "binary" and judged by accuracy alone', () => {
    const code = (objective: string) => py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import accuracy_score
      from sklearn.model_selection import train_test_split
      CONFIG = {"objective": "${objective}", "learning_rate": 0.05, "num_leaves": 63, "seed": 0}
      tx = pd.read_parquet("tx.parquet")
      tr, te = train_test_split(tx, test_size=0.2, stratify=tx["is_fraud"], random_state=0)
      booster = lgb.train(CONFIG, lgb.Dataset(tr[["amt"]], tr["is_fraud"]), num_boost_round=300)
      print(accuracy_score(te["is_fraud"], (booster.predict(te[["amt"]]) > 0.5).astype(int)))
    `;
    expect(findings(code('binary'), 'accuracy-only')).toHaveLength(1);
    expect(findings(code('regression'), 'accuracy-only')).toEqual([]);
  });

  it('fires for a statsmodels Logit judged by accuracy alone', () => {
    const code = py`
      import pandas as pd
      import statsmodels.api as sm
      from sklearn.model_selection import train_test_split
      book = pd.read_csv("sme_book.csv")
      dev, holdout = train_test_split(book, test_size=0.3, random_state=0)
      logit = sm.Logit(dev["default_12m"], sm.add_constant(dev[["leverage", "coverage"]])).fit(disp=False)
      pred = (logit.predict(sm.add_constant(holdout[["leverage", "coverage"]])) > 0.5).astype(int)
      accuracy = (pred == holdout["default_12m"]).mean()
      print(f"hold-out accuracy: {accuracy:.3f}")
    `;
    expect(findings(code, 'accuracy-only')).toHaveLength(1);
  });
});
