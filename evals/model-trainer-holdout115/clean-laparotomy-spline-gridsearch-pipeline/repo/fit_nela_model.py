#!/usr/bin/env python
"""90-day mortality after emergency laparotomy: penalised spline logistic regression.

    python fit_nela_model.py --data data/emlap_2016_2022.csv --seed 13 --outdir results/
"""
import argparse
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer

SPLINE = ["age", "albumin", "lactate", "creatinine", "heart_rate", "sbp", "wcc"]
BINARY = ["malignancy", "peritoneal_soiling_gross", "sepsis_suspected", "arrhythmia"]
CATEG = ["asa", "urgency", "indication"]
OUTCOME = "death_90d"


def descriptive_table(df, path):
    # Table 1 for the paper: whole cohort, by outcome
    t1 = df.groupby(OUTCOME)[SPLINE].median().T
    t1["missing_%"] = df[SPLINE].isna().mean().mul(100).round(1)
    t1.to_csv(path)


def build_pipeline():
    spline_pipe = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("spline", SplineTransformer(degree=3, knots="quantile", extrapolation="linear")),
    ])
    pre = ColumnTransformer([
        ("spl", spline_pipe, SPLINE),
        ("bin", SimpleImputer(strategy="most_frequent"), BINARY),
        ("cat", OneHotEncoder(handle_unknown="ignore", drop="first"), CATEG),
    ])
    return Pipeline([("pre", pre), ("lr", LogisticRegression(max_iter=10000))])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/emlap_2016_2022.csv")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--outdir", default="results")
    args = ap.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(args.data)
    df = df[(df["age"] >= 18) & (df["procedure_group"] != "trauma")]
    df["lactate"] = np.log(df["lactate"].clip(lower=0.2))
    df["creatinine"] = np.log(df["creatinine"])
    descriptive_table(df, out / "table1.csv")

    train, test = train_test_split(df, test_size=0.25, stratify=df[OUTCOME], random_state=args.seed)
    X_cols = SPLINE + BINARY + CATEG

    grid = {
        "pre__spl__spline__n_knots": [3, 4, 5],
        "lr__C": [0.03, 0.1, 0.3, 1.0],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    search = GridSearchCV(build_pipeline(), grid, scoring="neg_brier_score", cv=cv, n_jobs=-1)
    search.fit(train[X_cols], train[OUTCOME])
    print("selected:", search.best_params_)

    p = search.best_estimator_.predict_proba(test[X_cols])[:, 1]
    y = test[OUTCOME].to_numpy()
    print(f"held-out test: n={len(y)} deaths={y.sum()} AUC={roc_auc_score(y, p):.3f} "
          f"Brier={brier_score_loss(y, p):.4f} mean predicted={p.mean():.3f} observed={y.mean():.3f}")

    joblib.dump(search.best_estimator_, out / "nela_spline_lr.joblib")


if __name__ == "__main__":
    main()
