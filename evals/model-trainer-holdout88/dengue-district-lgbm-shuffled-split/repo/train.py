"""Train a LightGBM Poisson model for next-week dengue cases per district."""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance, mean_squared_error
from sklearn.model_selection import train_test_split

from features import build_feature_frame, feature_columns


def load_config(path: str) -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)


def evaluate(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    y_pred = np.clip(y_pred, 1e-6, None)
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "poisson_deviance": float(mean_poisson_deviance(y_true, y_pred)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = load_config(args.config)

    raw = pd.read_csv(cfg["data"]["path"], parse_dates=["week_start"])
    raw = raw[raw["week_start"] >= cfg["data"]["start_date"]]
    print(f"{raw['district_id'].nunique()} districts, {raw['week_start'].nunique()} weeks")

    frame = build_feature_frame(raw, cfg["features"]["case_lags"], cfg["features"]["climate_lags"])
    cols = feature_columns(frame)
    X = frame[cols]
    y = frame[cfg["data"]["target"]].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"],
        shuffle=cfg["split"]["shuffle"], random_state=cfg["split"]["seed"],
    )
    print(f"train rows: {len(X_train)}, test rows: {len(X_test)}")

    model = lgb.LGBMRegressor(random_state=cfg["split"]["seed"], verbose=-1, **cfg["model"])
    model.fit(X_train, y_train)

    test_pred = model.predict(X_test)
    metrics = {"lgbm": evaluate(y_test, test_pred)}
    # persistence: next week looks like last week
    metrics["persistence"] = evaluate(y_test, X_test["cases_lag1"].to_numpy())
    for name, m in metrics.items():
        print(f"{name:>12}: MAE={m['mae']:.2f} RMSE={m['rmse']:.2f} dev={m['poisson_deviance']:.3f}")

    importance = pd.Series(model.feature_importances_, index=cols).sort_values(ascending=False)
    print(importance.head(15).to_string())

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    (out / "features.json").write_text(json.dumps(cols, indent=2))


if __name__ == "__main__":
    main()
