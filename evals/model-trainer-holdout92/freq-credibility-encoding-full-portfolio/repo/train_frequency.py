"""Train the motor TPL claim frequency GBM (Poisson, exposure-weighted).

Usage: python train_frequency.py --config config.yaml
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_poisson_deviance

from pricing.features import add_rating_features
from pricing.metrics import exposure_weighted_gini, lift_table


def load_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def make_matrix(df, cfg):
    feats = cfg["features"]
    cred_cols = [f"{c}_cred" for c in feats["credibility"]]
    X = df[feats["numeric"] + feats["categorical"] + cred_cols].copy()
    for col in feats["categorical"]:
        X[col] = X[col].astype("category")
    return X


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = load_config(args.config)

    df = pd.read_parquet(cfg["data"]["path"])
    df = df[(df["exposure"] > 0) & (df["exposure"] <= 1.0)].reset_index(drop=True)
    df = add_rating_features(df, cfg["features"]["credibility"], cfg["features"]["cred_k"])

    last_year = cfg["split"]["last_train_year"]
    train = df[df["policy_year"] <= last_year]
    test = df[df["policy_year"] > last_year]
    print(f"train: {len(train):,} policies / {train['exposure'].sum():,.0f} car-years")
    print(f"test:  {len(test):,} policies / {test['exposure'].sum():,.0f} car-years")

    X_train, X_test = make_matrix(train, cfg), make_matrix(test, cfg)
    y_train = train["claim_count"] / train["exposure"]
    y_test = test["claim_count"] / test["exposure"]

    model = lgb.LGBMRegressor(objective="poisson", **cfg["model"])
    model.fit(X_train, y_train, sample_weight=train["exposure"])

    pred_freq = model.predict(X_test)
    base_freq = np.full(len(test), np.average(y_train, weights=train["exposure"]))

    results = {
        "poisson_dev_model": mean_poisson_deviance(y_test, pred_freq, sample_weight=test["exposure"]),
        "poisson_dev_baseline": mean_poisson_deviance(y_test, base_freq, sample_weight=test["exposure"]),
        "gini_model": exposure_weighted_gini(test["claim_count"], pred_freq * test["exposure"], test["exposure"]),
    }
    for name, value in results.items():
        print(f"{name:>22s}: {value:.5f}")
    print(lift_table(test["claim_count"], pred_freq * test["exposure"], test["exposure"]).round(4))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "lgbm_frequency.txt"))
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
