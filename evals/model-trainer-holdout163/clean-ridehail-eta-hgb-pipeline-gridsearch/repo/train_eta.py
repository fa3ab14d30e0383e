"""Trip-duration (ETA) model for NYC high-volume FHV trips, Jan-Apr 2023.

Train on Jan-Mar with time-ordered CV for tuning, report April once.
"""
import glob
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 31

zones = pd.read_csv("data/taxi_zone_centroids.csv")  # LocationID, borough, lat, lon
parts = []
for path in sorted(glob.glob("data/fhvhv_tripdata_2023-0[1-4].parquet")):
    month = pd.read_parquet(path, columns=["request_datetime", "PULocationID", "DOLocationID",
                                           "trip_time", "shared_request_flag", "wav_request_flag"])
    parts.append(month.sample(frac=0.02, random_state=SEED))
df = pd.concat(parts, ignore_index=True)

# cleaning + zone geometry features
df = df[(df["shared_request_flag"] == "N") & df["trip_time"].between(60, 3 * 3600)]
df = df.merge(zones.add_prefix("pu_"), left_on="PULocationID", right_on="pu_LocationID")
df = df.merge(zones.add_prefix("do_"), left_on="DOLocationID", right_on="do_LocationID")
lat1, lon1, lat2, lon2 = (np.radians(df[c]) for c in ["pu_lat", "pu_lon", "do_lat", "do_lon"])
a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
df["centroid_km"] = 12742 * np.arcsin(np.sqrt(a))
df["log_km"] = np.log1p(df["centroid_km"])
df["hour"] = df["request_datetime"].dt.hour
df["dow"] = df["request_datetime"].dt.dayofweek
df["wav"] = (df["wav_request_flag"] == "Y").astype(int)
df["y"] = np.log1p(df["trip_time"])
df = df.sort_values("request_datetime").reset_index(drop=True)

cat_cols = ["pu_borough", "do_borough"]
num_cols = ["centroid_km", "log_km", "hour", "dow", "wav", "pu_lat", "pu_lon", "do_lat", "do_lon"]

train = df[df["request_datetime"] < "2023-04-01"]
test = df[df["request_datetime"] >= "2023-04-01"]

pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat_cols),
        ("num", StandardScaler(), num_cols),
    ])),
    ("hgb", HistGradientBoostingRegressor(max_iter=600, early_stopping=False, random_state=SEED)),
])
grid = {
    "hgb__learning_rate": [0.05, 0.1],
    "hgb__max_leaf_nodes": [31, 127],
    "hgb__l2_regularization": [0.0, 1.0],
}
search = GridSearchCV(pipe, grid, cv=TimeSeriesSplit(n_splits=4),
                      scoring="neg_mean_absolute_error", n_jobs=-1, refit=True)
search.fit(train[cat_cols + num_cols], train["y"])
print("best", search.best_params_, "cv MAE (log s)", round(-search.best_score_, 4))

pred_s = np.expm1(search.predict(test[cat_cols + num_cols]))
report = {
    "params": search.best_params_,
    "april_mae_min": mean_absolute_error(test["trip_time"], pred_s) / 60,
    "april_rmse_min": mean_squared_error(test["trip_time"], pred_s, squared=False) / 60,
    "april_mape": float(np.mean(np.abs(pred_s - test["trip_time"]) / test["trip_time"])),
    "n_train": int(len(train)),
    "n_test": int(len(test)),
}
print(json.dumps(report, indent=2))
