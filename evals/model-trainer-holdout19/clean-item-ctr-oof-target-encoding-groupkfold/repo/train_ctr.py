"""Home-feed click model with target-encoded item CTR; users are split into train / valid / test."""
import json
import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from ctr.encoding import apply_item_ctr, oof_item_ctr

SETTINGS = {"seed": 606, "log": "data/feed_impressions.parquet", "test_frac": 0.2, "valid_frac": 0.2,
            "learning_rates": [0.03, 0.06, 0.1]}
BASE = ["slot", "hour", "device_mobile", "item_age_hours", "author_followers_log", "user_tenure_days",
        "user_clicks_prev_7d"]
logging.basicConfig(level=logging.INFO)
log = logging.getLogger("ctr")


def user_split(frame, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(frame, groups=frame["user_id"]))
    return frame.iloc[a].reset_index(drop=True), frame.iloc[b].reset_index(drop=True)


def scores(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "log_loss": log_loss(y, p)}


def main():
    np.random.seed(SETTINGS["seed"])
    imps = pd.read_parquet(SETTINGS["log"])
    dev, test = user_split(imps, SETTINGS["test_frac"], SETTINGS["seed"])
    train, valid = user_split(dev, SETTINGS["valid_frac"], SETTINGS["seed"] + 1)

    train["item_ctr_te"] = oof_item_ctr(train)
    valid["item_ctr_te"] = apply_item_ctr(train, valid)
    feats = BASE + ["item_ctr_te"]

    trials = {}
    for lr in SETTINGS["learning_rates"]:
        clf = HistGradientBoostingClassifier(learning_rate=lr, max_iter=400, max_leaf_nodes=31,
                                             early_stopping=False, random_state=SETTINGS["seed"])
        clf.fit(train[feats], train["clicked"])
        trials[lr] = (log_loss(valid["clicked"], clf.predict_proba(valid[feats])[:, 1]), clf)
        log.info("lr=%.2f valid log-loss %.5f", lr, trials[lr][0])
    best_lr = min(trials, key=lambda k: trials[k][0])

    # refit encoder + model on train+valid, then score the untouched test users once
    dev = pd.concat([train, valid], ignore_index=True)
    dev["item_ctr_te"] = oof_item_ctr(dev)
    test["item_ctr_te"] = apply_item_ctr(dev, test)
    final = HistGradientBoostingClassifier(learning_rate=best_lr, max_iter=400, max_leaf_nodes=31,
                                           early_stopping=False, random_state=SETTINGS["seed"])
    final.fit(dev[feats], dev["clicked"])

    report = {
        "best_lr": best_lr,
        "global_prior": scores(test["clicked"], np.full(len(test), dev["clicked"].mean())),
        "item_ctr_only": scores(test["clicked"], test["item_ctr_te"]),
        "hgb": scores(test["clicked"], final.predict_proba(test[feats])[:, 1]),
    }
    log.info(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
