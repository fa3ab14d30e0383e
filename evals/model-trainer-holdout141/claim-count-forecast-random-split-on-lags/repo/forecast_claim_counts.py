"""Monthly reported-claim count forecast per region (used for claims-handler staffing).

Builds lag / rolling features on the monthly series and fits a gradient boosting model
that predicts next month's reported claim count.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

SEED = 3

claims = pd.read_csv("data/claims_fnol.csv", usecols=["claim_id", "region", "report_date", "line"],
                     parse_dates=["report_date"])
exposure = pd.read_csv("data/monthly_policies_in_force.csv", parse_dates=["month"])

monthly = (
    claims.assign(month=claims["report_date"].dt.to_period("M").dt.to_timestamp())
    .groupby(["region", "month"]).size().rename("n_claims").reset_index()
)
monthly = monthly.merge(exposure, on=["region", "month"], how="left")
monthly = monthly.sort_values(["region", "month"]).reset_index(drop=True)

g = monthly.groupby("region")["n_claims"]
for lag in (1, 2, 3, 6, 12):
    monthly[f"lag_{lag}"] = g.shift(lag)
monthly["roll_mean_3"] = g.transform(lambda s: s.shift(1).rolling(3).mean())
monthly["roll_mean_12"] = g.transform(lambda s: s.shift(1).rolling(12).mean())
monthly["month_of_year"] = monthly["month"].dt.month
monthly["policies_in_force_k"] = monthly["policies_in_force"] / 1000
monthly["region_code"] = monthly["region"].astype("category").cat.codes
monthly = monthly.dropna(subset=["lag_12", "roll_mean_12"]).reset_index(drop=True)

features = ["lag_1", "lag_2", "lag_3", "lag_6", "lag_12", "roll_mean_3", "roll_mean_12",
            "month_of_year", "policies_in_force_k", "region_code"]
X = monthly[features]
y = monthly["n_claims"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

model = HistGradientBoostingRegressor(
    loss="poisson",
    learning_rate=0.05,
    max_iter=400,
    max_leaf_nodes=15,
    categorical_features=[features.index("region_code")],
    random_state=SEED,
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
print("MAE :", round(mean_absolute_error(y_test, pred), 2))
print("MAPE:", round(mean_absolute_percentage_error(y_test, pred), 4))

naive = X_test["lag_1"]
print("naive (last month) MAE:", round(mean_absolute_error(y_test, naive), 2))
