"""Stroke risk screening model on the outpatient healthcare-stroke extract."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 8
DATA_PATH = Path("data/healthcare-dataset-stroke-data.csv")
NUMERIC = ["age", "avg_glucose_level", "bmi"]
BINARY = ["hypertension", "heart_disease"]
CATEGORICAL = ["gender", "ever_married", "work_type", "Residence_type", "smoking_status"]


def make_preprocessor():
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUMERIC),
        ("bin", "passthrough", BINARY),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])


def main():
    df = pd.read_csv(DATA_PATH)
    df = df[df["gender"] != "Other"].drop(columns=["id"])
    print(df["stroke"].value_counts())
    print(f"stroke prevalence: {df['stroke'].mean():.2%}")

    X = df[NUMERIC + BINARY + CATEGORICAL]
    y = df["stroke"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=SEED
    )

    candidates = {
        "majority_class": DummyClassifier(strategy="most_frequent"),
        "logistic": LogisticRegression(max_iter=2000, class_weight="balanced", C=0.5),
        "lightgbm": LGBMClassifier(
            n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=30,
            class_weight="balanced", subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1,
        ),
    }

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    results = {}
    for name, clf in candidates.items():
        pipe = Pipeline([("prep", make_preprocessor()), ("clf", clf)])
        cv_acc = cross_val_score(pipe, X_train, y_train, cv=cv, scoring="accuracy")
        pipe.fit(X_train, y_train)
        test_acc = accuracy_score(y_test, pipe.predict(X_test))
        results[name] = {"cv_accuracy": float(cv_acc.mean()), "cv_std": float(cv_acc.std()), "test_accuracy": float(test_acc)}
        print(f"{name:>15s}: cv acc {cv_acc.mean():.4f} +/- {cv_acc.std():.4f} | test acc {test_acc:.4f}")
        candidates[name] = pipe

    best = max(results, key=lambda n: results[n]["cv_accuracy"])
    print(f"selected model: {best}")
    Path("artifacts").mkdir(exist_ok=True)
    joblib.dump(candidates[best], "artifacts/stroke_model.joblib")
    Path("artifacts/stroke_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
