// Correct code that looks suspicious to a naive reader (from blind traps): each case stays silent, and a
// close variant that is really wrong still fires.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze, findings } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.4.1\n' };
const rulesOf = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.map((f) => f.rule);

describe('statistics inside a metric or a softmax are no fit on the test rows', () => {
  const code = (scores: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from sklearn.linear_model import Ridge

    def softmax(h):
        z = h - h.max(1, keepdims=True)
        return np.exp(z) / np.exp(z).sum(1, keepdims=True)

    def regression_scores(pred, true):
        return {"R2": 1 - ((pred - true) ** 2).sum() / ((true - true.mean()) ** 2).sum()}

    df = pd.read_csv("concrete.csv")
    X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="y"), df["y"], random_state=0)
    model = Ridge(alpha=1.0).fit(X_train, y_train)
    ${scores}
  `;

  it('stays silent for h.max(1, ...) on the test rows and the mean of the true targets in R2', () => {
    expect(findings(code('print(softmax(X_test.to_numpy()), regression_scores(model.predict(X_test), y_test))'), 'fit-on-test')).toEqual([]);
  });

  it('still fires for the test rows standardised with their own column statistics', () => {
    expect(findings(code('X_test = (X_test - X_test.mean()) / X_test.std()\n    print(model.predict(X_test))'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('a development sample file is the training data, not a validation file', () => {
  it('stays silent for a pipeline fitted on dev_sample.parquet', () => {
    const code = py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.pipeline import make_pipeline
      from sklearn.preprocessing import StandardScaler
      accts = pd.read_parquet("data/dev_sample.parquet")
      card = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(accts[["a", "b"]], accts["bad"])
      oot = pd.read_parquet("data/oot_sample.parquet")
      print(card.score(oot[["a", "b"]], oot["bad"]))
    `;
    expect(findings({ ...REQ, 'score.py': code }, 'fit-on-test')).toEqual([]);
  });
});

describe('LightningCLI seeds everything from its settings file', () => {
  const data = py`
    import lightning as L
    from torch.utils.data import DataLoader
    class Bikes(L.LightningDataModule):
        def train_dataloader(self):
            return DataLoader(self.train_ds, batch_size=64, shuffle=True)
  `;
  const main = py`
    from lightning.pytorch.cli import LightningCLI
    from bikes import Bikes
    LightningCLI(datamodule_class=Bikes)
  `;

  it('stays silent on an unseeded shuffling loader when config.yaml sets seed_everything', () => {
    expect(rulesOf({ 'bikes.py': data, 'main.py': main, 'config.yaml': 'seed_everything: 42\ntrainer:\n  max_epochs: 20\n' })).not.toContain('missing-random-seed');
  });

  it('fires without it', () => {
    expect(rulesOf({ 'bikes.py': data, 'main.py': main, 'config.yaml': 'trainer:\n  max_epochs: 20\n' })).toContain('missing-random-seed');
  });
});

describe('held-out rows handed to the project\'s own evaluation code', () => {
  const code = (scored: string) => py`
    import numpy as np

    class Net:
        def __init__(self, rng):
            self.w = rng.normal(size=(784, 10))

        def forward(self, X):
            return X @ self.w

        def backward(self, X, y):
            return X.T @ (self.forward(X) - np.eye(10)[y]) / len(X)

    def evaluate(net, X, y):
        return float((net.forward(X).argmax(1) == y).mean())

    rng = np.random.default_rng(0)
    with np.load("mnist.npz") as d:
        X_full, y_full = d["x_train"].reshape(-1, 784) / 255.0, d["y_train"]
        X_test, y_test = d["x_test"].reshape(-1, 784) / 255.0, d["y_test"]
    net = Net(rng)
    for epoch in range(20):
        net.w -= 0.1 * net.backward(X_full, y_full)
    print(evaluate(net, ${scored}))
  `;

  it('stays silent when the test rows are what evaluate() gets', () => {
    expect(rulesOf({ 'nn_numpy.py': code('X_test, y_test') })).not.toContain('no-held-out-evaluation');
  });

  it('fires when it gets the training rows and nothing is held out', () => {
    expect(rulesOf({ 'nn_numpy.py': code('X_full, y_full').replace(/\n\s*X_test, y_test = .*\n/, '\n') })).toContain('no-held-out-evaluation');
  });
});

