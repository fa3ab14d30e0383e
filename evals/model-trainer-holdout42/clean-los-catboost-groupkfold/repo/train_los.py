"""Predict hospital length of stay (days) at 24 h after admission with CatBoost."""
import itertools
import json
import sys
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

from los.baseline import GroupMedianBaseline

CAT_COLS = ["admission_type", "service", "admit_source", "insurance", "sex", "primary_dx_ccs"]
NUM_COLS = ["age", "heart_rate", "sbp", "temp_c", "creatinine", "sodium", "wbc",
            "n_prior_admissions_1y", "charlson", "n_meds_first24h"]


def regression_metrics(y_true, y_pred):
    return {"mae": float(mean_absolute_error(y_true, y_pred)),
            "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
            "r2": float(r2_score(y_true, y_pred))}


def pool(frame, y=None):
    return Pool(frame[CAT_COLS + NUM_COLS], label=None if y is None else np.log1p(y), cat_features=CAT_COLS)


def main(config_path="config.toml"):
    cfg = tomllib.loads(Path(config_path).read_text())
    seed, target, group = cfg["run"]["seed"], cfg["data"]["target"], cfg["data"]["group"]
    df = pd.read_parquet(cfg["data"]["path"])
    for col, (lo, hi) in cfg["clip"].items():
        df[col] = df[col].clip(lo, hi)
    df[CAT_COLS] = df[CAT_COLS].fillna("unknown").astype(str)

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["run"]["test_fraction"], random_state=seed)
    dev_idx, test_idx = next(gss.split(df, groups=df[group]))
    dev, test = df.iloc[dev_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)

    gkf = GroupKFold(n_splits=cfg["run"]["cv_folds"])
    folds = list(gkf.split(dev, groups=dev[group]))
    results = []
    for depth, lr in itertools.product(cfg["grid"]["depth"], cfg["grid"]["learning_rate"]):
        maes, iters = [], []
        for tr, va in folds:
            m = CatBoostRegressor(depth=depth, learning_rate=lr, random_seed=seed, verbose=0, **cfg["catboost"])
            m.fit(pool(dev.iloc[tr], dev[target].iloc[tr]), eval_set=pool(dev.iloc[va], dev[target].iloc[va]),
                  use_best_model=True)
            maes.append(mean_absolute_error(dev[target].iloc[va], np.expm1(m.predict(pool(dev.iloc[va])))))
            iters.append(m.get_best_iteration())
        results.append({"depth": depth, "learning_rate": lr, "cv_mae": float(np.mean(maes)),
                        "iterations": int(np.median(iters))})
        print(results[-1])
    best = min(results, key=lambda r: r["cv_mae"])

    params = {**cfg["catboost"], "iterations": best["iterations"]}
    for key in ("od_type", "od_wait"):
        params.pop(key)
    model = CatBoostRegressor(depth=best["depth"], learning_rate=best["learning_rate"],
                              random_seed=seed, verbose=0, **params)
    model.fit(pool(dev, dev[target]))

    baseline = GroupMedianBaseline().fit(dev, dev[target])
    report = {
        "selected": best,
        "median_by_type_service": regression_metrics(test[target], baseline.predict(test)),
        "catboost": regression_metrics(test[target], np.expm1(model.predict(pool(test)))),
    }
    print(json.dumps(report, indent=2))
    out = Path(cfg["run"]["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / "los_catboost.cbm"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
