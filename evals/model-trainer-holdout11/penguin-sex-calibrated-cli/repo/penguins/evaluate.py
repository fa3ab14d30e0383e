from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score


def calibrate_and_score(fitted, X_eval, y_eval):
    calib = CalibratedClassifierCV(fitted, method="isotonic", cv="prefit")
    calib.fit(X_eval, y_eval)
    prob = calib.predict_proba(X_eval)[:, 1]
    return calib, {
        "roc_auc": roc_auc_score(y_eval, prob),
        "brier": brier_score_loss(y_eval, prob),
        "log_loss": log_loss(y_eval, prob),
    }
