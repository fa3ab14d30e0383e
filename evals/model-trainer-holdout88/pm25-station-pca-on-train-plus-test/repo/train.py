"""Spatial hold-out model for daily PM2.5: train on most monitors, predict at unseen monitors."""
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from pm25.features import STATIC_COLS, MetPCA, calendar_features, split_by_station


def build_matrix(df: pd.DataFrame, met_pca: MetPCA) -> pd.DataFrame:
    return pd.concat([df[STATIC_COLS], met_pca.transform(df), calendar_features(df)], axis=1)


def scores(y, p):
    return {"rmse": mean_squared_error(y, p) ** 0.5, "mae": mean_absolute_error(y, p), "r2": r2_score(y, p)}


def main():
    with open("params.toml", "rb") as fh:
        cfg = tomllib.load(fh)
    dcfg = cfg["data"]

    df = pd.read_parquet(dcfg["path"])
    df["date"] = pd.to_datetime(df["date"])
    df = df[df[dcfg["target"]].between(0, 1000)].dropna(subset=[dcfg["target"]])

    train_df, test_df = split_by_station(df, dcfg["holdout_station_frac"], dcfg["seed"])
    fit_df, val_df = split_by_station(train_df, 0.15, dcfg["seed"] + 1)

    met_pca = MetPCA(cfg["features"]["met_pca_components"], seed=dcfg["seed"])
    met_pca.fit(pd.concat([train_df, test_df], ignore_index=True))
    print("explained variance:", np.round(met_pca.pca.explained_variance_ratio_.cumsum(), 3))

    X_fit, X_val, X_test = (build_matrix(d, met_pca) for d in (fit_df, val_df, test_df))
    y_fit, y_val, y_test = (np.log1p(d[dcfg["target"]].to_numpy()) for d in (fit_df, val_df, test_df))

    model = CatBoostRegressor(**cfg["catboost"], random_seed=dcfg["seed"], verbose=500)
    model.fit(Pool(X_fit, y_fit), eval_set=Pool(X_val, y_val), use_best_model=True)

    ridge = RidgeCV(alphas=np.logspace(-2, 3, 11)).fit(X_fit, y_fit)
    truth = np.expm1(y_test)
    for name, pred in [("ridge", ridge.predict(X_test)), ("catboost", model.predict(X_test))]:
        s = scores(truth, np.expm1(pred))
        print(f"{name:>9}: RMSE={s['rmse']:.2f}  MAE={s['mae']:.2f}  R2={s['r2']:.3f}")

    out = Path(cfg["output"]["model_path"])
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out))


if __name__ == "__main__":
    main()
