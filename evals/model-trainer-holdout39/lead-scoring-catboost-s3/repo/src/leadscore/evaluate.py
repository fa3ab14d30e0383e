import argparse
import json
from pathlib import Path

import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/pipeline.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    df = pd.read_parquet(cfg["paths"]["features"])
    y = df.pop(cfg["target"])
    model = CatBoostClassifier()
    model.load_model(cfg["paths"]["model"])

    proba = model.predict_proba(df)[:, 1]
    prior = float(y.mean())
    metrics = {
        "roc_auc": roc_auc_score(y, proba),
        "pr_auc": average_precision_score(y, proba),
        "log_loss": log_loss(y, proba),
        "prior_log_loss": log_loss(y, [prior] * len(y)),
        "n_rows": int(len(y)),
    }
    Path(cfg["paths"]["metrics"]).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg["paths"]["metrics"]).write_text(json.dumps(metrics, indent=2))
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
