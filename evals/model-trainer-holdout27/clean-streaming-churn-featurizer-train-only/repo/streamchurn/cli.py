import argparse
import json
import logging
import random
from pathlib import Path

import joblib
import numpy as np
import yaml

from .candidates import build_candidates, prior_baseline
from .featurize import Featurizer
from .frames import read_accounts, split_frames
from .scoring import best_f1_threshold, full_report

log = logging.getLogger("streamchurn")


def main(argv=None):
    parser = argparse.ArgumentParser(description="train the cancellation model")
    parser.add_argument("--config", default="config/churn.yaml")
    args = parser.parse_args(argv)
    cfg = yaml.safe_load(Path(args.config).read_text())
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    frame = read_accounts(cfg["source"], cfg["label"])
    log.info("accounts=%d cancel_rate=%.3f", len(frame), frame[cfg["label"]].mean())
    log.info("raw numeric summary:\n%s", frame[cfg["numeric"]].describe().T.to_string())

    train_frame, valid_frame, test_frame = split_frames(
        frame, cfg["label"], cfg["split"]["test"], cfg["split"]["valid"], cfg["seed"]
    )
    featurizer = Featurizer(cfg["numeric"], cfg["categorical"], cfg["seed"])
    X_train = featurizer.fit_transform(train_frame)
    X_valid = featurizer.transform(valid_frame)
    X_test = featurizer.transform(test_frame)
    y_train, y_valid, y_test = (f[cfg["label"]].to_numpy() for f in (train_frame, valid_frame, test_frame))

    valid_scores = {}
    fitted = {}
    for name, model in build_candidates(cfg["candidates"], cfg["seed"]).items():
        fitted[name] = model.fit(X_train, y_train)
        p_valid = model.predict_proba(X_valid)[:, 1]
        thr = best_f1_threshold(y_valid, p_valid)
        valid_scores[name] = full_report(y_valid, p_valid, thr)
        log.info("valid %s: %s", name, valid_scores[name])

    chosen = max(valid_scores, key=lambda n: valid_scores[n]["pr_auc"])
    model, thr = fitted[chosen], valid_scores[chosen]["threshold"]
    baseline = prior_baseline().fit(X_train, y_train)
    base_thr = best_f1_threshold(y_valid, baseline.predict_proba(X_valid)[:, 1])

    test_report = {
        chosen: full_report(y_test, model.predict_proba(X_test)[:, 1], thr),
        "prior_baseline": full_report(y_test, baseline.predict_proba(X_test)[:, 1], base_thr),
    }
    log.info("test (scored once): %s", test_report)

    out = Path(cfg["out"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"featurizer": featurizer, "model": model, "threshold": thr}, out / "churn.joblib")
    (out / "report.json").write_text(json.dumps({"valid": valid_scores, "test": test_report}, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
