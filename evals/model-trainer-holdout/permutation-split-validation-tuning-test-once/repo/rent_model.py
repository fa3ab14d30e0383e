"""Elastic-net rent model. Hyperparameters are chosen on the validation rows; the test rows are scored once."""
import json
import tomllib

import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler


def index_split(n_rows, valid_fraction, test_fraction, seed):
    perm = np.random.default_rng(seed).permutation(n_rows)
    n_test, n_valid = int(n_rows * test_fraction), int(n_rows * valid_fraction)
    return perm[n_test + n_valid:], perm[n_test:n_test + n_valid], perm[:n_test]


def rent_pipeline(alpha, l1_ratio, seed):
    columns = make_column_transformer(
        (SplineTransformer(n_knots=6, degree=3), ["floor_area_m2", "distance_to_center_km"]),
        (StandardScaler(), ["rooms", "floor", "building_age"]),
        (OneHotEncoder(handle_unknown="ignore"), ["district", "heating", "furnished"]),
    )
    return make_pipeline(columns, ElasticNet(alpha=alpha, l1_ratio=l1_ratio, max_iter=20000, random_state=seed))


def scores(y_true, y_pred):
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": r2_score(y_true, y_pred),
    }


def main():
    with open("config.toml", "rb") as fh:
        cfg = tomllib.load(fh)
    data_all = pd.read_csv(cfg["data"]["path"]).drop_duplicates(subset="listing_id")
    target = np.log(data_all[cfg["data"]["target"]])
    inputs = data_all.drop(columns=["listing_id", cfg["data"]["target"]])

    split = cfg["split"]
    fit_rows, valid_rows, test_rows = index_split(len(data_all), split["valid_fraction"], split["test_fraction"], split["seed"])
    x_fit, y_fit = inputs.iloc[fit_rows], target.iloc[fit_rows]
    x_valid, y_valid = inputs.iloc[valid_rows], target.iloc[valid_rows]
    x_test, y_test = inputs.iloc[test_rows], target.iloc[test_rows]

    trials = []
    for alpha in cfg["search"]["alphas"]:
        for l1_ratio in cfg["search"]["l1_ratios"]:
            model = rent_pipeline(alpha, l1_ratio, split["seed"]).fit(x_fit, y_fit)
            trials.append({"alpha": alpha, "l1_ratio": l1_ratio, **scores(y_valid, model.predict(x_valid))})
    best = min(trials, key=lambda t: t["mae"])
    print("validation trials:", json.dumps(trials, indent=1))

    chosen = rent_pipeline(best["alpha"], best["l1_ratio"], split["seed"]).fit(x_fit, y_fit)
    median_rent = DummyRegressor(strategy="median").fit(x_fit, y_fit)
    report = {
        "chosen": {"alpha": best["alpha"], "l1_ratio": best["l1_ratio"]},
        "test_log_rent": scores(y_test, chosen.predict(x_test)),
        "test_eur_mae": mean_absolute_error(np.exp(y_test), np.exp(chosen.predict(x_test))),
        "baseline_median_log_rent": scores(y_test, median_rent.predict(x_test)),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
