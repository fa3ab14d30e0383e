"""python -m access.train --settings settings.yaml   (run with PYTHONPATH=src)"""
import argparse
import json
import logging
import random

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

from access.encoding import OOFTargetEncoder

log = logging.getLogger(__name__)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", default="settings.yaml")
    with open(ap.parse_args().settings) as fh:
        s = yaml.safe_load(fh)
    random.seed(s["seed"])
    np.random.seed(s["seed"])

    df = pd.read_csv(s["data_csv"])
    ids = s["id_columns"]
    log.info("rows=%d  approval rate=%.3f  cardinalities=%s", len(df), df[s["target"]].mean(),
             df[ids].nunique().to_dict())

    train, test = train_test_split(df, test_size=s["test_size"], stratify=df[s["target"]], random_state=s["seed"])
    fit, valid = train_test_split(train, test_size=0.15, stratify=train[s["target"]], random_state=s["seed"])

    enc = OOFTargetEncoder(ids, n_folds=s["te"]["n_folds"], smoothing=s["te"]["smoothing"], seed=s["seed"])
    fit_te = enc.fit_transform(fit[ids], fit[s["target"]])
    valid_te, test_te = enc.transform(valid[ids]), enc.transform(test[ids])

    def with_te(frame, te):
        return pd.concat([frame[ids].astype(str), te], axis=1)

    cb_cfg = dict(s["catboost"])
    stop_rounds = cb_cfg.pop("early_stopping_rounds")
    model = CatBoostClassifier(**cb_cfg, eval_metric="AUC", random_seed=s["seed"], verbose=250)
    model.fit(with_te(fit, fit_te), fit[s["target"]], cat_features=list(range(len(ids))),
              eval_set=(with_te(valid, valid_te), valid[s["target"]]),
              early_stopping_rounds=stop_rounds, use_best_model=True)

    ohe = OneHotEncoder(handle_unknown="ignore", min_frequency=3).fit(fit[ids])
    logreg = LogisticRegression(C=0.5, max_iter=5000).fit(ohe.transform(fit[ids]), fit[s["target"]])
    prior = DummyClassifier(strategy="prior").fit(fit[ids], fit[s["target"]])

    y_test = test[s["target"]]
    preds = {
        "catboost+oof_te": model.predict_proba(with_te(test, test_te))[:, 1],
        "onehot_logreg": logreg.predict_proba(ohe.transform(test[ids]))[:, 1],
        "prior": prior.predict_proba(test[ids])[:, 1],
    }
    report = {
        name: {
            "roc_auc": roc_auc_score(y_test, p),
            # denials (ACTION=0) are the rare, interesting class
            "pr_auc_denied": average_precision_score(1 - y_test, 1 - p),
            "log_loss": log_loss(y_test, p),
        }
        for name, p in preds.items()
    }
    print(json.dumps(report, indent=2))
    model.save_model("models/access_catboost.cbm")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
