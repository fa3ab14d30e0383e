"""Score the saved severity model on the untouched test policies."""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error

from claims.config import CATEGORICAL, NUMERIC, PATHS, TARGET
from claims.features import FeatureBuilder


def main():
    test = pd.read_parquet(PATHS["test"])
    with open(PATHS["train_stats"]) as fh:
        stats = json.load(fh)

    model = xgb.XGBRegressor()
    model.load_model(PATHS["model"])

    builder = FeatureBuilder(NUMERIC, CATEGORICAL)
    X_test = builder.fit_transform(test)
    y_test = test[TARGET].to_numpy()

    pred = model.predict(X_test)
    naive = np.full_like(y_test, stats["train_median_claim"], dtype=float)
    report = {}
    for name, p in (("train_median", naive), ("xgb", pred)):
        report[name] = {
            "mae": float(mean_absolute_error(y_test, p)),
            "rmse": float(np.sqrt(mean_squared_error(y_test, p))),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
