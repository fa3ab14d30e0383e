"""Predict pump failure within the next 7 days from daily sensor aggregates.

Failures are rare (roughly 1 in 70 pump-days), so we use imbalanced-learn's
BalancedRandomForest, which undersamples the majority class inside each bootstrap.
"""
import logging
import os

import joblib
import numpy as np
import pandas as pd
from imblearn.ensemble import BalancedRandomForestClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedGroupKFold, train_test_split

SEED = int(os.environ.get("SEED", 5))
FEATURES = [
    "vib_rms_mean", "vib_rms_max", "vib_kurtosis", "bearing_temp_mean", "bearing_temp_slope_3d",
    "motor_current_mean", "motor_current_std", "pressure_out_mean", "flow_rate_mean",
    "hours_since_service", "starts_per_day",
]

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")


def main() -> None:
    np.random.seed(SEED)
    days = pd.read_csv("data/pump_days.csv")
    y = days["fail_next_7d"].astype(int)
    logging.info("rows=%d  positive rate=%.4f", len(days), y.mean())

    # split by pump so the same unit never appears on both sides
    pumps = days["pump_id"].unique()
    train_pumps, test_pumps = train_test_split(pumps, test_size=0.2, random_state=SEED)
    tr = days["pump_id"].isin(train_pumps)
    X_tr, y_tr = days.loc[tr, FEATURES], y[tr]
    X_te, y_te = days.loc[~tr, FEATURES], y[~tr]

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_acc = []
    for fit_idx, val_idx in cv.split(X_tr, y_tr, groups=days.loc[tr, "pump_id"]):
        brf = BalancedRandomForestClassifier(n_estimators=500, min_samples_leaf=5,
                                             sampling_strategy="auto", replacement=True,
                                             bootstrap=False, random_state=SEED, n_jobs=-1)
        brf.fit(X_tr.iloc[fit_idx], y_tr.iloc[fit_idx])
        cv_acc.append(accuracy_score(y_tr.iloc[val_idx], brf.predict(X_tr.iloc[val_idx])))
    logging.info("grouped CV accuracy %.4f +/- %.4f", np.mean(cv_acc), np.std(cv_acc))

    model = BalancedRandomForestClassifier(n_estimators=500, min_samples_leaf=5,
                                           sampling_strategy="auto", replacement=True,
                                           bootstrap=False, random_state=SEED, n_jobs=-1)
    model.fit(X_tr, y_tr)
    majority = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)

    test_acc = accuracy_score(y_te, model.predict(X_te))
    base_acc = accuracy_score(y_te, majority.predict(X_te))
    logging.info("test accuracy: model %.4f vs majority-class %.4f", test_acc, base_acc)

    os.makedirs("models", exist_ok=True)
    joblib.dump(model, "models/pump_brf.joblib")


if __name__ == "__main__":
    main()
