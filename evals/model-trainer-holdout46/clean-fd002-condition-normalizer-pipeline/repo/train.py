"""FD002 RUL regression: regime-aware normalisation + gradient boosting, evaluated on unseen engines."""
import json

import numpy as np
import yaml
from joblib import dump
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline

from cmapss.data import SETTINGS, add_unit_history, load
from cmapss.transformers import ConditionNormalizer


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


def main(cfg_path="experiment.yaml"):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    seed = cfg["seed"]
    sensors = cfg["features"]["sensors"]

    df = load(cfg["data"]["path"], cfg["data"]["rul_cap"])
    df = add_unit_history(df, sensors, cfg["features"]["window"])
    X = df.drop(columns=["unit", "cycle", "rul"] + [f"s{i}" for i in range(1, 22) if f"s{i}" not in sensors])
    y, units = df["rul"].to_numpy(), df["unit"].to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["holdout_fraction"], random_state=seed)
    tr, te = next(outer.split(X, y, groups=units))
    X_tr, X_te, y_tr, y_te = X.iloc[tr], X.iloc[te], y[tr], y[te]

    pipe = Pipeline([
        ("norm", ConditionNormalizer(SETTINGS, sensors, n_regimes=6, random_state=seed)),
        ("model", HistGradientBoostingRegressor(max_iter=500, early_stopping=True, random_state=seed)),
    ])
    search = GridSearchCV(
        pipe,
        param_grid=cfg["search"],
        cv=GroupKFold(n_splits=cfg["cv_folds"]),
        scoring="neg_root_mean_squared_error",
        n_jobs=-1,
    )
    search.fit(X_tr, y_tr, groups=units[tr])
    print("best params:", search.best_params_, "cv rmse:", -search.best_score_)

    baseline = DummyRegressor(strategy="median").fit(X_tr, y_tr)
    results = {}
    for name, est in [("median_baseline", baseline), ("hgb", search.best_estimator_)]:
        pred = np.clip(est.predict(X_te), 0, cfg["data"]["rul_cap"])
        results[name] = {"rmse": rmse(y_te, pred), "mae": float(mean_absolute_error(y_te, pred))}
    print(json.dumps(results, indent=2))

    dump(search.best_estimator_, "artifacts/fd002_hgb.joblib")
    with open("artifacts/fd002_metrics.json", "w") as fh:
        json.dump({"best_params": search.best_params_, "holdout": results}, fh, indent=2)


if __name__ == "__main__":
    main()
