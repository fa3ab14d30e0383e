"""
Thesis experiment 5.3 - hourly bike-sharing demand (Capital Bikeshare, 2011-2012), 1-hour-ahead.
Train: everything before 2012-11-01.  Hold-out: Nov + Dec 2012 (1464 hours), used once at the end.
"""
import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from lightgbm import LGBMRegressor

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
from demand.features import build  # noqa: E402
from demand.validation import time_series_search  # noqa: E402

log = logging.getLogger("exp53")
CUTOFF = "2012-11-01"
SPACE = {"num_leaves": [15, 31, 63], "learning_rate": [0.03, 0.1], "min_child_samples": [20, 50]}


def metrics(y, p):
    err = p - y
    return {"MAE": float(np.mean(np.abs(err))), "RMSE": float(np.sqrt(np.mean(err ** 2))),
            "sMAPE": float(np.mean(2 * np.abs(err) / (np.abs(y) + np.abs(p) + 1e-9)))}


def main(args):
    raw = pd.read_csv(args.data)
    raw["timestamp"] = pd.to_datetime(raw["dteday"]) + pd.to_timedelta(raw["hr"], unit="h")
    frame = build(raw)

    train = frame.loc[frame.index < CUTOFF]
    holdout = frame.loc[frame.index >= CUTOFF]
    features = [c for c in frame.columns if c != "cnt"]
    log.info("train %s .. %s (%d h), holdout %s .. %s (%d h)", train.index[0], train.index[-1], len(train),
             holdout.index[0], holdout.index[-1], len(holdout))

    def make_model(**p):
        return LGBMRegressor(n_estimators=600, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                             random_state=args.seed, verbose=-1, **p)

    best_params, table = time_series_search(make_model, SPACE, train[features], train["cnt"])
    for params, mae, sd in sorted(table, key=lambda r: r[1])[:5]:
        log.info("CV MAE %.2f +- %.2f  %s", mae, sd, params)

    model = make_model(**best_params).fit(train[features], train["cnt"])
    y_true = holdout["cnt"].to_numpy()
    results = {
        "lightgbm": metrics(y_true, model.predict(holdout[features])),
        "naive_lag1": metrics(y_true, holdout["lag_1"].to_numpy()),
        "seasonal_naive_lag168": metrics(y_true, holdout["lag_168"].to_numpy()),
    }
    for name, m in results.items():
        log.info("%-22s MAE %7.2f  RMSE %7.2f  sMAPE %.3f", name, m["MAE"], m["RMSE"], m["sMAPE"])
    Path(args.out).write_text(json.dumps({"best_params": best_params, "holdout": results}, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/hour.csv")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", default="exp53_results.json")
    main(ap.parse_args())
