"""D60 LTV regressor (Dragon Farm) with target-encoded campaign/country/device.

One row per player, installs from 2024-02-01 to 2024-02-29.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

from encoding import OOFTargetEncoder

SEED = 8
TARGET = "revenue_d60"
TE_COLS = ["campaign_id", "country", "device_model"]
NUM_COLS = [
    "rev_d1", "rev_d3", "rev_d7", "ad_rev_d7", "purchases_d7", "sessions_d7",
    "playtime_min_d7", "farm_level_d7", "crops_harvested_d7", "is_ios",
]

df = pd.read_parquet("data/dragon_farm_ltv_2024_02.parquet")
df["is_ios"] = (df["os"] == "iOS").astype(int)
df["log_rev_d7"] = np.log1p(df["rev_d7"])
NUM_COLS.append("log_rev_d7")

train_df, test_df = train_test_split(df, test_size=0.2, random_state=SEED)

te = OOFTargetEncoder(TE_COLS, alpha=30.0, n_splits=5, seed=SEED)
X_train = pd.concat([train_df[NUM_COLS], te.fit_transform(train_df[TE_COLS], train_df[TARGET])], axis=1)
X_test = pd.concat([test_df[NUM_COLS], te.transform(test_df[TE_COLS])], axis=1)
y_train, y_test = train_df[TARGET], test_df[TARGET]

model = lgb.LGBMRegressor(
    objective="tweedie",
    tweedie_variance_power=1.3,
    n_estimators=900,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=100,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=SEED,
    verbose=-1,
)
model.fit(X_train, y_train)

pred = model.predict(X_test)
# current production heuristic: D7 revenue x cohort multiplier
d7_multiplier = y_train.sum() / max(train_df["rev_d7"].sum(), 1e-6)
baseline = d7_multiplier * test_df["rev_d7"]
print(f"MAE model    {mean_absolute_error(y_test, pred):.3f}")
print(f"MAE D7 x mult {mean_absolute_error(y_test, baseline):.3f}")
print(f"sum pred / sum actual {pred.sum() / y_test.sum():.3f}")
