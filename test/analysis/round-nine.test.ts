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
