import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score

from .config import RunConfig


def main() -> None:
    cfg = RunConfig.load()
    art = Path(cfg.artifacts)
    meta = json.loads((art / "train_meta.json").read_text())
    test_df = pd.read_parquet(art / "test_orders.parquet")
    X, y = test_df[cfg.features], test_df[cfg.target]

    results = {}
    for name, info in meta["models"].items():
        scores = joblib.load(art / f"{name}.joblib").predict_proba(X)[:, 1]
        flagged = scores >= info["threshold"]
        results[name] = {
            "roc_auc": roc_auc_score(y, scores),
            "pr_auc": average_precision_score(y, scores),
            "recall@valid_thr": recall_score(y, flagged),
            "precision@valid_thr": precision_score(y, flagged),
            "flag_rate": float(flagged.mean()),
        }
    (art / "test_results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
