"""Score the persisted models on the holdout table."""
import json

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from fraudml.settings import ARTIFACTS, TARGET


def recall_at_precision(y, p, min_precision=0.9) -> float:
    prec, rec, _ = precision_recall_curve(y, p)
    ok = rec[prec >= min_precision]
    return float(ok.max()) if len(ok) else 0.0


def main() -> None:
    models = joblib.load(ARTIFACTS / "models.joblib")
    hold = pd.read_parquet(ARTIFACTS / "holdout.parquet")
    X, y = hold.drop(columns=[TARGET]), hold[TARGET]
    report = {}
    for name, model in models.items():
        p = model.predict_proba(X)[:, 1]
        report[name] = {
            "roc_auc": roc_auc_score(y, p),
            "pr_auc": average_precision_score(y, p),
            "recall_at_p90": recall_at_precision(y, p),
        }
    print(json.dumps(report, indent=2))
    (ARTIFACTS / "holdout_metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
