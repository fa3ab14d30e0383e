"""Spring barley yield model: time-forward evaluation, then refit for production.

1. fit on seasons <= last_train_year, early-stop on val_year
2. score the untouched seasons >= first_test_year (and a field-history baseline)
3. refit on every season with the iteration count found in step 1 and ship it
"""
import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from agyield.prep import CATEGORICAL, NUMERIC, prepare


def scores(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))),
            "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p))}


def main():
    cfg = tomllib.loads(Path("pyproject.toml").read_text())["tool"]["agyield"]
    target, sp, cb = cfg["data"]["target"], cfg["split"], cfg["catboost"]
    np.random.seed(cb["random_seed"])

    df = prepare(pd.read_parquet(cfg["data"]["table"]))
    feats = CATEGORICAL + NUMERIC
    train = df[df["year"] <= sp["last_train_year"]]
    val = df[df["year"] == sp["val_year"]]
    test = df[df["year"] >= sp["first_test_year"]]
    print(f"train {len(train)} ({train.year.min()}-{train.year.max()}), val {len(val)}, "
          f"test {len(test)} ({test.year.min()}-{test.year.max()})")

    pool = lambda d: Pool(d[feats], d[target], cat_features=CATEGORICAL)
    model = CatBoostRegressor(**cb, verbose=250)
    model.fit(pool(train), eval_set=pool(val), use_best_model=True)
    best_iter = model.get_best_iteration() + 1

    test_pred = model.predict(test[feats])
    baseline = test["field_mean_5y"].fillna(train[target].mean())
    report = {
        "best_iteration": best_iter,
        "test_catboost": scores(test[target], test_pred),
        "test_field_mean_5y": scores(test[target], baseline),
        "test_by_year": {int(y): scores(g[target], model.predict(g[feats])) for y, g in test.groupby("year")},
    }
    print(json.dumps(report, indent=2))

    # production model: same settings and iteration count, all labelled seasons
    final_params = {k: v for k, v in cb.items() if k not in ("od_type", "od_wait")}
    final_params["iterations"] = int(best_iter * 1.1)
    final = CatBoostRegressor(**final_params, verbose=0)
    final.fit(pool(df))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    final.save_model(str(out / "barley_yield_production.cbm"))
    (out / "evaluation.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
