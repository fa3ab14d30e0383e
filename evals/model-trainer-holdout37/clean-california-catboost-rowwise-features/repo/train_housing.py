"""California housing: CatBoost regressor vs simple references.

Feature engineering below is row-wise (ratios, logs, fixed-bin income category), so it is done once
on the whole frame; nothing is fitted before the split.
"""
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

CFG = {
    "csv": "data/housing.csv",
    "seed": 42,
    "test_size": 0.2,
    "val_size": 0.15,
    "cb": {"iterations": 5000, "learning_rate": 0.04, "depth": 8, "l2_leaf_reg": 3.0, "loss_function": "RMSE"},
    "out": "artifacts",
}
log = logging.getLogger("housing")


def engineer(df):
    out = df.copy()
    out["rooms_per_household"] = out["total_rooms"] / out["households"]
    out["bedrooms_ratio"] = out["total_bedrooms"] / out["total_rooms"]
    out["people_per_household"] = out["population"] / out["households"]
    for c in ("total_rooms", "total_bedrooms", "population", "households"):
        out[f"log_{c}"] = np.log1p(out[c])
    out["income_cat"] = pd.cut(out["median_income"], bins=[0.0, 1.5, 3.0, 4.5, 6.0, np.inf], labels=False)
    return out


def report(y_true, y_pred):
    return {"rmse": float(mean_squared_error(y_true, y_pred) ** 0.5),
            "mae": float(mean_absolute_error(y_true, y_pred)),
            "r2": float(r2_score(y_true, y_pred))}


def main():
    logging.basicConfig(level=logging.INFO)
    seed = CFG["seed"]
    df = engineer(pd.read_csv(CFG["csv"]))
    y = df.pop("median_house_value")
    num = [c for c in df.columns if c != "ocean_proximity"]

    X_tmp, X_test, y_tmp, y_test = train_test_split(df, y, test_size=CFG["test_size"],
                                                    stratify=df["income_cat"], random_state=seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=CFG["val_size"],
                                                stratify=X_tmp["income_cat"], random_state=seed)

    # total_bedrooms has NaNs: CatBoost handles them natively, the linear reference imputes inside its pipeline
    model = CatBoostRegressor(**CFG["cb"], random_seed=seed, od_type="Iter", od_wait=200, verbose=500)
    model.fit(Pool(X_tr, y_tr, cat_features=["ocean_proximity"]),
              eval_set=Pool(X_val, y_val, cat_features=["ocean_proximity"]), use_best_model=True)
    log.info("best iteration %d", model.get_best_iteration())

    ridge = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                          RidgeCV(alphas=np.logspace(-3, 3, 13))).fit(X_tr[num], y_tr)
    median = DummyRegressor(strategy="median").fit(X_tr, y_tr)

    results = {
        "median": report(y_test, median.predict(X_test)),
        "ridge": report(y_test, ridge.predict(X_test[num])),
        "catboost": report(y_test, model.predict(X_test)),
    }
    log.info("test: %s", json.dumps(results, indent=1))
    out = Path(CFG["out"])
    out.mkdir(exist_ok=True)
    model.save_model(str(out / "catboost_housing.cbm"))
    (out / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
