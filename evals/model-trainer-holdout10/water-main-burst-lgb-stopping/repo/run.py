"""Train the burst-risk model and write the hold-out report.

usage: python run.py --params params.yaml
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from pipeburst.features import feature_columns, prepare
from pipeburst.model import fit_booster, recall_at_length

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("run")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.yaml")
    ap.add_argument("--report", default="reports/holdout.json")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.params))
    label = cfg["data"]["label"]

    segments = prepare(pd.read_parquet(cfg["data"]["snapshot"]))
    train, holdout = train_test_split(
        segments, test_size=cfg["split"]["holdout_frac"],
        stratify=segments[label], random_state=cfg["split"]["seed"],
    )
    log.info("train %d segments (%d bursts), holdout %d (%d bursts)",
             len(train), train[label].sum(), len(holdout), holdout[label].sum())

    booster = fit_booster(train, holdout, label, cfg)

    y = holdout[label].to_numpy()
    score = booster.predict(holdout[feature_columns()], num_iteration=booster.best_iteration)
    age_rank = holdout["age_years"].to_numpy()          # what the utility does today: replace oldest first
    length = holdout["length_m"].to_numpy()
    share = cfg["report"]["inspect_share"]
    report = {
        "lgb": {"auc": roc_auc_score(y, score), "ap": average_precision_score(y, score),
                "recall_at_length": recall_at_length(y, score, length, share)},
        "oldest_first": {"auc": roc_auc_score(y, age_rank), "ap": average_precision_score(y, age_rank),
                         "recall_at_length": recall_at_length(y, age_rank, length, share)},
    }
    log.info(json.dumps(report, indent=2))
    with open(args.report, "w") as fh:
        json.dump(report, fh, indent=2)
    booster.save_model("models/burst_lgb.txt", num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
