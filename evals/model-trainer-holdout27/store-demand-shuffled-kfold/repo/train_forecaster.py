import logging

import lightgbm as lgb
import numpy as np
import pandas as pd

from demandcast.config import read_config
from demandcast.cv import make_folds
from demandcast.data import load_sales
from demandcast.features import add_time_features, feature_columns
from demandcast.metrics import mae, rmse, wape

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("forecast")


def main():
    cfg = read_config()
    lags, windows = cfg["features"]["lags"], cfg["features"]["rolling_windows"]
    frame = add_time_features(load_sales(cfg), lags, windows)
    for col in ("store_id", "item_id"):
        frame[col] = frame[col].astype("category")
    cols = feature_columns(lags, windows)

    rows = []
    for fold, (tr, va) in enumerate(make_folds(frame, cfg["cv"]["n_splits"], cfg["cv"]["seed"])):
        train, valid = frame.iloc[tr], frame.iloc[va]
        model = lgb.LGBMRegressor(random_state=cfg["cv"]["seed"], verbose=-1, **cfg["lgbm"])
        model.fit(train[cols], train["units"])
        pred = np.clip(model.predict(valid[cols]), 0, None)
        naive = valid["lag_7"]  # seasonal-naive baseline: same weekday last week
        rows.append(
            {
                "fold": fold,
                "mae": mae(valid["units"], pred),
                "rmse": rmse(valid["units"], pred),
                "wape": wape(valid["units"], pred),
                "naive_mae": mae(valid["units"], naive),
                "naive_wape": wape(valid["units"], naive),
            }
        )
        log.info("fold %d: %s", fold, rows[-1])

    summary = pd.DataFrame(rows).mean(numeric_only=True)
    log.info("CV summary\n%s", summary.to_string())

    final = lgb.LGBMRegressor(random_state=cfg["cv"]["seed"], verbose=-1, **cfg["lgbm"])
    final.fit(frame[cols], frame["units"])
    final.booster_.save_model("models/demand_lgbm.txt")


if __name__ == "__main__":
    main()
