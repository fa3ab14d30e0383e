"""Sepsis (within 48h) early-warning model: XGBoost on first-6h ED/ward features."""
import argparse

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    precision_recall_curve,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from sepsis.prep import load_cohort
from sepsis.sampling import balance_classes


def threshold_for_sensitivity(y_true, prob, min_sens):
    precision, recall, thresholds = precision_recall_curve(y_true, prob)
    ok = np.where(recall[:-1] >= min_sens)[0]
    return float(thresholds[ok[-1]]) if len(ok) else 0.5


def report(name, y_true, prob, threshold):
    pred = (prob >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_true, pred).ravel()
    print(
        f"{name:>10s}  AUROC={roc_auc_score(y_true, prob):.3f}  AUPRC={average_precision_score(y_true, prob):.3f}  "
        f"sens={tp / (tp + fn):.3f}  spec={tn / (tn + fp):.3f}  PPV={tp / max(tp + fp, 1):.3f}  thr={threshold:.3f}"
    )


def main(cfg):
    seed = cfg["random_state"]
    X, y = load_cohort(cfg["paths"]["cohort"], cfg["id_columns"], cfg["target"])
    print(f"{len(y)} admissions, sepsis prevalence {y.mean():.3%}")

    X, y = balance_classes(X, y, cfg["resampling"], seed)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=cfg["val_size"], stratify=y_train, random_state=seed
    )

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(X_fit, y_fit)

    xgb_cfg = dict(cfg["xgb"])
    model = XGBClassifier(**xgb_cfg, random_state=seed, n_jobs=8, tree_method="hist")
    model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=100)
    print(f"best iteration {model.best_iteration}")

    min_sens = cfg["operating_point"]["min_sensitivity"]
    for name, clf in [("logreg", baseline), ("xgboost", model)]:
        thr = threshold_for_sensitivity(y_val, clf.predict_proba(X_val)[:, 1], min_sens)
        report(name, y_test, clf.predict_proba(X_test)[:, 1], thr)

    model.save_model(cfg["paths"]["model_out"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/sepsis.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        main(yaml.safe_load(fh))
