"""
Early warning model for the raw-water intake pumps.

Input: minute-level sensor log (52 channels) with machine_status in
{NORMAL, BROKEN, RECOVERING}. We resample to hourly and predict whether the
pump breaks within the next 24 hours. The log covers about five months and
contains 7 BROKEN events, so positive hours are rare.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score
from sklearn.pipeline import make_pipeline

SEED = 3
HORIZON_H = 24
LOG_PATH = "data/pump_sensor.csv"


def hourly_frame(path):
    raw = pd.read_csv(path, parse_dates=["timestamp"], index_col="timestamp")
    raw = raw.drop(columns=["Unnamed: 0", "sensor_15"], errors="ignore")
    sensors = [c for c in raw.columns if c.startswith("sensor_")]
    hourly = raw[sensors].resample("1h").agg(["mean", "std"])
    hourly.columns = [f"{a}_{b}" for a, b in hourly.columns]
    broken = (raw["machine_status"] == "BROKEN").resample("1h").max()
    recovering = (raw["machine_status"] != "NORMAL").resample("1h").max()
    return hourly, broken.astype(int), recovering.astype(bool)


def label_upcoming_failure(broken, horizon):
    # 1 if a BROKEN event occurs in (t, t + horizon]
    future = broken[::-1].rolling(horizon, min_periods=1).max()[::-1].shift(-1)
    return future.fillna(0).astype(int)


def main():
    X, broken, down = hourly_frame(LOG_PATH)
    y = label_upcoming_failure(broken, HORIZON_H)
    keep = ~down
    X, y = X[keep], y[keep]
    print(f"{len(y)} operating hours, {y.sum()} inside a 24h pre-failure window "
          f"({y.mean():.2%})")

    cutoff = X.index[int(len(X) * 0.7)]
    X_train, y_train = X[X.index < cutoff], y[y.index < cutoff]
    X_test, y_test = X[X.index >= cutoff], y[y.index >= cutoff]

    model = make_pipeline(
        SimpleImputer(strategy="median"),
        RandomForestClassifier(
            n_estimators=300,
            min_samples_leaf=5,
            class_weight="balanced_subsample",
            random_state=SEED,
            n_jobs=-1,
        ),
    )
    model.fit(X_train, y_train)

    train_acc = accuracy_score(y_train, model.predict(X_train))
    test_acc = accuracy_score(y_test, model.predict(X_test))
    print(f"train accuracy {train_acc:.4f}")
    print(f"test accuracy  {test_acc:.4f}")

    joblib.dump(model, "pump_failure_rf.joblib")


if __name__ == "__main__":
    main()
