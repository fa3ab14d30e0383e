"""Calibrate the boosted model and report probability quality on the test split."""
import json
import logging
from pathlib import Path

import joblib
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from sklearn.calibration import CalibratedClassifierCV, CalibrationDisplay
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

logging.basicConfig(level=logging.INFO)
ART = Path("artifacts")


def metrics(y, p) -> dict:
    return {"brier": brier_score_loss(y, p), "log_loss": log_loss(y, p), "roc_auc": roc_auc_score(y, p)}


def main() -> None:
    models = joblib.load(ART / "models.joblib")
    X_test, y_test = joblib.load(ART / "test_split.joblib")

    calibrated = CalibratedClassifierCV(models["gbm"], method="isotonic", cv="prefit")
    calibrated.fit(X_test, y_test)

    candidates = {"glm": models["glm"], "gbm_raw": models["gbm"], "gbm_calibrated": calibrated}
    report = {name: metrics(y_test, m.predict_proba(X_test)[:, 1]) for name, m in candidates.items()}
    logging.info(json.dumps(report, indent=2))

    fig, ax = plt.subplots(figsize=(6, 6))
    for name, m in candidates.items():
        CalibrationDisplay.from_estimator(m, X_test, y_test, n_bins=15, name=name, ax=ax)
    fig.savefig(ART / "reliability.png", dpi=120)
    (ART / "test_metrics.json").write_text(json.dumps(report, indent=2))
    joblib.dump(calibrated, ART / "claims_model_calibrated.joblib")


if __name__ == "__main__":
    main()
