"""Two-level stack for credit-risk default: OOF base predictions -> logistic meta-model."""
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split

from stack.base_models import build_base_models, cast_categories
from stack.oof import logit, oof_and_holdout_preds


def score(y, p):
    return {"auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p)}


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    seed = cfg["seed"]

    df = cast_categories(pd.read_csv(cfg["data_path"]))
    df = df[df["person_age"] < 100]
    X, y = df.drop(columns=["loan_status"]), df["loan_status"]
    X_dev, X_hold, y_dev, y_hold = train_test_split(
        X, y, test_size=cfg["holdout_size"], stratify=y, random_state=seed)
    X_dev, X_hold = X_dev.reset_index(drop=True), X_hold.reset_index(drop=True)
    y_dev, y_hold = y_dev.reset_index(drop=True), y_hold.reset_index(drop=True)

    folds = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=seed)
    level1_dev, level1_hold, rows = {}, {}, {}
    for name, model in build_base_models(cfg, seed).items():
        oof, hold = oof_and_holdout_preds(model, X_dev, y_dev, X_hold, folds)
        level1_dev[name], level1_hold[name] = oof, hold
        rows[name] = {"oof_auc": roc_auc_score(y_dev, oof), **score(y_hold, hold)}

    Z_dev = logit(pd.DataFrame(level1_dev).to_numpy())
    Z_hold = logit(pd.DataFrame(level1_hold).to_numpy())
    meta = LogisticRegression(C=1.0, max_iter=1000).fit(Z_dev, y_dev)
    stacked = meta.predict_proba(Z_hold)[:, 1]
    rows["stack"] = {"oof_auc": np.nan, **score(y_hold, stacked)}

    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev).predict_proba(X_hold)[:, 1]
    rows["prior"] = {"oof_auc": np.nan, **score(y_hold, prior)}

    print(pd.DataFrame(rows).T.round(4))
    print("meta weights:", dict(zip(level1_dev, meta.coef_[0].round(3))))


if __name__ == "__main__":
    main()
