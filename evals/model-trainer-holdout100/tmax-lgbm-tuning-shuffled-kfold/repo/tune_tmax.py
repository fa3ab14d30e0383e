"""Next-day maximum temperature at synoptic stations: LightGBM with randomized hyper-parameter search.

The feature table has one row per station and day D with observations up to D and
the day-ahead NWP guidance; the target is Tmax on D+1.
"""
import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, RandomizedSearchCV

TARGET = "tmax_next"
ID_COLS = ["station_id", "date"]


def load_table(path):
    df = pd.read_parquet(path)
    df["date"] = pd.to_datetime(df["date"])
    df = df.sort_values(ID_COLS).reset_index(drop=True)
    df["station_code"] = df["station_id"].astype("category").cat.codes
    return df.dropna(subset=[TARGET])


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


def main(cfg_path="search_space.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    df = load_table(cfg["data"])
    features = [c for c in df.columns if c not in ID_COLS + [TARGET]]

    dev = df[df["date"] < cfg["holdout_start"]]
    holdout = df[df["date"] >= cfg["holdout_start"]]
    print(f"development {dev['date'].min().date()}..{dev['date'].max().date()} ({len(dev)} rows), "
          f"holdout {len(holdout)} rows")

    cv = KFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    search = RandomizedSearchCV(
        lgb.LGBMRegressor(random_state=cfg["seed"], verbose=-1),
        param_distributions=cfg["search_space"],
        n_iter=cfg["n_iter"],
        scoring="neg_root_mean_squared_error",
        cv=cv,
        random_state=cfg["seed"],
        n_jobs=-1,
        refit=True,
    )
    search.fit(dev[features], dev[TARGET])
    print("best params:", search.best_params_)
    print(f"cv rmse: {-search.best_score_:.3f}")

    pred = search.best_estimator_.predict(holdout[features])
    y = holdout[TARGET]
    baselines = {
        "persistence": holdout["tmax_obs"],
        "raw_nwp": holdout["nwp_tmax_d1"],
    }
    report = {"lgbm": {"rmse": rmse(y, pred), "mae": mean_absolute_error(y, pred)}}
    for name, fc in baselines.items():
        report[name] = {"rmse": rmse(y, fc), "mae": mean_absolute_error(y, fc)}
    for name in baselines:
        report["lgbm"][f"skill_vs_{name}"] = 1 - report["lgbm"]["rmse"] / report[name]["rmse"]
    print(json.dumps(report, indent=2))
    search.best_estimator_.booster_.save_model("models/tmax_lgbm.txt")
    with open("models/tmax_lgbm_report.json", "w") as fh:
        json.dump({"params": search.best_params_, "holdout": report}, fh, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
