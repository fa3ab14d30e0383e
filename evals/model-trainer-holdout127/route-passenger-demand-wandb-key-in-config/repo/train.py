"""Monthly passenger demand per route, one global GBM over all routes."""
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

from features import add_lag_features, load_segments

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

df = load_segments(cfg["data"]["path"], cfg["data"]["min_months_history"])
df = add_lag_features(df, cfg["features"]["lags"], cfg["features"]["rolling_windows"])

feature_cols = [c for c in df.columns if c.startswith(("lag_", "roll_mean_"))] + [
    "seats_log", "month", "load_factor_lag1"]

last_period = df["period"].max()
cutoff = last_period - pd.DateOffset(months=cfg["data"]["holdout_months"])
train = df[df["period"] <= cutoff]
test = df[df["period"] > cutoff]
print(f"train until {cutoff:%Y-%m}, {len(train)} rows; test {len(test)} rows")

model = HistGradientBoostingRegressor(**cfg["model"])
model.fit(train[feature_cols], train["log_pax"])

pred = np.expm1(model.predict(test[feature_cols]))
actual = test["PASSENGERS"].to_numpy()
mae = mean_absolute_error(actual, pred)
wape = np.abs(actual - pred).sum() / actual.sum()

# naive seasonal baseline: same month last year
naive = np.expm1(test["lag_12"].to_numpy())
wape_naive = np.abs(actual - naive).sum() / actual.sum()

print(f"MAE={mae:,.0f} pax  WAPE={wape:.3%}  (seasonal naive WAPE={wape_naive:.3%})")
run.log({"test_mae": mae, "test_wape": wape, "naive_wape": wape_naive})
run.finish()
