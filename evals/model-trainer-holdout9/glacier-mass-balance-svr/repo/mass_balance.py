"""Regress mean annual specific mass balance (m w.e./yr) of inventory glaciers
from topography and ERA5-Land climate normals. One row per glacier."""
import logging

import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neighbors import KNeighborsRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

logging.basicConfig(level=logging.INFO)
log = logging.getLogger(__name__)

FEATURES = ["area_km2", "slope_deg", "zmed_m", "zmax_m", "zmin_m", "aspect_sin", "aspect_cos",
            "debris_frac", "jja_temp_c", "djf_precip_mm", "annual_precip_mm", "lat", "lon"]
TARGET = "mb_mwe_yr"

glaciers = pd.read_csv("data/glacier_inventory_mb.csv")
glaciers["aspect_sin"] = np.sin(np.deg2rad(glaciers["aspect_deg"]))
glaciers["aspect_cos"] = np.cos(np.deg2rad(glaciers["aspect_deg"]))
glaciers = glaciers.dropna(subset=FEATURES + [TARGET])
log.info("%d glaciers with geodetic mass balance", len(glaciers))

train_df, test_df = train_test_split(glaciers, test_size=0.2)


def scale(frame):
    return StandardScaler().fit_transform(frame[FEATURES])


X_train = scale(train_df)
X_test = scale(test_df)
y_train, y_test = train_df[TARGET].to_numpy(), test_df[TARGET].to_numpy()

search = GridSearchCV(
    SVR(),
    {"C": [0.3, 1, 3, 10], "epsilon": [0.02, 0.05, 0.1], "gamma": ["scale", 0.05]},
    cv=5,
    scoring="neg_mean_absolute_error",
)
search.fit(X_train, y_train)
log.info("best SVR params %s", search.best_params_)

models = {
    "mean": DummyRegressor().fit(X_train, y_train),
    "knn": KNeighborsRegressor(n_neighbors=15, weights="distance").fit(X_train, y_train),
    "svr": search.best_estimator_,
}
for name, m in models.items():
    pred = m.predict(X_test)
    print(f"{name:5s} MAE {mean_absolute_error(y_test, pred):.3f}  "
          f"RMSE {mean_squared_error(y_test, pred) ** 0.5:.3f}  R2 {r2_score(y_test, pred):.3f}")
