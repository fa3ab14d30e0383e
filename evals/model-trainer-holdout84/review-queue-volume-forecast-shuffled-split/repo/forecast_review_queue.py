"""Forecast tomorrow's number of documents routed to manual review (low OCR/KIE confidence).

Used by the ops team to plan annotator shifts.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
import tomli
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split


def daily_series(events_path, start):
    ev = pd.read_parquet(events_path, columns=["received_at", "routed_to_review", "n_pages", "channel"])
    ev = ev[ev["received_at"] >= start]
    ev["day"] = ev["received_at"].dt.floor("D")
    daily = ev.groupby("day").agg(
        review_docs=("routed_to_review", "sum"),
        total_docs=("routed_to_review", "size"),
        pages=("n_pages", "sum"),
        email_share=("channel", lambda s: (s == "email").mean()),
    )
    return daily.asfreq("D", fill_value=0)


def make_features(daily, lags, windows):
    df = pd.DataFrame(index=daily.index)
    df["target"] = daily["review_docs"].shift(-1)
    for lag in lags:
        df[f"review_lag{lag}"] = daily["review_docs"].shift(lag - 1)
        df[f"total_lag{lag}"] = daily["total_docs"].shift(lag - 1)
    for w in windows:
        df[f"review_roll{w}"] = daily["review_docs"].rolling(w).mean()
        df[f"review_rate_roll{w}"] = (
            daily["review_docs"].rolling(w).sum() / daily["total_docs"].rolling(w).sum().clip(lower=1)
        )
    df["pages_today"] = daily["pages"]
    df["email_share"] = daily["email_share"]
    nxt = df.index + pd.Timedelta(days=1)
    df["dow_next"] = nxt.dayofweek
    df["month_end_next"] = nxt.is_month_end.astype(int)
    return df.dropna()


def main():
    with open("forecast.toml", "rb") as fh:
        cfg = tomli.load(fh)
    daily = daily_series(cfg["data"]["events_path"], cfg["data"]["start"])
    feats = make_features(daily, cfg["features"]["lags"], cfg["features"]["rolling_windows"])

    X = feats.drop(columns="target")
    y = feats["target"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], random_state=cfg["split"]["seed"]
    )

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=cfg["model"]["n_estimators"],
        learning_rate=cfg["model"]["learning_rate"],
        num_leaves=cfg["model"]["num_leaves"],
        min_child_samples=cfg["model"]["min_child_samples"],
        random_state=cfg["split"]["seed"],
        verbose=-1,
    )
    model.fit(X_train, y_train, categorical_feature=["dow_next"])

    pred = model.predict(X_test)
    seasonal_naive = X_test["review_lag7"].values
    for name, p in [("seasonal naive", seasonal_naive), ("lightgbm", pred)]:
        print(f"{name:>16}: MAE={mean_absolute_error(y_test, p):7.2f}  "
              f"MAPE={mean_absolute_percentage_error(y_test, np.maximum(p, 0)):.3f}")

    imp = pd.Series(model.feature_importances_, index=X.columns).sort_values(ascending=False)
    print(imp.head(10).to_string())
    model.booster_.save_model("models/review_volume_lgbm.txt")


if __name__ == "__main__":
    main()
