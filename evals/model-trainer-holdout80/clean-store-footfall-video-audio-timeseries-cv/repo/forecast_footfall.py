"""15-minute-ahead footfall forecast for one flagship store from camera, microphone and door-sensor streams.

Every 5 minutes the edge box writes: people detected by the entrance camera (YOLO counts),
mean queue length at the tills (camera), ambient sound level and speech activity (microphone),
door-sensor opens, plus the target: till transactions in the *next* 15 minutes.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import ParameterGrid, TimeSeriesSplit, train_test_split

SEED = 99

raw = pd.read_parquet("data/store_017_edge_5min.parquet")
raw = raw.sort_values("ts").set_index("ts")
assert raw.index.is_monotonic_increasing

sensor_cols = ["cam_entrance_people", "cam_queue_len", "mic_db", "mic_speech_ratio", "door_opens"]
df = raw[sensor_cols + ["tx_next_15m"]].copy()
for col in ["cam_entrance_people", "door_opens", "mic_db"]:
    for lag in (1, 2, 3, 6, 12):
        df[f"{col}_lag{lag}"] = df[col].shift(lag)
    df[f"{col}_mean_1h"] = df[col].shift(1).rolling(12).mean()
df["tx_lag_1d"] = df["tx_next_15m"].shift(288)
df["tx_lag_1w"] = df["tx_next_15m"].shift(288 * 7)
df["hour"] = df.index.hour
df["dow"] = df.index.dayofweek
df["minute_of_day"] = df.index.hour * 60 + df.index.minute
df = df.dropna()

features = [c for c in df.columns if c != "tx_next_15m"]
X, y = df[features], df["tx_next_15m"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
X_train, y_train = X_train.iloc[:-3], y_train.iloc[:-3]  # last targets overlap the first test window
print(f"train {X_train.index.min()} -> {X_train.index.max()}, test {X_test.index.min()} -> {X_test.index.max()}")

grid = ParameterGrid({"max_depth": [3, 5, 7], "learning_rate": [0.03, 0.1], "min_child_weight": [1, 5]})
tscv = TimeSeriesSplit(n_splits=5, gap=3)
results = []
for params in grid:
    fold_mae = []
    for tr, va in tscv.split(X_train):
        model = xgb.XGBRegressor(n_estimators=500, subsample=0.8, colsample_bytree=0.8, objective="reg:squarederror",
                                 random_state=SEED, **params)
        model.fit(X_train.iloc[tr], y_train.iloc[tr])
        fold_mae.append(mean_absolute_error(y_train.iloc[va], model.predict(X_train.iloc[va])))
    results.append({**params, "cv_mae": float(np.mean(fold_mae))})
best = min(results, key=lambda r: r["cv_mae"])
best_params = {k: v for k, v in best.items() if k != "cv_mae"}
print("best params:", best, "from", len(results), "configs")

final = xgb.XGBRegressor(n_estimators=500, subsample=0.8, colsample_bytree=0.8, objective="reg:squarederror",
                         random_state=SEED, **best_params)
final.fit(X_train, y_train)
pred = final.predict(X_test)

seasonal_naive = X_test["tx_lag_1w"]
report = {
    "seasonal_naive_1w": {"mae": mean_absolute_error(y_test, seasonal_naive),
                          "rmse": mean_squared_error(y_test, seasonal_naive, squared=False)},
    "xgboost": {"mae": mean_absolute_error(y_test, pred), "rmse": mean_squared_error(y_test, pred, squared=False)},
    "best_params": best_params,
}
print(json.dumps(report, indent=2))
final.save_model("artifacts/footfall_xgb.json")
with open("artifacts/footfall_report.json", "w") as f:
    json.dump(report, f, indent=2)
