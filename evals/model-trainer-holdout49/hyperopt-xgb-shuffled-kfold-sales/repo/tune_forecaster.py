"""Hyperopt search for the store-level daily demand model (XGBoost).

The model predicts next-day units per store/SKU from lagged sales,
calendar features and promotions.
"""
import json
import pickle
from functools import partial

import numpy as np
import pandas as pd
import yaml
from hyperopt import STATUS_OK, Trials, fmin, hp, tpe
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, cross_val_score
from xgboost import XGBRegressor

from features import make_lag_features

with open("forecast_config.yaml") as fh:
    CFG = yaml.safe_load(fh)
SEED = CFG["seed"]

SPACE = {
    "max_depth": hp.quniform("max_depth", 3, 10, 1),
    "learning_rate": hp.loguniform("learning_rate", np.log(0.01), np.log(0.3)),
    "min_child_weight": hp.loguniform("min_child_weight", np.log(1), np.log(50)),
    "subsample": hp.uniform("subsample", 0.5, 1.0),
    "colsample_bytree": hp.uniform("colsample_bytree", 0.5, 1.0),
    "reg_alpha": hp.loguniform("reg_alpha", np.log(1e-4), np.log(10)),
}


def to_params(p):
    return {**p, "max_depth": int(p["max_depth"])}


def objective(params, X, y):
    model = XGBRegressor(
        n_estimators=CFG["n_estimators"], tree_method="hist",
        random_state=SEED, n_jobs=-1, **to_params(params),
    )
    cv = KFold(n_splits=CFG["cv_folds"], shuffle=True, random_state=SEED)
    scores = cross_val_score(model, X, y, cv=cv, scoring="neg_mean_absolute_error")
    return {"loss": -scores.mean(), "status": STATUS_OK, "fold_std": scores.std()}


def main():
    sales = pd.read_parquet(CFG["data_path"])
    sales = sales.sort_values(["date", "store_id", "sku_id"]).reset_index(drop=True)
    frame = make_lag_features(sales, lags=CFG["lags"], windows=CFG["rolling_windows"])
    frame = frame.dropna(subset=[f"units_lag_{max(CFG['lags'])}"])

    cutoff = frame["date"].max() - pd.Timedelta(days=CFG["holdout_days"])
    dev = frame[frame["date"] <= cutoff]
    holdout = frame[frame["date"] > cutoff]
    feats = [c for c in frame.columns if c not in ("date", "units", "store_id", "sku_id")]
    X_dev, y_dev = dev[feats], dev["units"]
    X_hold, y_hold = holdout[feats], holdout["units"]

    trials = Trials()
    best = fmin(
        fn=partial(objective, X=X_dev, y=y_dev),
        space=SPACE, algo=tpe.suggest, max_evals=CFG["max_evals"],
        trials=trials, rstate=np.random.default_rng(SEED),
    )
    best = to_params(best)
    print("best params:", best)

    model = XGBRegressor(n_estimators=CFG["n_estimators"], tree_method="hist",
                         random_state=SEED, n_jobs=-1, **best)
    model.fit(X_dev, y_dev)
    pred = np.clip(model.predict(X_hold), 0, None)
    naive = holdout["units_lag_7"]

    report = {
        "holdout_mae": mean_absolute_error(y_hold, pred),
        "holdout_rmse": float(np.sqrt(mean_squared_error(y_hold, pred))),
        "seasonal_naive_mae": mean_absolute_error(y_hold, naive),
        "best_params": best,
    }
    print(json.dumps(report, indent=2, default=float))
    with open(CFG["model_out"], "wb") as fh:
        pickle.dump({"model": model, "features": feats}, fh)


if __name__ == "__main__":
    main()
