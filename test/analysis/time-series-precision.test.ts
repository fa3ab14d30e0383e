// Forecasting and event-stream code (rolling origins, session tables, sliding windows, lift metrics):
// each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nstatsmodels==0.14.2\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('per-group descriptors joined onto the rows', () => {
  const code = (stat: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.metrics import average_precision_score
      from sklearn.model_selection import GroupShuffleSplit

      clicks = pd.read_parquet("clicks.parquet")
      data = clicks.join(${stat}, on="session_id")
      tr_idx, te_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=0).split(data, groups=data["user_id"]))
      train, test = data.iloc[tr_idx], data.iloc[te_idx]
      forest = RandomForestClassifier(n_estimators=300, random_state=0).fit(train[["n", "s"]], train["is_bot"])
      print(average_precision_score(test["is_bot"], forest.predict_proba(test[["n", "s"]])[:, 1]))
    `,
  });

  it('stay silent for where each session starts (a per-group minimum)', () => {
    expect(of(code('clicks.groupby("session_id")["ts"].min().rename("s")'), 'preprocessing-before-split')).toEqual([]);
  });

  it('still fire for a per-group mean of the label', () => {
    expect(of(code('clicks.groupby("session_id")["is_bot"].mean().rename("s")'), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe("a model's scores beside a rule's, scored in one loop", () => {
  const code = (pairs: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.metrics import average_precision_score, roc_auc_score
      from sklearn.model_selection import train_test_split

      data = pd.read_parquet("sessions.parquet")
      train, test = train_test_split(data, test_size=0.25, stratify=data["is_bot"], random_state=0)
      forest = RandomForestClassifier(n_estimators=300, random_state=0).fit(train[["a", "b"]], train["is_bot"])
      scores = forest.predict_proba(test[["a", "b"]])[:, 1]
      for name, s in ${pairs}:
          print(name, average_precision_score(test["is_bot"], s), roc_auc_score(test["is_bot"], s))
    `,
  });

  it('count the rule as a baseline', () => {
    expect(of(code('(("forest", scores), ("rate_rule", test["clicks_per_min"].to_numpy()))'), 'no-baseline')).toEqual([]);
  });

  it('still ask for a baseline when only the model is scored', () => {
    expect(of(code('(("forest", scores),)'), 'no-baseline')).toHaveLength(1);
  });
});

