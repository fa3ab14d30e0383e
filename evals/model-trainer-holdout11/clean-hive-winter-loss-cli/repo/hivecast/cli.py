import argparse
import itertools
import json
import logging

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

from .features import CATEGORICAL, NUMERIC, TARGET, derive
from .models import make

log = logging.getLogger("hivecast")


def train(cfg):
    hives = derive(pd.read_csv(cfg["data"]))
    X, y, groups = hives[NUMERIC + CATEGORICAL], hives[TARGET], hives["apiary_id"]

    outer = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], groups.iloc[dev_idx]
    X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]

    inner = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    best = None
    for name, grid in cfg["candidates"].items():
        for values in itertools.product(*grid.values()):
            hp = dict(zip(grid.keys(), values))
            oof = cross_val_predict(make(name, cfg["seed"], **hp), X_dev, y_dev, groups=g_dev,
                                    cv=inner, method="predict_proba")[:, 1]
            ap = average_precision_score(y_dev, oof)
            log.info("%s %s OOF AP %.4f", name, hp, ap)
            if best is None or ap > best["ap"]:
                best = {"name": name, "hp": hp, "ap": ap, "oof": oof}

    p, r, t = precision_recall_curve(y_dev, best["oof"])
    threshold = float(t[np.argmax(2 * p[:-1] * r[:-1] / np.maximum(p[:-1] + r[:-1], 1e-9))])

    model = make(best["name"], cfg["seed"], **best["hp"]).fit(X_dev, y_dev)
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    prob = model.predict_proba(X_test)[:, 1]
    result = {
        "model": best["name"], "hp": best["hp"], "oof_ap": best["ap"], "threshold": threshold,
        "test_ap": average_precision_score(y_test, prob), "test_roc_auc": roc_auc_score(y_test, prob),
        "test_brier": brier_score_loss(y_test, prob), "test_f1": f1_score(y_test, prob >= threshold),
        "prior_ap": average_precision_score(y_test, prior.predict_proba(X_test)[:, 1]),
    }
    print(json.dumps(result, indent=2))
    joblib.dump({"model": model, "threshold": threshold}, "hive_loss_model.joblib")


def predict(model_path, csv, out):
    bundle = joblib.load(model_path)
    new = derive(pd.read_csv(csv))
    new["p_loss"] = bundle["model"].predict_proba(new[NUMERIC + CATEGORICAL])[:, 1]
    new["flag"] = new["p_loss"] >= bundle["threshold"]
    new.to_csv(out, index=False)


def main():
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser(prog="hivecast")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train"); t.add_argument("--params", default="params.yaml")
    p = sub.add_parser("predict"); p.add_argument("model"); p.add_argument("csv"); p.add_argument("--out", default="scored.csv")
    args = ap.parse_args()
    if args.cmd == "train":
        train(yaml.safe_load(open(args.params)))
    else:
        predict(args.model, args.csv, args.out)


if __name__ == "__main__":
    main()
