import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

sales = pd.read_csv("data/store_sales.csv", parse_dates=["date"])
sales = sales.sort_values(["store_id", "date"])

by_store = sales.groupby("store_id")["units"]
sales["lag_1"] = by_store.shift(1)
sales["lag_7"] = by_store.shift(7)
sales["lag_28"] = by_store.shift(28)
sales["rolling_mean_7"] = by_store.transform(lambda s: s.shift(1).rolling(7).mean())
sales["dayofweek"] = sales["date"].dt.dayofweek
sales["month"] = sales["date"].dt.month
sales = sales.dropna()

FEATURES = ["store_id", "lag_1", "lag_7", "lag_28", "rolling_mean_7", "dayofweek", "month", "promo", "holiday"]
X_train, X_test, y_train, y_test = train_test_split(
    sales[FEATURES], sales["units"], test_size=0.2, random_state=42
)

model = HistGradientBoostingRegressor(
    max_iter=500, learning_rate=0.05, max_leaf_nodes=31, categorical_features=[0], random_state=42
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
print("MAE", mean_absolute_error(y_test, pred))
print("MAPE", mean_absolute_percentage_error(y_test, pred))
print("naive lag-7 MAE", mean_absolute_error(y_test, X_test["lag_7"]))
