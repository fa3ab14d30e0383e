"""Train the monthly subscriber churn model (LightGBM)."""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from churn.features import add_ratio_features, add_segment_rates, build_customer_aggregates


def load_data(cfg):
    customers = pd.read_csv(cfg["data"]["customers"])
    usage = pd.read_parquet(cfg["data"]["usage"])
    agg = build_customer_aggregates(usage)
    df = customers.merge(agg, on="customer_id", how="left")
    num_cols = agg.columns.drop("customer_id")
    df[num_cols] = df[num_cols].fillna(0.0)
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    out_dir = Path(cfg["data"]["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    df = load_data(cfg)
    df = add_ratio_features(df)
    df = add_segment_rates(df, cfg["segment_cols"], target="churned")

    cat_cols = cfg["categorical_cols"]
    for col in cat_cols:
        df[col] = df[col].astype("category")

    feature_cols = [c for c in df.columns if c not in ("customer_id", "churned", "signup_date")]
    X, y = df[feature_cols], df["churned"].astype(int)
    print(f"{len(df)} customers, churn rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=cfg["valid_size"], stratify=y_train, random_state=cfg["seed"]
    )

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_val, y_val)],
        eval_metric="auc",
        categorical_feature=cat_cols,
        callbacks=[lgb.early_stopping(100, verbose=False)],
    )

    num_features = [c for c in feature_cols if c not in cat_cols]
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(X_tr[num_features], y_tr)

    results = {}
    for name, proba in {
        "lightgbm": model.predict_proba(X_test)[:, 1],
        "logreg_baseline": baseline.predict_proba(X_test[num_features])[:, 1],
    }.items():
        results[name] = {
            "roc_auc": roc_auc_score(y_test, proba),
            "pr_auc": average_precision_score(y_test, proba),
            "brier": brier_score_loss(y_test, proba),
        }
        print(name, {k: round(v, 4) for k, v in results[name].items()})

    importances = pd.Series(model.feature_importances_, index=feature_cols).sort_values(ascending=False)
    print(importances.head(15))

    model.booster_.save_model(str(out_dir / "churn_lgbm.txt"))
    with open(out_dir / "metrics.json", "w") as fh:
        json.dump({"best_iteration": int(model.best_iteration_), **results}, fh, indent=2)


if __name__ == "__main__":
    main()
