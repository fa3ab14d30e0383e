import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

from elevator.data import load_units
from elevator.features import FEATURES, add_reliability_priors, engineer

log = logging.getLogger("elevator.train")


def pick_threshold(y_true, scores):
    prec, rec, thr = precision_recall_curve(y_true, scores)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    return float(thr[np.argmax(f1[:-1])])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/elevator.yaml")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    seed = cfg["seed"]
    np.random.seed(seed)
    target = cfg["target"]

    units = load_units(cfg)
    units = add_reliability_priors(units, cfg["prior_columns"], target, cfg["prior_smoothing"])
    units = engineer(units)

    dev, test = train_test_split(
        units, test_size=cfg["split"]["test_size"], stratify=units[target], random_state=seed
    )
    fit_part, val_part = train_test_split(
        dev, test_size=cfg["split"]["valid_size"], stratify=dev[target], random_state=seed
    )

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1)
    model.fit(
        fit_part[FEATURES], fit_part[target],
        eval_set=[(val_part[FEATURES], val_part[target])],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )
    thr = pick_threshold(val_part[target], model.predict_proba(val_part[FEATURES])[:, 1])

    dummy = DummyClassifier(strategy="prior").fit(fit_part[FEATURES], fit_part[target])
    p_test = model.predict_proba(test[FEATURES])[:, 1]
    report = {
        "roc_auc": roc_auc_score(test[target], p_test),
        "pr_auc": average_precision_score(test[target], p_test),
        "f1_at_val_threshold": f1_score(test[target], p_test >= thr),
        "threshold": thr,
        "baseline_pr_auc": average_precision_score(test[target], dummy.predict_proba(test[FEATURES])[:, 1]),
    }
    log.info("test report: %s", report)
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    model.booster_.save_model(str(out / "elevator_lgbm.txt"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
