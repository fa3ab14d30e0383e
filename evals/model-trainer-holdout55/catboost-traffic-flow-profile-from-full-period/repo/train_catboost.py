import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostRegressor, Pool

from traffic.features import build_features


def metrics(y, p):
    err = p - y
    mask = y > 10
    return {
        "mae": float(np.abs(err).mean()),
        "rmse": float(np.sqrt((err ** 2).mean())),
        "mape_gt10": float(np.mean(np.abs(err[mask]) / y[mask])),
    }


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    raw = pd.read_parquet(cfg["data"]["path"])
    raw["ts"] = pd.to_datetime(raw["ts"])
    df = build_features(raw, horizon=cfg["data"]["horizon_steps"])

    features = [c for c in df.columns if c not in ("ts", "flow")]
    valid_start = pd.Timestamp(cfg["split"]["valid_start"])
    test_start = pd.Timestamp(cfg["split"]["test_start"])
    train = df[df["ts"] < valid_start]
    valid = df[(df["ts"] >= valid_start) & (df["ts"] < test_start)]
    test = df[df["ts"] >= test_start]

    cat_cols = ["sensor_id", "dow"]
    train_pool = Pool(train[features], train["flow"], cat_features=cat_cols)
    valid_pool = Pool(valid[features], valid["flow"], cat_features=cat_cols)
    model = CatBoostRegressor(**cfg["catboost"], random_seed=cfg["seed"])
    model.fit(train_pool, eval_set=valid_pool, early_stopping_rounds=200, use_best_model=True, verbose=500)

    y_test = test["flow"].to_numpy()
    results = {
        "catboost": metrics(y_test, model.predict(test[features])),
        "same_slot_last_week": metrics(y_test, test["flow_lag_1w"].to_numpy()),
    }
    print(pd.DataFrame(results).T.round(3))
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / "catboost_flow.cbm"))
    pd.DataFrame(results).T.to_csv(out / "test_metrics.csv")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
