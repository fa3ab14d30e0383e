import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit

SEED = 0
HOLDOUT_WEEKS = 12

sales = pd.read_csv("data/weekly_sales.csv", parse_dates=["week"])
sales = sales.sort_values(["week", "store_id"]).reset_index(drop=True)
grouped = sales.groupby("store_id")["units"]
for lag in (1, 2, 4, 52):
    sales[f"lag_{lag}"] = grouped.shift(lag)
sales["rolling_4"] = grouped.transform(lambda s: s.shift(1).rolling(4).mean())
sales["weekofyear"] = sales["week"].dt.isocalendar().week.astype(int)
sales = sales.dropna()

features = ["store_id", "lag_1", "lag_2", "lag_4", "lag_52", "rolling_4", "weekofyear", "promo"]
cutoff = sales["week"].max() - pd.Timedelta(weeks=HOLDOUT_WEEKS)
train = sales[sales["week"] <= cutoff]
test = sales[sales["week"] > cutoff]

search = GridSearchCV(
    HistGradientBoostingRegressor(categorical_features=[0], random_state=SEED),
    {"learning_rate": [0.03, 0.1], "max_leaf_nodes": [15, 31], "l2_regularization": [0.0, 1.0]},
    cv=TimeSeriesSplit(n_splits=5),
    scoring="neg_mean_absolute_error",
)
search.fit(train[features], train["units"])
print("best params", search.best_params_)

pred = search.predict(test[features])
print("holdout MAE", mean_absolute_error(test["units"], pred))
print("holdout RMSE", np.sqrt(mean_squared_error(test["units"], pred)))
print("seasonal naive (lag 52) MAE", mean_absolute_error(test["units"], test["lag_52"]))
print("last-week naive MAE", mean_absolute_error(test["units"], test["lag_1"]))
