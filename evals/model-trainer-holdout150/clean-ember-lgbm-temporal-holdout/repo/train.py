"""LightGBM on EMBER 2018 with a forward-in-time evaluation.

train: samples that appeared up to 2018-08, val: 2018-09..2018-10, test: 2018-11..2018-12
"""
import json
import sys

import lightgbm as lgb
import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve

from data import load_ember, temporal_split


def threshold_at_fpr(y, scores, target_fpr):
    fpr, _, thr = roc_curve(y, scores)
    return float(thr[np.searchsorted(fpr, target_fpr, side="right") - 1])


def rates(y, scores, thr):
    pred = scores >= thr
    return {"tpr": float(pred[y == 1].mean()), "fpr": float(pred[y == 0].mean())}


def main(params_path="params.json"):
    cfg = json.load(open(params_path))
    X, meta = load_ember(cfg["data_dir"])
    y = meta["label"].to_numpy()
    tr, va, te = temporal_split(meta, cfg["train_end"], cfg["val_end"])
    print(f"train={len(tr)} val={len(va)} test={len(te)}")

    dtrain = lgb.Dataset(X[tr], y[tr])
    dval = lgb.Dataset(X[va], y[va], reference=dtrain)
    booster = lgb.train(
        cfg["lgbm"],
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[dval],
        valid_names=["val"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    val_scores = booster.predict(X[va], num_iteration=booster.best_iteration)
    thr = threshold_at_fpr(y[va], val_scores, cfg["target_fpr"])

    test_scores = booster.predict(X[te], num_iteration=booster.best_iteration)
    report = {
        "best_iteration": booster.best_iteration,
        "val_auc": roc_auc_score(y[va], val_scores),
        "threshold": thr,
        "test_auc": roc_auc_score(y[te], test_scores),
        "test_at_threshold": rates(y[te], test_scores, thr),
    }
    print(json.dumps(report, indent=2))
    booster.save_model(cfg["model_out"], num_iteration=booster.best_iteration)
    json.dump(report, open(cfg["model_out"] + ".report.json", "w"), indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
