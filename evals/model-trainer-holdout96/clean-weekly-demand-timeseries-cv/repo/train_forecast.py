import logging

import hydra
import lightgbm as lgb
import mlflow
import mlflow.lightgbm
import numpy as np
import pandas as pd
from omegaconf import DictConfig, OmegaConf
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

from forecast.features import FEATURES, add_lag_features

log = logging.getLogger(__name__)


def wape(y_true, y_pred) -> float:
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())


@hydra.main(config_path="conf", config_name="forecast", version_base="1.3")
def main(cfg: DictConfig) -> None:
    df = pd.read_parquet(cfg.snapshot)
    df[cfg.date_col] = pd.to_datetime(df[cfg.date_col])
    df = add_lag_features(df, cfg.date_col)
    df = df.dropna(subset=["lag_4", "rmean_13"])

    weeks = np.sort(df[cfg.date_col].unique())
    cutoff = weeks[-cfg.holdout_weeks]
    train = df[df[cfg.date_col] < cutoff].sort_values(cfg.date_col).reset_index(drop=True)
    holdout = df[df[cfg.date_col] >= cutoff]
    log.info("train until %s, holdout %d weeks (%d rows)", cutoff, cfg.holdout_weeks, len(holdout))

    train_weeks = np.sort(train[cfg.date_col].unique())
    tscv = TimeSeriesSplit(n_splits=cfg.cv_splits, test_size=cfg.holdout_weeks)
    params = {**OmegaConf.to_container(cfg.lgbm), "random_state": cfg.seed, "verbose": -1}

    cv_scores = {}
    for n_estimators in cfg.candidates.n_estimators:
        fold_wape = []
        for tr_idx, va_idx in tscv.split(train_weeks):
            tr = train[train[cfg.date_col].isin(train_weeks[tr_idx])]
            va = train[train[cfg.date_col].isin(train_weeks[va_idx])]
            m = lgb.LGBMRegressor(n_estimators=n_estimators, **params).fit(tr[FEATURES], tr["units"])
            fold_wape.append(wape(va["units"].to_numpy(), m.predict(va[FEATURES])))
        cv_scores[n_estimators] = float(np.mean(fold_wape))
        log.info("n_estimators=%d cv WAPE=%.4f", n_estimators, cv_scores[n_estimators])

    best_n = min(cv_scores, key=cv_scores.get)
    model = lgb.LGBMRegressor(n_estimators=best_n, **params).fit(train[FEATURES], train["units"])

    pred = np.clip(model.predict(holdout[FEATURES]), 0, None)
    naive = holdout["lag_52"].fillna(holdout["rmean_4"]).to_numpy()
    y = holdout["units"].to_numpy()
    metrics = {
        "holdout_wape": wape(y, pred),
        "holdout_mae": mean_absolute_error(y, pred),
        "seasonal_naive_wape": wape(y, naive),
        "seasonal_naive_mae": mean_absolute_error(y, naive),
        "cv_wape": cv_scores[best_n],
    }
    log.info("metrics %s", metrics)

    mlflow.set_experiment(cfg.mlflow.experiment)
    with mlflow.start_run(run_name=f"cutoff-{pd.Timestamp(cutoff):%Y-%m-%d}"):
        mlflow.log_params({**params, "n_estimators": best_n, "cutoff": str(cutoff)})
        mlflow.log_metrics(metrics)
        mlflow.lightgbm.log_model(model, artifact_path="model",
                                  registered_model_name=cfg.mlflow.registered_model)


if __name__ == "__main__":
    main()
