import json

import joblib
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from utils.data import load, split_data

with open("config.json") as f:
    cfg = json.load(f)

df = load(cfg)
X_train, X_test, y_train, y_test = split_data(df, cfg)

prep = ColumnTransformer([
    ("num", SimpleImputer(strategy="median", add_indicator=True), cfg["numeric"]),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cfg["categorical"]),
])
model = Pipeline([
    ("prep", prep),
    ("rf", RandomForestRegressor(**cfg["rf"], random_state=cfg["seed"])),
])
model.fit(X_train, y_train)

pred = model.predict(X_test)
print(f"test RMSE(log price): {mean_squared_error(y_test, pred, squared=False):.4f}")
print(f"test MAE (AUD):       {mean_absolute_error(np.exp(y_test), np.exp(pred)):,.0f}")
print(f"median abs % error:   {np.median(np.abs(np.exp(pred) / np.exp(y_test) - 1)) * 100:.1f}%")

joblib.dump(model, cfg["model_path"])
