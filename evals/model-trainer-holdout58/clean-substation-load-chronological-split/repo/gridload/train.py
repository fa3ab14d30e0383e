"""Hourly substation load model (up to 24h ahead).  python -m gridload.train"""
from __future__ import annotations

import itertools
from pathlib import Path

import click
import lightgbm as lgb
import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, train_test_split

from gridload.features import make_features


def report(y, p) -> dict[str, float]:
    y, p = np.asarray(y), np.asarray(p)
    return {
        "mae": float(mean_absolute_error(y, p)),
        "rmse": float(np.sqrt(mean_squared_error(y, p))),
        "mape": float(np.mean(np.abs((y - p) / np.clip(np.abs(y), 1e-3, None)))),
    }


@click.command()
@click.option("--config", "config_path", default="configs/load_forecast.yaml", type=click.Path(exists=True))
def main(config_path: str) -> None:
    cfg = yaml.safe_load(Path(config_path).read_text())
    dc = cfg["data"]
    raw = pd.read_parquet(dc["path"])
    raw[dc["timestamp"]] = pd.to_datetime(raw[dc["timestamp"]], utc=True)
    frame, cols = make_features(raw, cfg)

    train_df, test_df = train_test_split(frame, test_size=cfg["split"]["test_size"], shuffle=cfg["split"]["shuffle"])
    assert train_df[dc["timestamp"]].max() <= test_df[dc["timestamp"]].min()

    tscv = TimeSeriesSplit(n_splits=cfg["cv"]["n_splits"], gap=cfg["cv"]["gap"] * raw[dc["series_id"]].nunique())
    grid = [dict(zip(cfg["grid"], v)) for v in itertools.product(*cfg["grid"].values())]
    cv_scores = {}
    for params in grid:
        fold_mae = []
        for tr_idx, va_idx in tscv.split(train_df):
            tr, va = train_df.iloc[tr_idx], train_df.iloc[va_idx]
            m = lgb.LGBMRegressor(**cfg["model"], **params, verbose=-1).fit(tr[cols], tr[dc["target"]])
            fold_mae.append(mean_absolute_error(va[dc["target"]], m.predict(va[cols])))
        cv_scores[tuple(params.items())] = float(np.mean(fold_mae))
    best_params = dict(min(cv_scores, key=cv_scores.get))

    mlflow.set_experiment(cfg["experiment"])
    with mlflow.start_run(run_name="lgbm-hourly"):
        mlflow.log_params({**cfg["model"], **best_params, "cv_best_mae": cv_scores[tuple(best_params.items())]})
        model = lgb.LGBMRegressor(**cfg["model"], **best_params, verbose=-1)
        model.fit(train_df[cols], train_df[dc["target"]])

        y_test = test_df[dc["target"]]
        mlflow.log_metrics({f"test_{k}": v for k, v in report(y_test, model.predict(test_df[cols])).items()})
        mlflow.log_metrics({f"naive_same_hour_last_week_{k}": v for k, v in report(y_test, test_df["lag_168"]).items()})
        mlflow.log_metrics({f"naive_yesterday_{k}": v for k, v in report(y_test, test_df["lag_24"]).items()})
        mlflow.lightgbm.log_model(model.booster_, "model")


if __name__ == "__main__":
    main()
