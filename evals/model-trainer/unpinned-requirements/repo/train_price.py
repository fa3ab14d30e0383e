import json

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

SEED = 12
NUMERIC = ["mileage_km", "age_years", "engine_cc", "power_kw", "owners"]
CATEGORICAL = ["make", "fuel", "gearbox", "body"]

cars = pd.read_csv("data/used_cars.csv")
X = cars[NUMERIC + CATEGORICAL]
y = np.log(cars["price_eur"])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

pre = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10, sparse_output=False), CATEGORICAL),
])
pipe = Pipeline([("pre", pre), ("gbm", HistGradientBoostingRegressor(random_state=SEED))])
grid = {"gbm__learning_rate": [0.03, 0.1], "gbm__max_leaf_nodes": [15, 31, 63], "gbm__l2_regularization": [0.0, 1.0]}
search = GridSearchCV(pipe, grid, cv=KFold(5, shuffle=True, random_state=SEED), scoring="neg_mean_absolute_error")
search.fit(X_train, y_train)

baseline = DummyRegressor(strategy="median").fit(X_train, y_train)
pred = search.predict(X_test)
report = {
    "best_params": search.best_params_,
    "test_mae_eur": float(mean_absolute_error(np.exp(y_test), np.exp(pred))),
    "test_r2_log": float(r2_score(y_test, pred)),
    "baseline_mae_eur": float(mean_absolute_error(np.exp(y_test), np.exp(baseline.predict(X_test)))),
}
print(json.dumps(report, indent=2))
joblib.dump(search.best_estimator_, "models/price_gbm.joblib")
