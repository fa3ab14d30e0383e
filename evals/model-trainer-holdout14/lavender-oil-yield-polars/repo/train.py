import logging

import numpy as np
import polars as pl
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

from lavender.prep import NUMERIC, load, one_hot, standardise

logging.basicConfig(level=logging.INFO)
SEED = 5

frame = one_hot(standardise(load("data/distillery_batches.csv")))
feat = NUMERIC + [c for c in frame.columns if c.startswith("cultivar_")]
X = frame.select(feat).to_numpy()
y = frame.get_column("oil_ml").to_numpy()

X_fit, X_hold, y_fit, y_hold = train_test_split(X, y, test_size=0.2, random_state=SEED)

candidates = {
    "mean": DummyRegressor(),
    "ridge": RidgeCV(alphas=np.logspace(-3, 3, 13)),
    "forest": RandomForestRegressor(n_estimators=600, min_samples_leaf=4, random_state=SEED, n_jobs=-1),
}
for name, est in candidates.items():
    est.fit(X_fit, y_fit)
    p = est.predict(X_hold)
    logging.info("%-6s MAE %.2f ml  R2 %.3f", name, mean_absolute_error(y_hold, p), r2_score(y_hold, p))
