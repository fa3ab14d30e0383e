"""Anchorage waiting time (hours) for bulk carriers calling at Queensland coal/grain terminals."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

from encoders import SmoothedTargetEncoder

cfg = json.load(open("config.json"))

calls = pd.read_parquet(cfg["calls_path"])
calls["anchorage_arrival"] = pd.to_datetime(calls["anchorage_arrival"], utc=True)
calls = calls.sort_values("anchorage_arrival").reset_index(drop=True)
calls["wait_h"] = (pd.to_datetime(calls["berth_start"], utc=True) - calls["anchorage_arrival"]).dt.total_seconds() / 3600
calls = calls[calls["wait_h"].between(0, 24 * 40)]

calls["arr_month"] = calls["anchorage_arrival"].dt.month
calls["arr_dow"] = calls["anchorage_arrival"].dt.dayofweek
calls["log_dwt"] = np.log(calls["dwt"])

NUM = ["log_dwt", "loa_m", "draught_arrival", "arr_month", "arr_dow",
       "ships_at_anchor", "ships_at_berth", "ships_due_72h", "rain_mm_48h", "swell_m"]

cut = pd.Timestamp(cfg["train_end"], tz="UTC")
train = calls[calls["anchorage_arrival"] < cut]
test = calls[calls["anchorage_arrival"] >= cut]

enc = SmoothedTargetEncoder(cfg["encode"], smoothing=cfg["smoothing"]).fit(train, "wait_h")
X_tr = pd.concat([train[NUM], enc.transform(train)], axis=1)
X_te = pd.concat([test[NUM], enc.transform(test)], axis=1)

model = lgb.LGBMRegressor(**cfg["model"], objective="l1", random_state=cfg["seed"], verbose=-1)
model.fit(X_tr, train["wait_h"])
pred = model.predict(X_te)

median_baseline = np.full(len(test), train["wait_h"].median())
print(f"test calls: {len(test)}  ({test.anchorage_arrival.min():%Y-%m-%d} onwards)")
print(f"MAE model    {mean_absolute_error(test['wait_h'], pred):7.2f} h")
print(f"MAE baseline {mean_absolute_error(test['wait_h'], median_baseline):7.2f} h")
print(pd.Series(model.feature_importances_, index=X_tr.columns).sort_values(ascending=False).head(8))
