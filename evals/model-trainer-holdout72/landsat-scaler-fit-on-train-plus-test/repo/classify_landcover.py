"""Pixel-based land-cover classification from Landsat 8 samples.

Training and test samples come from separate sets of digitised reference polygons
(see docs/sampling.md); features are the six reflective bands plus spectral indices.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (accuracy_score, classification_report, cohen_kappa_score,
                             confusion_matrix, f1_score)
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 11
BANDS = ["SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7"]
OUT = Path("outputs")


def add_indices(df):
    b = {k: df[k].astype("float64") for k in BANDS}
    df = df.copy()
    df["ndvi"] = (b["SR_B5"] - b["SR_B4"]) / (b["SR_B5"] + b["SR_B4"] + 1e-9)
    df["ndwi"] = (b["SR_B3"] - b["SR_B5"]) / (b["SR_B3"] + b["SR_B5"] + 1e-9)
    df["ndbi"] = (b["SR_B6"] - b["SR_B5"]) / (b["SR_B6"] + b["SR_B5"] + 1e-9)
    df["mndwi"] = (b["SR_B3"] - b["SR_B6"]) / (b["SR_B3"] + b["SR_B6"] + 1e-9)
    return df


def load_samples(path):
    df = pd.read_csv(path)
    df[BANDS] = df[BANDS] * 2.75e-05 - 0.2
    return add_indices(df)


def main():
    OUT.mkdir(exist_ok=True)
    train = load_samples("samples/train_pixels.csv")
    test = load_samples("samples/test_pixels.csv")
    features = BANDS + ["ndvi", "ndwi", "ndbi", "mndwi"]

    X_train, y_train = train[features].to_numpy(), train["class_id"].to_numpy()
    X_test, y_test = test[features].to_numpy(), test["class_id"].to_numpy()
    groups = train["polygon_id"].to_numpy()
    print("train class counts:", np.bincount(y_train))

    scaler = StandardScaler()
    scaler.fit(np.vstack([X_train, X_test]))
    X_train_s = scaler.transform(X_train)
    X_test_s = scaler.transform(X_test)

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    grid = GridSearchCV(
        SVC(kernel="rbf", class_weight="balanced"),
        param_grid={"C": [1, 10, 100, 1000], "gamma": ["scale", 0.01, 0.1, 1.0]},
        scoring="f1_macro", cv=cv, n_jobs=-1,
    )
    grid.fit(X_train_s, y_train, groups=groups)
    print("best params:", grid.best_params_, "cv macro F1:", round(grid.best_score_, 4))

    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_train_s, y_train)
    results = {}
    for name, model in [("dummy", dummy), ("svm", grid.best_estimator_)]:
        pred = model.predict(X_test_s)
        results[name] = {
            "overall_accuracy": accuracy_score(y_test, pred),
            "kappa": cohen_kappa_score(y_test, pred),
            "macro_f1": f1_score(y_test, pred, average="macro"),
        }
        print(name, results[name])

    pred = grid.best_estimator_.predict(X_test_s)
    print(classification_report(y_test, pred, digits=3))
    print(confusion_matrix(y_test, pred))

    joblib.dump({"scaler": scaler, "model": grid.best_estimator_, "features": features},
                OUT / "svm_landcover.joblib")
    (OUT / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
