"""Six-month customer value model (LightGBM, tweedie objective).

    python train_clv.py config.toml
"""
import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import tomli
from scipy.stats import spearmanr
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from clv.features import build_features, build_labels


def top_decile_capture(y_true, y_score):
    k = max(1, len(y_true) // 10)
    top = np.argsort(-y_score)[:k]
    return float(y_true[top].sum() / max(y_true.sum(), 1e-9))


def evaluate(y_true, y_pred):
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "spearman": float(spearmanr(y_true, y_pred).correlation),
        "top_decile_capture": top_decile_capture(y_true, y_pred),
    }


def main(cfg_path):
    with open(cfg_path, "rb") as fh:
        cfg = tomli.load(fh)
    d, t = cfg["data"], cfg["train"]
    cutoff = pd.Timestamp(d["cutoff"])

    tx = pd.read_parquet(d["transactions"])
    tx["order_ts"] = pd.to_datetime(tx["order_ts"])
    customers = pd.read_parquet(d["customers"])

    X = build_features(tx, customers, cutoff)
    y = build_labels(tx, cutoff, d["horizon_days"]).reindex(X.index).fillna(0.0)
    print(f"{len(X):,} customers, {(y > 0).mean():.1%} purchase in the next {d['horizon_days']} days")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=t["test_size"], random_state=t["seed"])
    X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=t["valid_size"], random_state=t["seed"])

    model = lgb.LGBMRegressor(random_state=t["seed"], verbose=-1, **cfg["model"])
    model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], eval_metric="tweedie",
              callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)])

    pred = np.clip(model.predict(X_test), 0, None)
    # baseline: customers keep spending at their last-12-month rate
    naive = X_test["spend_12m"].to_numpy() * d["horizon_days"] / 365.0
    report = {"model": evaluate(y_test.to_numpy(), pred), "run_rate_baseline": evaluate(y_test.to_numpy(), naive)}
    print(json.dumps(report, indent=2))
    model.booster_.save_model("artifacts/clv_lgbm.txt")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.toml")
