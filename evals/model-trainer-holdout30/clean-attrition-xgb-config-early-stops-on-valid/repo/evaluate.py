"""One-shot test evaluation of the saved booster.

    python evaluate.py --config configs/attrition.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
from sklearn.metrics import (average_precision_score, balanced_accuracy_score, f1_score, precision_score,
                             recall_score, roc_auc_score)

from attrition.config import load
from attrition.prep import frames


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/attrition.yaml")
    cfg = load(parser.parse_args().config)
    out = Path(cfg.artifact_dir)

    bundle = joblib.load(out / "booster.joblib")
    threshold = json.loads((out / "threshold.json").read_text())["threshold"]
    test = frames(cfg.splits)["test"]
    x_te = bundle["encoder"].transform(test[cfg.numeric + cfg.categorical])
    y_te = test[cfg.target].to_numpy()
    proba = bundle["model"].predict_proba(x_te)[:, 1]
    pred = proba >= threshold

    report = {
        "test_ap": average_precision_score(y_te, proba),
        "test_auroc": roc_auc_score(y_te, proba),
        "test_precision": precision_score(y_te, pred),
        "test_recall": recall_score(y_te, pred),
        "test_f1": f1_score(y_te, pred),
        "test_balanced_acc": balanced_accuracy_score(y_te, pred),
    }
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
