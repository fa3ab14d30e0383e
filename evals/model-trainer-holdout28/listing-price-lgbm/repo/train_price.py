"""Predict nightly price of city listings with LightGBM.

Follow-up to my blog post on Airbnb data: this time with location encodings.
Run: python train_price.py --csv data/listings.csv
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("price")

NUMERIC = ["accommodates", "bedrooms", "beds", "bathrooms", "minimum_nights",
           "number_of_reviews", "review_scores_rating", "latitude", "longitude"]
PARAMS = dict(n_estimators=3000, learning_rate=0.03, num_leaves=63,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=2024)


def load(path):
    df = pd.read_csv(path)
    df["price"] = df["price"].str.replace(r"[$,]", "", regex=True).astype(float)
    df = df[(df["price"] > 10) & (df["price"] < 2000)].copy()
    df["log_price"] = np.log1p(df["price"])
    return df


def add_location_features(df):
    # average (log) price of the neighbourhood and of the room type in that neighbourhood
    hood_mean = df.groupby("neighbourhood_cleansed")["log_price"].mean()
    df["hood_price"] = df["neighbourhood_cleansed"].map(hood_mean)
    combo_mean = df.groupby(["neighbourhood_cleansed", "room_type"])["log_price"].transform("mean")
    df["hood_room_price"] = combo_mean
    df["room_type"] = df["room_type"].astype("category")
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/listings.csv")
    args = ap.parse_args()

    df = add_location_features(load(args.csv))
    features = NUMERIC + ["hood_price", "hood_room_price", "room_type"]

    train_df, test_df = train_test_split(df, test_size=0.2, random_state=2024)
    fit_df, val_df = train_test_split(train_df, test_size=0.15, random_state=2024)

    model = lgb.LGBMRegressor(**PARAMS)
    model.fit(fit_df[features], fit_df["log_price"],
              eval_set=[(val_df[features], val_df["log_price"])],
              callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])

    baseline = np.full(len(test_df), fit_df["log_price"].median())
    pred = model.predict(test_df[features])
    y = test_df["log_price"]
    log.info("baseline MAE %.4f  RMSE %.4f", mean_absolute_error(y, baseline),
             mean_squared_error(y, baseline) ** 0.5)
    log.info("lgbm     MAE %.4f  RMSE %.4f", mean_absolute_error(y, pred),
             mean_squared_error(y, pred) ** 0.5)
    log.info("MAE in dollars: %.2f", mean_absolute_error(np.expm1(y), np.expm1(pred)))


if __name__ == "__main__":
    main()
