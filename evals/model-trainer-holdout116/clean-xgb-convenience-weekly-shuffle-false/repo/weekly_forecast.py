import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

DATA = sys.argv[1] if len(sys.argv) > 1 else "data/convenience_store_weekly.csv"

df = pd.read_csv(DATA, parse_dates=["week"])
df = df.sort_values(["week", "store_id"]).reset_index(drop=True)

# quick look at seasonality across the chain
woy_profile = df.groupby(df["week"].dt.isocalendar().week)["sales"].mean()
ax = woy_profile.plot(figsize=(9, 3), title="avg weekly sales by week of year (all stores, all years)")
plt.savefig("reports/woy_profile.png", bbox_inches="tight")

df["woy"] = df["week"].dt.isocalendar().week.astype(int)
df["month"] = df["week"].dt.month
g = df.groupby("store_id")["sales"]
df["lag_1"] = g.shift(1)
df["lag_2"] = g.shift(2)
df["lag_52"] = g.shift(52)
df["rmean_4"] = g.transform(lambda s: s.shift(1).rolling(4).mean())
df["rmean_13"] = g.transform(lambda s: s.shift(1).rolling(13).mean())
df["fuel_price_chg"] = df.groupby("store_id")["fuel_price"].pct_change()
df = df.dropna(subset=["lag_52", "rmean_13", "fuel_price_chg"])

features = ["store_id", "woy", "month", "lag_1", "lag_2", "lag_52", "rmean_4", "rmean_13",
            "fuel_price", "fuel_price_chg", "local_event", "school_holiday", "n_competitors_1km"]
X, y = df[features], df["sales"]

# data is sorted by week -> no shuffling, last 20% of weeks is the test period
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.15, shuffle=False)

model = XGBRegressor(
    n_estimators=3000, learning_rate=0.03, max_depth=6, subsample=0.8, colsample_bytree=0.8,
    min_child_weight=5, early_stopping_rounds=100, eval_metric="mae", random_state=123,
)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=200)

pred = model.predict(X_test)
mape = mean_absolute_percentage_error(y_test, pred)
mape_lag52 = mean_absolute_percentage_error(y_test, X_test["lag_52"])
print(f"best_iteration={model.best_iteration}  test MAPE {mape:.3%}  (lag-52 naive {mape_lag52:.3%})")
print("test weeks:", df.loc[X_test.index, "week"].min().date(), "->", df.loc[X_test.index, "week"].max().date())
model.save_model("models/xgb_convenience_weekly.json")
