import json

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, TargetEncoder

from gtfs_features import HIGH_CARD, LOW_CARD, NUMERIC, add_features, load_arrivals

SEED = 1701

df = add_features(load_arrivals("data/trip_updates_matched_2024q1.parquet"))
df = df.sort_values("scheduled_arrival")

cut = df["scheduled_arrival"].quantile(0.8)
train = df[df["scheduled_arrival"] < cut]
test = df[df["scheduled_arrival"] >= cut]
print(f"train up to {cut:%Y-%m-%d %H:%M}: {len(train):,} rows | test: {len(test):,} rows")

features = HIGH_CARD + LOW_CARD + NUMERIC
pre = ColumnTransformer([
    ("te", TargetEncoder(target_type="continuous", smooth="auto", cv=5, shuffle=True, random_state=SEED), HIGH_CARD),
    ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False), LOW_CARD),
    ("num", "passthrough", NUMERIC),
])
model = Pipeline([
    ("pre", pre),
    ("hgb", HistGradientBoostingRegressor(loss="absolute_error", max_iter=500, learning_rate=0.06,
                                          max_leaf_nodes=127, min_samples_leaf=100,
                                          early_stopping=False, random_state=SEED)),
])
model.fit(train[features], train["arrival_delay_s"])

pred = model.predict(test[features])
naive = test["upstream_delay_s"]  # "delay propagates unchanged" baseline
report = {
    "test_mae_s": mean_absolute_error(test["arrival_delay_s"], pred),
    "naive_propagation_mae_s": mean_absolute_error(test["arrival_delay_s"], naive),
}
for k in (1, 5, 15):
    m = test["upstream_stops"] <= k
    report[f"test_mae_s_within_{k}_stops"] = mean_absolute_error(test.loc[m, "arrival_delay_s"], pred[m.to_numpy()])
print(json.dumps(report, indent=2))
