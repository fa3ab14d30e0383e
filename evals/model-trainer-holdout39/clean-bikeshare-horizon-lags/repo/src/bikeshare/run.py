import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

from . import features, settings
from .splits import chronological

log = logging.getLogger("bikeshare")


def scores(y, p) -> dict:
    return {
        "mae": float(mean_absolute_error(y, p)),
        "rmse": float(np.sqrt(mean_squared_error(y, p))),
        "wape": float(np.abs(y - p).sum() / max(np.abs(y).sum(), 1.0)),
    }


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    cfg = settings.load()
    h = cfg["horizon"]["days"]

    trips = pd.read_parquet(cfg["trips_path"])
    trips["date"] = pd.to_datetime(trips["date"])
    trips = features.calendar(trips, cfg["country"])
    trips = features.lagged(trips, cfg["features"]["lags"], cfg["features"]["rolling"], h)
    trips = trips.dropna(subset=[f"lag_{h}"])
    cols = features.feature_columns(cfg)

    train, valid, holdout = chronological(trips, cfg["horizon"]["valid_days"], cfg["horizon"]["holdout_days"])
    log.info("train to %s, valid to %s, holdout %s..%s", train["date"].max().date(),
             valid["date"].max().date(), holdout["date"].min().date(), holdout["date"].max().date())

    params = dict(cfg["lgbm"])
    patience = params.pop("early_stopping_rounds")
    model = lgb.LGBMRegressor(random_state=cfg["seed"], verbose=-1, **params)
    model.fit(train[cols], train["trips"], eval_set=[(valid[cols], valid["trips"])],
              eval_metric="l1", callbacks=[lgb.early_stopping(patience, verbose=False)])
    best_iter = model.best_iteration_

    # refit on train+valid with the iteration count chosen on valid, then forecast the holdout once
    params["n_estimators"] = best_iter
    final = lgb.LGBMRegressor(random_state=cfg["seed"], verbose=-1, **params)
    dev = pd.concat([train, valid])
    final.fit(dev[cols], dev["trips"])

    y = holdout["trips"].to_numpy()
    report = {
        "best_iteration": int(best_iter),
        "valid": scores(valid["trips"].to_numpy(), model.predict(valid[cols])),
        "holdout": {
            "lgbm": scores(y, np.clip(final.predict(holdout[cols]), 0, None)),
            "seasonal_naive_14d": scores(y, holdout[f"lag_{h}"].to_numpy()),
            "rolling_mean_28d": scores(y, holdout["roll28_mean"].to_numpy()),
        },
    }
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    final.booster_.save_model(str(out / "lgbm_final.txt"))
    (out / "report.json").write_text(json.dumps(report, indent=2))
    log.info("holdout: %s", report["holdout"])


if __name__ == "__main__":
    main()
