import argparse
import itertools
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from . import features
from .io import load_sales
from .validation import cv_score, make_cv, wape

log = logging.getLogger("salesfc")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/experiment.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    sales = features.build(load_sales(cfg["data"]["sales"]), cfg["features"])
    cols = features.feature_list(cfg["features"])

    cutoff = sales["date"].max() - np.timedelta64(cfg["data"]["holdout_days"], "D")
    dev = sales[sales["date"] <= cutoff]
    holdout = sales[sales["date"] > cutoff]
    log.info("dev until %s (%d rows), holdout %d rows", cutoff.date(), len(dev), len(holdout))

    cv = make_cv(cfg["cv"], cfg["seed"])
    grid = cfg["search"]
    best_params, best_score = None, np.inf
    for values in itertools.product(*grid.values()):
        params = dict(zip(grid.keys(), values))

        def factory(p=params):
            return lgb.LGBMRegressor(random_state=cfg["seed"], verbose=-1, **cfg["lgbm_fixed"], **p)

        score = cv_score(factory, dev[cols], dev["units"], cv)
        log.info("%s -> cv WAPE %.4f", params, score)
        if score < best_score:
            best_params, best_score = params, score

    model = lgb.LGBMRegressor(random_state=cfg["seed"], verbose=-1, **cfg["lgbm_fixed"], **best_params)
    model.fit(dev[cols], dev["units"])

    pred = np.clip(model.predict(holdout[cols]), 0, None)
    naive = holdout["lag_28"].to_numpy()  # same weekday four weeks earlier
    y = holdout["units"].to_numpy()
    report = {
        "best_params": best_params,
        "cv_wape": best_score,
        "holdout": {
            "lgbm": {"wape": wape(y, pred), "mae": mean_absolute_error(y, pred),
                     "rmse": float(np.sqrt(mean_squared_error(y, pred)))},
            "seasonal_naive": {"wape": wape(y, naive), "mae": mean_absolute_error(y, naive),
                               "rmse": float(np.sqrt(mean_squared_error(y, naive)))},
        },
    }
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, default=str))
    log.info("holdout: %s", report["holdout"])


if __name__ == "__main__":
    main()
