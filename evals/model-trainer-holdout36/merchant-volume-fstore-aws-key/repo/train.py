import json
import logging
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml

sys.path.insert(0, "src")
from fstore import OfflineStoreClient, point_in_time_join  # noqa: E402

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("train")


def metrics(y, yhat):
    err = y - yhat
    return {"mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
            "wape": float(np.abs(err).sum() / np.abs(y).sum())}


def main(cfg_path="config.yaml"):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    np.random.seed(cfg["seed"])
    store = OfflineStoreClient(cfg["store"]["bucket"], cfg["store"]["region"])

    spine = store.labels(cfg["labels"])  # merchant_id, event_ts, orders_next7d
    for view in cfg["store"]["views"]:
        spine = point_in_time_join(spine, store.feature_view(view), prefix=view)

    feats = [c for c in spine.columns if "__" in c]
    valid_start = pd.Timestamp(cfg["split"]["valid_start"], tz="UTC")
    test_start = pd.Timestamp(cfg["split"]["test_start"], tz="UTC")
    tr = spine[spine["event_ts"] < valid_start]
    va = spine[(spine["event_ts"] >= valid_start) & (spine["event_ts"] < test_start)]
    te = spine[spine["event_ts"] >= test_start]

    params = {**cfg["lgbm"], "seed": cfg["seed"], "verbose": -1}
    booster = lgb.train(
        params,
        lgb.Dataset(tr[feats], tr["orders_next7d"]),
        num_boost_round=4000,
        valid_sets=[lgb.Dataset(va[feats], va["orders_next7d"])],
        callbacks=[lgb.early_stopping(150, verbose=False)],
    )

    y_te = te["orders_next7d"].to_numpy()
    last_week = te["merchant_orders_daily_agg__orders_7d"].fillna(0).to_numpy()
    report = {
        "lgbm": metrics(y_te, booster.predict(te[feats], num_iteration=booster.best_iteration)),
        "last_7d_naive": metrics(y_te, last_week),
        "n_test": int(len(te)),
    }
    log.info(json.dumps(report, indent=2))
    booster.save_model("merchant_volume.lgb")


if __name__ == "__main__":
    main(*sys.argv[1:])
