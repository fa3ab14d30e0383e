import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

from features import FEATURES, build_features


def top_decile_capture(y_true, y_pred):
    """Share of realised revenue that sits in the top 10% of predicted customers."""
    order = np.argsort(-y_pred)
    k = max(1, int(len(order) * 0.1))
    return y_true[order[:k]].sum() / y_true.sum()


def main(cfg_path: str) -> None:
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)

    target = cfg["data"]["target"]
    raw = pd.read_parquet(cfg["data"]["customers"])
    raw = raw[raw["n_orders"] >= cfg["data"]["min_orders"]].reset_index(drop=True)
    print(f"{len(raw):,} customers, mean {target} = {raw[target].mean():.2f}")

    df = build_features(raw, target)
    X, y = df[FEATURES], df[target]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], random_state=cfg["seed"]
    )

    model = XGBRegressor(**cfg["xgb"], random_state=cfg["seed"], n_jobs=-1)
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    baseline = np.full(len(y_test), y_train.mean())
    metrics = {
        "mae": mean_absolute_error(y_test, pred),
        "rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
        "mae_baseline": mean_absolute_error(y_test, baseline),
        "top_decile_capture": float(top_decile_capture(y_test.to_numpy(), pred)),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