describe('a calibration error computed from the test labels and the predicted probabilities', () => {
  const code = (extra: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    def expected_calibration_error(y, p, n_bins=10):
        idx = np.clip(np.digitize(p, np.linspace(0, 1, n_bins + 1)) - 1, 0, n_bins - 1)
        ece = 0.0
        for b in range(n_bins):
            m = idx == b
            ece += m.mean() * abs(y[m].mean() - p[m].mean())
        return ece

    df = pd.read_csv("readmission.csv")
    X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns="y"), df["y"], stratify=df["y"], random_state=0)
    clf = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
    print(expected_calibration_error(y_te.to_numpy(), clf.predict_proba(X_te)[:, 1]))
    ${extra}
  `;

  it('stays silent: it is a metric, not a fit', () => {
    expect(findings(code(''), 'fit-on-test')).toEqual([]);
  });

  it('still fires for test features centred on their own mean', () => {
    expect(findings(code('print(clf.predict(X_te - X_te.mean()))'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('chronological cuts of a labelled train.csv, and scalers fitted on the rows before a cut', () => {
  it('stays silent for test rows cut by date from train.csv and scored (they are held out)', () => {
    const code = py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import mean_absolute_error
      sales = pd.read_csv("data/train.csv", parse_dates=["date"]).sort_values(["store", "date"])
      sales["lag_7"] = sales.groupby("store")["sales"].shift(7)
      train = sales[sales["date"] <= "2017-06-30"]
      test = sales[sales["date"] > "2017-06-30"]
      model = lgb.LGBMRegressor(n_estimators=300, random_state=0).fit(train[["lag_7"]], train["sales"])
      print(mean_absolute_error(test["sales"], model.predict(test[["lag_7"]])), mean_absolute_error(test["sales"], test["lag_7"]))
    `;
    expect(rulesOf({ 'sales.py': code })).not.toContain('no-held-out-evaluation');
  });

  const scaled = (fitRows: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.preprocessing import StandardScaler
    values = pd.read_csv("pv.csv", parse_dates=["ts"]).sort_values("ts")[["power", "irradiance"]].to_numpy()
    i_val, i_test = int(len(values) * 0.7), int(len(values) * 0.85)
    scaler = StandardScaler().fit(${fitRows})
    train_arr = scaler.transform(values[:i_val])
    test_arr = scaler.transform(values[i_test:])
  `;

  it('stays silent for a scaler fitted on values[:i_val] (the training period)', () => {
    expect(findings({ ...REQ, 'pv.py': scaled('values[:i_val]') }, 'preprocessing-before-split')).toEqual([]);
  });

  it('still fires for a scaler fitted on every row', () => {
    expect(findings({ ...REQ, 'pv.py': scaled('values') }, 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('test scores computed by a helper of another file, kept best in a loop and then tabulated', () => {
  const METRICS = 'from sklearn.metrics import roc_auc_score\n\ndef ranking_metrics(y, s):\n    return {"auc": roc_auc_score(y, s)}\n';
  const code = py`
    import lightgbm as lgb
    import numpy as np
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from kit.metrics import ranking_metrics
    df = pd.read_parquet("returns.parquet")
    X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="y"), df["y"], stratify=df["y"], random_state=0)
    trials, best_auc = [], -np.inf
    for leaves in [15, 31, 63]:
        clf = lgb.LGBMClassifier(num_leaves=leaves, random_state=0).fit(X_train, y_train)
        scores = ranking_metrics(y_test, clf.predict_proba(X_test)[:, 1])
        trials.append(scores)
        if scores["auc"] > best_auc:
            best_auc = scores["auc"]
    print(pd.DataFrame(trials).sort_values("auc", ascending=False))
  `;

  it('is one finding, in this file, at the loop that keeps the best', () => {
    const found = findings({ ...REQ, 'kit/__init__.py': '', 'kit/metrics.py': METRICS, 'tune.py': code }, 'test-set-selection');
    expect(found.map((f) => [f.file, f.line])).toEqual([['tune.py', 13]]);
  });
});

describe('a sort by admission time that picks the first stay per patient', () => {
  const code = (dedupe: string) => py`
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    df = pd.read_csv("icu_stays.csv")
    df = df.sort_values("intime")${dedupe}
    X_dev, X_test, y_dev, y_test = train_test_split(df[["hr", "lactate"]], df["sepsis"], stratify=df["sepsis"], random_state=0)
  `;
  it('stays silent: the rows are one per patient, not a series', () => {
    expect(findings({ ...REQ, 'sepsis.py': code('.drop_duplicates("subject_id", keep="first")') }, 'shuffled-time-series-split')).toEqual([]);
  });
  it('still fires for the time-sorted rows shuffled as they are', () => {
    expect(findings({ ...REQ, 'sepsis.py': code('') }, 'shuffled-time-series-split')).toHaveLength(1);
  });
});
