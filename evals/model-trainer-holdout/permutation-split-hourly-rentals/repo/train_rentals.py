import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error

from features import calendar, history

SEED = 99
np.random.seed(SEED)

hourly = (
    pd.read_csv("data/station_hourly.csv", parse_dates=["timestamp"])
    .sort_values("timestamp")
    .pipe(calendar)
    .pipe(history)
    .dropna()
    .reset_index(drop=True)
)
predictors = ["hour", "dow", "month", "temp_c", "precip_mm", "lag_1h", "lag_24h", "lag_168h", "mean_prev_24h"]

shuffled = np.random.permutation(hourly.index)
cut = int(0.8 * len(shuffled))
fit_idx, test_idx = shuffled[:cut], shuffled[cut:]
fit_rows, test_rows = hourly.loc[fit_idx], hourly.loc[test_idx]

reg = HistGradientBoostingRegressor(
    loss="poisson",
    learning_rate=0.05,
    max_iter=1000,
    early_stopping=True,
    validation_fraction=0.1,
    random_state=SEED,
)
reg.fit(fit_rows[predictors], fit_rows["rentals"])

pred = reg.predict(test_rows[predictors])
seasonal_naive = test_rows["lag_168h"]
result = {
    "mae": mean_absolute_error(test_rows["rentals"], pred),
    "rmse": float(np.sqrt(mean_squared_error(test_rows["rentals"], pred))),
    "seasonal_naive_mae": mean_absolute_error(test_rows["rentals"], seasonal_naive),
}
print(json.dumps(result, indent=2))
