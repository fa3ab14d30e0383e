"""Predict a player's match rating from pre-match context (ridge regression)."""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error

from rating.features import add_player_history
from rating.preprocess import fit_preprocessor

with open("config.json") as fh:
    CFG = json.load(fh)
np.random.seed(CFG["seed"])


def scores(y, p) -> str:
    return f"MAE={mean_absolute_error(y, p):.3f} RMSE={mean_squared_error(y, p) ** 0.5:.3f}"


def main() -> None:
    app = pd.read_parquet(CFG["appearances_path"])
    app = app[app["minutes"] >= 20]
    app = add_player_history(app)
    app = app.dropna(subset=["rating", "rating_avg5"])

    train = app[app["season"].isin(CFG["train_seasons"])]
    valid = app[app["season"] == CFG["valid_season"]]
    test = app[app["season"] == CFG["test_season"]]
    cols = CFG["numeric"] + CFG["categorical"]

    pre = fit_preprocessor([train, valid, test], CFG["numeric"], CFG["categorical"])
    X_train, X_valid, X_test = (pre.transform(d[cols]) for d in (train, valid, test))
    y_train, y_valid, y_test = train["rating"], valid["rating"], test["rating"]

    best_alpha, best_mae = None, np.inf
    for alpha in CFG["alphas"]:
        mae = mean_absolute_error(y_valid, Ridge(alpha=alpha).fit(X_train, y_train).predict(X_valid))
        print(f"alpha={alpha:<5} valid MAE={mae:.4f}")
        if mae < best_mae:
            best_alpha, best_mae = alpha, mae

    model = Ridge(alpha=best_alpha).fit(X_train, y_train)
    print(f"chosen alpha={best_alpha}")
    print("baseline (last-5 avg):", scores(y_test, test["rating_avg5"]))
    print("ridge:                ", scores(y_test, model.predict(X_test)))

    joblib.dump({"preprocessor": pre, "model": model}, "artifacts/rating_ridge.joblib")


if __name__ == "__main__":
    main()
