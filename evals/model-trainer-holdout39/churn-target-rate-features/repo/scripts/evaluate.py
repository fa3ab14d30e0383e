import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from churn.config import ChurnConfig
from churn.features import feature_columns

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("evaluate")


def score(y_true, proba) -> dict:
    return {
        "roc_auc": roc_auc_score(y_true, proba),
        "avg_precision": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/churn.yaml")
    args = parser.parse_args()
    cfg = ChurnConfig.from_yaml(args.config)

    model_dir = Path(cfg.paths["model_dir"])
    test = pd.read_parquet(Path(cfg.paths["processed_dir"]) / "test.parquet")
    model = joblib.load(model_dir / "lgbm.joblib")
    baseline = joblib.load(model_dir / "baseline.joblib")

    report = {
        "lgbm": score(test[cfg.target], model.predict_proba(test[feature_columns(cfg)])[:, 1]),
        "baseline": score(
            test[cfg.target], baseline.predict_proba(test[cfg.numeric].fillna(0.0))[:, 1]
        ),
    }
    log.info("test report: %s", report)
    (model_dir / "test_metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
