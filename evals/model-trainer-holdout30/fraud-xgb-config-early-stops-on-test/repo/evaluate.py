"""Score the saved fraud model on the test split.

    python evaluate.py --config configs/xgb_fraud.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from fraudscore.config import load_config
from fraudscore.data import TARGET, load_splits


def recall_at_precision(y, p, target_precision=0.9):
    precision, recall, _ = precision_recall_curve(y, p)
    ok = precision >= target_precision
    return float(recall[ok].max()) if ok.any() else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/xgb_fraud.yaml")
    args = parser.parse_args()
    cfg = load_config(args.config)

    bundle = joblib.load(Path(cfg.paths.model_dir) / "fraud_xgb.joblib")
    test = load_splits(cfg.paths, names=("test",))["test"]
    p = bundle["model"].predict_proba(bundle["builder"].transform(test))[:, 1]
    y = test[TARGET].to_numpy()

    report = {
        "test_aucpr": average_precision_score(y, p),
        "test_auroc": roc_auc_score(y, p),
        "test_recall_at_p90": recall_at_precision(y, p),
        "positive_rate": float(np.mean(y)),
    }
    Path(cfg.paths.model_dir, "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
