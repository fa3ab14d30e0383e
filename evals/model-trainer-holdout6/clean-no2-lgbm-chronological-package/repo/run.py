import argparse
import itertools
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import TimeSeriesSplit

from no2cast.evaluate import scores
from no2cast.features import HourOfWeekProfile, history

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("no2cast")


def lgb_params(seed, **kw):
    return dict(objective="regression_l1", feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1,
                verbose=-1, seed=seed, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-c", "--config", default="conf/default.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    np.random.seed(cfg["seed"])
    tgt = cfg["target"]

    raw = pd.read_parquet(cfg["data_path"])
    raw = raw[raw["station"] == cfg["station"]].set_index("ts").sort_index().asfreq("h")
    raw[tgt] = raw[tgt].ffill(limit=2)  # short sensor dropouts: carry last reading
    frame = history(raw, tgt, cfg["lags"]).dropna(subset=[tgt])

    test_start = pd.Timestamp(cfg["test_start"])
    dev = frame[frame.index < test_start]
    test = frame[frame.index >= test_start]
    val_start = dev.index.max() - pd.Timedelta(days=cfg["val_days"])
    fit_part, val_part = dev[dev.index <= val_start], dev[dev.index > val_start]

    # hyper-parameters: expanding-window CV on the development period only
    tscv = TimeSeriesSplit(n_splits=cfg["tscv_splits"], gap=24)
    grid = [dict(zip(cfg["param_grid"], v)) for v in itertools.product(*cfg["param_grid"].values())]
    cv_mae = {}
    for i, hp in enumerate(grid):
        maes = []
        for tr_ix, va_ix in tscv.split(fit_part):
            a, b = fit_part.iloc[tr_ix], fit_part.iloc[va_ix]
            prof = HourOfWeekProfile().fit(a, tgt)
            a, b = prof.transform(a), prof.transform(b)
            cols = [c for c in a.columns if c != tgt and c != "station"]
            m = lgb.train(lgb_params(cfg["seed"], **hp), lgb.Dataset(a[cols], a[tgt]), num_boost_round=800)
            maes.append(scores(b[tgt], m.predict(b[cols]))["mae"])
        cv_mae[i] = float(np.mean(maes))
        log.info("grid %s -> cv MAE %.2f", hp, cv_mae[i])
    best_hp = grid[min(cv_mae, key=cv_mae.get)]

    # number of rounds: early stopping on the last val_days of the development period
    prof = HourOfWeekProfile().fit(fit_part, tgt)
    a, v = prof.transform(fit_part), prof.transform(val_part)
    cols = [c for c in a.columns if c != tgt and c != "station"]
    es = lgb.train(lgb_params(cfg["seed"], **best_hp), lgb.Dataset(a[cols], a[tgt]), num_boost_round=5000,
                   valid_sets=[lgb.Dataset(v[cols], v[tgt])], callbacks=[lgb.early_stopping(200, verbose=False)])

    # refit on the whole development period, score the untouched test period once
    prof = HourOfWeekProfile().fit(dev, tgt)
    d, t = prof.transform(dev), prof.transform(test)
    final = lgb.train(lgb_params(cfg["seed"], **best_hp), lgb.Dataset(d[cols], d[tgt]),
                      num_boost_round=es.best_iteration)
    result = {
        "best_params": best_hp,
        "rounds": es.best_iteration,
        "test_lgbm": scores(t[tgt], final.predict(t[cols])),
        "test_persistence": scores(t[tgt], t["lag_1"]),
        "test_how_profile": scores(t[tgt], t["how_profile"]),
    }
    log.info(json.dumps(result, indent=2))
    final.save_model("artifacts/no2_lgbm.txt")


if __name__ == "__main__":
    main()
