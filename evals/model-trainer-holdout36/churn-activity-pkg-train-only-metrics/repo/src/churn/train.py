import argparse
import json
import logging
import random
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score

from churn.features import build_dataset

log = logging.getLogger("churn.train")


def main(config_path: str) -> None:
    cfg = yaml.safe_load(Path(config_path).read_text())
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    events = pd.read_parquet(cfg["data"]["events"])
    accounts = pd.read_csv(cfg["data"]["accounts"])
    snapshot = pd.Timestamp(cfg["snapshot_date"])
    X, y = build_dataset(events, accounts, snapshot, cfg["lookback_days"], cfg["churn_window_days"])
    log.info("%d accounts, churn rate %.3f", len(y), y.mean())

    model = HistGradientBoostingClassifier(random_state=cfg["seed"], **cfg["model"])
    model.fit(X, y)

    proba = model.predict_proba(X)[:, 1]
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y, proba),
        "pr_auc": average_precision_score(y, proba),
        "f1": f1_score(y, pred),
        "precision": precision_score(y, pred),
        "recall": recall_score(y, pred),
    }
    log.info("metrics: %s", metrics)

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
