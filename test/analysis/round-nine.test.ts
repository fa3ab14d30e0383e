// Round-nine idioms (learning to rank, causal inference and uplift, image transfer learning, embeddings): features
// that are a model's predictions, statistics per treatment arm, and selections made on the test rows of an
// experiment. Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\ntorch==2.5.1\n' };
const severe = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH');

describe('a propensity score added as a feature by a helper', () => {
  const helper = py`
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler


    def add_propensity(df, covariates, treatment):
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
        model.fit(df[covariates], df[treatment])
        out = df.copy()
        out["pscore"] = np.clip(model.predict_proba(df[covariates])[:, 1], 0.01, 0.99)
        return out
  `;
  const main = (body: string) => py`
    import pandas as pd
    from lightgbm import LGBMClassifier
    from sklearn.dummy import DummyClassifier
    from sklearn.metrics import roc_auc_score, f1_score
    from sklearn.model_selection import train_test_split
    from features import add_propensity

    COVS = ["tenure", "spend", "visits"]
    df = pd.read_parquet("offers.parquet")
    ${body}
    for m in (LGBMClassifier(random_state=0), DummyClassifier()):
        m.fit(train[COVS + ["pscore"]], train["renewed"])
        p = m.predict_proba(test[COVS + ["pscore"]])[:, 1]
        print(roc_auc_score(test["renewed"], p), f1_score(test["renewed"], p > 0.5))
  `;

  it('fires when it is fitted on every customer before the split, cited at the call', () => {
    const found = severe({
      'features.py': helper,
      'train.py': main(`df = add_propensity(df, COVS, "offered")
    train, test = train_test_split(df, test_size=0.25, stratify=df["renewed"], random_state=0)`),
    });
    const leak = found.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ file: 'train.py', line: 10 });
    expect(leak?.issue).toMatch(/LogisticRegression model whose predictions become a feature/);
    expect(leak?.sites).toContainEqual({ file: 'features.py', line: 9 });
  });

  it('stays silent when each part gets scores of a model fitted on the training part', () => {
    const found = severe({
      'features.py': helper.replace('def add_propensity(df, covariates, treatment):', 'def add_propensity(df, covariates, treatment, fit_on):').replace('model.fit(df[covariates], df[treatment])', 'model.fit(fit_on[covariates], fit_on[treatment])'),
      'train.py': main(`train, test = train_test_split(df, test_size=0.25, stratify=df["renewed"], random_state=0)
    train, test = add_propensity(train, COVS, "offered", train), add_propensity(test, COVS, "offered", train)`),
    });
    expect(found).toEqual([]);
  });

  it('stays silent on in-sample predictions of a model fitted on all rows when nothing is split afterwards', () => {
    const found = severe({
      'diagnose.py': py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression

        df = pd.read_parquet("offers.parquet")
        model = LogisticRegression(max_iter=1000).fit(df[["tenure", "spend"]], df["offered"])
        df["pscore"] = model.predict_proba(df[["tenure", "spend"]])[:, 1]
        print(df.groupby("offered")["pscore"].describe())
      `,
    });
    expect(found.filter((f) => f.rule === 'preprocessing-before-split')).toEqual([]);
  });
});

describe('outcome rates per segment and treatment arm, built by a helper and merged back', () => {
  const nb = (body: string) => ({
    'uplift.py': py`
      import pandas as pd
      from catboost import CatBoostClassifier
      from sklearn.dummy import DummyClassifier
      from sklearn.metrics import roc_auc_score, average_precision_score
      from sklearn.model_selection import train_test_split

      SEED = 7
      df = pd.read_csv("push_rct.csv")


      def arm_rates(frame, key, y="ordered_7d", t="treatment", prior=200):
          stats = frame.groupby([key, t])[y].agg(["sum", "count"]).unstack(t)
          rate_t = (stats[("sum", 1)] + prior) / (stats[("count", 1)] + prior)
          rate_c = (stats[("sum", 0)] + prior) / (stats[("count", 0)] + prior)
          return pd.DataFrame({f"{key}_rate_t": rate_t, f"{key}_lift": rate_t - rate_c})


      ${body}
      features = ["tenure_days", "city_rate_t", "city_lift"]
      for m in (CatBoostClassifier(random_seed=SEED, verbose=0), DummyClassifier()):
          m.fit(train[features], train["z"])
          p = m.predict_proba(test[features])[:, 1]
          print(roc_auc_score(test["z"], p), average_precision_score(test["z"], p))
    `,
  });

  it('fires when the rates of every customer are merged before the split, cited at the call', () => {
    const found = severe(nb(`df = df.merge(arm_rates(df, "city"), left_on="city", right_index=True, how="left")
      train, test = train_test_split(df, test_size=0.3, random_state=SEED, stratify=df["z"])`));
    const leak = found.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ line: 18 });
    expect(leak?.sites).toContainEqual({ file: 'uplift.py', line: 12 });
  });

  it('stays silent when the rates come from the training part and are merged into both parts', () => {
    const found = severe(nb(`train, test = train_test_split(df, test_size=0.3, random_state=SEED, stratify=df["z"])
      rates = arm_rates(train, "city")
      train = train.merge(rates, left_on="city", right_index=True, how="left")
      test = test.merge(rates, left_on="city", right_index=True, how="left")`));
    expect(found).toEqual([]);
  });
});
