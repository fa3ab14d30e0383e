"""Select a promo forecaster on the validation quarter, then report it once on the test quarter."""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

from promo.forecasters import BaseUnitsTimesLift, BoostedTrees, PoissonGLM

log = logging.getLogger("promo")


def add_row_features(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise, stateless transforms (no statistics across rows)."""
    df = df.copy()
    df["log_base_units"] = np.log1p(df["base_units"])
    df["log_price"] = np.log(df["promo_price"])
    df["depth"] = 1 - df["promo_price"] / df["regular_price"]
    return df


def scores(y, yhat) -> dict:
    return {
        "mae": mean_absolute_error(y, yhat),
        "wape": float(np.abs(y - yhat).sum() / y.sum()),
        "poisson_dev": mean_poisson_deviance(y, np.clip(yhat, 1e-6, None)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", default="data/promo_events.parquet")
    ap.add_argument("--valid-start", default="2023-07-01")
    ap.add_argument("--test-start", default="2023-10-01")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    events = add_row_features(pd.read_parquet(args.events))
    events["week_start"] = pd.to_datetime(events["week_start"])
    v0, t0 = pd.Timestamp(args.valid_start), pd.Timestamp(args.test_start)
    train = events[events["week_start"] < v0]
    valid = events[(events["week_start"] >= v0) & (events["week_start"] < t0)]
    test = events[events["week_start"] >= t0]

    candidates = {
        "glm_a1e-3": PoissonGLM(alpha=1e-3),
        "glm_a1e-1": PoissonGLM(alpha=1e-1),
        "hgb_lr05": BoostedTrees(seed=args.seed, learning_rate=0.05),
        "hgb_lr02_l63": BoostedTrees(seed=args.seed, learning_rate=0.02, max_leaf_nodes=63),
    }
    valid_scores = {}
    for name, fc in candidates.items():
        valid_scores[name] = scores(valid["units"].to_numpy(), fc.fit(train).predict(valid))
        log.info("valid %-14s %s", name, valid_scores[name])
    chosen = min(valid_scores, key=lambda k: valid_scores[k]["poisson_dev"])

    # refit the chosen spec on train+valid, then open the test quarter once
    train_valid = pd.concat([train, valid])
    final = candidates[chosen].fit(train_valid)
    benchmark = BaseUnitsTimesLift()
    y_test = test["units"].to_numpy()
    report = {
        "chosen": chosen,
        "test": scores(y_test, final.predict(test)),
        "benchmark_test": scores(y_test, benchmark.predict(test)),
    }
    log.info(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
