"""Train the lead-scoring forest, pick the operating threshold on validation, report test.

    python train.py --config configs/leads.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score

from lead_scoring.data import TARGET, load_leads, make_splits
from lead_scoring.pipeline import forest_pipeline, logistic_pipeline


def best_f1_threshold(y, p) -> float:
    precision, recall, thresholds = precision_recall_curve(y, p)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    return float(thresholds[np.argmax(f1[:-1])])


def report(y, p, threshold) -> dict:
    return {
        "auroc": roc_auc_score(y, p),
        "avg_precision": average_precision_score(y, p),
        "f1_at_threshold": f1_score(y, p >= threshold),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/leads.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())

    leads = load_leads(cfg["data_path"])
    train, valid, test = make_splits(leads, cfg["test_size"], cfg["valid_size"])
    x_cols = [c for c in leads.columns if c != TARGET]

    mlflow.set_experiment("lead-scoring")
    with mlflow.start_run():
        forest = forest_pipeline(cfg["rf_params"]).fit(train[x_cols], train[TARGET])
        logit = logistic_pipeline().fit(train[x_cols], train[TARGET])

        thr = best_f1_threshold(valid[TARGET], forest.predict_proba(valid[x_cols])[:, 1])
        thr_lr = best_f1_threshold(valid[TARGET], logit.predict_proba(valid[x_cols])[:, 1])
        results = {
            "rf": report(test[TARGET], forest.predict_proba(test[x_cols])[:, 1], thr),
            "logistic_baseline": report(test[TARGET], logit.predict_proba(test[x_cols])[:, 1], thr_lr),
            "threshold": thr,
        }
        mlflow.log_params(cfg["rf_params"])
        mlflow.log_dict(results, "results.json")
        joblib.dump({"model": forest, "threshold": thr}, cfg["model_path"])
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
