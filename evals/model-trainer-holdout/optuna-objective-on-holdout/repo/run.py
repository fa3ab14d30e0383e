import json

import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error

from fare.data import load_trips, split_holdout, xy
from fare.search import run_search

SEED = 31

trips = load_trips("data/trips_2023.parquet")
fit_frame, eval_frame = split_holdout(trips, fraction=0.2, seed=SEED)

study = run_search(fit_frame, eval_frame, seed=SEED, n_trials=80)
print("best params:", study.best_params)

final = lgb.LGBMRegressor(objective="l1", random_state=SEED, verbose=-1, subsample_freq=1, **study.best_params)
final.fit(*xy(fit_frame))

eval_x, eval_y = xy(eval_frame)
pred = final.predict(eval_x)
per_km = fit_frame["fare_amount"].sum() / fit_frame["trip_km"].sum()
baseline = eval_frame["trip_km"] * per_km
metrics = {
    "holdout_mae": mean_absolute_error(eval_y, pred),
    "holdout_rmse": float(np.sqrt(mean_squared_error(eval_y, pred))),
    "baseline_per_km_mae": mean_absolute_error(eval_y, baseline),
    "best_params": study.best_params,
}
print(json.dumps(metrics, indent=2))
with open("reports/fare_metrics.json", "w") as fh:
    json.dump(metrics, fh, indent=2)
