"""Cross-sell prediction: four level-1 models blended by a logistic regression."""
import logging

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from config import CFG
from models import level1_models

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger(__name__)


def prepare(df):
    df = df.copy()
    df["Region_Code"] = df["Region_Code"].astype(int).astype(str)
    df["Policy_Sales_Channel"] = df["Policy_Sales_Channel"].astype(int).astype(str)
    df["premium_per_age"] = df["Annual_Premium"] / df["Age"]
    for c in CFG.cat_cols:
        df[c] = df[c].astype("category")
    return df


def report(name, y, p):
    log.info("%-8s auc=%.5f  ap=%.5f  logloss=%.5f", name, roc_auc_score(y, p),
             average_precision_score(y, p), log_loss(y, p))


def main():
    np.random.seed(CFG.seed)
    full = prepare(pd.read_csv(CFG.train_path))
    features = CFG.cat_cols + CFG.num_cols + ["premium_per_age"]
    X, y = full[features], full[CFG.target]
    X_fit, X_hold, y_fit, y_hold = train_test_split(
        X, y, test_size=CFG.holdout_size, stratify=y, random_state=CFG.seed)

    hold_preds = {}
    for name, model in level1_models(CFG).items():
        model.fit(X_fit, y_fit)
        hold_preds[name] = model.predict_proba(X_hold)[:, 1]
        report(name, y_hold, hold_preds[name])

    hold_meta = np.column_stack([hold_preds[k] for k in sorted(hold_preds)])
    blender = LogisticRegression(C=1.0, max_iter=1000)
    blender.fit(hold_meta, y_hold)
    blended = blender.predict_proba(hold_meta)[:, 1]
    log.info("blend weights %s", dict(zip(sorted(hold_preds), np.round(blender.coef_[0], 3))))
    report("blend", y_hold, blended)
    report("mean", y_hold, hold_meta.mean(axis=1))
    report("prior", y_hold, np.full(len(y_hold), y_fit.mean()))

    pd.DataFrame(hold_meta, columns=sorted(hold_preds)).assign(y=y_hold.to_numpy()).to_csv("holdout_level1.csv", index=False)


if __name__ == "__main__":
    main()
