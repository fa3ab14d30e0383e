"""Daily natural-avalanche occurrence per forecast region.

Seasons (Oct-May) are split in time: fit <= 2016/17, validation 2017/18-2019/20, test 2020/21 onwards.
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score

log = logging.getLogger("avalanche")
PREDICTORS = ["hn24_cm", "hn72_cm", "hs_cm", "ta_min_c", "ta_max_c", "vw_mean_ms", "vw_max_ms", "rh_mean",
              "iswr_max", "ssi_pwl", "rta_pwl", "lwc_index", "ta_max_delta24", "region_code", "doy_season"]


def season_of(dates: pd.Series) -> pd.Series:
    return np.where(dates.dt.month >= 10, dates.dt.year, dates.dt.year - 1)


def best_f1_threshold(y_true, prob):
    grid = np.linspace(0.05, 0.95, 91)
    scores = [f1_score(y_true, prob >= t) for t in grid]
    return float(grid[int(np.argmax(scores))])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/region_days.csv")
    ap.add_argument("--seed", type=int, default=2718)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    np.random.seed(args.seed)

    days = pd.read_csv(args.data, parse_dates=["date"]).sort_values("date")
    days["season"] = season_of(days["date"])
    fit = days[days["season"] <= 2016]
    val = days[days["season"].between(2017, 2019)]
    test = days[days["season"] >= 2020]

    pos_rate = fit["aval_day"].mean()
    params = {
        "objective": "binary:logistic",
        "eval_metric": ["aucpr", "logloss"],
        "eta": 0.03,
        "max_depth": 5,
        "min_child_weight": 5,
        "subsample": 0.8,
        "colsample_bytree": 0.7,
        "scale_pos_weight": (1 - pos_rate) / pos_rate,
        "seed": args.seed,
    }
    dfit = xgb.DMatrix(fit[PREDICTORS], label=fit["aval_day"])
    dval = xgb.DMatrix(val[PREDICTORS], label=val["aval_day"])
    booster = xgb.train(params, dfit, num_boost_round=4000, evals=[(dfit, "fit"), (dval, "val")],
                        early_stopping_rounds=150, verbose_eval=250)

    p_val = booster.predict(dval, iteration_range=(0, booster.best_iteration + 1))
    threshold = best_f1_threshold(val["aval_day"], p_val)

    # --- one-shot evaluation on the untouched test seasons ---
    dtest = xgb.DMatrix(test[PREDICTORS])
    p_test = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
    y_test = test["aval_day"].to_numpy()
    yesterday = test.groupby("region_code")["aval_day"].shift(1).fillna(0).to_numpy()  # persistence baseline
    report = {
        "best_iteration": booster.best_iteration,
        "threshold_from_val": threshold,
        "test_roc_auc": roc_auc_score(y_test, p_test),
        "test_pr_auc": average_precision_score(y_test, p_test),
        "test_f1": f1_score(y_test, p_test >= threshold),
        "test_precision": precision_score(y_test, p_test >= threshold),
        "test_recall": recall_score(y_test, p_test >= threshold),
        "persistence_f1": f1_score(y_test, yesterday),
        "climatology_pr_auc": float(y_test.mean()),
    }
    print(json.dumps(report, indent=2))
    booster.save_model("models/avalanche_xgb.json")


if __name__ == "__main__":
    main()
