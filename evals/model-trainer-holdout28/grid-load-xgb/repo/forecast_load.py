# Hourly electricity demand forecasting with XGBoost
# (PJM-style data: columns Datetime, MW). Based on the usual "feature engineering for
# time series" tutorial, extended with lags and rolling windows.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

RANDOM_STATE = 7
DATA = "data/PJME_hourly.csv"

load = (pd.read_csv(DATA, parse_dates=["Datetime"])
          .sort_values("Datetime")
          .drop_duplicates("Datetime")
          .set_index("Datetime")
          .asfreq("h"))
load["MW"] = load["MW"].interpolate(limit=3)

# calendar features
load["hour"] = load.index.hour
load["dow"] = load.index.dayofweek
load["month"] = load.index.month
load["doy"] = load.index.dayofyear
load["is_weekend"] = (load["dow"] >= 5).astype(int)

# lag / rolling features (only past values)
for lag in (24, 48, 168):
    load[f"lag_{lag}"] = load["MW"].shift(lag)
load["roll_mean_24"] = load["MW"].shift(24).rolling(24).mean()
load["roll_std_168"] = load["MW"].shift(24).rolling(168).std()
load = load.dropna()

FEATURES = [c for c in load.columns if c != "MW"]
X, y = load[FEATURES], load["MW"]

X_train, X_hold, y_train, y_hold = train_test_split(X, y, test_size=0.3, random_state=RANDOM_STATE)
X_val, X_test, y_val, y_test = train_test_split(X_hold, y_hold, test_size=0.5, random_state=RANDOM_STATE)

reg = xgb.XGBRegressor(
    n_estimators=2000,
    learning_rate=0.02,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.8,
    early_stopping_rounds=100,
    random_state=RANDOM_STATE,
)
reg.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=200)

pred = reg.predict(X_test)
naive = X_test["lag_24"]  # same hour yesterday
print(f"naive   MAE {mean_absolute_error(y_test, naive):8.1f}  MAPE {mean_absolute_percentage_error(y_test, naive):.3%}")
print(f"xgboost MAE {mean_absolute_error(y_test, pred):8.1f}  MAPE {mean_absolute_percentage_error(y_test, pred):.3%}")

imp = pd.Series(reg.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.head(10))
