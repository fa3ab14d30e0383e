import json
import logging
import random
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import make_column_selector, make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, log_loss, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from churn.prep import clean_frame

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("churn")


def best_f1_threshold(y_true, proba):
    prec, rec, thr = precision_recall_curve(y_true, proba)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
    return float(thr[np.argmax(f1)])


def summarise(y_true, proba, thr):
    pred = (proba >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y_true, proba), "pr_auc": average_precision_score(y_true, proba),
            "log_loss": log_loss(y_true, proba), "precision": precision_score(y_true, pred),
            "recall": recall_score(y_true, pred), "f1": f1_score(y_true, pred), "threshold": thr}


def main(settings_path):
    cfg = json.loads(Path(settings_path).read_text())
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    X, y = clean_frame(pd.read_csv(cfg["data"]), cfg["target"], cfg["id_col"])
    log.info("rows %d, churn rate %.3f", len(y), y.mean())

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=cfg["test_size"], stratify=y,
                                                    random_state=cfg["seed"])
    X_fit, X_valid, y_fit, y_valid = train_test_split(X_dev, y_dev, test_size=cfg["valid_size"], stratify=y_dev,
                                                      random_state=cfg["seed"])

    # baseline: one-hot + logistic regression, threshold picked on the same validation split
    baseline = make_pipeline(
        make_column_transformer(
            (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), make_column_selector(dtype_include="number")),
            (OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include="category")),
        ),
        LogisticRegression(max_iter=2000, random_state=cfg["seed"]),
    ).fit(X_fit, y_fit)
    base_thr = best_f1_threshold(y_valid, baseline.predict_proba(X_valid)[:, 1])

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        X_fit, y_fit,
        eval_set=[(X_valid, y_valid)],
        eval_metric="binary_logloss",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)],
    )
    log.info("early stopping at %d trees", model.best_iteration_)
    lgbm_thr = best_f1_threshold(y_valid, model.predict_proba(X_valid)[:, 1])

    report = {
        "baseline_logreg": summarise(y_test, baseline.predict_proba(X_test)[:, 1], base_thr),
        "lightgbm": summarise(y_test, model.predict_proba(X_test)[:, 1], lgbm_thr),
        "best_iteration": model.best_iteration_,
    }
    for name in ("baseline_logreg", "lightgbm"):
        log.info("%-16s %s", name, {k: round(v, 4) for k, v in report[name].items()})
    out = Path(cfg["report_path"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "settings.json")
