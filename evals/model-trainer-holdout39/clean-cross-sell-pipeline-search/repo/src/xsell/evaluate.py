"""Scores the frozen models on the held-out split exactly once; nothing here is fitted."""
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from .config import load_config


def main() -> None:
    cfg = load_config()
    test = pd.read_parquet(Path(cfg["split_dir"]) / "test.parquet")
    y = test.pop(cfg["target"])
    X = test[cfg["numeric"] + cfg["categorical"]]

    report = {}
    for name in ("hgb", "logreg", "prior"):
        model = joblib.load(Path(cfg["model_dir"]) / f"{name}.joblib")
        proba = model.predict_proba(X)[:, 1]
        report[name] = {
            "roc_auc": roc_auc_score(y, proba),
            "average_precision": average_precision_score(y, proba),
            "brier": brier_score_loss(y, proba),
        }
    Path(cfg["model_dir"], "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
