# demand_model.py -- daily units per (store, sku), next-day forecast
# inputs: exports/sales_daily.csv, exports/calendar.csv, exports/prices.parquet
# TODO(ana): move feature code into src/ once the promo features are final

import numpy as np
import pandas as pd
import lightgbm as lgb
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, mean_squared_error

SEED = 123
np.random.seed(SEED)

LAGS = [1, 2, 7, 14, 28]
WINDOWS = [7, 28]

# ------------------------------------------------------------------ load
sales = pd.read_csv("exports/sales_daily.csv", parse_dates=["date"])
cal = pd.read_csv("exports/calendar.csv", parse_dates=["date"])
prices = pd.read_parquet("exports/prices.parquet")

df = (sales.merge(cal, on="date", how="left")
           .merge(prices, on=["store_id", "sku", "week"], how="left"))
df = df.sort_values(["store_id", "sku", "date"]).reset_index(drop=True)
print(df.shape, df["date"].min(), df["date"].max())

# ------------------------------------------------------------------ quick EDA
# tot = df.groupby("date")["units"].sum()
# tot.rolling(28).mean().plot()
print(df.groupby("dow")["units"].mean())
print(df["units"].describe())

# ------------------------------------------------------------------ features
g = df.groupby(["store_id", "sku"])["units"]
for l in LAGS:
    df[f"lag_{l}"] = g.shift(l)
for w in WINDOWS:
    df[f"rmean_{w}"] = g.transform(lambda s: s.shift(1).rolling(w, min_periods=1).mean())
    df[f"rstd_{w}"] = g.transform(lambda s: s.shift(1).rolling(w, min_periods=2).std())
df["price_ratio"] = df["price"] / df.groupby(["store_id", "sku"])["price"].transform(lambda s: s.shift(1).rolling(28, min_periods=1).mean())
df["dow"] = df["date"].dt.dayofweek
df["month"] = df["date"].dt.month
df["is_promo"] = df["is_promo"].fillna(0).astype(int)

df = df.dropna(subset=[f"lag_{l}" for l in LAGS]).reset_index(drop=True)

FEATS = [f"lag_{l}" for l in LAGS] + [f"rmean_{w}" for w in WINDOWS] + [f"rstd_{w}" for w in WINDOWS] + \
        ["price", "price_ratio", "is_promo", "is_holiday", "dow", "month", "store_id", "sku_cat"]
X = df[FEATS]
y = df["units"]

# ------------------------------------------------------------------ split
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
X_train, X_valid, y_train, y_valid = train_test_split(X_train, y_train, test_size=0.15, random_state=SEED)

# ------------------------------------------------------------------ baselines
# seasonal naive: same weekday last week
naive = X_test["lag_7"]
print("naive-7   MAE %.3f  RMSE %.3f" % (mean_absolute_error(y_test, naive), mean_squared_error(y_test, naive) ** 0.5))

# statsmodels poisson GLM on a few features (what finance uses)
tr = X_train.assign(units=y_train)
glm = smf.poisson("units ~ np.log1p(lag_7) + np.log1p(rmean_28) + is_promo + C(dow)", data=tr).fit(disp=0)
p_glm = glm.predict(X_test)
print("poissonGLM MAE %.3f  RMSE %.3f" % (mean_absolute_error(y_test, p_glm), mean_squared_error(y_test, p_glm) ** 0.5))

# ------------------------------------------------------------------ lightgbm
model = lgb.LGBMRegressor(objective="tweedie", tweedie_variance_power=1.2, n_estimators=5000,
                          learning_rate=0.03, num_leaves=127, min_child_samples=50,
                          subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                          random_state=SEED, verbose=-1)
model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)],
          callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
          categorical_feature=["store_id", "sku_cat"])
pred = model.predict(X_test)
print("lgbm      MAE %.3f  RMSE %.3f" % (mean_absolute_error(y_test, pred), mean_squared_error(y_test, pred) ** 0.5))

# model = lgb.LGBMRegressor(objective="poisson") ... worse, see slack 14/03
model.booster_.save_model("models/demand_lgbm.txt")
