"""Farmer-field rice yield model, 2022 wet-season household survey (one season, ~3,000 fields).

Used to rank management factors behind the yield gap; unit conversions and log transforms are
done row-wise up front, everything learned from data sits inside the pipeline.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

SEED = 4

raw = pd.read_csv("data/rice_survey_ws2022.csv")

# --- row-wise cleaning / feature construction (no statistics) ---
df = raw.drop(columns=["hh_name", "phone", "enumerator", "gps_accuracy_m"])
df["plot_ha"] = df["plot_area_m2"] / 10_000
df["yield_t_ha"] = df["harvest_kg"] / 1000 / df["plot_ha"]
df = df[(df["plot_ha"] > 0.02) & (df["yield_t_ha"].between(0.3, 12))]
df["n_kg_ha"] = (df["urea_kg"] * 0.46 + df["dap_kg"] * 0.18) / df["plot_ha"]
df["p_kg_ha"] = (df["dap_kg"] * 0.20) / df["plot_ha"]
df["k_kg_ha"] = (df["mop_kg"] * 0.50) / df["plot_ha"]
df["log_n"] = np.log1p(df["n_kg_ha"])
df["log_labour_days_ha"] = np.log1p(df["labour_days"] / df["plot_ha"])
df["log_yield"] = np.log(df["yield_t_ha"])
df["late_transplant"] = (df["seedling_age_days"] > 30).astype(int)

NUM = ["log_n", "p_kg_ha", "k_kg_ha", "seedling_age_days", "late_transplant", "weedings",
       "log_labour_days_ha", "sowing_week", "hills_per_m2", "elevation_m"]
CAT = ["variety_group", "water_regime", "establishment", "district"]

pre = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), NUM),
    ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                      ("ohe", OneHotEncoder(handle_unknown="ignore", min_frequency=20))]), CAT),
])
model = Pipeline([
    ("pre", pre),
    ("rf", RandomForestRegressor(n_estimators=500, min_samples_leaf=5, max_features=0.33,
                                 n_jobs=-1, random_state=SEED)),
])

# neighbouring fields in a village share weather and practices -> hold out whole villages
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr, te = next(gss.split(df, groups=df["village_id"]))
train, test = df.iloc[tr], df.iloc[te]

model.fit(train[NUM + CAT], train["log_yield"])
pred_t_ha = np.exp(model.predict(test[NUM + CAT]))

print(f"test MAE {mean_absolute_error(test['yield_t_ha'], pred_t_ha):.3f} t/ha")
print(f"test R2  {r2_score(test['yield_t_ha'], pred_t_ha):.3f}")
print(f"median-yield baseline MAE {mean_absolute_error(test['yield_t_ha'], np.full(len(test), train['yield_t_ha'].median())):.3f}")

pi = permutation_importance(model, test[NUM + CAT], test["log_yield"], n_repeats=15, random_state=SEED)
print(pd.Series(pi.importances_mean, index=NUM + CAT).sort_values(ascending=False).round(4).to_string())
