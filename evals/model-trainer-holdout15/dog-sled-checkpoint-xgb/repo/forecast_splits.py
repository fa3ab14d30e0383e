"""Forecast how long each team will take between consecutive checkpoints, so the
race office can staff checkpoints for the upcoming season.

One row per (race, musher, leg). Seasons 2009-2024.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

SEED = 13
np.random.seed(SEED)

legs = pd.read_csv("race_legs.csv", parse_dates=["leg_start"])
legs = legs.sort_values(["leg_start", "musher_id"]).reset_index(drop=True)

# ---- features --------------------------------------------------------------
legs["leg_km_per_dog"] = legs["leg_km"] / legs["dogs_on_line"]
legs["hour_of_day"] = legs["leg_start"].dt.hour
legs["prev_leg_hours"] = legs.groupby(["season", "musher_id"])["leg_hours"].shift(1)
legs["trail_temp_c"] = legs.groupby("season")["trail_temp_c"].ffill(limit=3)

FEATURES = ["leg_km", "leg_km_per_dog", "elevation_gain_m", "dogs_on_line", "rest_before_h",
            "trail_temp_c", "snow_depth_cm", "wind_kmh", "hour_of_day", "prev_leg_hours",
            "musher_years_experience", "is_rookie"]
TARGET = "leg_hours"

trainval, holdout = train_test_split(legs, test_size=0.2, random_state=SEED)
train, valid = train_test_split(trainval, test_size=0.15, random_state=SEED)

# ---- baseline: same leg's median time in the training rows -------------------
leg_median = train.groupby("leg_name")[TARGET].median()
base_pred = holdout["leg_name"].map(leg_median).fillna(train[TARGET].median())

model = xgb.XGBRegressor(
    n_estimators=4000, learning_rate=0.02, max_depth=6, subsample=0.8,
    colsample_bytree=0.8, min_child_weight=5, objective="reg:squarederror",
    early_stopping_rounds=200, random_state=SEED, tree_method="hist",
)
model.fit(train[FEATURES], train[TARGET], eval_set=[(valid[FEATURES], valid[TARGET])], verbose=500)

pred = model.predict(holdout[FEATURES])
report = {
    "xgb_mae_h": mean_absolute_error(holdout[TARGET], pred),
    "xgb_mape": mean_absolute_percentage_error(holdout[TARGET], pred),
    "leg_median_mae_h": mean_absolute_error(holdout[TARGET], base_pred),
    "leg_median_mape": mean_absolute_percentage_error(holdout[TARGET], base_pred),
    "best_iteration": int(model.best_iteration),
}
print(json.dumps(report, indent=2))
model.save_model("leg_hours_xgb.json")
