import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from credit.features import build_preprocessor
from credit.params import load_params


def metrics(y, proba) -> dict:
    return {
        "roc_auc": round(roc_auc_score(y, proba), 4),
        "pr_auc": round(average_precision_score(y, proba), 4),
        "brier": round(brier_score_loss(y, proba), 4),
    }


def main() -> None:
    p = load_params()
    test = pd.read_csv(Path(p["prepared_dir"]) / "test.csv")
    y_test = test.pop(p["target"])

    pre = build_preprocessor(p["numeric"], p["categorical"])
    X_test = pre.fit_transform(test)

    models = Path(p["model_dir"])
    gbm = joblib.load(models / "gbm.joblib")
    scorecard = joblib.load(models / "scorecard_baseline.joblib")

    report = {
        "gbm": metrics(y_test, gbm.predict_proba(X_test)[:, 1]),
        "scorecard_baseline": metrics(y_test, scorecard.predict_proba(X_test)[:, 1]),
        "n_test": int(len(y_test)),
    }
    Path(p["metrics_path"]).parent.mkdir(parents=True, exist_ok=True)
    Path(p["metrics_path"]).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
