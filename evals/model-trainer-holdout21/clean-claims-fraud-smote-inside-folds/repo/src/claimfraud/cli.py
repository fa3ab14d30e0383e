"""claimfraud: compare models with CV on the training split, then fit and test the chosen one once."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate, train_test_split

from .constants import CATEGORICAL, NUMERIC, RANDOM_STATE, TARGET
from .pipelines import SEARCH_SPACE, plain_logreg, prior_baseline, smote_lgbm

log = logging.getLogger("claimfraud")
SCORING = {"pr_auc": "average_precision", "roc_auc": "roc_auc", "brier": "neg_brier_score"}


def load(path: str):
    df = pd.read_csv(path)
    return df[NUMERIC + CATEGORICAL], (df[TARGET] == "Y").astype(int)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="claimfraud")
    ap.add_argument("--data", default="data/claims.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    X, y = load(args.data)
    log.info("%d claims, %.2f%% fraud", len(y), 100 * y.mean())
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=RANDOM_STATE)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=RANDOM_STATE)

    search = GridSearchCV(smote_lgbm(), SEARCH_SPACE, scoring="average_precision", cv=folds, n_jobs=-1)
    search.fit(X_dev, y_dev)
    candidates = {"prior": prior_baseline(), "logreg": plain_logreg(), "smote_lgbm": search.best_estimator_}

    cv_table = {}
    for name, est in candidates.items():
        res = cross_validate(est, X_dev, y_dev, cv=folds, scoring=SCORING)
        cv_table[name] = {k: float(np.mean(res[f"test_{k}"])) for k in SCORING}
        log.info("cv %-10s %s", name, cv_table[name])
    chosen = max(["logreg", "smote_lgbm"], key=lambda n: cv_table[n]["pr_auc"])

    test_table = {}
    for name in ("prior", chosen):
        est = candidates[name].fit(X_dev, y_dev)
        p = est.predict_proba(X_test)[:, 1]
        test_table[name] = {"pr_auc": average_precision_score(y_test, p), "roc_auc": roc_auc_score(y_test, p),
                            "brier": brier_score_loss(y_test, p)}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(candidates[chosen], out / "fraud_model.joblib")
    (out / "report.json").write_text(json.dumps({"cv": cv_table, "chosen": chosen, "test": test_table}, indent=2))
    log.info("chosen %s, test %s", chosen, test_table)


if __name__ == "__main__":
    main()
