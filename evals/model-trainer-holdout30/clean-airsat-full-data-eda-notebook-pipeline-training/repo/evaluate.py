"""Score the saved models once on the held-out test parquet written by train.py.

    python evaluate.py --config configs/airsat.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import f1_score, log_loss, precision_score, recall_score, roc_auc_score

from airsat.data import CATEGORICAL, NUMERIC, TARGET


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/airsat.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    test = pd.read_parquet(cfg["paths"]["test"])
    y = test[TARGET]

    report = {}
    for name in ("gbm", "logistic_baseline"):
        bundle = joblib.load(Path(cfg["paths"]["models"]) / f"{name}.joblib")
        p = bundle["model"].predict_proba(test[NUMERIC + CATEGORICAL])[:, 1]
        pred = p >= bundle["threshold"]
        report[name] = {"auroc": roc_auc_score(y, p), "log_loss": log_loss(y, p), "f1": f1_score(y, pred),
                        "precision": precision_score(y, pred), "recall": recall_score(y, pred)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
