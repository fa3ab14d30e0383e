import pandas as pd


def load_clicks(path, label_window_days):
    """Load click log and attach a binary label: converted within the window."""
    clicks = pd.read_parquet(path)
    clicks["click_ts"] = pd.to_datetime(clicks["click_ts"])
    clicks["conversion_ts"] = pd.to_datetime(clicks["conversion_ts"])
    lag_days = (clicks["conversion_ts"] - clicks["click_ts"]).dt.total_seconds() / 86400.0
    clicks["converted"] = (lag_days.notna() & (lag_days >= 0) & (lag_days <= label_window_days)).astype(int)
    clicks["hour_of_day"] = clicks["click_ts"].dt.hour
    clicks["day_of_week"] = clicks["click_ts"].dt.dayofweek
    return clicks.drop(columns=["conversion_ts", "conversion_value"])


def temporal_split(clicks, train_end, test_start, test_end):
    """Train on clicks up to train_end; the gap lets the last training labels mature."""
    train = clicks[clicks["click_ts"] <= train_end]
    test = clicks[(clicks["click_ts"] >= test_start) & (clicks["click_ts"] <= test_end)]
    return train.reset_index(drop=True), test.reset_index(drop=True)


def to_lgb_frame(df, categorical, numeric):
    X = df[categorical + numeric].copy()
    for col in categorical:
        X[col] = X[col].astype("category")
    return X, df["converted"].to_numpy()
