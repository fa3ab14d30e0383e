"""Forecast next-day active learners per course from the LMS daily activity export.

Used by the learning-support team to plan tutor staffing for the following day.
Input: one row per (course_id, date) with daily counts from the Moodle logstore.
"""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

SEED = 31
LAGS = [1, 2, 3, 7, 14]


def load(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df = df.sort_values(["course_id", "date"]).reset_index(drop=True)
    return df


def make_features(df):
    g = df.groupby("course_id")
    for lag in LAGS:
        df[f"active_lag{lag}"] = g["active_learners"].shift(lag)
        df[f"subm_lag{lag}"] = g["submissions"].shift(lag)
    df["active_roll7"] = g["active_learners"].transform(lambda s: s.shift(1).rolling(7).mean())
    df["forum_roll7"] = g["forum_posts"].transform(lambda s: s.shift(1).rolling(7).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["week_of_term"] = ((df["date"] - df["term_start"]).dt.days // 7).clip(lower=0)
    df["days_to_deadline"] = (df["next_deadline"] - df["date"]).dt.days
    df["is_holiday"] = df["is_holiday"].astype(int)
    # each row predicts that day's count from information available the evening before
    df["target"] = df["active_learners"]
    return df.dropna(subset=[f"active_lag{max(LAGS)}", "active_roll7"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="exports/lms_daily_activity.csv")
    ap.add_argument("--courses", default="exports/course_calendar.csv")
    args = ap.parse_args()

    df = load(args.data)
    cal = pd.read_csv(args.courses, parse_dates=["term_start"])
    deadlines = pd.read_csv("exports/deadlines.csv", parse_dates=["next_deadline", "date"])
    df = df.merge(cal[["course_id", "term_start", "enrolled"]], on="course_id", how="left")
    df = df.merge(deadlines, on=["course_id", "date"], how="left")
    df = make_features(df)

    feature_cols = (
        [c for c in df.columns if "_lag" in c or "_roll" in c]
        + ["dow", "week_of_term", "days_to_deadline", "is_holiday", "enrolled"]
    )
    X, y = df[feature_cols], df["target"]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

    model = lgb.LGBMRegressor(
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        objective="poisson",
        random_state=SEED,
        verbose=-1,
    )
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    naive = X_test["active_lag1"]  # persistence baseline
    print(f"MAE  model: {mean_absolute_error(y_test, pred):.2f}")
    print(f"MAE  naive: {mean_absolute_error(y_test, naive):.2f}")
    print(f"MAPE model: {mean_absolute_percentage_error(y_test, np.maximum(pred, 1)):.3f}")

    imp = pd.Series(model.feature_importances_, index=feature_cols).sort_values(ascending=False)
    print(imp.head(10).to_string())
    model.booster_.save_model("models/next_day_active.txt")


if __name__ == "__main__":
    main()
