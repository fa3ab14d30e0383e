import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

from features import FEATURES, TARGET, add_features, load


def time_folds(times, n_splits, gap_hours):
    """TimeSeriesSplit over unique timestamps so all zones of an hour stay in the same fold."""
    uniq = np.sort(times.unique())
    tss = TimeSeriesSplit(n_splits=n_splits, gap=gap_hours)
    for tr, va in tss.split(uniq):
        yield np.flatnonzero(times.isin(uniq[tr])), np.flatnonzero(times.isin(uniq[va]))


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    df = add_features(load(cfg["data_path"])).dropna(subset=[TARGET])

    test_start = pd.Timestamp(cfg["test_start"])
    dev = df[df["TIMESTAMP"] < test_start].reset_index(drop=True)
    test = df[df["TIMESTAMP"] >= test_start]
    print(f"dev {len(dev)} rows, test {len(test)} rows ({test['TIMESTAMP'].min()} .. {test['TIMESTAMP'].max()})")

    folds = list(time_folds(dev["TIMESTAMP"], cfg["cv"]["n_splits"], cfg["cv"]["gap_hours"]))
    scores = []
    for i, cand in enumerate(cfg["search"]):
        params = {**cfg["base_params"], **cand, "random_state": cfg["seed"]}
        fold_mae = []
        for tr, va in folds:
            m = lgb.LGBMRegressor(**params)
            m.fit(dev.loc[tr, FEATURES], dev.loc[tr, TARGET])
            p = np.clip(m.predict(dev.loc[va, FEATURES]), 0, 1)
            fold_mae.append(mean_absolute_error(dev.loc[va, TARGET], p))
        scores.append(np.mean(fold_mae))
        print(f"candidate {i} {cand}: CV MAE {scores[-1]:.4f} ± {np.std(fold_mae):.4f}")

    best = cfg["search"][int(np.argmin(scores))]
    print("selected:", best)
    final = lgb.LGBMRegressor(**{**cfg["base_params"], **best, "random_state": cfg["seed"]})
    final.fit(dev[FEATURES], dev[TARGET])

    pred = np.clip(final.predict(test[FEATURES]), 0, 1)
    mae = mean_absolute_error(test[TARGET], pred)
    clim = mean_absolute_error(test[TARGET], np.full(len(test), dev[TARGET].median()))
    print(f"TEST MAE {mae:.4f} (normalised by capacity) | climatology {clim:.4f}")
    by_zone = pd.Series(np.abs(test[TARGET].to_numpy() - pred)).groupby(test["ZONEID"].to_numpy()).mean()
    print(by_zone.round(4).to_string())
    final.booster_.save_model("wind_lgbm.txt")


if __name__ == "__main__":
    main(*sys.argv[1:])
