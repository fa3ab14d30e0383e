import json
import logging

import lightgbm as lgb
import numpy as np
import yaml

from gridload.data import load_frame
from gridload.features import add_features, model_columns
from gridload.metrics import error_table
from gridload.splits import by_period, rolling_origin

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("gridload")


def main():
    cfg = yaml.safe_load(open("config/forecast.yaml"))
    np.random.seed(cfg["seed"])
    lags, wins = cfg["features"]["lags_hours"], cfg["features"]["rolling_hours"]
    df = add_features(load_frame(cfg), lags, wins).sort_values(["ts", "substation"]).reset_index(drop=True)
    cols = model_columns(lags, wins)
    train, valid, test = by_period(df, cfg["periods"])
    train = train.reset_index(drop=True)

    grid_scores = []
    for params in cfg["tuning"]["grid"]:
        fold_mae = []
        for tr_idx, va_idx in rolling_origin(train, cfg["tuning"]["n_splits"], cfg["tuning"]["gap_hours"]):
            m = lgb.LGBMRegressor(n_estimators=600, random_state=cfg["seed"], verbose=-1, **params)
            m.fit(train.loc[tr_idx, cols], train.loc[tr_idx, "mw"])
            fold_mae.append(error_table(train.loc[va_idx, "mw"], m.predict(train.loc[va_idx, cols]))["mae"])
        grid_scores.append(float(np.mean(fold_mae)))
        log.info("params %s -> rolling-origin MAE %.3f", params, grid_scores[-1])
    best = cfg["tuning"]["grid"][int(np.argmin(grid_scores))]

    model = lgb.LGBMRegressor(n_estimators=cfg["max_rounds"], random_state=cfg["seed"], verbose=-1, **best)
    model.fit(
        train[cols], train["mw"],
        eval_set=[(valid[cols], valid["mw"])],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )
    model.booster_.save_model("models/gridload_lgbm.txt")

    report = {
        "lgbm": error_table(test["mw"], model.predict(test[cols])),
        "seasonal_naive_168h": error_table(test["mw"], test["lag_168"]),
        "best_params": best,
    }
    log.info("test period report: %s", report)
    json.dump(report, open("reports/test_period.json", "w"), indent=2)


if __name__ == "__main__":
    main()
