import joblib
import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

from prep import add_features, carry_forward_comp_price, fill_remaining, load_and_join

FEATURES = ["log_price", "log_comp_gap", "is_cheapest", "comp_price_missing", "buybox_share",
            "ad_spend", "rating", "woy", "units_lag_1", "units_rmean_4"]
SPLIT = "2024-01-01"

df = load_and_join("data/marketplace_sku_weekly.csv", "data/competitor_scrape_weekly.csv")
df = carry_forward_comp_price(df)
df = add_features(df)

train = df[df["week_start"] < SPLIT].copy()
test = df[df["week_start"] >= SPLIT].copy()
train, test = fill_remaining(train, test, FEATURES)

gbr = GradientBoostingRegressor(
    loss="huber", n_estimators=600, learning_rate=0.05, max_depth=4,
    subsample=0.8, min_samples_leaf=30, random_state=0,
)
gbr.fit(train[FEATURES], train["units_sold"])

pred = gbr.predict(test[FEATURES]).clip(min=0)
print(f"test MAE {mean_absolute_error(test['units_sold'], pred):.2f}  "
      f"WAPE {np.abs(test['units_sold'] - pred).sum() / test['units_sold'].sum():.3f}")

# price sensitivity readout: +/-5% own price at test conditions
for shift in (-0.05, 0.05):
    x = test[FEATURES].copy()
    x["log_price"] += np.log1p(shift)
    x["log_comp_gap"] += np.log1p(shift)
    x["is_cheapest"] = (np.exp(x["log_comp_gap"]) <= 1).astype(int)
    print(f"price {shift:+.0%}: units {gbr.predict(x).clip(min=0).sum() / pred.sum() - 1:+.2%}")

joblib.dump(gbr, "models/marketplace_demand_gbr.joblib")
