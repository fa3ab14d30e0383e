"""Random-forest activity classifier on WISDM phone accelerometer windows."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

from windowing import build_dataset


def load_config(path="config.yaml"):
    with open(path) as f:
        return yaml.safe_load(f)


def main():
    cfg = load_config()
    seed = cfg["seed"]
    np.random.seed(seed)

    df = pd.read_csv(cfg["data"]["path"])
    df = df.dropna(subset=["acc_x", "acc_y", "acc_z"])
    print(f"{len(df):,} samples from {df['subject'].nunique()} subjects")

    fs = cfg["data"]["sampling_rate_hz"]
    window = int(cfg["windowing"]["window_s"] * fs)
    step = int(window * (1 - cfg["windowing"]["overlap"]))
    X, y, groups = build_dataset(df, window, step)
    print(f"{len(X):,} windows of {window} samples (step {step}), {len(np.unique(groups))} subjects")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed
    )

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    base_pred = baseline.predict(X_test)

    rf = RandomForestClassifier(
        n_estimators=cfg["model"]["n_estimators"],
        max_depth=cfg["model"]["max_depth"],
        min_samples_leaf=cfg["model"]["min_samples_leaf"],
        class_weight=cfg["model"]["class_weight"],
        n_jobs=-1,
        random_state=seed,
    )
    rf.fit(X_train, y_train)
    pred = rf.predict(X_test)

    results = {
        "baseline_macro_f1": f1_score(y_test, base_pred, average="macro"),
        "rf_macro_f1": f1_score(y_test, pred, average="macro"),
        "rf_balanced_accuracy": balanced_accuracy_score(y_test, pred),
    }
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, pred, digits=3))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(rf, out / "rf.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
