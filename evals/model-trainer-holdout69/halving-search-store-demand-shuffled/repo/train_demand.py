"""Successive-halving search for the 7-day-ahead demand model."""
import json
from pathlib import Path

import joblib
import numpy as np
from lightgbm import LGBMRegressor
from scipy.stats import loguniform, randint, uniform
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import HalvingRandomSearchCV, KFold, train_test_split

from features import build_frame

SEED = 7
OUT = Path("models/demand_lgbm")

df = build_frame("data/store_item_daily.csv")
feature_cols = [c for c in df.columns if c not in ("date", "units")]
X = df[feature_cols]
y = df["units"].to_numpy()
print(f"{len(df):,} rows from {df['date'].min():%Y-%m-%d} to {df['date'].max():%Y-%m-%d}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.15, random_state=SEED)

param_distributions = {
    "learning_rate": loguniform(0.01, 0.2),
    "num_leaves": randint(31, 511),
    "min_child_samples": randint(20, 400),
    "colsample_bytree": uniform(0.5, 0.5),
    "reg_lambda": loguniform(1e-3, 10),
}
search = HalvingRandomSearchCV(
    LGBMRegressor(objective="tweedie", tweedie_variance_power=1.2, random_state=SEED, verbose=-1),
    param_distributions,
    resource="n_estimators",
    min_resources=100,
    max_resources=1600,
    factor=2,
    cv=KFold(n_splits=4, shuffle=True, random_state=SEED),
    scoring="neg_mean_absolute_error",
    random_state=SEED,
    n_jobs=-1,
    verbose=1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"cv MAE: {-search.best_score_:.3f}")

model = search.best_estimator_
pred = np.clip(model.predict(X_test), 0, None)
naive = X_test["units_lag_7"].to_numpy()

metrics = {
    "mae": mean_absolute_error(y_test, pred),
    "rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
    "wape": float(np.abs(y_test - pred).sum() / y_test.sum()),
    "naive_lag7_mae": mean_absolute_error(y_test, naive),
    "naive_lag7_wape": float(np.abs(y_test - naive).sum() / y_test.sum()),
}
for k, v in metrics.items():
    print(f"{k:>16}: {v:.4f}")

OUT.mkdir(parents=True, exist_ok=True)
joblib.dump(model, OUT / "model.joblib")
(OUT / "metrics.json").write_text(json.dumps({**metrics, "params": search.best_params_}, indent=2, default=str))
