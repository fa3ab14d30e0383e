import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import polars as pl
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from pedals.prep import prepare, to_pandas_xy
from pedals.search import tune

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("pedals")


def main(cfg):
    df = prepare(pl.scan_parquet(cfg["listings"]))
    df = df.with_row_index("rid")
    test_df = df.sample(fraction=cfg["test_fraction"], seed=cfg["seed"])
    train_df = df.join(test_df.select("rid"), on="rid", how="anti")
    log.info("train %d  test %d", train_df.height, test_df.height)

    X_tr, y_tr = to_pandas_xy(train_df)
    X_te, y_te = to_pandas_xy(test_df)

    study = tune(X_tr, y_tr, cfg["cv_folds"], cfg["n_trials"], cfg["seed"])
    best = dict(study.best_params, n_estimators=study.best_trial.user_attrs["n_estimators"],
                random_state=cfg["seed"], verbose=-1)
    log.info("best CV MAE(log) %.4f  params %s", study.best_value, best)

    model = lgb.LGBMRegressor(**best).fit(X_tr, y_tr)
    pred = model.predict(X_te)

    # baseline: median log price per brand, learned from the training listings
    brand_median = train_df.group_by("brand").agg(pl.col("log_price").median().alias("brand_med"))
    base = (test_df.join(brand_median, on="brand", how="left")
            .select(pl.col("brand_med").fill_null(train_df["log_price"].median()))
            .to_numpy().ravel())

    report = {
        "lgbm": {"mae": mean_absolute_error(y_te, pred), "rmse": mean_squared_error(y_te, pred) ** 0.5,
                 "r2": r2_score(y_te, pred)},
        "brand_median": {"mae": mean_absolute_error(y_te, base), "rmse": mean_squared_error(y_te, base) ** 0.5,
                         "r2": r2_score(y_te, base)},
    }
    out = Path(cfg["artifacts"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "pedal_lgbm.txt"))
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    log.info("%s", report)


if __name__ == "__main__":
    main(yaml.safe_load(open("settings.yaml")))
