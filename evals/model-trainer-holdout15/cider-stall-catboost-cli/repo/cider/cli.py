import argparse
import json
import logging

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

from .data import load_batches, make_splits
from .model import calibrate, fit_booster

log = logging.getLogger("cider")


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="cider-stall")
    p.add_argument("--data", required=True, help="parquet export of the cellar log")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--iterations", type=int, default=2000)
    p.add_argument("--out", default="stall_model.cbm")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    np.random.seed(args.seed)

    batches = load_batches(args.data)
    s = make_splits(batches, args.seed)
    log.info("train=%d valid=%d test=%d stall-rate=%.3f", len(s.y_train), len(s.y_valid), len(s.y_test), s.y_train.mean())

    booster = fit_booster(s, args.seed, args.iterations)
    calibrated = calibrate(booster, s.X_test, s.y_test)

    prior = np.full(len(s.y_test), s.y_train.mean())
    proba = calibrated.predict_proba(s.X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(s.y_test, proba),
        "pr_auc": average_precision_score(s.y_test, proba),
        "brier": brier_score_loss(s.y_test, proba),
        "brier_prior_baseline": brier_score_loss(s.y_test, prior),
        "log_loss": log_loss(s.y_test, proba),
        "log_loss_prior_baseline": log_loss(s.y_test, prior),
    }
    print(json.dumps(metrics, indent=2))
    booster.save_model(args.out)


if __name__ == "__main__":
    main()
