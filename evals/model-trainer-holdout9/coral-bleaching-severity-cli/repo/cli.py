import argparse
import json
import logging

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from reefml.data import load_surveys, prepare
from reefml.model import make_model

log = logging.getLogger("reefml")


def cross_validate(cfg):
    df = load_surveys(cfg)
    X, y = prepare(df, cfg)
    skf = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    rows = []
    for k, (a, b) in enumerate(skf.split(X, y)):
        model = make_model(cfg).fit(X.iloc[a], y.iloc[a])
        p = model.predict_proba(X.iloc[b])[:, 1]
        prior = DummyClassifier(strategy="prior").fit(X.iloc[a], y.iloc[a]).predict_proba(X.iloc[b])[:, 1]
        rows.append(dict(
            roc_auc=roc_auc_score(y.iloc[b], p),
            pr_auc=average_precision_score(y.iloc[b], p),
            f1=f1_score(y.iloc[b], p >= 0.5),
            bal_acc=balanced_accuracy_score(y.iloc[b], p >= 0.5),
            prior_pr_auc=average_precision_score(y.iloc[b], prior),
        ))
        log.info("fold %d %s", k, rows[-1])
    return {m: float(np.mean([r[m] for r in rows])) for m in rows[0]}


def main():
    ap = argparse.ArgumentParser(description="Severe bleaching classifier")
    ap.add_argument("command", choices=["cv", "fit"])
    ap.add_argument("--config", default="configs/severe_bleaching.json")
    ap.add_argument("--out", default="models/bleaching.cbm")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = json.load(open(args.config))

    if args.command == "cv":
        print(json.dumps(cross_validate(cfg), indent=2))
    else:
        X, y = prepare(load_surveys(cfg), cfg)
        make_model(cfg).fit(X, y).save_model(args.out)


if __name__ == "__main__":
    main()
