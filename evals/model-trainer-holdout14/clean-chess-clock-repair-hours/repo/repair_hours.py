"""Estimate bench hours for a chess-clock repair ticket (mechanical + digital clocks)."""
import logging

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("repairs")
SEED = 1972

tickets = pd.read_csv("workshop/repair_tickets.csv")
tickets["mechanical"] = tickets["movement"].eq("mechanical").astype(int)
tickets["age_years"] = 2024 - tickets["year_made"]

# --- quick look for the workshop owner: which brands eat the most bench time? (report only)
brand_table = (
    tickets.groupby("brand")["bench_hours"].agg(["mean", "median", "count"])
    .sort_values("mean", ascending=False)
)
log.info("bench hours by brand\n%s", brand_table.head(15).to_string())

NUM = ["age_years", "n_faults_reported", "customer_drop_off_days", "flag_count", "mechanical"]
CAT = ["brand", "fault_primary", "case_material"]
X = tickets[NUM + CAT]
y = tickets["bench_hours"]
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

prep = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
    ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                      ("oh", OneHotEncoder(handle_unknown="ignore", min_frequency=10))]), CAT),
])
pipe = Pipeline([("prep", prep), ("hgb", HistGradientBoostingRegressor(loss="absolute_error", random_state=SEED))])
grid = {
    "hgb__learning_rate": [0.03, 0.1],
    "hgb__max_leaf_nodes": [15, 31, 63],
    "hgb__l2_regularization": [0.0, 1.0],
}
search = GridSearchCV(pipe, grid, cv=KFold(5, shuffle=True, random_state=SEED), scoring="neg_mean_absolute_error", n_jobs=-1)
search.fit(X_dev, y_dev)
log.info("best params %s  cv MAE %.3f", search.best_params_, -search.best_score_)

baseline = DummyRegressor(strategy="median").fit(X_dev, y_dev)
for name, est in [("median baseline", baseline), ("tuned HGB", search.best_estimator_)]:
    pred = est.predict(X_test)
    log.info("%-16s test MAE %.3f h  RMSE %.3f h", name, mean_absolute_error(y_test, pred),
             np.sqrt(mean_squared_error(y_test, pred)))
