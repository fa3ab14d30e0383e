"""Day-ahead hourly electricity load model (ridge + gradient boosting) for one balancing zone."""
import logging
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.preprocessing import StandardScaler

SEED = 5
TEST_START = "2023-07-01"
NUM_COLS = ["temp_c", "temp_c_sq", "humidity", "wind_ms", "load_lag_24", "load_lag_168", "load_roll_24"]
CAL_COLS = ["hour", "dow", "is_weekend", "is_holiday", "month"]

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
log = logging.getLogger(__name__)


def build_frame(path):
    df = pd.read_csv(path, parse_dates=["ts"]).sort_values("ts").set_index("ts")
    df["temp_c_sq"] = df["temp_c"] ** 2
    df["load_lag_24"] = df["load_mw"].shift(24)
    df["load_lag_168"] = df["load_mw"].shift(168)
    df["load_roll_24"] = df["load_mw"].shift(24).rolling(24).mean()
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["month"] = df.index.month
    return df.dropna()


def scale_block(frame, cols):
    scaler = StandardScaler()
    out = frame.copy()
    out[cols] = scaler.fit_transform(frame[cols])
    return out, scaler


def metrics(y, yhat):
    return {
        "mae": mean_absolute_error(y, yhat),
        "rmse": float(np.sqrt(mean_squared_error(y, yhat))),
        "mape": mean_absolute_percentage_error(y, yhat),
    }


if __name__ == "__main__":
    data = build_frame(sys.argv[1] if len(sys.argv) > 1 else "data/zone_load_hourly.csv")
    train = data[data.index < TEST_START]
    test = data[data.index >= TEST_START]
    log.info("train %s..%s (%d)  test %s..%s (%d)", train.index.min(), train.index.max(), len(train),
             test.index.min(), test.index.max(), len(test))

    train_s, scaler = scale_block(train, NUM_COLS)
    test_s, _ = scale_block(test, NUM_COLS)
    feats = NUM_COLS + CAL_COLS

    ridge = Ridge(alpha=10.0).fit(train_s[feats], train_s["load_mw"])
    hgb = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05, max_leaf_nodes=63,
                                        early_stopping=False, random_state=SEED)
    hgb.fit(train_s[feats], train_s["load_mw"])

    report = {
        "same_hour_last_week": metrics(test["load_mw"], test["load_lag_168"]),
        "ridge": metrics(test["load_mw"], ridge.predict(test_s[feats])),
        "hgb": metrics(test["load_mw"], hgb.predict(test_s[feats])),
    }
    print(pd.DataFrame(report).T.round(3))
