"""python -m rentprice.train --listings data/listings.csv"""
import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from xgboost import XGBRegressor

from .features import add_derived, preprocessor
from .tracking import log_table, start_run

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger(__name__)

CONFIG = {
    "seed": 99,
    "test_size": 0.2,
    "xgb": {"n_estimators": 700, "learning_rate": 0.04, "max_depth": 6, "subsample": 0.85,
            "colsample_bytree": 0.75, "min_child_weight": 3, "reg_lambda": 1.5},
}


def evaluate(y_true, y_pred) -> dict:
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "mape": mean_absolute_percentage_error(y_true, y_pred),
        "r2": r2_score(y_true, y_pred),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--listings", default="data/listings.csv")
    ap.add_argument("--out", default="artifacts/rent_xgb.joblib")
    args = ap.parse_args()

    df = add_derived(pd.read_csv(args.listings))
    df = df[df["monthly_rent"].between(150, 20000)]
    y = np.log(df["monthly_rent"])
    X = df.drop(columns=["monthly_rent", "listing_id"])
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=CONFIG["test_size"], random_state=CONFIG["seed"])

    model = Pipeline([
        ("pre", preprocessor()),
        ("xgb", XGBRegressor(**CONFIG["xgb"], random_state=CONFIG["seed"], n_jobs=-1)),
    ])
    run = start_run(CONFIG, tags=["xgb", "log-target"])
    cv = KFold(n_splits=5, shuffle=True, random_state=CONFIG["seed"])
    cv_mae = -cross_val_score(model, X_tr, y_tr, cv=cv, scoring="neg_mean_absolute_error")
    run.log({"cv/mae_log": cv_mae.mean(), "cv/mae_log_std": cv_mae.std()})

    model.fit(X_tr, y_tr)
    baseline = DummyRegressor(strategy="median").fit(X_tr, y_tr)
    rows = []
    for name, est in [("median_baseline", baseline), ("xgb", model)]:
        scores = evaluate(np.exp(y_te), np.exp(est.predict(X_te)))
        run.summary.update({f"test/{name}/{k}": v for k, v in scores.items()})
        rows.append({"model": name, **scores})
    log_table(run, "test_scores", pd.DataFrame(rows))
    joblib.dump(model, args.out)
    run.finish()


if __name__ == "__main__":
    main()
