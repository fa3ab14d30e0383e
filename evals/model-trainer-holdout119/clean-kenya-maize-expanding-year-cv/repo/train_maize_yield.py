"""County maize yield (t/ha) for Kenya long-rains season from CHIRPS rainfall and eVIIRS NDVI.

Hyperparameters are tuned with expanding-window folds over the training seasons (fit on years < Y,
validate on Y). The last three seasons are kept as the test period and scored once.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 31
TEST_YEARS = [2020, 2021, 2022]

FEATURES = [
    "rain_mar_may_mm", "rain_dekads_below_10mm", "rain_onset_dekad", "ndvi_apr", "ndvi_may",
    "ndvi_jun", "ndvi_max", "lst_day_may_c", "area_planted_ha_log", "fert_use_share",
]


def expanding_year_folds(years, min_train_years=6):
    """Yield (train_idx, val_idx) where validation is a single later season."""
    years = np.asarray(years)
    uniq = np.sort(np.unique(years))
    for y in uniq[min_train_years:]:
        yield np.where(years < y)[0], np.where(years == y)[0]


df = pd.read_csv("data/kenya_county_maize_2005_2022.csv")
df = df[df["yield_t_ha"].notna() & (df["area_planted_ha"] > 500)]
df["area_planted_ha_log"] = np.log(df["area_planted_ha"])
df = df.sort_values(["year", "county"]).reset_index(drop=True)

train = df[~df["year"].isin(TEST_YEARS)].reset_index(drop=True)
test = df[df["year"].isin(TEST_YEARS)].reset_index(drop=True)
assert train["year"].max() < test["year"].min()

pipe = Pipeline([
    ("impute", SimpleImputer(strategy="median")),
    ("scale", StandardScaler()),
    ("gbr", GradientBoostingRegressor(loss="huber", random_state=SEED)),
])
grid = {
    "gbr__n_estimators": [200, 400, 800],
    "gbr__learning_rate": [0.02, 0.05],
    "gbr__max_depth": [2, 3, 4],
    "gbr__subsample": [0.7, 1.0],
}
folds = list(expanding_year_folds(train["year"]))
search = GridSearchCV(pipe, grid, cv=folds, scoring="neg_mean_absolute_error", n_jobs=-1)
search.fit(train[FEATURES], train["yield_t_ha"])
print("best params:", search.best_params_)
print(f"expanding-window CV MAE: {-search.best_score_:.3f} t/ha over {len(folds)} seasons")

# refit=True already retrained the best pipeline on all training seasons
model = search.best_estimator_
pred = model.predict(test[FEATURES])
clim = train.groupby("county")["yield_t_ha"].mean()
baseline = test["county"].map(clim).fillna(train["yield_t_ha"].mean())

print(f"test MAE  {mean_absolute_error(test['yield_t_ha'], pred):.3f} t/ha "
      f"(county-mean baseline {mean_absolute_error(test['yield_t_ha'], baseline):.3f})")
print(f"test R2   {r2_score(test['yield_t_ha'], pred):.3f}")
for yr, g in test.assign(pred=pred).groupby("year"):
    print(yr, f"MAE {mean_absolute_error(g['yield_t_ha'], g['pred']):.3f}")
