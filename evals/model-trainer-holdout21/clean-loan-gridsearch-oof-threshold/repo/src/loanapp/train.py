"""python -m loanapp.train --config configs/default.yaml"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split

from .modeling import coefficient_table, make_baseline, make_pipeline, threshold_for_precision
from .preprocessing import CATEGORICAL, NUMERIC

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("loanapp")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/default.yaml")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    df = pd.read_csv(cfg["data_path"])
    X, y = df[NUMERIC + CATEGORICAL], df[cfg["target"]].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    search = GridSearchCV(make_pipeline(cfg["seed"]), cfg["grid"], scoring="average_precision", cv=cv, n_jobs=-1)
    search.fit(X_train, y_train)
    log.info("best %s cv AP %.4f", search.best_params_, search.best_score_)

    # decision threshold from out-of-fold scores on the training portion only
    oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    threshold = threshold_for_precision(y_train, oof, cfg["min_precision"])
    log.info("threshold %.3f chosen for precision >= %.2f", threshold, cfg["min_precision"])

    model = search.best_estimator_
    baseline = make_baseline().fit(X_train, y_train)
    p_test = model.predict_proba(X_test)[:, 1]
    hard = (p_test >= threshold).astype(int)
    report = {
        "baseline_roc_auc": roc_auc_score(y_test, baseline.predict_proba(X_test)[:, 1]),
        "baseline_pr_auc": average_precision_score(y_test, baseline.predict_proba(X_test)[:, 1]),
        "roc_auc": roc_auc_score(y_test, p_test),
        "pr_auc": average_precision_score(y_test, p_test),
        "precision": precision_score(y_test, hard),
        "recall": recall_score(y_test, hard),
        "f1": f1_score(y_test, hard),
        "threshold": threshold,
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "threshold": threshold}, out / "loan_model.joblib")
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    (out / "coefficients.json").write_text(json.dumps(coefficient_table(model)[:30], indent=2))
    log.info("test report %s", report)


if __name__ == "__main__":
    main()
