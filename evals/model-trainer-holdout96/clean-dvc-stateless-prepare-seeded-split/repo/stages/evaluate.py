import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from common import CATEGORICAL, NUMERIC, load_params


def main() -> None:
    params = load_params()
    target = params["base"]["target"]
    test = pd.read_parquet("data/processed/test.parquet")
    X, y = test[NUMERIC + CATEGORICAL], test[target].astype(int)
    bundle = joblib.load("models/payment_failure.joblib")

    report = {}
    for name in ("model", "baseline"):
        proba = bundle[name].predict_proba(X)[:, 1]
        report[name] = {
            "roc_auc": roc_auc_score(y, proba),
            "pr_auc": average_precision_score(y, proba),
            "brier": brier_score_loss(y, proba),
        }
    Path("reports").mkdir(exist_ok=True)
    Path("reports/metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
