import json
import random
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score

from deposit.load import holdout, read_campaigns
from deposit.params import ExperimentParams
from deposit.pipes import candidate_pipelines
from deposit.selection import compare, oof_threshold


def main(p: ExperimentParams):
    random.seed(p.seed)
    np.random.seed(p.seed)
    df = read_campaigns(p)
    train_df, test_df = holdout(df, p)
    feats = list(p.numeric) + list(p.categorical)
    X_tr, y_tr = train_df[feats], train_df[p.target]
    X_te, y_te = test_df[feats], test_df[p.target]

    pipes = candidate_pipelines(p)
    cv_scores = compare(pipes, X_tr, y_tr, p)
    best_name = max((n for n in cv_scores if n != "dummy"), key=lambda n: cv_scores[n]["average_precision"])
    threshold = oof_threshold(clone(pipes[best_name]), X_tr, y_tr, p)

    final = pipes[best_name].fit(X_tr, y_tr)
    proba = final.predict_proba(X_te)[:, 1]
    flags = (proba >= threshold).astype(int)
    test_scores = {
        "model": best_name,
        "pr_auc": average_precision_score(y_te, proba),
        "roc_auc": roc_auc_score(y_te, proba),
        "f1": f1_score(y_te, flags),
        "precision": precision_score(y_te, flags),
        "recall": recall_score(y_te, flags),
        "threshold": threshold,
        "dummy_pr_auc": average_precision_score(y_te, pipes["dummy"].fit(X_tr, y_tr).predict_proba(X_te)[:, 1]),
    }
    Path("reports").mkdir(exist_ok=True)
    Path("reports/cv_scores.json").write_text(json.dumps(cv_scores, indent=2))
    Path("reports/test_scores.json").write_text(json.dumps(test_scores, indent=2, default=float))
    print(json.dumps(test_scores, indent=2, default=float))


if __name__ == "__main__":
    main(ExperimentParams())
