"""Train the listing price model.

    python -m pricing.train --config configs/lgbm_price.yaml --out artifacts/price_lgbm
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import train_test_split

from pricing.pipeline import FeaturePipeline


def regression_report(y_true, y_pred) -> dict[str, float]:
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mape": float(mean_absolute_percentage_error(y_true, y_pred)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--out", default="artifacts/price_lgbm")
    args = parser.parse_args()

    cfg = yaml.safe_load(Path(args.config).read_text())
    seed = cfg["seed"]
    target = cfg["data"]["target"]
    np.random.seed(seed)

    df = pd.read_parquet(cfg["data"]["path"])
    df = df[(df[target] > 10_000) & df["rooms"].notna()].reset_index(drop=True)

    features = FeaturePipeline.from_config(cfg["transforms"], target=target)
    df = features.fit_transform(df)

    train_df, test_df = train_test_split(df, test_size=cfg["data"]["test_size"], random_state=seed)
    rel_val = cfg["data"]["val_size"] / (1 - cfg["data"]["test_size"])
    train_df, val_df = train_test_split(train_df, test_size=rel_val, random_state=seed)

    feature_cols = [c for c in df.columns if c not in (target, "listing_id")]
    X_train, y_train = train_df[feature_cols], np.log1p(train_df[target])
    X_val, y_val = val_df[feature_cols], np.log1p(val_df[target])
    X_test, y_test = test_df[feature_cols], test_df[target]

    model = lgb.LGBMRegressor(**cfg["model"]["params"], random_state=seed, verbose=-1)
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_val, y_val)],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(cfg["model"]["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    baseline = DummyRegressor(strategy="median").fit(X_train, train_df[target])
    report = {
        "model": regression_report(y_test, np.expm1(model.predict(X_test))),
        "baseline_median": regression_report(y_test, baseline.predict(X_test)),
        "best_iteration": int(model.best_iteration_),
    }

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"features": features, "model": model, "columns": feature_cols}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
