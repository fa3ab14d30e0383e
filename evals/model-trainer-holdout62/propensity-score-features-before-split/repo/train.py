"""Train a T-learner for the Q1 retention offer and report Qini on a holdout."""
import json

import numpy as np
import pandas as pd
import yaml
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split

from uplift_pipeline.features import add_baseline_risk, add_propensity_score, log_spend
from uplift_pipeline.metrics import qini_auc, uplift_at_k

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)

T, Y, X_COLS = cfg["treatment_col"], cfg["outcome_col"], cfg["covariates"]
SEED = cfg["seed"]
np.random.seed(SEED)

df = pd.read_parquet(cfg["data_path"])
df = df.dropna(subset=[T, Y]).reset_index(drop=True)
print(f"{len(df):,} customers, treated share {df[T].mean():.3f}, renewal rate {df[Y].mean():.3f}")

df = log_spend(df)
df = add_propensity_score(df, X_COLS, T)
df = add_baseline_risk(df, X_COLS, T, Y, seed=SEED)
features = X_COLS + ["pscore", "baseline_renewal"]

strata = df[T].astype(str) + "_" + df[Y].astype(str)
train, test = train_test_split(df, test_size=cfg["test_size"], stratify=strata, random_state=SEED)


def fit_arm(frame):
    model = LGBMClassifier(**cfg["lgbm"], random_state=SEED, verbose=-1)
    model.fit(frame[features], frame[Y])
    return model


m_treated = fit_arm(train[train[T] == 1])
m_control = fit_arm(train[train[T] == 0])

uplift_test = (m_treated.predict_proba(test[features])[:, 1]
               - m_control.predict_proba(test[features])[:, 1])

rng = np.random.default_rng(SEED)
random_scores = rng.random(len(test))

report = {
    "qini_auc": qini_auc(test[Y], test[T], uplift_test),
    "qini_auc_random": qini_auc(test[Y], test[T], random_scores),
    "uplift_at_20pct": uplift_at_k(test[Y], test[T], uplift_test, k=0.2),
    "uplift_at_20pct_random": uplift_at_k(test[Y], test[T], random_scores, k=0.2),
    "ate_test": float(test.loc[test[T] == 1, Y].mean() - test.loc[test[T] == 0, Y].mean()),
}
for name, value in report.items():
    print(f"{name:>24}: {value:.4f}")

with open("reports/tlearner_q1.json", "w") as fh:
    json.dump(report, fh, indent=2)
