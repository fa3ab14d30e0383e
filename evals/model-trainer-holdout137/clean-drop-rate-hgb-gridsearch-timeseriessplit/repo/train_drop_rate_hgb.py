"""Hourly voice drop-rate regression for the rural 3G/4G cluster.

Hyperparameters are tuned with expanding-window CV on the training months; May is the test month.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

NUM = ["drop_lag1", "drop_lag24", "drop_roll24", "prb_util_dl", "rrc_conn_users",
       "avg_rscp_dbm", "avg_ecno_db", "avg_sinr_db", "irat_ho_attempts", "ho_success_rate", "hour", "dow"]
CAT = ["rat", "vendor", "band"]

df = pd.read_csv("data/rural_cluster_hourly.csv", parse_dates=["timestamp"])
df = df.sort_values(["cell_id", "timestamp"])
df["drop_rate"] = df["dropped_calls"] / df["call_attempts"].clip(lower=1)
g = df.groupby("cell_id")["drop_rate"]
df["target"] = g.shift(-1)
df["drop_lag1"] = df["drop_rate"]
df["drop_lag24"] = g.shift(23)
df["drop_roll24"] = g.transform(lambda s: s.rolling(24, min_periods=12).mean())
df["hour"] = df["timestamp"].dt.hour
df["dow"] = df["timestamp"].dt.dayofweek
df = df.dropna(subset=NUM + ["target"]).sort_values("timestamp").reset_index(drop=True)

train = df[df["timestamp"] < "2024-05-01"]
test = df[df["timestamp"] >= "2024-05-01"]
X_train, y_train = train[NUM + CAT], train["target"]
X_test, y_test = test[NUM + CAT], test["target"]

pre = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CAT)],
    remainder="passthrough",
)
pipe = Pipeline([
    ("pre", pre),
    ("hgb", HistGradientBoostingRegressor(
        loss="absolute_error",
        categorical_features=[0, 1, 2],
        early_stopping=False,
        random_state=5,
    )),
])
grid = {
    "hgb__learning_rate": [0.03, 0.1],
    "hgb__max_leaf_nodes": [31, 63],
    "hgb__max_iter": [300, 600],
    "hgb__l2_regularization": [0.0, 1.0],
}
search = GridSearchCV(
    pipe, grid,
    cv=TimeSeriesSplit(n_splits=5),
    scoring="neg_mean_absolute_error",
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"CV MAE: {-search.best_score_:.5f}")

pred = np.clip(search.predict(X_test), 0, 1)
print(f"test MAE: {mean_absolute_error(y_test, pred):.5f}")
print(f"naive (last hour) MAE: {mean_absolute_error(y_test, X_test['drop_lag1']):.5f}")
joblib.dump(search.best_estimator_, "drop_rate_hgb.joblib")
