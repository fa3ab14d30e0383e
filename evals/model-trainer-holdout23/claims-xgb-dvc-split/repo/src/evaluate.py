"""Stage 3: score both models on the held-out test parquet."""
import json

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from common import ROOT, TARGET


def main():
    test_df = pd.read_parquet(ROOT / "data/prepared/test.parquet")
    X, y = test_df.drop(columns=[TARGET]), test_df[TARGET]
    metrics = {}
    for name in ["xgb", "logreg_baseline"]:
        model = joblib.load(ROOT / "models" / f"{name}.joblib")
        p = model.predict_proba(X)[:, 1]
        metrics[name] = {
            "roc_auc": roc_auc_score(y, p),
            "pr_auc": average_precision_score(y, p),
            "log_loss": log_loss(y, p),
        }
    (ROOT / "metrics.json").write_text(json.dumps(metrics, indent=2))
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
