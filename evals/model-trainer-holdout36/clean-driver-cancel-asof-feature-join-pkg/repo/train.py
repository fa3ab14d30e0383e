"""Probability that an assigned driver cancels a ride request."""
import json
import logging
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score, roc_auc_score

sys.path.insert(0, "src")
from pitjoin.join import asof_join  # noqa: E402
from pitjoin.store import OfflineStore  # noqa: E402

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("cancel")


def main(repo="feature_repo.yaml"):
    cfg = yaml.safe_load(open(repo))
    split = cfg["split"]
    store = OfflineStore(cfg["endpoint"], cfg["token_env"])
    spine = store.table(cfg["spine"], "2024-01-01", split["end"])
    spine["request_ts"] = pd.to_datetime(spine["request_ts"], utc=True)

    for name, spec in cfg["feature_views"].items():
        view = store.table(name, "2023-12-25", split["end"])
        view["feature_ts"] = pd.to_datetime(view["feature_ts"], utc=True)
        key = cfg["entities"][spec["entity"]]
        spine = asof_join(spine, view, key=key, name=name, ttl_hours=spec["ttl_hours"])

    spine["hour"] = spine["request_ts"].dt.hour
    spine["dow"] = spine["request_ts"].dt.dayofweek
    feats = [c for c in spine.columns if "." in c] + ["hour", "dow", "eta_to_pickup_min", "surge_multiplier"]
    label = cfg["label"]

    ts = spine["request_ts"]
    v0, t0 = pd.Timestamp(split["valid_start"], tz="UTC"), pd.Timestamp(split["test_start"], tz="UTC")
    tr, va, te = spine[ts < v0], spine[(ts >= v0) & (ts < t0)], spine[ts >= t0]
    log.info("train %d / valid %d / test %d requests", len(tr), len(va), len(te))

    clf = lgb.LGBMClassifier(n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=100,
                             subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                             random_state=cfg["seed"], verbose=-1)
    clf.fit(tr[feats], tr[label], eval_set=[(va[feats], va[label])], eval_metric="average_precision",
            callbacks=[lgb.early_stopping(150, verbose=False)])

    p_va = clf.predict_proba(va[feats])[:, 1]
    prec, rec, thr = precision_recall_curve(va[label], p_va)
    ok = prec[:-1] >= 0.5  # ops wants at least half of the flagged requests to really cancel
    threshold = float(thr[ok][np.argmax(rec[:-1][ok])]) if ok.any() else 0.5
    log.info("threshold chosen on validation: %.3f", threshold)

    p_te = clf.predict_proba(te[feats])[:, 1]
    flag = (p_te >= threshold).astype(int)
    hist_rate = te["driver_stats_hourly.cancel_rate_30d"].fillna(va[label].mean())
    report = {
        "lgbm": {"roc_auc": roc_auc_score(te[label], p_te), "pr_auc": average_precision_score(te[label], p_te),
                 "precision": precision_score(te[label], flag), "recall": recall_score(te[label], flag),
                 "f1": f1_score(te[label], flag)},
        "driver_cancel_rate_baseline": {"roc_auc": roc_auc_score(te[label], hist_rate),
                                        "pr_auc": average_precision_score(te[label], hist_rate)},
    }
    print(json.dumps(report, indent=2))
    clf.booster_.save_model("driver_cancel.lgb")


if __name__ == "__main__":
    main(*sys.argv[1:])
