"""Score the trained model and write DVC metrics."""
from __future__ import annotations

import json
from pathlib import Path

from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

from common import load_params, load_split, xy


def classification_metrics(y_true, proba) -> dict[str, float]:
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "pr_auc": float(average_precision_score(y_true, proba)),
        "log_loss": float(log_loss(y_true, proba)),
        "brier": float(brier_score_loss(y_true, proba)),
    }


def main() -> None:
    params = load_params()
    target = params["data"]["target"]

    model = CatBoostClassifier()
    model.load_model(params["model_path"])

    frame = load_split(params["data"]["processed_dir"], "train")
    X, y = xy(frame, target)

    proba = model.predict_proba(X)[:, 1]
    prior = DummyClassifier(strategy="prior").fit(X, y).predict_proba(X)[:, 1]

    report = {
        "model": classification_metrics(y, proba),
        "baseline_prior": classification_metrics(y, prior),
        "n_rows": int(len(y)),
    }
    out = Path(params["metrics_path"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report["model"], indent=2))


if __name__ == "__main__":
    main()
