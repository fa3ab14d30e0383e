import argparse
import logging
from pathlib import Path

import joblib
import xgboost as xgb
import yaml

from .data import load, split_and_save

log = logging.getLogger("defects.train")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/defects.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    parts = split_and_save(load(cfg), cfg)
    t = cfg["target"]
    X_tr, y_tr = parts["train"].drop(columns=[t]), parts["train"][t]
    X_va, y_va = parts["val"].drop(columns=[t]), parts["val"][t]

    n_pos, n_neg = int(y_tr.sum()), int((y_tr == 0).sum())
    log.info("train: %d defective / %d ok (%.2f%%)", n_pos, n_neg, 100 * n_pos / (n_pos + n_neg))

    clf = xgb.XGBClassifier(**cfg["xgb"], scale_pos_weight=n_neg / max(n_pos, 1), random_state=cfg["seed"])
    clf.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=100)
    log.info("best iteration %d", clf.best_iteration)
    joblib.dump(clf, Path(cfg["out_dir"]) / "xgb_defects.joblib")


if __name__ == "__main__":
    main()
