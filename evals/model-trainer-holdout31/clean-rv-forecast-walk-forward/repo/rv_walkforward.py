"""Next-day realised-volatility forecasts for an equity index: HAR-style features,
expanding-window walk-forward evaluation with monthly refits.

Every refit only sees rows strictly before the forecast block; scalers and the ridge
penalty are fitted inside that training window.
"""
import argparse
import logging
import random

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("rv")

SETTINGS = {
    "seed": 19,
    "min_train": 1000,     # trading days before the first forecast
    "refit_every": 21,
    "alphas": np.logspace(-3, 3, 13),
}


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)


def har_features(rv: pd.Series, ret: pd.Series) -> pd.DataFrame:
    """All features use information up to and including day t (known at the close)."""
    log_rv = np.log(rv)
    f = pd.DataFrame(index=rv.index)
    f["rv_d"] = log_rv
    f["rv_w"] = log_rv.rolling(5).mean()
    f["rv_m"] = log_rv.rolling(22).mean()
    f["ret_neg"] = np.minimum(ret, 0.0)
    f["abs_ret"] = ret.abs()
    f["rv_trend"] = f["rv_w"] - f["rv_m"]
    f["target"] = log_rv.shift(-1)          # tomorrow's log RV
    return f.dropna()


def qlike(y_true_log, y_pred_log):
    ratio = np.exp(y_true_log - y_pred_log)
    return float(np.mean(ratio - np.log(ratio) - 1))


def make_models(seed):
    return {
        "har_ridge": Pipeline([
            ("scale", StandardScaler()),
            ("ridge", RidgeCV(alphas=SETTINGS["alphas"], cv=TimeSeriesSplit(n_splits=5))),
        ]),
        "gbm": HistGradientBoostingRegressor(max_iter=300, learning_rate=0.03, max_leaf_nodes=15,
                                             min_samples_leaf=50, random_state=seed),
    }


def walk_forward(feat: pd.DataFrame, seed: int) -> pd.DataFrame:
    cols = [c for c in feat.columns if c != "target"]
    X, y = feat[cols], feat["target"]
    out = []
    for start in range(SETTINGS["min_train"], len(feat), SETTINGS["refit_every"]):
        stop = min(start + SETTINGS["refit_every"], len(feat))
        X_fit, y_fit = X.iloc[:start - 1], y.iloc[:start - 1]    # drop the row whose target overlaps the block
        block = pd.DataFrame({"y": y.iloc[start:stop]})
        for name, model in make_models(seed).items():
            model.fit(X_fit, y_fit)
            block[name] = model.predict(X.iloc[start:stop])
        # baselines: random walk in log RV, and the fixed-coefficient HAR average
        block["persistence"] = X["rv_d"].iloc[start:stop].values
        block["har_avg"] = X[["rv_d", "rv_w", "rv_m"]].iloc[start:stop].mean(axis=1).values
        out.append(block)
    return pd.concat(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rv-file", default="data/spx_5min_rv.csv", help="date, rv (daily realised variance), ret")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    seed_all(SETTINGS["seed"])

    raw = pd.read_csv(args.rv_file, parse_dates=["date"], index_col="date").sort_index()
    feat = har_features(raw["rv"], raw["ret"])
    log.info("%d days, first forecast %s", len(feat), feat.index[SETTINGS["min_train"]].date())

    fc = walk_forward(feat, SETTINGS["seed"])
    rows = []
    for name in ("persistence", "har_avg", "har_ridge", "gbm"):
        rows.append({
            "model": name,
            "rmse": mean_squared_error(fc["y"], fc[name]) ** 0.5,
            "mae": mean_absolute_error(fc["y"], fc[name]),
            "qlike": qlike(fc["y"].values, fc[name].values),
        })
    print(pd.DataFrame(rows).set_index("model").round(4).to_string())


if __name__ == "__main__":
    main()