describe('rolling-origin evaluation', () => {
  it('takes hist/fut for the training window and the rows after it', () => {
    const files = {
      'run.py': py`
        import numpy as np
        import pandas as pd
        from sklearn.linear_model import Ridge

        df = pd.read_parquet("weekly.parquet")
        for cutoff in pd.date_range("2022-01-02", "2023-01-01", freq="4W"):
            hist = df[df["week"] <= cutoff]
            fut = df[(df["week"] > cutoff) & (df["week"] <= cutoff + pd.Timedelta(weeks=4))]
            p = Ridge(alpha=1.0).fit(hist[["lag_52"]], hist["y"]).predict(fut[["lag_52"]])
            print(float(np.mean(np.abs(fut["y"].to_numpy() - p))))
      `,
    };
    expect(of(files, 'no-held-out-evaluation')).toEqual([]);
  });

  const factory = (call: string) => ({
    'diagnostics.py': py`
      import pandas as pd

      def cross_validation(make_model, df, horizon):
          pieces = []
          for cutoff in pd.date_range(df["ds"].min() + pd.Timedelta(days=365), df["ds"].max(), freq="90D"):
              history = df[df["ds"] <= cutoff]
              actual = df[(df["ds"] > cutoff) & (df["ds"] <= cutoff + pd.Timedelta(days=horizon))]
              model = make_model().fit(history)
              pieces.append(actual.merge(model.predict(model.make_future_dataframe(horizon)), on="ds"))
          return pd.concat(pieces)
    `,
    'run.py': py`
      import pandas as pd
      from sklearn.linear_model import Ridge
      from diagnostics import cross_validation

      df = pd.read_csv("footfall.csv", parse_dates=["ds"])
      ${call}
    `,
  });

  it("counts the project's own cross_validation(...) as held-out evaluation", () => {
    expect(of(factory('cv = cross_validation(lambda: Ridge(alpha=1.0), df, 28)\n      print(cv["y"].sub(cv["yhat"]).abs().mean())'), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('np.mean of the rows is a statistic of them', () => {
  const code = (use: string) => ({
    'train.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import average_precision_score
      from sklearn.model_selection import train_test_split

      def top_decile_lift(y, score):
          top = np.argsort(-score)[: max(1, int(0.1 * len(y)))]
          return float(np.asarray(y)[top].mean() / np.mean(y))

      df = pd.read_parquet("churn.parquet")
      X_tr, X_te, y_tr, y_te = train_test_split(df[["a", "b"]], df["churned"], stratify=df["churned"], random_state=0)
      model = LogisticRegression(max_iter=500).fit(X_tr, y_tr)
      ${use}
    `,
  });

  it('stays silent for a lift metric on the test labels', () => {
    expect(of(code('p = model.predict_proba(X_te)[:, 1]\n      print(average_precision_score(y_te, p), top_decile_lift(y_te, p))'), 'fit-on-test')).toEqual([]);
  });

  it('fires for test features centred with their own np.mean', () => {
    expect(of(code('X_te = X_te - np.mean(X_te, axis=0)\n      print(model.predict_proba(X_te)[:, 1])'), 'fit-on-test')).toHaveLength(1);
  });
});

describe('a fit-and-forecast helper handed the future exogenous rows', () => {
  it('is no fit on them', () => {
    const files = {
      'sarimax.py': py`
        import numpy as np
        import pandas as pd
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        def fit_predict(y_tr, x_tr, x_future):
            res = SARIMAX(y_tr, exog=x_tr, order=(1, 1, 1)).fit(disp=False)
            return res.get_forecast(steps=len(x_future), exog=x_future).predicted_mean

        df = pd.read_csv("monthly.csv", parse_dates=["month"], index_col="month")
        y_tr, y_te = df["units"].iloc[:-12], df["units"].iloc[-12:]
        x_tr, x_te = df[["price"]].iloc[:-12], df[["price"]].iloc[-12:]
        fc = fit_predict(y_tr, x_tr, x_te)
        print(float(np.mean(np.abs(y_te.to_numpy() - fc.to_numpy()))))
      `,
    };
    expect(of(files, 'fit-on-test')).toEqual([]);
  });
});

describe('records appended per row of a time-ordered table', () => {
  const code = (loop: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.model_selection import train_test_split

      raw = pd.read_parquet("sensors.parquet").sort_values(["pump_id", "ts"])
      rows = []
      for pump, g in raw.groupby("pump_id"):
          ${loop}
      windows = pd.DataFrame(rows)
      X_tr, X_te, y_tr, y_te = train_test_split(windows[["m"]], windows["fault"], stratify=windows["fault"], random_state=0)
      RandomForestClassifier(n_estimators=200, random_state=0).fit(X_tr, y_tr)
    `,
  });

  it('keep their time order when they are sliding windows (a shuffled split of them fires)', () => {
    const windows = 'for start in range(0, len(g) - 60, 10):\n              block = g.iloc[start:start + 60]\n              rows.append({"pump": pump, "t0": block["ts"].iloc[0], "m": block["vib"].mean(), "fault": int(block["fault"].max())})';
    expect(of(code(windows), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('do not when there is one record per entity', () => {
    const perPump = 'rows.append({"pump": pump, "t0": g["ts"].iloc[0], "m": g["vib"].mean(), "fault": int(g["fault"].max())})';
    expect(of(code(perPump), 'shuffled-time-series-split')).toEqual([]);
  });
});
