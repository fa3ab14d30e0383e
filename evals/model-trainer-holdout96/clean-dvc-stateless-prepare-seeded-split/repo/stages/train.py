from pathlib import Path

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from common import CATEGORICAL, NUMERIC, load_params


def preprocessor() -> ColumnTransformer:
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUMERIC),
        ("cat", Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("ohe", OneHotEncoder(handle_unknown="ignore", min_frequency=25)),
        ]), CATEGORICAL),
    ])


def main() -> None:
    params = load_params()
    seed, target = params["base"]["seed"], params["base"]["target"]
    train = pd.read_parquet("data/processed/train.parquet")
    X, y = train[NUMERIC + CATEGORICAL], train[target].astype(int)

    model = Pipeline([
        ("pre", preprocessor()),
        ("clf", HistGradientBoostingClassifier(**params["train"], random_state=seed)),
    ]).fit(X, y)
    baseline = Pipeline([
        ("pre", preprocessor()),
        ("clf", LogisticRegression(max_iter=3000)),
    ]).fit(X, y)

    Path("models").mkdir(exist_ok=True)
    joblib.dump({"model": model, "baseline": baseline}, "models/payment_failure.joblib")


if __name__ == "__main__":
    main()
