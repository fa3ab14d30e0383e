"""Mortgage PD: CatBoost on origination cohorts with out-of-time validation and test windows."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from pd_pipeline.metrics import risk_metrics
from pd_pipeline.periods import period_split


def main(config):
    cfg = yaml.safe_load(Path(config).read_text())
    seed = cfg["random_seed"]
    random.seed(seed)
    np.random.seed(seed)
    out = Path(cfg["outputs"])
    out.mkdir(parents=True, exist_ok=True)

    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    cats = d["categorical"]
    df[cats] = df[cats].astype(str)
    parts = period_split(df, d["date_col"], cfg["periods"])
    drop = d["id_cols"] + [d["date_col"], d["target"]]
    features = [c for c in df.columns if c not in drop]
    num = [c for c in features if c not in cats]

    def xy(name):
        p = parts[name]
        return p[features], p[d["target"]].astype(int)

    (X_tr, y_tr), (X_va, y_va), (X_te, y_te) = xy("train"), xy("valid"), xy("test")

    model = CatBoostClassifier(**cfg["catboost"], random_seed=seed, verbose=500)
    model.fit(
        Pool(X_tr, y_tr, cat_features=cats),
        eval_set=Pool(X_va, y_va, cat_features=cats),
        use_best_model=True,
    )

    baseline = make_pipeline(
        make_column_transformer(
            (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
            (OneHotEncoder(handle_unknown="ignore", min_frequency=50), cats),
        ),
        LogisticRegression(C=0.5, max_iter=3000),
    )
    baseline.fit(X_tr, y_tr)

    report = {"best_iteration": model.get_best_iteration()}
    for split_name, X, y in [("valid", X_va, y_va), ("test", X_te, y_te)]:
        report[split_name] = {
            "catboost": risk_metrics(y, model.predict_proba(Pool(X, cat_features=cats))[:, 1]),
            "logit_baseline": risk_metrics(y, baseline.predict_proba(X)[:, 1]),
        }
    print(json.dumps(report, indent=2))

    model.save_model(str(out / "catboost_pd.cbm"))
    (out / "report.json").write_text(json.dumps(report, indent=2))
    pd.DataFrame({"feature": model.feature_names_, "importance": model.get_feature_importance()}) \
        .sort_values("importance", ascending=False).to_csv(out / "importance.csv", index=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/mortgage_pd.yaml")
    main(ap.parse_args().config)
