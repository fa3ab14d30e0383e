import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from features import FEATURES, add_text_stats, add_user_item_stats

cfg = json.load(open("config.json"))
SEED = cfg["seed"]

df = pd.read_json(cfg["data_path"], lines=True)
df = df.dropna(subset=["overall"]).drop_duplicates(subset=["reviewerID", "asin"])
df["verified"] = df["verified"].astype(int)
print(f"{len(df):,} reviews, {df['reviewerID'].nunique():,} reviewers, {df['asin'].nunique():,} products")

df = add_text_stats(df)
df = add_user_item_stats(df)

train_df, test_df = train_test_split(df, test_size=cfg["test_size"], random_state=SEED)
fit_df, valid_df = train_test_split(train_df, test_size=cfg["valid_size"], random_state=SEED)

model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=SEED, verbose=-1)
model.fit(
    fit_df[FEATURES], fit_df["overall"],
    eval_set=[(valid_df[FEATURES], valid_df["overall"])],
    eval_metric="l2",
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
)

pred = np.clip(model.predict(test_df[FEATURES]), 1, 5)
rmse = mean_squared_error(test_df["overall"], pred) ** 0.5
mae = mean_absolute_error(test_df["overall"], pred)
baseline = mean_squared_error(test_df["overall"], np.full(len(test_df), fit_df["overall"].mean())) ** 0.5
print(f"test RMSE {rmse:.4f}  MAE {mae:.4f}  (global-mean RMSE {baseline:.4f})")

imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.head(10))
model.booster_.save_model("models/rating_lgbm.txt")
