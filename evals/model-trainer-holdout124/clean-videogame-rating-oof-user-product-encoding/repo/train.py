"""Star-rating regression for Amazon Video Games reviews: reviewer/product history + text stats."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from encoders import OOFMeanEncoder

SEED = 8

df = pd.read_json("data/Video_Games_5.json.gz", lines=True)
df = df[["reviewerID", "asin", "overall", "reviewText", "summary", "verified", "vote"]]
df = df.dropna(subset=["reviewText"]).drop_duplicates(subset=["reviewerID", "asin"])

df["n_words"] = df["reviewText"].str.split().str.len()
df["summary_words"] = df["summary"].fillna("").str.split().str.len()
df["n_exclaim"] = df["reviewText"].str.count("!")
df["log_votes"] = np.log1p(pd.to_numeric(df["vote"].astype(str).str.replace(",", ""), errors="coerce").fillna(0))
df["verified"] = df["verified"].astype(int)

train_df, test_df = train_test_split(df, test_size=0.2, random_state=SEED)
train_df, valid_df = train_test_split(train_df, test_size=0.1, random_state=SEED)

encoders = [OOFMeanEncoder("reviewerID", seed=SEED), OOFMeanEncoder("asin", seed=SEED)]
tr_parts, va_parts, te_parts = [], [], []
for enc in encoders:
    tr_parts.append(enc.fit_transform(train_df))
    va_parts.append(enc.transform(valid_df))
    te_parts.append(enc.transform(test_df))

BASE = ["n_words", "summary_words", "n_exclaim", "log_votes", "verified"]
X_train = pd.concat([train_df[BASE]] + tr_parts, axis=1)
X_valid = pd.concat([valid_df[BASE]] + va_parts, axis=1)
X_test = pd.concat([test_df[BASE]] + te_parts, axis=1)

model = lgb.LGBMRegressor(
    n_estimators=4000, learning_rate=0.02, num_leaves=63, min_child_samples=40,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.9, random_state=SEED, verbose=-1,
)
model.fit(
    X_train, train_df["overall"],
    eval_set=[(X_valid, valid_df["overall"])],
    callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)],
)

pred = np.clip(model.predict(X_test), 1, 5)
print(f"best_iteration: {model.best_iteration_}")
print(f"test RMSE: {mean_squared_error(test_df['overall'], pred) ** 0.5:.4f}")
print(f"test MAE : {mean_absolute_error(test_df['overall'], pred):.4f}")
baseline = np.sqrt(np.mean((test_df["overall"] - train_df["overall"].mean()) ** 2))
print(f"train-mean RMSE: {baseline:.4f}")
