"""Quantile ETA model (p10/p50/p90) for rideshare trips to ORD / MDW."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_pinball_loss

from tracking import start_run


def coverage(y, lo, hi):
    return float(np.mean((y >= lo) & (y <= hi)))


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    run = start_run(cfg)

    df = pd.read_parquet(cfg["data"]["path"]).sort_values("trip_start")
    for c in cfg["categorical"]:
        df[c] = df[c].astype("category")
    t = df["trip_start"]
    train = df[t < cfg["data"]["val_start"]]
    val = df[(t >= cfg["data"]["val_start"]) & (t < cfg["data"]["test_start"])]
    test = df[t >= cfg["data"]["test_start"]]
    X, y = cfg["features"], cfg["target"]

    preds = {}
    for q in cfg["quantiles"]:
        m = lgb.LGBMRegressor(objective="quantile", alpha=q, verbose=-1, **cfg["lgb"])
        m.fit(train[X], train[y], eval_set=[(val[X], val[y])], eval_metric="quantile",
              callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)])
        preds[q] = m.predict(test[X], num_iteration=m.best_iteration_)
        run.log({f"best_iter_q{int(q * 100)}": m.best_iteration_,
                 f"test_pinball_q{int(q * 100)}": mean_pinball_loss(test[y], preds[q], alpha=q)})
        m.booster_.save_model(f"models/airport_eta_q{int(q * 100)}.txt", num_iteration=m.best_iteration_)

    lo, mid, hi = (preds[q] for q in cfg["quantiles"])
    summary = {
        "test_mae_p50": float(np.mean(np.abs(test[y] - mid))),
        "test_coverage_80": coverage(test[y].to_numpy(), lo, hi),
        "test_mean_width": float(np.mean(hi - lo)),
    }
    print(summary)
    run.summary.update(summary)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
